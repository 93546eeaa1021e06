using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Storyfold.Text;

namespace Storyfold.Extraction;

/// <summary>The page's declared metadata: meta tags by name or property, the title element, canonical link, html lang, JSON-LD and time elements.</summary>
internal sealed partial class PageMeta
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

    /// <summary>Links with an address (<c>a[href]</c>), in page order.</summary>
    public List<IElement> Links { get; } = [];

    /// <summary>Elements whose class names an author or a byline, any case ("author-name", "c-Byline"), in page order.</summary>
    public List<IElement> AuthorClassed { get; } = [];

    public string? Get(string key) => _values.TryGetValue(key, out var value) ? value : null;

    /// <summary>
    /// A value that holds the tags after it: its closing quote was lost (a byte overwritten, a quote in the value left
    /// unescaped), and the value runs on over the head's markup up to the next quote.
    /// </summary>
    [GeneratedRegex(@"<(?:meta|link|script|style|title)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RunsOverMarkup();

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

    /// <summary>Reads it all in one walk over the page's elements (a selector query per kind walked the page eight times).</summary>
    public static PageMeta Read(IHtmlDocument document)
    {
        var root = document.DocumentElement;
        string? canonical = null;
        IElement? title = null;
        IElement? headline = null;
        IElement? firstTime = null;
        var metas = new List<IElement>();
        var publishedTimes = new List<string>();
        var itempropDates = new List<string>();
        var itempropAuthors = new List<string>();
        var relAuthors = new List<string>();
        var jsonLd = new List<string>();
        var links = new List<IElement>();
        var authorClassed = new List<IElement>();
        // Depth first in document order, children through the node list (a sibling link is a search of the parent's
        // children in AngleSharp, which made a walk over 300,000 sibling links take minutes).
        // Through the Element class rather than the interface, as in PageBlocks' walk.
        var pending = new Stack<Element>();
        if (root is not null)
        {
            pending.Push((Element)root);
        }

        while (pending.TryPop(out var element))
        {
            var children = ((INode)element).ChildNodes;
            for (var k = children.Length - 1; k >= 0; k--)
            {
                if (children[k] is Element child)
                {
                    pending.Push(child);
                }
            }

            switch (element.LocalName)
            {
                case "link" when canonical is null && string.Equals(element.GetAttribute("rel")?.Trim(), "canonical", StringComparison.OrdinalIgnoreCase):
                    canonical = element.GetAttribute("href");
                    break;
                case "title":
                    title ??= element;
                    break;
                case "meta":
                    metas.Add(element);
                    break;
                case "script" when element.GetAttribute("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase):
                    jsonLd.Add(element.TextContent);
                    break;
                case "a" when HoldsToken(element.GetAttribute("rel"), AuthorRel):
                    relAuthors.Add(element.TextContent);
                    break;
                case "h1":
                    headline ??= element;
                    break;
                case "time":
                    var isPublished = element.HasAttribute("pubdate") ||
                                      (element.GetAttribute("class") ?? "").Contains("publish", StringComparison.OrdinalIgnoreCase) ||
                                      (element.ParentElement?.GetAttribute("class") ?? "").Contains("publish", StringComparison.OrdinalIgnoreCase);
                    if (isPublished)
                    {
                        publishedTimes.Add(element.GetAttribute("datetime") ?? element.TextContent);
                    }

                    firstTime ??= element;
                    break;
            }

            if (element.LocalName == "a" && element.HasAttribute("href"))
            {
                links.Add(element);
            }

            if (element.GetAttribute("class") is { } classes &&
                (AsciiCase.Contains(classes, "author") || AsciiCase.Contains(classes, "byline")))
            {
                authorClassed.Add(element);
            }

            if (element.LocalName != "meta" && element.GetAttribute("itemprop") is { } prop)
            {
                if (prop.Contains("datePublished", StringComparison.OrdinalIgnoreCase))
                {
                    itempropDates.Add(element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.TextContent);
                }
                else if (prop.Contains("author", StringComparison.OrdinalIgnoreCase))
                {
                    var name = element.QuerySelector("[itemprop=name]");
                    itempropAuthors.Add((name ?? element).TextContent);
                }
            }
        }

        var meta = new PageMeta
        {
            // A title element left open holds the page's markup as text (a browser shows it in the tab); it names nothing.
            TitleElement = title?.TextContent is { } text && TitleFinder.AsDeclaredTitle(text) is not null ? text : null,
            HtmlLang = root?.GetAttribute("lang") ?? root?.GetAttribute("xml:lang"),
            Canonical = canonical,
        };

        foreach (var element in metas)
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ??
                      element.GetAttribute("http-equiv");
            var content = element.GetAttribute("content");
            if (key is null || string.IsNullOrWhiteSpace(content) || RunsOverMarkup().IsMatch(content))
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

        meta.JsonLd.AddRange(jsonLd);
        meta.Links.AddRange(links);
        meta.AuthorClassed.AddRange(authorClassed);
        meta.AuthorElements.AddRange(itempropAuthors);
        meta.AuthorElements.AddRange(relAuthors);

        // A time element marked as the publication date comes first, the last one in the page ahead; then itemprop
        // datePublished; then the article's own time element, which sits by its headline (in the headline's header
        // block), or else the page's first: that is often in a list of other articles (a sidebar or a "latest" strip
        // ahead of the article in the markup).
        publishedTimes.Reverse();
        meta.TimeValues.AddRange(publishedTimes);
        meta.TimeValues.AddRange(itempropDates);
        var byHeadline = (headline?.ParentElement?.ParentElement ?? headline?.ParentElement)?.QuerySelector("time");
        if ((byHeadline ?? firstTime) is { } chosen)
        {
            meta.TimeValues.Add(chosen.GetAttribute("datetime") ?? chosen.TextContent);
        }

        return meta;
    }

    /// <summary>The characters HTML separates the tokens of an attribute with (class names, rel values).</summary>
    internal static readonly char[] HtmlSpaces = [' ', '\t', '\n', '\r', '\f'];

    /// <summary>
    /// Whether one of the attribute value's tokens (a class list, a rel value), split on HTML's spaces, is in
    /// <paramref name="tokens"/>, compared as that set compares them.
    /// </summary>
    internal static bool HoldsToken(string? value, HashSet<string> tokens)
    {
        if (value is null)
        {
            return false;
        }

        var lookup = tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in value.AsSpan().SplitAny(HtmlSpaces))
        {
            if (lookup.Contains(value.AsSpan(range)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> AuthorRel = new(StringComparer.Ordinal) { "author" };
}
