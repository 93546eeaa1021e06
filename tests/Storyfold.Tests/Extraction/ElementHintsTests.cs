using AngleSharp.Html.Parser;
using Storyfold.Extraction;

namespace Storyfold.Tests.Extraction;

public sealed class ElementHintsTests
{
    private static int NamesHint(string classes)
    {
        var document = new HtmlParser().ParseDocument($"<div class=\"{classes}\"></div>");
        return ElementHints.OfNames(document.QuerySelector("div")!);
    }

    [Theory]
    [InlineData("css-ad12f3")]
    [InlineData("sc-1a2b3c ad4e5f")]
    [InlineData("post__body_ad09be")]
    public void Reads_no_hint_words_in_the_hashes_of_generated_class_names(string classes) =>
        Assert.True(NamesHint(classes) >= 0, $"'{classes}' was read as boilerplate");

    [Theory]
    [InlineData("ad-slot")]
    [InlineData("css-ad12f3 related-stories")]
    [InlineData("ads2")]
    public void Still_reads_boilerplate_words_beside_generated_hashes(string classes) =>
        Assert.Equal(-ElementHints.Strong, NamesHint(classes));
}
