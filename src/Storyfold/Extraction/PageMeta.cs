using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Storyfold.Extraction;

/// <summary>The page's declared metadata: meta tags by name or property, the title element, canonical link, html lang, JSON-LD and time elements.</summary>
internal sealed class PageMeta
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public string? TitleElement { get; private init; }

    public string? HtmlLang { get; private init; }

    public string? Canonical { get; private init; }

    public List<string> JsonLd { get; } = [];

    /// <summary>Dates from elements that mark a publication date: <c>itemprop=datePublished</c>, then <c>time</c> elements.</summary>
    public List<string> TimeValues { get; } = [];

    /// <summary>Authors from <c>itemprop=author</c> and <c>rel=author</c> elements, in page order.</summary>
    public List<string> AuthorElements { get; } = [];

    public string? Get(string key) => _values.TryGetValue(key, out var value) ? value : null;

    private static readonly string[] PublishedKeys =
    [
        "article:published_time", "og:article:published_time", "article:published", "published_time", "og:published_time",
        "datepublished", "article.published", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
        "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
        "dc.date.created", "citation_publication_date", "citation_date", "date", "article_date_original", "release_date",
        "original-publish-date", "cxenseparse:recs:publishtime", "bt:pubdate", "date.available",
    ];

    /// <summary>Published dates from the known meta names, then from any other name that says "publish" or "date".</summary>
    public IEnumerable<string?> PublishedValues()
    {
        foreach (var key in PublishedKeys)
        {
            yield return Get(key);
        }

        foreach (var (key, value) in _values)
        {
            var k = key.ToLowerInvariant();
            if ((k.Contains("publish", StringComparison.Ordinal) && !k.Contains("publisher", StringComparison.Ordinal)) ||
                (k.EndsWith("date", StringComparison.Ordinal) && !k.Contains("modif", StringComparison.Ordinal) && !k.Contains("update", StringComparison.Ordinal) && !k.Contains("expir", StringComparison.Ordinal)))
            {
                yield return value;
            }
        }
    }

    public static PageMeta Read(IHtmlDocument document)
    {
        var lang = document.DocumentElement?.GetAttribute("lang") ?? document.DocumentElement?.GetAttribute("xml:lang");
        string? canonical = null;
        foreach (var link in document.QuerySelectorAll("link[rel]"))
        {
            if (string.Equals(link.GetAttribute("rel")?.Trim(), "canonical", StringComparison.OrdinalIgnoreCase))
            {
                canonical = link.GetAttribute("href");
                break;
            }
        }

        var meta = new PageMeta
        {
            TitleElement = document.QuerySelector("title")?.TextContent,
            HtmlLang = lang,
            Canonical = canonical,
        };

        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ??
                      element.GetAttribute("http-equiv");
            var content = element.GetAttribute("content");
            if (key is null || string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            // Some frameworks carry the JSON-LD in a meta tag's content rather than a script element.
            if (key.Contains("ld+json", StringComparison.OrdinalIgnoreCase) && content.TrimStart().StartsWith('{'))
            {
                meta.JsonLd.Add(content);
                continue;
            }

            // The first occurrence wins: pages repeat tags in templates further down.
            meta._values.TryAdd(key.Trim(), content.Trim());
        }

        foreach (var script in document.QuerySelectorAll("script[type]"))
        {
            if (script.GetAttribute("type")!.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
            {
                meta.JsonLd.Add(script.TextContent);
            }
        }

        foreach (var element in document.QuerySelectorAll("[itemprop]"))
        {
            var prop = element.GetAttribute("itemprop")!;
            if (prop.Contains("datePublished", StringComparison.OrdinalIgnoreCase) && element.LocalName != "meta")
            {
                var value = element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.TextContent;
                meta.TimeValues.Add(value);
            }
            else if (prop.Contains("author", StringComparison.OrdinalIgnoreCase) && element.LocalName != "meta")
            {
                var name = element.QuerySelector("[itemprop=name]");
                meta.AuthorElements.Add((name ?? element).TextContent);
            }
        }

        foreach (var element in document.QuerySelectorAll("a[rel~=author]"))
        {
            meta.AuthorElements.Add(element.TextContent);
        }

        // The article's own time element sits by its headline (in the headline's header block); the first one in the
        // page is often in a list of other articles (a sidebar or a "latest" strip ahead of the article in the markup).
        var headline = document.QuerySelector("h1");
        var byHeadline = (headline?.ParentElement?.ParentElement ?? headline?.ParentElement)?.QuerySelector("time");
        IElement? firstTime = null;
        foreach (var time in document.QuerySelectorAll("time"))
        {
            var isPublished = time.HasAttribute("pubdate") ||
                              (time.GetAttribute("class") ?? "").Contains("publish", StringComparison.OrdinalIgnoreCase) ||
                              (time.ParentElement?.GetAttribute("class") ?? "").Contains("publish", StringComparison.OrdinalIgnoreCase);
            if (isPublished)
            {
                meta.TimeValues.Insert(0, time.GetAttribute("datetime") ?? time.TextContent);
            }

            firstTime ??= time;
        }

        if ((byHeadline ?? firstTime) is { } chosen)
        {
            meta.TimeValues.Add(chosen.GetAttribute("datetime") ?? chosen.TextContent);
        }

        return meta;
    }
}
