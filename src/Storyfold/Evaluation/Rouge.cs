using System.Text.RegularExpressions;

namespace Storyfold.Evaluation;

/// <summary>Precision, recall and F1 of one ROUGE measure.</summary>
public readonly record struct RougeScore(double Precision, double Recall, double F1)
{
    public static RougeScore Of(double overlap, int candidate, int reference)
    {
        var p = candidate == 0 ? 0 : overlap / candidate;
        var r = reference == 0 ? 0 : overlap / reference;
        return new RougeScore(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L of a summary against a reference.</summary>
public sealed record RougeResult(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeL);

/// <summary>
/// ROUGE as the common rouge-score package computes it without stemming: lower-cased alphanumeric tokens, clipped
/// n-gram overlap, and the longest common subsequence for ROUGE-L.
/// </summary>
public static partial class Rouge
{
    public static RougeResult Score(string candidate, string reference)
    {
        var c = Tokenize(candidate);
        var r = Tokenize(reference);
        return new RougeResult(NGram(c, r, 1), NGram(c, r, 2), RougeScore.Of(Lcs(c, r), c.Count, r.Count));
    }

    public static IReadOnlyList<string> Tokenize(string text) =>
        NonAlphanumeric().Replace(text.ToLowerInvariant(), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static RougeScore NGram(IReadOnlyList<string> candidate, IReadOnlyList<string> reference, int n)
    {
        var c = Counts(candidate, n);
        var r = Counts(reference, n);
        var overlap = c.Sum(kv => Math.Min(kv.Value, r.GetValueOrDefault(kv.Key)));
        return RougeScore.Of(overlap, Math.Max(0, candidate.Count - n + 1), Math.Max(0, reference.Count - n + 1));
    }

    private static Dictionary<string, int> Counts(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var key = n == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(n));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    private static int Lcs(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
