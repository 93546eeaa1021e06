using System.Text;

namespace Storyfold.Text;

/// <summary>
/// Case-blind search for ASCII words (class names, style properties, tag names). We run with InvariantGlobalization,
/// where <c>Contains(word, StringComparison.OrdinalIgnoreCase)</c> compares character by character through the whole
/// text; this looks for the word's first letter with a vector search and compares only there. ASCII letters match
/// ASCII letters of either case, as the HTML and CSS rules for these names say.
/// </summary>
internal static class AsciiCase
{
    public static bool Contains(ReadOnlySpan<char> text, string word) => IndexOf(text, word) >= 0;

    public static int IndexOf(ReadOnlySpan<char> text, string word)
    {
        var lower = char.ToLowerInvariant(word[0]);
        var upper = char.ToUpperInvariant(word[0]);
        var at = 0;
        while (at <= text.Length - word.Length)
        {
            var next = text[at..].IndexOfAny(lower, upper);
            if (next < 0 || at + next > text.Length - word.Length)
            {
                return -1;
            }

            at += next;
            if (Ascii.EqualsIgnoreCase(text.Slice(at, word.Length), word))
            {
                return at;
            }

            at++;
        }

        return -1;
    }
}
