using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Storyfold.Feeds;

/// <summary>
/// Who an item is: its keys (GUID, canonical URL, content hash — strongest first) and the article id derived from the
/// strongest one, so the same item seen again, in another feed, or from a file maps to the same article.
/// </summary>
public sealed record FeedItemIdentity(IReadOnlyList<string> Keys, string ArticleId, string Fingerprint)
{
    /// <summary>The identity of an item; <paramref name="feedUrl"/> scopes GUIDs too short to be unique across feeds.</summary>
    public static FeedItemIdentity Of(FeedItem item, string? feedUrl)
    {
        var keys = new List<string>(3);
        var link = item.Link ?? (item.GuidIsPermaLink ? item.Guid : null);
        var url = UrlCanonicalizer.Canonicalize(link);
        if (item.Guid is { } guid)
        {
            var permalink = item.GuidIsPermaLink ? UrlCanonicalizer.Canonicalize(guid) : null;
            keys.Add(permalink is not null ? "url:" + permalink
                : IsGloballyUnique(guid) ? "guid:" + guid.Trim()
                : $"guid:{feedUrl ?? ""}#{guid.Trim()}");
        }

        if (url is not null)
        {
            keys.Add("url:" + url);
        }

        var fingerprint = ComputeFingerprint(item);
        if (keys.Count == 0)
        {
            keys.Add("hash:" + fingerprint);
        }

        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        return new FeedItemIdentity(distinct, ArticleIdFor(distinct[0], link), fingerprint);
    }

    /// <summary>A hash of what a reader sees (title and body), so an edited item can be told from one seen again.</summary>
    private static string ComputeFingerprint(FeedItem item)
    {
        var text = string.Join('\u001F', item.Title ?? "", item.ContentHtml ?? item.ContentText ?? "", item.SummaryHtml ?? "");
        return Hash(text)[..24];
    }

    /// <summary>A readable, stable article id: the outlet's host and a hash of the item's strongest key.</summary>
    public static string ArticleIdFor(string key, string? link)
    {
        var host = Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host.ToLowerInvariant() : "feed";
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        return $"{host}-{Hash(key)[..12]}";
    }

    // URLs, URNs, tag: URIs and UUIDs are unique by construction; "123" is unique only within its feed.
    private static bool IsGloballyUnique(string guid)
    {
        var trimmed = guid.Trim();
        return trimmed.Contains(':', StringComparison.Ordinal) || Guid.TryParse(trimmed, out _) ||
            (trimmed.Length >= 16 && !trimmed.All(char.IsAsciiDigit));
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLower(CultureInfo.InvariantCulture);
}
