using Storyfold.News;

namespace Storyfold.Extraction;

/// <summary>What the extractor found on a web page: the article's main text and its metadata.</summary>
public sealed record ExtractedPage
{
    /// <summary>The headline, without a trailing <c>| Site</c> or <c>- Site</c>; empty when the page has none.</summary>
    public required string Title { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public PublicationDate? Published { get; init; }

    /// <summary>ISO 639-1 code, from the page's declaration or else its text; null when unknown.</summary>
    public string? Language { get; init; }

    /// <summary>The outlet's name (og:site_name, publisher), else its host name.</summary>
    public string? SiteName { get; init; }

    /// <summary>The page's own address (canonical or og:url), else the one it was fetched from.</summary>
    public string? Url { get; init; }

    /// <summary>Main text: paragraphs, headings and list items separated by a blank line.</summary>
    public required string Text { get; init; }

    /// <summary>Figure captions of the article, apart from the text.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];

    /// <summary>Authors as one display string, or null when none were found.</summary>
    public string? Author => Authors.Count == 0 ? null : string.Join(", ", Authors);
}

/// <summary>The outcome of extracting one page: a page, or a one-line reason there is none.</summary>
public readonly record struct ExtractionResult(ExtractedPage? Page, string? Problem)
{
    public static ExtractionResult Ok(ExtractedPage page) => new(page, null);

    public static ExtractionResult Fail(string problem) => new(null, problem);
}
