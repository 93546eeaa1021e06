using System.Xml;
using System.Xml.Linq;

namespace Storyfold.Feeds;

/// <summary>A feed listed in an OPML subscription list, with the folder it sat in.</summary>
public sealed record OpmlFeed(string Url, string? Title, string? SiteUrl, string? Category);

/// <summary>The outcome of reading an OPML file: the feeds found and what was wrong with the rest.</summary>
public sealed record OpmlReadResult(IReadOnlyList<OpmlFeed> Feeds, IReadOnlyList<string> Warnings, string? Error);

/// <summary>Reads and writes OPML 2.0 subscription lists, the format feed readers exchange.</summary>
public static class Opml
{
    public static OpmlReadResult Read(string text)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return new OpmlReadResult([], [], $"not well-formed XML (line {e.LineNumber}): {e.Message.Split(". ")[0].TrimEnd('.')}");
        }

        if (document.Root?.Name.LocalName != "opml")
        {
            return new OpmlReadResult([], [], $"not OPML: the root element is <{document.Root?.Name.LocalName}>");
        }

        var feeds = new List<OpmlFeed>();
        var warnings = new List<string>();
        var body = document.Root.Elements().FirstOrDefault(e => e.Name.LocalName == "body");
        if (body is null)
        {
            return new OpmlReadResult([], [], "no <body> element");
        }

        void Walk(XElement parent, string? category)
        {
            foreach (var outline in parent.Elements().Where(e => e.Name.LocalName == "outline"))
            {
                var label = Attr(outline, "title") ?? Attr(outline, "text");
                var url = Attr(outline, "xmlUrl") ?? Attr(outline, "xmlurl");
                if (url is not null)
                {
                    var line = ((IXmlLineInfo)outline).LineNumber;
                    if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                    {
                        feeds.Add(new OpmlFeed(uri.AbsoluteUri, label, Attr(outline, "htmlUrl"), category));
                    }
                    else
                    {
                        warnings.Add($"line {line}: '{url}' is not an http(s) feed URL; skipped");
                    }
                }

                Walk(outline, url is null ? label ?? category : category);
            }
        }

        Walk(body, null);
        return new OpmlReadResult(feeds, warnings, null);
    }

    /// <summary>An OPML 2.0 document listing the feeds, grouped by nothing, named by what users call them.</summary>
    public static string Write(IEnumerable<FeedSubscription> feeds, DateTimeOffset now)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("opml", new XAttribute("version", "2.0"),
                new XElement("head",
                    new XElement("title", "Storyfold subscriptions"),
                    new XElement("dateCreated", now.ToString("r", System.Globalization.CultureInfo.InvariantCulture))),
                new XElement("body", feeds.Select(f => new XElement("outline",
                    new XAttribute("type", "rss"),
                    new XAttribute("text", f.DisplayName),
                    new XAttribute("title", f.DisplayName),
                    new XAttribute("xmlUrl", f.Url),
                    f.SiteUrl is null ? null : new XAttribute("htmlUrl", f.SiteUrl))))));
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return writer.ToString();
    }

    private static string? Attr(XElement element, string name) =>
        element.Attribute(name)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => new System.Text.UTF8Encoding(false);
    }
}
