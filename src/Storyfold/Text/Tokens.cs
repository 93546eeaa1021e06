namespace Storyfold.Text;

/// <summary>Word tokens of news text: case-folded words, stop words, and a light suffix stemmer for matching.</summary>
public static class Tokens
{
    /// <summary>Every word token in order, as written (letters, digits, inner apostrophes, dots and hyphens).</summary>
    public static IEnumerable<string> Words(string text)
    {
        var start = 0;
        while (NextWord(text, ref start, out var length))
        {
            yield return text.Substring(start, length);
            start += length;
        }
    }

    /// <summary>
    /// Every run of letters and digits in order, as written, split at every other character: where <see cref="Words"/>
    /// keeps "U.S." and "Xi's" whole, this gives "U", "S", "Xi", "s", for comparing headings, titles and anchors word by word.
    /// </summary>
    public static IEnumerable<string> Runs(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsWordChar(text[i]))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    /// <summary>Stemmed, lower-cased content words: what two sentences must share to say the same thing.</summary>
    public static IEnumerable<string> ContentTerms(string text) => ContentTerms(Words(text));

    /// <summary>The same terms from words already split by <see cref="Words(string)"/>.</summary>
    public static IEnumerable<string> ContentTerms(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var lower = word.ToLowerInvariant().Replace('’', '\'');
            if (lower.EndsWith("'s", StringComparison.Ordinal))
            {
                lower = lower[..^2];
            }

            if (lower.Length < 2 && !char.IsDigit(lower[0]) || StopWords.Contains(lower))
            {
                continue;
            }

            yield return Stem(lower);
        }
    }

    /// <summary>
    /// Finds the next word at or after <paramref name="start"/>: a run of letters and digits, joined across single
    /// apostrophes, dots and hyphens that have a letter or digit on both sides ("U.S.", "Xi's", "Kyiv-based"). A scan,
    /// because sentence reading tokenises every sentence of a story several times and regex matches allocate.
    /// </summary>
    private static bool NextWord(string text, ref int start, out int length)
    {
        var i = start;
        while (i < text.Length && !IsWordChar(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            length = 0;
            return false;
        }

        start = i;
        length = WordLength(text, i);
        return true;
    }

    /// <summary>Length of the word that starts at <paramref name="start"/> (see <see cref="NextWord"/>), 0 if none does.</summary>
    public static int WordLength(string text, int start)
    {
        if (start >= text.Length || !IsWordChar(text[start]))
        {
            return 0;
        }

        var end = start + 1;
        while (true)
        {
            while (end < text.Length && IsWordChar(text[end]))
            {
                end++;
            }

            if (end + 1 < text.Length && text[end] is '\'' or '’' or '.' or '-' && IsWordChar(text[end + 1]))
            {
                end += 2;
                continue;
            }

            return end - start;
        }
    }

    // \p{L} or \p{N}, as the pattern this scan replaced matched them.
    private static bool IsWordChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c)
        : char.GetUnicodeCategory(c) is >= System.Globalization.UnicodeCategory.UppercaseLetter and <= System.Globalization.UnicodeCategory.OtherLetter
            or >= System.Globalization.UnicodeCategory.DecimalDigitNumber and <= System.Globalization.UnicodeCategory.OtherNumber;

    /// <summary>A light English stemmer: strips plural, past and progressive endings so "talks", "talked", "talking" meet.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            return TrimDouble(word[..^3]);
        }

        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            return TrimDouble(word[..^2]);
        }

        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4 && "sxz".Contains(word[^3], StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    private static string TrimDouble(string stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && !"lsz".Contains(stem[^1], StringComparison.Ordinal) ? stem[..^1]
        : stem.EndsWith('e') ? stem[..^1] : stem;

    /// <summary>Function words that carry no fact of their own.</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into",
        "about", "over", "after", "before", "than", "then", "that", "this", "these", "those", "there", "here", "it", "its",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
        "shall", "should", "can", "could", "may", "might", "must", "not", "no", "so", "such", "also", "very", "just",
        "he", "she", "they", "we", "you", "i", "me", "him", "her", "them", "us", "our", "your", "their", "his", "my",
        "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "all", "any", "each", "both", "some",
        "more", "most", "other", "own", "same", "up", "down", "out", "off", "again", "further", "once", "while", "during",
        "through", "between", "under", "against", "among", "because", "until", "said", "says", "say", "told", "according",
        "mr", "mrs", "ms", "one", "two", "its", "s", "t", "would", "now", "only", "even", "still", "yet", "already",
    };
}
