using System.Text;
using System.Text.RegularExpressions;

namespace Storyfold.Feeds;

/// <summary>Tells a feed from other XML or JSON by looking at the start of the document, not at the file name.</summary>
public static partial class FeedSniffer
{
    /// <summary>How many bytes are enough to see the root element past a prolog, comments and a stylesheet line.</summary>
    public const int SniffLength = 4096;

    /// <summary>The feed format the bytes look like, or null when they are not a feed.</summary>
    public static FeedFormat? Detect(ReadOnlySpan<byte> bytes)
    {
        var head = bytes.Length > SniffLength ? bytes[..SniffLength] : bytes;
        string text;
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            text = (head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(head[2..]);
        }
        else
        {
            // Every encoding a feed uses in practice is ASCII-compatible for the markup that matters here.
            text = Encoding.Latin1.GetString(head);
        }

        text = text.TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('{'))
        {
            return JsonFeedVersion().IsMatch(text) ? FeedFormat.JsonFeed : null;
        }

        var root = RootElement().Match(text);
        if (!root.Success)
        {
            return null;
        }

        return root.Groups["name"].Value.ToLowerInvariant() switch
        {
            "rss" or "rdf" => FeedFormat.Rss,
            "feed" => FeedFormat.Atom,
            _ => null,
        };
    }

    // The first element that is not a prolog, comment, doctype or processing instruction.
    [GeneratedRegex(@"\A(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:[\w.-]+:)?(?<name>[\w.-]+)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex RootElement();

    [GeneratedRegex(@"""version""\s*:\s*""https?://jsonfeed\.org/version/|""(?:home_page_url|feed_url)""\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex JsonFeedVersion();
}
