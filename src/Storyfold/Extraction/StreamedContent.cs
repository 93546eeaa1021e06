using AngleSharp.Dom;

namespace Storyfold.Extraction;

/// <summary>
/// Puts content that a page streams in after its first paint where the page's script would put it. Streaming server
/// rendering (React's) sends the shell first, with a placeholder for each late part (<c>&lt;template id="B:3"&gt;</c>
/// and a "Loading..." fallback, or <c>&lt;template id="P:3"&gt;</c>), and sends the part at the end of the body in
/// <c>&lt;div hidden id="S:3"&gt;</c> with a call that swaps it in. Read where it was sent, the article would be in
/// pieces, the late ones hidden.
/// </summary>
internal static class StreamedContent
{
    /// <summary>A fallback longer than this is not a loading note; it is left alone.</summary>
    private const int MaxFallbackChars = 80;

    /// <summary>
    /// False when the markup has no id that starts "S:", so no part to place: a cheap look at the text that spares most
    /// pages two searches of the whole document.
    /// </summary>
    public static bool MayHoldParts(string html)
    {
        // "S:" is rare in markup and quotes are everywhere: look for it, then at what opens it.
        for (var at = html.IndexOf("S:", StringComparison.Ordinal); at >= 0; at = html.IndexOf("S:", at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && html[at - 1] is '"' or '\'' or '=')
            {
                return true;
            }
        }

        return false;
    }

    public static void Place(IDocument document)
    {
        var parts = document.QuerySelectorAll("div[hidden][id^='S:']").ToList();
        if (parts.Count == 0)
        {
            return;
        }

        // The placeholders by id, found in one pass (the first element with an id, as a lookup by id finds it): a lookup
        // per part walks the page each time (45 s for a page streamed in 30,000 parts).
        var byId = PageBlocks.FirstById(document.QuerySelectorAll("[id^='B:'], [id^='P:']"));

        foreach (var part in parts)
        {
            var key = part.Id![2..];
            var placeholder = byId.GetValueOrDefault("B:" + key) ?? byId.GetValueOrDefault("P:" + key);
            if (placeholder is not { LocalName: "template", Parent: { } parent })
            {
                continue;
            }

            if (placeholder.Id![0] == 'B' && placeholder.NextElementSibling is { } fallback && fallback.TextContent.Trim().Length <= MaxFallbackChars)
            {
                fallback.Remove();
            }

            foreach (var node in part.ChildNodes.ToList())
            {
                parent.InsertBefore(node, placeholder);
            }

            placeholder.Remove();
            part.Remove();
        }
    }
}
