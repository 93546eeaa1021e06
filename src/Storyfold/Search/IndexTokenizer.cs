using System.Globalization;
using System.Text;

namespace Storyfold.Search;

/// <summary>Receives one token of a column: its folded text and its position (the count of tokens before it).</summary>
internal delegate void TokenSink(ReadOnlySpan<char> token, int position);

/// <summary>
/// Cuts text into tokens exactly as the store's FTS5 index does (<c>unicode61 remove_diacritics 2</c>), so the
/// in-memory index finds and counts the same tokens: a token is a run of letters, digits and private-use characters
/// (Unicode categories L*, N*, Co), folded to lower case with diacritics taken off Latin letters; combining diacritics
/// (U+0300-U+0331) inside a token are dropped; everything else separates tokens.
/// </summary>
internal static class IndexTokenizer
{
    private const byte Separator = 0;
    private const byte TokenChar = 1;
    private const byte Diacritic = 2;

    // One table lookup a character for the Basic Multilingual Plane, where nearly all news text lives.
    private static readonly byte[] Kinds = new byte[65536];
    private static readonly char[] Folded = new char[65536];

    static IndexTokenizer()
    {
        for (var c = 0; c < 65536; c++)
        {
            var ch = (char)c;
            if (char.IsSurrogate(ch))
            {
                Folded[c] = ch;
                continue;
            }

            if (c < 128)
            {
                Kinds[c] = char.IsAsciiLetterOrDigit(ch) ? TokenChar : Separator;
                Folded[c] = char.IsAsciiLetterUpper(ch) ? (char)(ch + 32) : ch;
                continue;
            }

            Kinds[c] = IsTokenCategory(CharUnicodeInfo.GetUnicodeCategory(ch)) ? TokenChar : IsDiacritic(c) ? Diacritic : Separator;
            Folded[c] = Fold(ch);
        }
    }

    /// <summary>Calls <paramref name="sink"/> for each token of <paramref name="text"/>; returns how many there were.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, TokenSink sink, ref char[] buffer)
    {
        var position = 0;
        var i = 0;
        while (i < text.Length)
        {
            // Skip separators (and diacritics, which never start a token).
            if (KindAt(text, i, out var width) != TokenChar)
            {
                i += width;
                continue;
            }

            var length = 0;
            while (i < text.Length)
            {
                var kind = KindAt(text, i, out width);
                if (kind == Separator)
                {
                    break;
                }

                if (kind == TokenChar)
                {
                    if (length + 2 > buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    if (width == 1)
                    {
                        buffer[length++] = Folded[text[i]];
                    }
                    else
                    {
                        var rune = Rune.ToLowerInvariant(new Rune(text[i], text[i + 1]));
                        length += rune.EncodeToUtf16(buffer.AsSpan(length));
                    }
                }

                i += width;
            }

            sink(buffer.AsSpan(0, length), position++);
        }

        return position;
    }

    /// <summary>The tokens of a query phrase, as strings.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var buffer = new char[64];
        Tokenize(text, (token, _) => tokens.Add(token.ToString()), ref buffer);
        return tokens;
    }

    private static byte KindAt(ReadOnlySpan<char> text, int i, out int width)
    {
        var c = text[i];
        if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
        {
            width = 1;
            return Kinds[c];
        }

        width = 2;
        return IsTokenCategory(Rune.GetUnicodeCategory(new Rune(c, text[i + 1]))) ? TokenChar : Separator;
    }

    private static bool IsTokenCategory(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.PrivateUse;

    /// <summary>The combining marks FTS5 lets continue a token (and drops): its fixed set in U+0300-U+0331.</summary>
    private static bool IsDiacritic(int c)
    {
        const uint low = 0x08029FDF;
        const uint high = 0x000361F8;
        if (c < 768 || c > 817)
        {
            return false;
        }

        return c < 768 + 32 ? (low & (1u << (c - 768))) != 0 : (high & (1u << (c - 768 - 32))) != 0;
    }

    /// <summary>Lower case, and a Latin letter with diacritics becomes its plain ASCII letter (é → e, ǖ → u).</summary>
    private static char Fold(char c)
    {
        var lower = char.ToLowerInvariant(c);
        string decomposed;
        try
        {
            decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            return lower;
        }

        if (decomposed.Length < 2 || !char.IsAsciiLetter(decomposed[0]))
        {
            return lower;
        }

        for (var k = 1; k < decomposed.Length; k++)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(decomposed[k]) != UnicodeCategory.NonSpacingMark)
            {
                return lower;
            }
        }

        return decomposed[0];
    }
}
