using Storyfold.Extraction;
using Storyfold.Text;

namespace Storyfold.Tests.Text;

public sealed class MojibakeRepairTests
{
    [Theory]
    [InlineData("A DIY Investor\u00e2\u0080\u0099s Guide", "A DIY Investor\u2019s Guide")]
    [InlineData("They don\u00e2\u20ac\u2122t agree \u00e2\u20ac\u201d yet", "They don\u2019t agree \u2014 yet")]
    [InlineData("Caf\u00c3\u00a9 owners \u00e2\u20ac\u0153welcome\u00e2\u20ac\u009d the rule", "Caf\u00e9 owners \u201cwelcome\u201d the rule")]
    public void Reads_double_encoded_text_back(string damaged, string expected) =>
        Assert.Equal(expected, MojibakeRepair.Repair(damaged));

    [Theory]
    [InlineData("Caf\u00c3\u00a9 is spelt oddly here, but nothing else shows damage")]
    [InlineData("Dvo\u0159\u00e1k, \u00c5ngstr\u00f6m and S\u00e3o Paulo \u2014 \u201cfine\u201d")]
    [InlineData("Plain ASCII text.")]
    public void Leaves_sound_text_as_it_is(string text) => Assert.Same(text, MojibakeRepair.Repair(text));

    [Fact]
    public void A_double_encoded_page_is_repaired_when_decoded()
    {
        // UTF-8 bytes of text that was already mojibake: what a careless CMS migration serves.
        var page = "<html><head><meta charset=\"utf-8\"><title>Investor\u00e2\u0080\u0099s guide</title></head><body><p>It\u00e2\u0080\u0099s here.</p></body></html>";
        var decoded = HtmlDecoding.Decode(System.Text.Encoding.UTF8.GetBytes(page));
        Assert.Contains("<title>Investor\u2019s guide</title>", decoded.Html, StringComparison.Ordinal);
        Assert.Contains("It\u2019s here.", decoded.Html, StringComparison.Ordinal);
    }
}
