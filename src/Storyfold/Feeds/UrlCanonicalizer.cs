namespace Storyfold.Feeds;

/// <summary>
/// One spelling per article URL: tracking parameters and fragments removed, scheme and host in lower case,
/// default ports dropped, so the same article linked from two feeds or two campaigns is recognised.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "rb_clickid", "s_cid",
        "cmpid", "ncid", "ocid", "sr_share", "smid", "smtyp", "taid", "at_medium", "at_campaign", "ref_src", "ref_url",
        "share", "spm", "xtor", "wt.mc_id", "icid", "ito", "cid_source",
    };

    /// <summary>The canonical form of an absolute http(s) URL, or null when the text is not one.</summary>
    public static string? Canonicalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ||
            uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            return null;
        }

        var query = uri.Query.TrimStart('?');
        var kept = query.Length == 0
            ? []
            : query.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(pair => !IsTracking(pair.Split('=', 2)[0]))
                .ToList();
        var builder = new UriBuilder(uri)
        {
            Scheme = uri.Scheme.ToLowerInvariant(),
            Host = uri.IdnHost.ToLowerInvariant().TrimEnd('.'),
            Port = uri.IsDefaultPort ? -1 : uri.Port,
            Query = kept.Count == 0 ? "" : string.Join('&', kept),
            Fragment = "",
        };
        var text = builder.Uri.AbsoluteUri;
        // A bare host gets the root path "/"; keep it, but drop a trailing "?" left by an emptied query.
        return text.EndsWith('?') ? text[..^1] : text;
    }

    private static bool IsTracking(string name)
    {
        var decoded = Uri.UnescapeDataString(name);
        return decoded.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(decoded);
    }
}
