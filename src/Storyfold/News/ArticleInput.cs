namespace Storyfold.News;

/// <summary>An article as a reader found it, before cleaning: plain text or HTML plus whatever metadata the source gave.</summary>
public sealed record ArticleInput
{
    public required string Id { get; init; }

    /// <summary>Where it came from, for error messages (a path, optionally with a line).</summary>
    public required string Origin { get; init; }

    public int? Line { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Title { get; init; }

    public PublicationDate? Published { get; init; }

    public string? Url { get; init; }

    public string? Source { get; init; }

    public string? Language { get; init; }

    public string? Author { get; init; }
}
