using System.Text;
using Storyfold.Extraction;
using Storyfold.Text;

namespace Storyfold.Tests.Text;

public sealed class LegacyCharsetsTests
{
    [Fact]
    public void Samples_the_text_that_holds_bytes_beyond_ASCII_and_leaves_the_markup_and_scripts()
    {
        var gbk = HtmlDecoding.ForLabel("gb18030")!;
        var script = "<script>var config = {" + string.Concat(Enumerable.Repeat("\"key\": \"value\", ", 5_000)) + "};</script>";
        var page = $"<html><head><title>Port</title>{script}</head><body><p class=\"lead\">港口扩建计划获批。</p><p>No accents here.</p><p>市议会<b>周一</b>投票通过。</p></body></html>";

        var sample = gbk.GetString(LegacyCharsets.TextSample(gbk.GetBytes(page)));

        Assert.Equal("港口扩建计划获批。\n市议会\n周一\n投票通过。\n", sample);
    }

    [Fact]
    public void Fills_the_sample_from_one_long_stretch_of_text_without_cutting_a_character_before_the_end()
    {
        var gbk = HtmlDecoding.ForLabel("gb18030")!;
        var paragraph = string.Concat(Enumerable.Repeat("港口扩建计划获批，市议会周一投票通过。", 5_000));

        var sample = LegacyCharsets.TextSample(gbk.GetBytes($"<p>{paragraph}</p>"));

        Assert.InRange(sample.Length, 60_000, 70_000);
        Assert.StartsWith(gbk.GetString(sample)[..40], paragraph, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ISO-8859-1", null)]
    [InlineData("windows-1252", null)]
    [InlineData("ascii", null)]
    [InlineData("UTF-16LE", null)]
    [InlineData("IBM852", null)]
    [InlineData("x-mac-cyrillic", null)]
    [InlineData("Shift-JIS", "shift_jis")]
    [InlineData("ISO-8859-9", "windows-1254")]
    [InlineData("TIS-620", "windows-874")]
    [InlineData("windows-1251", "windows-1251")]
    public void Names_a_detected_charset_as_the_web_reads_it(string detected, string? web)
    {
        Assert.Equal(web, LegacyCharsets.WebName(detected));
    }
}
