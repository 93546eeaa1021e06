using Storyfold.Brief;

namespace Storyfold.Tests.Brief;

public sealed class SeedBriefTests
{
    private static readonly Lazy<StoryBrief> Brief = new(() => new StoryBriefBuilder().Build("seeds", SeedStory.Load(), BriefOptions.Default));

    private static string Id(string prefix) => Brief.Value.Articles.Single(a => a.Id.StartsWith(prefix, StringComparison.Ordinal)).Id;

    [Fact]
    public void Merges_the_spellings_of_Zelensky_Qin_and_Xi()
    {
        var entities = Brief.Value.Entities;
        var zelensky = Assert.Single(entities, e => e.Name.Contains("Zelens", StringComparison.Ordinal) || e.Aliases.Any(a => a.Contains("Zelens", StringComparison.Ordinal)));
        Assert.Equal("Volodymyr Zelensky", zelensky.Name);
        Assert.Equal("person", zelensky.Type);
        foreach (var variant in new[] { "Zelensky", "Zelenskyy", "Volodomyr Zelensky", "Volodymyr Zelesnkyy" })
        {
            Assert.Contains(variant, zelensky.Aliases);
        }

        var qin = Assert.Single(entities, e => e.Name == "Qin Gang");
        Assert.Equal("Chinese Foreign Minister", qin.Role);
        Assert.Contains("Qin", qin.Aliases);
        Assert.Contains("Mr Qin", qin.Aliases);
        Assert.Contains("Xi", Assert.Single(entities, e => e.Name == "Xi Jinping").Aliases);
        Assert.Equal("Belarusian President", Assert.Single(entities, e => e.Name == "Alexander Lukashenko").Role);
        Assert.DoesNotContain(entities, e => e.Name is "Qin" or "Xi" or "Zelenskyy");
    }

    [Fact]
    public void Dates_the_visit_the_Samarkand_meeting_and_the_position_paper()
    {
        var timeline = Brief.Value.Timeline;
        Assert.Contains(timeline, t => t.Date == "2023-02-28" && t.End == "2023-03-02" && t.Precision == "day" && t.Sources.Count >= 3);
        // The Samarkand meeting: told by whichever sentence most sources verifiably carry.
        Assert.Contains(timeline, t => t.Date == "2022-09" && t.Precision == "month" && t.Sources.Count >= 3
            && (t.Text.Contains("Samarkand", StringComparison.Ordinal) || t.Text.Contains("all-weather", StringComparison.Ordinal)));
        Assert.Contains(timeline, t => t.Date == "2023-02-24" && t.Text.Contains("12-point", StringComparison.Ordinal));
        Assert.Equal(timeline.OrderBy(t => t.Date, StringComparer.Ordinal).Select(t => t.Date), timeline.Select(t => t.Date));
    }

    [Fact]
    public void Infers_dates_for_the_undated_articles()
    {
        var undated = Brief.Value.Articles.Where(a => a.Id.StartsWith("002", StringComparison.Ordinal) || a.Id.StartsWith("003", StringComparison.Ordinal)).ToList();
        Assert.All(undated, a => Assert.True(a.PublishedInferred));
        Assert.All(undated, a => Assert.Equal("2023-02-25", a.Published));
        Assert.False(Brief.Value.Articles.Single(a => a.Id.StartsWith("004", StringComparison.Ordinal)).PublishedInferred);
    }

    [Fact]
    public void Finds_the_conflict_over_when_the_visit_was_announced()
    {
        var conflict = Assert.Single(Brief.Value.Claims.Conflicts, c =>
            c.Versions.Any(v => v.Value.Contains("2023-02-25", StringComparison.Ordinal) && v.Sources.Contains(Id("002")))
            && c.Versions.Any(v => v.Value.Contains("2023-02-26", StringComparison.Ordinal) && v.Sources.Contains(Id("004"))));
        Assert.Contains("Saturday", conflict.Versions[0].Value + conflict.Versions[1].Value, StringComparison.Ordinal);
        Assert.Contains("Sunday", conflict.Versions[0].Value + conflict.Versions[1].Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$5 billion", "004")]
    [InlineData("Biden", "001")]
    [InlineData("Leopard", "001")]
    [InlineData("Sunak", "000")]
    public void Reports_facts_only_one_source_has_as_unique(string fact, string source)
    {
        var claim = Assert.Single(Brief.Value.Claims.Unique, c => c.Text.Contains(fact, StringComparison.Ordinal));
        Assert.Equal([Id(source)], claim.Sources);
    }

    [Theory]
    [InlineData("Aleinik", 3)]
    [InlineData("all-weather", 3)]
    public void Cites_every_source_of_an_agreed_fact(string fact, int atLeast)
    {
        var claims = Brief.Value.Claims.Agreed.Where(c => c.Text.Contains(fact, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(claims);
        Assert.Contains(claims, c => c.Sources.Count >= atLeast);
        Assert.DoesNotContain(Brief.Value.Claims.Unique, c => c.Text.Contains(fact, StringComparison.Ordinal) && c.Text.Contains("counterpart", StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_is_cited_without_captions_or_repeats()
    {
        var brief = Brief.Value;
        Assert.InRange(brief.Summary.Sum(s => s.Text.Split(' ').Length), 60, 160);
        Assert.All(brief.Summary, s => Assert.NotEmpty(s.Sources));
        Assert.DoesNotContain(brief.Summary, s => s.Text.Contains("Pictured", StringComparison.OrdinalIgnoreCase) || s.Text.Contains("(left)", StringComparison.Ordinal));
        Assert.Equal(brief.Summary.Count, brief.Summary.Select(s => s.Text).Distinct().Count());
        Assert.True(brief.Summary[0].Sources.Count >= 2, "a fact several sources share comes first");
        Assert.Contains("Lukashenko", brief.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_how_outlets_describe_Lukashenko()
    {
        var framing = Assert.Single(Brief.Value.Framing, f => f.Entity == "Alexander Lukashenko");
        var texts = framing.Descriptions.Select(d => d.Text).ToList();
        Assert.Contains(texts, t => t.StartsWith("close ally", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("staunch Putin ally", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("key autocratic ally", StringComparison.Ordinal));
    }

    [Fact]
    public void Counts_what_each_source_contributed()
    {
        var coverage = Brief.Value.Coverage;
        Assert.Equal(5, coverage.Count);
        Assert.All(coverage, c => Assert.Contains("Alexander Lukashenko", c.Entities));
        Assert.True(coverage.Single(c => c.ArticleId == Id("004")).Unique >= 1);
    }
}
