namespace Storyfold.News;

/// <summary>A cleaned article: body text without boilerplate, captions apart, and its metadata.</summary>
public sealed record Article
{
    public required string Id { get; init; }

    /// <summary>The headline found in the source; empty when the source had none.</summary>
    public required string Title { get; init; }

    /// <summary>What to show as a title: <see cref="Title"/>, or one derived from the lead sentence.</summary>
    public required string DisplayTitle { get; init; }

    public PublicationDate? Published { get; init; }

    /// <summary>True when <see cref="Published"/> was inferred (from the text or the story), not given by the source.</summary>
    public bool PublishedInferred { get; init; }

    public string? Source { get; init; }

    public string? Language { get; init; }

    public string? Url { get; init; }

    public string? Author { get; init; }

    /// <summary>Cleaned body: paragraphs separated by a blank line.</summary>
    public required string Text { get; init; }

    /// <summary>Photo captions found in the source, kept apart from the body.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];

    /// <summary>The text as received (plain text, or the HTML page).</summary>
    public required string Original { get; init; }

    /// <summary>Hash of the normalised cleaned text: equal content, equal hash.</summary>
    public required string ContentHash { get; init; }

    public string? StoryId { get; init; }

    public string? DuplicateOf { get; init; }

    /// <summary>Paragraphs of <see cref="Text"/>.</summary>
    public IEnumerable<string> Paragraphs =>
        Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
