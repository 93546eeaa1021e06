using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Feeds;

/// <summary>
/// Reads RSS 2.0 (and RSS 1.0/RDF) and Atom 1.0 item by item, so a document that breaks part-way still gives the items
/// before the break; undeclared prefixes and HTML entities are repaired first and reported as warnings.
/// </summary>
internal static class XmlFeedParser
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string RdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private sealed record RawFeed(string Root, IReadOnlyList<XElement> Metadata, IReadOnlyList<(XElement Element, int Line)> Items, XmlException? Error, string? XmlBase);

    public static FeedParseResult Parse(string xml, Uri? documentUrl)
    {
        var warnings = new List<string>();
        var prepared = XmlFeedRepair.DeclareMissingPrefixes(xml, out var added);
        if (added.Count > 0)
        {
            warnings.Add($"undeclared namespace prefix(es) {string.Join(", ", added)}; declared them to read the feed");
        }

        var raw = ReadRaw(prepared);
        if (raw.Error is not null)
        {
            var repaired = ReadRaw(XmlFeedRepair.FixCharacters(prepared));
            var better = repaired.Items.Count > raw.Items.Count || (repaired.Error is null && repaired.Items.Count == raw.Items.Count)
                ? repaired : raw;
            var where = $"line {raw.Error.LineNumber}";
            var first = FirstSentence(raw.Error.Message);
            if (better.Error is null)
            {
                warnings.Add($"not well-formed XML ({where}: {first}); repaired entities and ampersands");
            }
            else if (better.Items.Count > 0 || better.Root.Length > 0)
            {
                warnings.Add($"not well-formed XML ({where}: {first}); kept the {better.Items.Count} item(s) before the error");
            }

            raw = better;
        }

        if (raw.Root.Length == 0)
        {
            return FeedParseResult.Failed($"not well-formed XML: {FirstSentence(raw.Error?.Message ?? "no root element")}", warnings);
        }

        var format = raw.Root switch
        {
            "rss" or "RDF" => FeedFormat.Rss,
            "feed" => FeedFormat.Atom,
            _ => (FeedFormat?)null,
        };
        if (format is null)
        {
            return FeedParseResult.Failed($"not a feed: the root element is <{raw.Root}>, expected <rss>, <rdf:RDF> or <feed>", warnings);
        }

        if (raw.Error is not null && raw.Items.Count == 0)
        {
            return FeedParseResult.Failed($"not well-formed XML (line {raw.Error.LineNumber}): {FirstSentence(raw.Error.Message)}", warnings);
        }

        return format == FeedFormat.Atom ? ReadAtom(raw, documentUrl, warnings) : ReadRss(raw, documentUrl, warnings);
    }

    private static RawFeed ReadRaw(string xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            CheckCharacters = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 1024,
        };
        var root = "";
        string? xmlBase = null;
        var metadata = new List<XElement>();
        var items = new List<(XElement, int)>();
        XmlException? error = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            var lineInfo = (IXmlLineInfo)reader;
            reader.MoveToContent();
            root = reader.LocalName;
            xmlBase = reader.GetAttribute("xml:base");
            var metadataDepth = root == "feed" ? 1 : 2;
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    if (reader.LocalName is "item" or "entry")
                    {
                        var line = lineInfo.LineNumber;
                        items.Add(((XElement)XNode.ReadFrom(reader), line));
                        continue;
                    }

                    if (reader.Depth == metadataDepth && reader.LocalName is "title" or "link" or "language" or "author" or "subtitle")
                    {
                        metadata.Add((XElement)XNode.ReadFrom(reader));
                        continue;
                    }
                }

                reader.Read();
            }
        }
        catch (XmlException e)
        {
            error = e;
        }

        return new RawFeed(root, metadata, items, error, xmlBase);
    }

    private static FeedParseResult ReadRss(RawFeed raw, Uri? documentUrl, List<string> warnings)
    {
        var title = FeedMarkup.CleanTitle(raw.Metadata.FirstOrDefault(e => e.Name.LocalName == "title")?.Value);
        var siteLink = raw.Metadata.FirstOrDefault(e => e.Name.LocalName == "link" && e.Name.NamespaceName != AtomNs)?.Value.Trim();
        var language = raw.Metadata.FirstOrDefault(e => e.Name.LocalName == "language")?.Value.Trim();
        var baseUrl = Resolve(siteLink, documentUrl) is { } site ? new Uri(site) : documentUrl;
        var items = new List<FeedItem>();
        var index = 0;
        foreach (var (element, line) in raw.Items)
        {
            index++;
            var guidElement = Child(element, "guid");
            var guid = NonEmpty(guidElement?.Value) ?? NonEmpty(element.Attribute(XName.Get("about", RdfNs))?.Value);
            var isPermaLink = guidElement is not null &&
                !string.Equals(guidElement.Attribute("isPermaLink")?.Value?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
            var link = NonEmpty(Child(element, "origLink")?.Value)
                ?? NonEmpty(element.Elements().FirstOrDefault(e => e.Name.LocalName == "link" && e.Name.NamespaceName != AtomNs)?.Value)
                ?? NonEmpty(element.Elements().FirstOrDefault(e => e.Name.LocalName == "link" && e.Attribute("href") is not null)?.Attribute("href")?.Value)
                ?? (isPermaLink && guid is not null && LooksLikeUrl(guid) ? guid : null);
            var dateText = NonEmpty(Child(element, "pubDate")?.Value) ?? NonEmpty(Child(element, "date")?.Value)
                ?? NonEmpty(Child(element, "published")?.Value) ?? NonEmpty(Child(element, "updated")?.Value);
            var published = ReadDate(dateText, index, line, warnings);
            var enclosures = element.Elements()
                .Where(e => e.Name.LocalName is "enclosure" || (e.Name.LocalName == "content" && e.Attribute("url") is not null))
                .Select(e => Resolve(e.Attribute("url")?.Value, baseUrl) is { } url
                    ? new FeedEnclosure(url, NonEmpty(e.Attribute("type")?.Value), ParseLength(e.Attribute("length")?.Value ?? e.Attribute("fileSize")?.Value))
                    : null)
                .OfType<FeedEnclosure>()
                .ToList();
            items.Add(new FeedItem
            {
                Guid = guid,
                GuidIsPermaLink = isPermaLink,
                Link = Resolve(link, baseUrl),
                Title = FeedMarkup.CleanTitle(Child(element, "title")?.Value),
                ContentHtml = NonEmpty(Child(element, "encoded")?.Value),
                SummaryHtml = NonEmpty(Child(element, "description")?.Value) ?? NonEmpty(Child(element, "summary")?.Value),
                Published = published,
                Author = NonEmpty(Child(element, "creator")?.Value) ?? RssAuthor(Child(element, "author")?.Value),
                Language = NonEmpty(Child(element, "language")?.Value) ?? NonEmpty(language),
                Enclosures = enclosures,
                Line = line,
            });
        }

        return new FeedParseResult(new ParsedFeed(FeedFormat.Rss, title, Resolve(siteLink, documentUrl), NonEmpty(language), items), warnings, null);
    }

    private static FeedParseResult ReadAtom(RawFeed raw, Uri? documentUrl, List<string> warnings)
    {
        var feedBase = Resolve(raw.XmlBase, documentUrl) is { } b ? new Uri(b) : documentUrl;
        var title = FeedMarkup.CleanTitle(TextConstruct(raw.Metadata.FirstOrDefault(e => e.Name.LocalName == "title"), out _));
        var site = Resolve(AlternateLink(raw.Metadata), feedBase);
        var feedAuthor = NonEmpty(raw.Metadata.FirstOrDefault(e => e.Name.LocalName == "author") is { } a ? Child(a, "name")?.Value : null);
        var items = new List<FeedItem>();
        var index = 0;
        foreach (var (element, line) in raw.Items)
        {
            index++;
            var entryBase = Resolve(element.Attribute(XNamespace.Xml + "base")?.Value, feedBase) is { } eb ? new Uri(eb) : feedBase;
            var content = Child(element, "content");
            var contentIsHtml = content is not null && IsHtmlType(content);
            var contentValue = content is not null && content.Attribute("src") is null ? TextConstruct(content, out _) : null;
            var summary = TextConstruct(Child(element, "summary"), out var summaryIsHtml);
            var publishedText = NonEmpty(Child(element, "published")?.Value) ?? NonEmpty(Child(element, "issued")?.Value);
            var updatedText = NonEmpty(Child(element, "updated")?.Value) ?? NonEmpty(Child(element, "modified")?.Value);
            var published = ReadDate(publishedText, index, line, warnings);
            var updated = ReadDate(updatedText, index, line, warnings);
            var links = element.Elements().Where(e => e.Name.LocalName == "link").ToList();
            items.Add(new FeedItem
            {
                Guid = NonEmpty(Child(element, "id")?.Value),
                GuidIsPermaLink = false,
                Link = Resolve(AlternateLink(links), entryBase),
                Title = FeedMarkup.CleanTitle(TextConstruct(Child(element, "title"), out _)),
                ContentHtml = contentIsHtml ? NonEmpty(contentValue) : null,
                ContentText = contentIsHtml ? null : NonEmpty(contentValue),
                SummaryHtml = summary is null ? null : summaryIsHtml ? summary : System.Net.WebUtility.HtmlEncode(summary),
                Published = published ?? updated,
                Updated = updated,
                Author = NonEmpty(Child(element, "author") is { } author ? Child(author, "name")?.Value : null) ?? feedAuthor,
                Language = NonEmpty(element.Attribute(XNamespace.Xml + "lang")?.Value),
                Enclosures = links.Where(l => l.Attribute("rel")?.Value == "enclosure")
                    .Select(l => Resolve(l.Attribute("href")?.Value, entryBase) is { } url
                        ? new FeedEnclosure(url, NonEmpty(l.Attribute("type")?.Value), ParseLength(l.Attribute("length")?.Value))
                        : null)
                    .OfType<FeedEnclosure>()
                    .ToList(),
                Line = line,
            });
        }

        return new FeedParseResult(new ParsedFeed(FeedFormat.Atom, title, site, null, items), warnings, null);
    }

    private static string? AlternateLink(IEnumerable<XElement> elements)
    {
        var links = elements.Where(e => e.Name.LocalName == "link").ToList();
        var alternate = links.FirstOrDefault(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate" &&
                            (l.Attribute("type")?.Value is null or "text/html" or "application/xhtml+xml"))
            ?? links.FirstOrDefault(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate");
        return NonEmpty(alternate?.Attribute("href")?.Value) ?? NonEmpty(alternate?.Value);
    }

    /// <summary>An Atom text construct's value: HTML for type html and xhtml, plain text otherwise.</summary>
    private static string? TextConstruct(XElement? element, out bool isHtml)
    {
        isHtml = element is not null && IsHtmlType(element);
        if (element is null)
        {
            return null;
        }

        var type = element.Attribute("type")?.Value?.Trim().ToLowerInvariant();
        if (type is "xhtml" or "application/xhtml+xml")
        {
            var div = element.Elements().FirstOrDefault(e => e.Name.LocalName == "div") ?? element;
            return NonEmpty(string.Concat(div.Nodes().Select(n => n is XElement e ? StripNamespaces(e).ToString(SaveOptions.DisableFormatting) : n.ToString())));
        }

        return NonEmpty(element.Value);
    }

    private static XElement StripNamespaces(XElement element) =>
        new(element.Name.LocalName,
            element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a.Name.LocalName, a.Value)),
            element.Nodes().Select(n => n is XElement child ? StripNamespaces(child) : n));

    private static bool IsHtmlType(XElement element) =>
        element.Attribute("type")?.Value?.Trim().ToLowerInvariant() is "html" or "xhtml" or "text/html" or "application/xhtml+xml";

    private static PublicationDate? ReadDate(string? text, int index, int line, List<string> warnings)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = DateParsing.Parse(text) ?? DateParsing.Parse(FeedDates.Normalise(text));
        if (parsed is null)
        {
            warnings.Add($"item {index} (line {line}): unreadable date '{Shorten(text)}', left empty");
        }

        return parsed;
    }

    private static string? RssAuthor(string? author)
    {
        author = NonEmpty(author);
        if (author is null)
        {
            return null;
        }

        // RSS 2.0 says "email (Name)"; show the name, never a bare address.
        var open = author.IndexOf('(', StringComparison.Ordinal);
        var close = author.LastIndexOf(')');
        if (open >= 0 && close > open)
        {
            return NonEmpty(author[(open + 1)..close]);
        }

        return author.Contains('@', StringComparison.Ordinal) && !author.Contains(' ', StringComparison.Ordinal) ? null : author;
    }

    private static XElement? Child(XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    internal static string? Resolve(string? href, Uri? baseUri)
    {
        href = NonEmpty(href);
        if (href is null)
        {
            return null;
        }

        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.AbsoluteUri;
        }

        if (baseUri is not null && !href.Contains(':', StringComparison.Ordinal) && Uri.TryCreate(baseUri, href, out var relative))
        {
            return relative.AbsoluteUri;
        }

        return Uri.TryCreate(href, UriKind.Absolute, out var other) ? other.AbsoluteUri : null;
    }

    private static bool LooksLikeUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static long? ParseLength(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > 0 ? length : null;

    internal static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
