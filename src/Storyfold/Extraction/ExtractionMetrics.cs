using System.Text;

namespace Storyfold.Extraction;

/// <summary>Precision, recall and F1 of one comparison.</summary>
public readonly record struct Overlap(double Precision, double Recall, double F1);

/// <summary>
/// How extracted text is scored against ground truth: F1 over word 4-gram shingles (the Article Extraction Benchmark's
/// measure, counting repeats) and bag-of-words F1, both on lower-cased word tokens; and whether snippets occur in the text.
/// </summary>
public static partial class ExtractionMetrics
{
    public const int ShingleSize = 4;

    public static Overlap Shingles(string predicted, string truth) => Compare(Shingled(Tokens(predicted)), Shingled(Tokens(truth)));

    public static Overlap BagOfWords(string predicted, string truth) => Compare(Count(Tokens(predicted)), Count(Tokens(truth)));

    /// <summary>
    /// True when the snippet's words occur, in order and adjacent, in the text (case, spacing and punctuation aside).
    /// A snippet of a sentence's length that ends in a letter or digit may be cut inside its last word (benchmarks cut
    /// snippets at a fixed length: WCXB's "... potential, and whe" for "and where"), so its last word may go on in the
    /// text. A snippet shorter than a shingle is a label ("Home", "Sign up now"), whole, and matches only as words.
    /// </summary>
    public static bool ContainsSnippet(string normalisedText, string snippet)
    {
        var words = Tokens(snippet);
        if (words.Count == 0)
        {
            return false;
        }

        // The search form of the snippet (see NormaliseForSearch) from the words already split, open at the end when cut.
        var cut = words.Count >= ShingleSize && char.IsLetterOrDigit(snippet.AsSpan().TrimEnd()[^1]);
        return normalisedText.Contains(" " + string.Join(' ', words) + (cut ? "" : " "), StringComparison.Ordinal);
    }

    /// <summary>The form <see cref="ContainsSnippet"/> searches: lower-case words separated by single spaces.</summary>
    public static string NormaliseForSearch(string text) => " " + string.Join(' ', Tokens(text)) + " ";

    /// <summary>
    /// True when both name the same people, in any order: each side split into names at commas, semicolons, "&amp;", "|"
    /// and "and", each name compared as its lower-case words ("By Ana Silva and Tom Berg" names what "Tom Berg, Ana
    /// Silva" does). A role or credential written among the names ("Tracy Parker, Dietitian") counts as a name.
    /// </summary>
    public static bool SameAuthors(string? predicted, string? truth) => AuthorNames(predicted).SetEquals(AuthorNames(truth));

    private static HashSet<string> AuthorNames(string? text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in AuthorSeparators().Split(text ?? ""))
        {
            var words = Tokens(part);
            if (words is ["by", ..])
            {
                words.RemoveAt(0);
            }

            if (words.Count > 0)
            {
                names.Add(string.Join(' ', words));
            }
        }

        return names;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*(?:[,;&|]|\band\b)\s*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AuthorSeparators();

    /// <summary>Title equality after whitespace normalisation.</summary>
    public static bool SameTitle(string? predicted, string? truth) =>
        string.Equals(CollapseSpaces(predicted), CollapseSpaces(truth), StringComparison.Ordinal);

    /// <summary>
    /// How a title that is not the same (see <see cref="SameTitle"/>) differs from the true one, from the smallest
    /// difference up: none given; only typography (curly or straight quote marks, dash kinds, an ellipsis character or
    /// three dots); only letter case; only punctuation; one the other's words with more around them (a site name left in
    /// or cut off); or other wording. It tells misses that a reader would not notice from misses of the headline.
    /// </summary>
    public static TitleMiss DescribeTitleMiss(string? predicted, string truth)
    {
        if (SameTitle(predicted, truth))
        {
            return TitleMiss.None;
        }

        if (string.IsNullOrWhiteSpace(predicted))
        {
            return TitleMiss.NoTitle;
        }

        var plainPredicted = PlainTypography(CollapseSpaces(predicted));
        var plainTruth = PlainTypography(CollapseSpaces(truth));
        if (string.Equals(plainPredicted, plainTruth, StringComparison.Ordinal))
        {
            return TitleMiss.Typography;
        }

        if (string.Equals(plainPredicted, plainTruth, StringComparison.OrdinalIgnoreCase))
        {
            return TitleMiss.LetterCase;
        }

        var predictedWords = NormaliseForSearch(predicted);
        var truthWords = NormaliseForSearch(truth);
        if (string.Equals(predictedWords, truthWords, StringComparison.Ordinal))
        {
            return TitleMiss.Punctuation;
        }

        return predictedWords.Length > 2 && truthWords.Length > 2
            && (predictedWords.Contains(truthWords, StringComparison.Ordinal) || truthWords.Contains(predictedWords, StringComparison.Ordinal))
            ? TitleMiss.MoreOrFewerWords
            : TitleMiss.Wording;
    }

    private static string PlainTypography(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => builder.Append('\''),
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => builder.Append('"'),
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => builder.Append('-'),
                '\u2026' => builder.Append("..."),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    public static string CollapseSpaces(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                tokens.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return tokens;
    }

    private static Dictionary<string, int> Shingled(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count < ShingleSize)
        {
            // Texts shorter than one shingle are one shingle of what they have.
            if (tokens.Count > 0)
            {
                counts[string.Join(' ', tokens)] = 1;
            }

            return counts;
        }

        for (var i = 0; i + ShingleSize <= tokens.Count; i++)
        {
            // The tokens of this window, joined; a List is no array, so string.Join(' ', tokens, i, n) would bind to the
            // params-object overload and join the list's type name with the two numbers.
            var key = string.Join(' ', tokens.GetRange(i, ShingleSize));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    private static Dictionary<string, int> Count(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        return counts;
    }

    private static Overlap Compare(Dictionary<string, int> predicted, Dictionary<string, int> truth)
    {
        var predictedTotal = predicted.Values.Sum();
        var truthTotal = truth.Values.Sum();
        if (predictedTotal == 0 && truthTotal == 0)
        {
            return new Overlap(1, 1, 1);
        }

        if (predictedTotal == 0 || truthTotal == 0)
        {
            return new Overlap(0, 0, 0);
        }

        var shared = 0;
        foreach (var (key, count) in predicted)
        {
            if (truth.TryGetValue(key, out var other))
            {
                shared += Math.Min(count, other);
            }
        }

        var precision = shared / (double)predictedTotal;
        var recall = shared / (double)truthTotal;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Overlap(precision, recall, f1);
    }
}

/// <summary>How an extracted title differs from the true one: see <see cref="ExtractionMetrics.DescribeTitleMiss"/>.</summary>
public enum TitleMiss
{
    None,
    NoTitle,
    Typography,
    LetterCase,
    Punctuation,
    MoreOrFewerWords,
    Wording,
}
