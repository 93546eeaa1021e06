using System.Text.RegularExpressions;

namespace Storyfold.Text;

/// <summary>
/// Trims a news sentence to its statement of fact for a summary: drops parenthetical asides, dashed asides,
/// non-restrictive "who/which" clauses, leading connectives, datelines and attribution ("according to ...", ", the ministry said"). Never adds words.
/// </summary>
public static partial class SentenceCompressor
{
    public static string Compress(string sentence)
    {
        // Each pattern needs a character or word that most sentences lack: look for it first (a brief reads every
        // sentence of a story, and the attribution pattern in particular tries every comma).
        var text = sentence;
        if (text.Contains('(', StringComparison.Ordinal))
        {
            text = Parenthetical().Replace(text, "");
        }

        if (text.AsSpan().ContainsAny('—', '–'))
        {
            text = DashAside().Replace(text, " ");
        }

        if (text.StartsWith("According", StringComparison.OrdinalIgnoreCase))
        {
            text = LeadingAttribution().Replace(text, "");
        }

        var lastComma = text.LastIndexOf(',');
        var comma = lastComma >= 0;
        if (comma && text.TrimEnd().EndsWith('.'))
        {
            // The attribution holds no comma of its own, so it can only start at the last one: one attempt, not one per comma.
            var attribution = TrailingAttribution().Match(text, lastComma);
            if (attribution.Success)
            {
                text = string.Concat(text.AsSpan(0, attribution.Index), ".", text.AsSpan(attribution.Index + attribution.Length));
            }
        }

        var which = comma && text.Contains("which", StringComparison.Ordinal);
        if (which || (comma && text.Contains("who", StringComparison.Ordinal)))
        {
            text = RelativeClause().Replace(text, " ");
        }

        text = LeadingConnective().Replace(text, "");
        text = Dateline().Replace(text, "");
        if (which)
        {
            text = TrailingWhich().Replace(text, ".");
        }

        text = Spaces().Replace(text, " ").Replace(" ,", ",", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal).Trim();
        // A cut after a full stop (a pasted "country. , according to ...") leaves two; an ellipsis keeps its three.
        if (text.EndsWith("..", StringComparison.Ordinal) && !text.EndsWith("...", StringComparison.Ordinal))
        {
            text = text[..^1];
        }

        if (text.Length > 0 && char.IsLower(text[0]))
        {
            text = char.ToUpperInvariant(text[0]) + text[1..];
        }

        // Too much cut means the pattern misread the sentence: keep it whole.
        return Tokens.Words(text).Count() < Math.Max(5, Tokens.Words(sentence).Count() / 3) ? sentence : text;
    }

    [GeneratedRegex(@"\s*\([^()]{1,80}\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"\s+[—–]\s+[^—–]{3,100}?\s+[—–]\s+")]
    private static partial Regex DashAside();

    [GeneratedRegex(@"^(?:According to [^,]{3,80},\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingAttribution();

    [GeneratedRegex(@",\s*(?:according to [^,]{3,100}|(?:the\s+|a\s+|an\s+)?[^,""“”]{2,70}?\s(?:said|says|told [\w\s]{1,40}|has said|have said|reported|announced|added|wrote|tweeted)(?:\s+(?:on\s+)?\w+day)?(?:\s+in a statement)?)\s*\.$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingAttribution();

    [GeneratedRegex(@",\s+(?:who|which)\s+[^,""“”]{3,90},\s+")]
    private static partial Regex RelativeClause();

    // A connective that links to the sentence before ("However, ...") means nothing once the sentence stands alone.
    [GeneratedRegex(@"^(?:However|Meanwhile|Still|Moreover|Furthermore|In addition|Additionally|Nevertheless|Nonetheless|Indeed|Also|Separately|Instead),\s+")]
    private static partial Regex LeadingConnective();

    // A dateline left in the text: a place in capitals, perhaps its region in any case, perhaps the agency, then a dash:
    // "WASHINGTON (AP) — ", "KYIV, UKRAINE — ", "SAN JUAN, Puerto Rico - ", "SAN JUAN, Puerto Rico: ".
    [GeneratedRegex(@"^[A-Z][A-Z .'’\-]{2,40}(?:,\s*[A-Z][A-Za-z .'’\-]{1,30}?)?\s*(?:\([A-Za-z .]{2,20}\))?(?:\s*[—–-]{1,2}|:)\s+")]
    private static partial Regex Dateline();

    // A closing ", which ..." comments on what the sentence has already said.
    [GeneratedRegex(@",\s+which\s+[^""“”]{3,120}\.$")]
    private static partial Regex TrailingWhich();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
