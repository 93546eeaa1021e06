namespace Storyfold.Brief;

/// <summary>How renderers link a citation to its article: a pattern with <c>{id}</c>, e.g. <c>/articles/{id}</c> for the web
/// or <c>#article-{id}</c> for a standalone file, and the number each article has in the brief.</summary>
public sealed record BriefCitations(string LinkPattern = "/articles/{id}")
{
    public static BriefCitations Web { get; } = new("/articles/{id}");

    public static BriefCitations Standalone { get; } = new("#article-{id}");

    public string Link(string articleId) => LinkPattern.Replace("{id}", Uri.EscapeDataString(articleId), StringComparison.Ordinal);

    /// <summary>1-based numbers of the brief's articles in their listed order.</summary>
    public static IReadOnlyDictionary<string, int> Numbers(StoryBrief brief) =>
        brief.Articles.Select((a, i) => (a.Id, i + 1)).GroupBy(x => x.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal);

    /// <summary>Whether the link stays inside the document, where the article list needs anchors.</summary>
    public bool IsInDocument => LinkPattern.StartsWith('#');
}
