namespace Storyfold.Feeds;

/// <summary>Parses a feed document of any supported format from its bytes, tolerating what feeds in the wild get wrong.</summary>
public static class FeedParser
{
    /// <param name="bytes">The document as received.</param>
    /// <param name="httpCharset">The charset the server named, if any; the document's own declaration wins over it.</param>
    /// <param name="documentUrl">Where the document came from, for resolving relative links.</param>
    public static FeedParseResult Parse(ReadOnlySpan<byte> bytes, string? httpCharset = null, Uri? documentUrl = null)
    {
        if (bytes.IsEmpty || bytes.Trim(" \t\r\n"u8).IsEmpty)
        {
            return FeedParseResult.Failed("empty document");
        }

        var format = FeedSniffer.Detect(bytes);
        if (format is null)
        {
            return FeedParseResult.Failed("not a feed (expected RSS, Atom or JSON Feed)");
        }

        var decoded = FeedTextDecoding.Decode(bytes, format == FeedFormat.JsonFeed ? "utf-8" : httpCharset);
        var result = format == FeedFormat.JsonFeed
            ? JsonFeedParser.Parse(decoded.Text, documentUrl)
            : XmlFeedParser.Parse(decoded.Text, documentUrl);
        return decoded.Warning is null ? result : result with { Warnings = [decoded.Warning, .. result.Warnings] };
    }
}
