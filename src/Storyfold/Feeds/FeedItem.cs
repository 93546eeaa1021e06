using Storyfold.News;

namespace Storyfold.Feeds;

/// <summary>The syndication format a feed document is written in.</summary>
public enum FeedFormat
{
    Rss,
    Atom,
    JsonFeed,
}

/// <summary>A file attached to a feed item (a podcast episode, a photo), as the feed announced it.</summary>
public sealed record FeedEnclosure(string Url, string? MediaType, long? Length);

/// <summary>One item of a feed as published: identity hints, title, body or summary, dates and author.</summary>
public sealed record FeedItem
{
    /// <summary>The publisher's id for the item (RSS guid, Atom id, JSON Feed id); null when it gave none.</summary>
    public string? Guid { get; init; }

    /// <summary>False for an RSS guid marked <c>isPermaLink="false"</c>; a permalink guid is also the item's link.</summary>
    public bool GuidIsPermaLink { get; init; }

    /// <summary>The item's web page, absolute when the feed allowed resolving it.</summary>
    public string? Link { get; init; }

    /// <summary>Plain-text title, HTML removed.</summary>
    public string? Title { get; init; }

    /// <summary>The full body as HTML (content:encoded, Atom content, content_html).</summary>
    public string? ContentHtml { get; init; }

    /// <summary>The full body as plain text (Atom text content, content_text).</summary>
    public string? ContentText { get; init; }

    /// <summary>The description or summary, as HTML.</summary>
    public string? SummaryHtml { get; init; }

    public PublicationDate? Published { get; init; }

    public PublicationDate? Updated { get; init; }

    public string? Author { get; init; }

    public string? Language { get; init; }

    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];

    /// <summary>1-based line of the item in the document, when known, for messages.</summary>
    public int? Line { get; init; }

    /// <summary>True when the item carries a body, not only a teaser.</summary>
    public bool HasFullContent => !string.IsNullOrWhiteSpace(ContentHtml) || !string.IsNullOrWhiteSpace(ContentText);
}

/// <summary>A parsed feed: its own metadata and its items.</summary>
public sealed record ParsedFeed(FeedFormat Format, string? Title, string? SiteUrl, string? Language, IReadOnlyList<FeedItem> Items);

/// <summary>The outcome of parsing a feed document: the feed (possibly partial) with warnings, or the reason there is none.</summary>
public sealed record FeedParseResult(ParsedFeed? Feed, IReadOnlyList<string> Warnings, string? Error)
{
    public static FeedParseResult Failed(string error, IReadOnlyList<string>? warnings = null) => new(null, warnings ?? [], error);
}
