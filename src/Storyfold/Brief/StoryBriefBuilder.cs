using Storyfold.Entities;
using Storyfold.News;

namespace Storyfold.Brief;

/// <summary>
/// Writes a story's brief from its articles: headline, cited summary, entities, timeline, agreed, unique and
/// conflicting claims, framing and per-source coverage. Every citation is verified against the article it names.
/// </summary>
public sealed class StoryBriefBuilder(Gazetteer gazetteer)
{
    public StoryBriefBuilder()
        : this(Gazetteer.Default)
    {
    }

    public StoryBrief Build(string storyId, IReadOnlyList<Article> articles, BriefOptions options) => Build(storyId, articles, options, null);

    /// <summary>
    /// The brief of a stored story, without the articles marked as duplicates: a syndicated copy repeats its original
    /// word for word, and counting it would make one outlet look like two sources.
    /// </summary>
    public StoryBrief BuildStored(string storyId, IReadOnlyList<Article> articles, BriefOptions options)
    {
        var originals = articles.Where(a => a.DuplicateOf is null).ToList();
        return Build(storyId, originals.Count > 0 ? originals : articles, options, null);
    }

    /// <summary>Builds the brief and tells <paramref name="phases"/> how long each step took.</summary>
    public StoryBrief Build(string storyId, IReadOnlyList<Article> articles, BriefOptions options, Action<BriefPhase>? phases)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(options);
        var clock = new PhaseClock(phases);
        var unique = articles.GroupBy(a => a.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var story = new StoryAnalysis(unique, gazetteer, clock);
        var verifier = new CitationVerifier(story);
        var selector = new SummarySelector(story, verifier);

        var claims = new ClaimFinder(story, selector, options).Find();
        clock.Lap("claims");
        var summary = selector.Select(Math.Max(10, options.Words), Outvoted(claims.Conflicts));
        var headline = new HeadlineChooser(story).Choose(summary.Select(s => s.Sentence).ToList());
        clock.Lap("summary");
        var timeline = new TimelineBuilder(story, selector, verifier, options).Build();
        clock.Lap("timeline");
        var framing = new FramingFinder(story).Find();
        clock.Lap("framing");
        var entities = story.Entities
            .Where(e => e.Type != "other" || e.Mentions > 1)
            .Select(e => new BriefEntity(e.Name, e.Type, e.Role, e.Aliases, e.Mentions, e.Sources))
            .ToList();
        var briefArticles = story.Articles.Select(a => new BriefArticle(
            a.Article.Id,
            a.Article.DisplayTitle,
            a.Article.Source,
            a.AnchorInferred ? a.Anchor?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : a.Article.Published?.ToIso(),
            a.AnchorInferred || a.Article.PublishedInferred)).ToList();
        var summaryTexts = summary.Select(s => new CitedText(SummarySelector.Text(s.Sentence), s.Sources)).ToList();

        var brief = new StoryBrief(storyId, headline, briefArticles, summaryTexts, entities, timeline, claims, framing)
        {
            Coverage = Coverage(story, entities, claims, summaryTexts),
        };
        clock.Lap("coverage");
        return brief;
    }

    /// <summary>Only the headline and the summary, for batch summarisation.</summary>
    public (string Headline, IReadOnlyList<CitedText> Summary) Summarize(IReadOnlyList<Article> articles, int words)
    {
        var story = new StoryAnalysis(articles, gazetteer);
        var selector = new SummarySelector(story, new CitationVerifier(story));
        var conflicts = new ClaimFinder(story, selector, BriefOptions.Default).Conflicts();
        var summary = selector.Select(Math.Max(10, words), Outvoted(conflicts));
        var headline = new HeadlineChooser(story).Choose(summary.Select(s => s.Sentence).ToList());
        return (headline, summary.Select(s => new CitedText(SummarySelector.Text(s.Sentence), s.Sources)).ToList());
    }

    /// <summary>
    /// The sentences of a disagreement that fewer sources give than another version: the summary states what most
    /// sources say and leaves the dispute to the claims, rather than telling the story both ways as fact.
    /// </summary>
    private static HashSet<string> Outvoted(IReadOnlyList<ClaimConflict> conflicts)
    {
        var outvoted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var conflict in conflicts)
        {
            var most = conflict.Versions.Max(v => v.Sources.Count);
            outvoted.UnionWith(conflict.Versions.Where(v => v.Sources.Count < most).Select(v => v.Text));
        }

        return outvoted;
    }

    private static List<SourceCoverage> Coverage(StoryAnalysis story, IReadOnlyList<BriefEntity> entities, BriefClaims claims, IReadOnlyList<CitedText> summary) =>
        story.Articles.Select(a =>
        {
            var id = a.Article.Id;
            return new SourceCoverage(
                id,
                a.Article.Source,
                entities.Where(e => e.Sources.Contains(id)).Select(e => e.Name).ToList(),
                claims.Agreed.Count(c => c.Sources.Contains(id)),
                claims.Unique.Count(c => c.Sources.Contains(id)),
                claims.Conflicts.Count(c => c.Versions.Any(v => v.Sources.Contains(id))),
                summary.Count(s => s.Sources.Contains(id)));
        }).ToList();
}
