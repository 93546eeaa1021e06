using System.Text.RegularExpressions;
using Storyfold.Brief;

namespace Storyfold.Tests.Brief;

public sealed partial class BriefWriterTests
{
    private static StoryBrief Brief() => new StoryBriefBuilder().Build("story-1",
    [
        SeedStory.Make("a-1", "Storm closes ports", "A storm closed three ports in Norway on Monday, the coastal agency said.\n\nFerries were cancelled across the region.", "2024-01-09"),
        SeedStory.Make("b/2", "Norway ports shut by storm", "A powerful storm closed three ports in Norway on Monday, the coastal agency said.\n\nWinds reached 150 km/h in Bergen.", "2024-01-09"),
    ], BriefOptions.Default);

    [Fact]
    public void Markdown_links_every_citation_to_its_article()
    {
        var brief = Brief();
        var md = new BriefMarkdownWriter(new BriefCitations("/articles/{id}")).Write(brief);
        Assert.StartsWith("# ", md, StringComparison.Ordinal);
        Assert.Contains("](/articles/a-1)", md, StringComparison.Ordinal);
        Assert.Contains("](/articles/b%2F2)", md, StringComparison.Ordinal);
        // Every bracketed citation number is a link.
        Assert.DoesNotMatch(BareCitation(), md);
    }

    [Fact]
    public void Html_links_every_citation_and_anchors_articles_in_a_standalone_file()
    {
        var brief = Brief();
        var html = new BriefHtmlWriter(BriefCitations.Standalone).Write(brief);
        Assert.Contains("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#article-a-1\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"article-a-1\"", html, StringComparison.Ordinal);
        var citations = CitationLink().Matches(html).Count;
        var expected = brief.Summary.Sum(s => s.Sources.Count);
        Assert.True(citations >= expected, $"{citations} citation links for {expected} summary citations");
    }

    [GeneratedRegex(@"(?<!\[)\[\d+\](?!\()")]
    private static partial Regex BareCitation();

    [GeneratedRegex("class=\"cite\" href=\"#article-")]
    private static partial Regex CitationLink();
}
