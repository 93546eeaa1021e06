using System.Text.RegularExpressions;

namespace Storyfold.Text;

/// <summary>A sentence of an article body: its text, the paragraph it sits in and its position in the body.</summary>
public sealed record Sentence(string Text, int Paragraph, int Index);

/// <summary>Splits news prose into sentences, keeping abbreviations (Mr., U.S., Sen., Jan.) and initials inside their sentence.</summary>
public static partial class SentenceSplitter
{
    // Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot).
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "maj", "adm", "cmdr",
        "st", "jr", "sr", "inc", "co", "corp", "ltd", "vs", "v", "etc", "no", "nos", "fig", "approx", "est", "dept",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pres", "rev",
        "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "i.e", "e.g", "ph.d", "calif", "fla", "mass", "wash", "ariz",
    };

    /// <summary>Sentences of every paragraph of <paramref name="text"/> (paragraphs separated by blank lines).</summary>
    public static IReadOnlyList<Sentence> Split(string text)
    {
        var result = new List<Sentence>();
        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var p = 0; p < paragraphs.Length; p++)
        {
            foreach (var sentence in SplitParagraph(paragraphs[p].Replace('\n', ' ')))
            {
                result.Add(new Sentence(sentence, p, result.Count));
            }
        }

        return result;
    }

    /// <summary>Sentences of one paragraph.</summary>
    public static IEnumerable<string> SplitParagraph(string paragraph)
    {
        var start = 0;
        foreach (Match m in Boundary().Matches(paragraph))
        {
            var end = m.Index + m.Groups["end"].Length;
            if (IsAbbreviation(paragraph, m.Index))
            {
                continue;
            }

            var piece = Tidy(paragraph[start..end]);
            if (piece.Length > 0)
            {
                yield return piece;
            }

            start = end;
        }

        var rest = Tidy(paragraph[start..]);
        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    private static string Tidy(string sentence)
    {
        sentence = MultiSpace().Replace(sentence.Trim(), " ");
        // A doubled full stop is a typo ("the country.."), an ellipsis is not.
        if (sentence.EndsWith("..", StringComparison.Ordinal) && !sentence.EndsWith("...", StringComparison.Ordinal))
        {
            sentence = sentence[..^1];
        }

        // A stray " ." left by pasted text ("Russia. .") is not a sentence of its own.
        return sentence.Trim('.', ' ').Length == 0 ? "" : sentence;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        if (text[dot] != '.')
        {
            return false;
        }

        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        if (word.Length == 0)
        {
            return false;
        }

        // Single capital initials ("John F. Kennedy") and dotted acronyms ("U.S.") stay inside the sentence,
        // unless the acronym closes the sentence before a clearly new one; we accept that rare miss.
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }

    // End punctuation, optional closing quotes or brackets, whitespace, then something that can start a sentence; or a
    // Chinese or Japanese full stop, which needs no space and no capital after it (those scripts have neither).
    [GeneratedRegex("""(?<end>[.!?…]+["'”’)\]]*)\s+(?=["“‘'(\[]?[\p{Lu}\p{N}])|(?<end>[。！？]+[”’」』）)]*)\s*(?=\S)""")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"\s+")]
    private static partial Regex MultiSpace();
}
