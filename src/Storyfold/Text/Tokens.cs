using System.Text.RegularExpressions;

namespace Storyfold.Text;

/// <summary>Word tokens of news text: case-folded words, stop words, and a light suffix stemmer for matching.</summary>
public static partial class Tokens
{
    /// <summary>Every word token in order, as written (letters, digits, inner apostrophes, dots and hyphens).</summary>
    public static IEnumerable<string> Words(string text)
    {
        foreach (Match m in Word().Matches(text))
        {
            yield return m.Value;
        }
    }

    /// <summary>Stemmed, lower-cased content words: what two sentences must share to say the same thing.</summary>
    public static IEnumerable<string> ContentTerms(string text)
    {
        foreach (Match m in Word().Matches(text))
        {
            var lower = m.Value.ToLowerInvariant().Replace('’', '\'');
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

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
