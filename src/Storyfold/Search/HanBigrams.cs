using System.Text;

namespace Storyfold.Search;

/// <summary>
/// Chinese text for the full-text index. Chinese is written without spaces, so FTS5's unicode61 tokenizer would take a
/// whole run of Han characters (often a clause) as one token and no word inside it could be found. Instead each run
/// is indexed as overlapping character bigrams (金文泰 becomes 金文 文泰) plus its last character on its own, and a
/// query is cut the same way into a phrase of bigrams: a word is found wherever its characters stand together,
/// without a dictionary, and a single character is found as a prefix of the bigrams.
/// </summary>
public static class HanBigrams
{
    /// <summary>The SQL function the index triggers call; registered on every store connection.</summary>
    public const string SqlFunction = "storyfold_han_bigrams";

    /// <summary>True for a CJK ideograph (the unified blocks, their extensions and the compatibility block).</summary>
    public static bool IsHan(Rune rune) => rune.Value is
        (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x323AF);

    /// <summary>True when <paramref name="text"/> holds at least one Han character.</summary>
    public static bool HasHan(ReadOnlySpan<char> text)
    {
        // Every Han character is at or above U+3400 (surrogates included), so most Latin text is ruled out by one vector scan.
        var start = text.IndexOfAnyInRange('\u3400', '\uFFFF');
        if (start < 0)
        {
            return false;
        }

        foreach (var rune in text[start..].EnumerateRunes())
        {
            if (IsHan(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text to index for <paramref name="text"/>: its Han runs as bigram tokens; empty when it has none.</summary>
    public static string ForIndex(string? text)
    {
        if (text is null || !HasHan(text))
        {
            return "";
        }

        var output = new StringBuilder(text.Length * 2);
        var run = new List<Rune>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsHan(rune))
            {
                run.Add(rune);
                continue;
            }

            AppendRun(output, run);
        }

        AppendRun(output, run);
        return output.ToString();
    }

    /// <summary>
    /// The index tokens a query's Han run must match in sequence: its bigrams, or the character itself when the run
    /// is one character long (then matched as a prefix, which finds it at the start of any bigram and at a run's end).
    /// </summary>
    public static IReadOnlyList<string> QueryTokens(string run)
    {
        var runes = run.EnumerateRunes().ToList();
        if (runes.Count == 1)
        {
            return [run];
        }

        var tokens = new List<string>(runes.Count - 1);
        for (var i = 0; i + 1 < runes.Count; i++)
        {
            tokens.Add(string.Concat(runes[i].ToString(), runes[i + 1].ToString()));
        }

        return tokens;
    }

    /// <summary>Cuts <paramref name="text"/> into pieces that are all Han or all not Han, in order.</summary>
    public static IReadOnlyList<(string Text, bool Han)> Split(string text)
    {
        var pieces = new List<(string, bool)>();
        var current = new StringBuilder();
        bool? currentHan = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var han = IsHan(rune);
            if (currentHan is { } open && open != han && current.Length > 0)
            {
                pieces.Add((current.ToString(), open));
                current.Clear();
            }

            currentHan = han;
            current.Append(rune.ToString());
        }

        if (current.Length > 0)
        {
            pieces.Add((current.ToString(), currentHan == true));
        }

        return pieces;
    }

    private static void AppendRun(StringBuilder output, List<Rune> run)
    {
        if (run.Count == 0)
        {
            return;
        }

        for (var i = 0; i + 1 < run.Count; i++)
        {
            output.Append(run[i].ToString()).Append(run[i + 1].ToString()).Append(' ');
        }

        // The last character alone: a one-character query finds it, and it keeps a run's last bigram from standing
        // next to the next run's first, so a phrase never matches across punctuation.
        output.Append(run[^1].ToString()).Append(' ');
        run.Clear();
    }
}
