using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Storyfold.Feeds;

/// <summary>Fixes the mistakes that make feeds from the wild not well-formed XML, so they can still be read.</summary>
internal static partial class XmlFeedRepair
{
    private static readonly Dictionary<string, string> KnownNamespaces = new(StringComparer.Ordinal)
    {
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["content"] = "http://purl.org/rss/1.0/modules/content/",
        ["atom"] = "http://www.w3.org/2005/Atom",
        ["media"] = "http://search.yahoo.com/mrss/",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["slash"] = "http://purl.org/rss/1.0/modules/slash/",
        ["wfw"] = "http://wellformedweb.org/CommentAPI/",
        ["sy"] = "http://purl.org/rss/1.0/modules/syndication/",
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
        ["feedburner"] = "http://rssnamespace.org/feedburner/ext/1.0",
        ["georss"] = "http://www.georss.org/georss",
    };

    private static readonly HashSet<string> XmlEntities = new(StringComparer.Ordinal) { "amp", "lt", "gt", "quot", "apos" };

    /// <summary>Declares, on the root element, every namespace prefix the document uses without declaring it.</summary>
    public static string DeclareMissingPrefixes(string xml, out IReadOnlyList<string> added)
    {
        var declared = new HashSet<string>(Declaration().Matches(xml).Select(m => m.Groups["prefix"].Value), StringComparer.Ordinal);
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in ElementPrefix().Matches(xml))
        {
            used.Add(m.Groups["prefix"].Value);
        }

        foreach (Match m in AttributePrefix().Matches(xml))
        {
            used.Add(m.Groups["prefix"].Value);
        }

        var missing = used.Where(p => p is not ("xml" or "xmlns") && !declared.Contains(p)).ToList();
        added = missing;
        if (missing.Count == 0)
        {
            return xml;
        }

        var root = RootStart().Match(xml);
        if (!root.Success)
        {
            added = [];
            return xml;
        }

        var declarations = new StringBuilder();
        foreach (var prefix in missing)
        {
            var uri = KnownNamespaces.TryGetValue(prefix, out var known) ? known : "urn:storyfold:undeclared:" + prefix;
            declarations.Append(" xmlns:").Append(prefix).Append("=\"").Append(uri).Append('"');
        }

        var at = root.Index + root.Length;
        return string.Concat(xml.AsSpan(0, at), declarations.ToString(), xml.AsSpan(at));
    }

    /// <summary>Escapes bare ampersands, turns HTML-only entities into character references and drops control characters.</summary>
    public static string FixCharacters(string xml)
    {
        var text = InvalidCharacter().Replace(xml, "");
        text = BareAmpersand().Replace(text, "&amp;");
        return NamedEntity().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            if (XmlEntities.Contains(name))
            {
                return m.Value;
            }

            var decoded = WebUtility.HtmlDecode(m.Value);
            if (decoded == m.Value)
            {
                return "&amp;" + name + ";";
            }

            return string.Concat(decoded.EnumerateRunes().Select(r => $"&#{r.Value};"));
        });
    }

    [GeneratedRegex(@"\bxmlns:(?<prefix>[A-Za-z_][\w.-]*)\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();

    [GeneratedRegex(@"</?(?<prefix>[A-Za-z_][\w.-]*):[A-Za-z_]", RegexOptions.CultureInvariant)]
    private static partial Regex ElementPrefix();

    [GeneratedRegex(@"<[A-Za-z_][^<>]*?\s(?<prefix>[A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=\s*[""']", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePrefix();

    [GeneratedRegex(@"<(?![?!/])[A-Za-z_][\w.:-]*", RegexOptions.CultureInvariant)]
    private static partial Regex RootStart();

    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidCharacter();

    [GeneratedRegex(@"&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)", RegexOptions.CultureInvariant)]
    private static partial Regex BareAmpersand();

    [GeneratedRegex(@"&(?<name>[A-Za-z][A-Za-z0-9]*);", RegexOptions.CultureInvariant)]
    private static partial Regex NamedEntity();
}
