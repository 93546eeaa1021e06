using Storyfold.News;

namespace Storyfold.Feeds;

/// <summary>Turns feed items into articles to ingest: the full body when the feed carries it, else the linked page.</summary>
public static class FeedArticles
{
    /// <summary>Below this many words a description is a teaser, not the article.</summary>
    public const int TeaserWords = 150;

    /// <summary>True when the item carries only a teaser and links to a page that holds the article.</summary>
    public static bool NeedsPage(FeedItem item)
    {
        if (item.HasFullContent || item.Link is null)
        {
            return false;
        }

        var summary = item.SummaryHtml is null ? "" : FeedMarkup.ToText(item.SummaryHtml);
        return CountWords(summary) < TeaserWords;
    }

    /// <summary>The article input for an item; <paramref name="pageHtml"/> is the fetched linked page, when there is one.</summary>
    /// <returns>Null when the item has neither body, summary, title nor page: nothing to read.</returns>
    public static ArticleInput? ToInput(FeedItem item, FeedItemIdentity identity, string origin, ParsedFeed feed, string? pageHtml = null)
    {
        string? text = null;
        string? html = null;
        if (!string.IsNullOrWhiteSpace(pageHtml))
        {
            html = pageHtml;
        }
        else if (item.ContentHtml is { } contentHtml)
        {
            // Feed bodies are article fragments without page chrome: their text is the article.
            text = FeedMarkup.ToText(contentHtml);
        }
        else if (item.ContentText is { } contentText)
        {
            text = contentText;
        }
        else if (item.SummaryHtml is { } summary)
        {
            text = FeedMarkup.ToText(summary);
        }

        if (string.IsNullOrWhiteSpace(text) && html is null)
        {
            return null;
        }

        var url = UrlCanonicalizer.Canonicalize(item.Link) ?? item.Link;
        return new ArticleInput
        {
            Id = identity.ArticleId,
            Origin = origin,
            Line = item.Line,
            Text = html is null ? text : null,
            Html = html,
            Title = item.Title,
            Published = item.Published,
            Url = url,
            // The outlet is named after the article's host (as for other inputs); the feed's title only when there is no link.
            Source = url is null ? feed.Title : null,
            Language = NormaliseLanguage(item.Language ?? feed.Language),
            Author = item.Author,
        };
    }

    private static string? NormaliseLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        // "en-us", "en_GB" -> "en": the store keeps the primary language subtag.
        var primary = language.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetter) ? primary : null;
    }

    private static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
