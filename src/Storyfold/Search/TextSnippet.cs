using System.Text;

namespace Storyfold.Search;

/// <summary>A word or Chinese run the search looks for, to mark in snippets; a prefix matches longer words too.</summary>
public readonly record struct SnippetTerm(string Text, bool Prefix, bool Han);

/// <summary>
/// Cuts a snippet from an article's text: a window from just before the first place the text holds a searched term,
/// with every searched term in it marked. Done here rather than with FTS5's snippet(), which tokenizes the whole text
/// and scores every window (about a tenth of a millisecond an article), and cannot show Chinese matched in bigrams.
/// </summary>
public static class TextSnippet
{
    /// <summary>Characters shown before the first match.</summary>
    private const int Before = 60;

    /// <summary>Characters the snippet holds in all, about the 28 words FTS5 would show.</summary>
    private const int Length = 200;

    public static IReadOnlyList<SnippetPart> Cut(string text, IReadOnlyList<SnippetTerm> terms)
    {
        var first = -1;
        foreach (var term in terms)
        {
            if (Find(text, term, 0, text.Length) is { } found && (first < 0 || found.Start < first))
            {
                first = found.Start;
            }
        }

        var start = first < 0 ? 0 : Math.Max(0, first - Before);
        // Start and end at word boundaries, and never cut a character in half.
        if (start > 0)
        {
            var space = text.LastIndexOfAny([' ', '\n'], start);
            start = space >= 0 && first - space < Before * 2 ? space + 1 : start;
        }

        var end = Math.Min(text.Length, start + Length);
        if (end < text.Length)
        {
            var space = text.IndexOfAny([' ', '\n'], end);
            end = space >= 0 && space - end < 20 ? space : end;
        }

        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        var parts = new List<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new SnippetPart("…", false));
        }

        var plainFrom = start;
        var at = start;
        while (at < end)
        {
            // The earliest match in the rest of the window, the longest when two start together.
            (int Start, int Length)? next = null;
            foreach (var term in terms)
            {
                if (Find(text, term, at, end) is { } found
                    && (next is not { } best || found.Start < best.Start || (found.Start == best.Start && found.Length > best.Length)))
                {
                    next = found;
                }
            }

            if (next is not { } match)
            {
                break;
            }

            if (match.Start > plainFrom)
            {
                parts.Add(new SnippetPart(text[plainFrom..match.Start].ReplaceLineEndings(" "), false));
            }

            parts.Add(new SnippetPart(text.Substring(match.Start, match.Length), true));
            at = plainFrom = match.Start + match.Length;
        }

        if (end > plainFrom)
        {
            parts.Add(new SnippetPart(text[plainFrom..end].ReplaceLineEndings(" "), false));
        }

        if (end < text.Length)
        {
            parts.Add(new SnippetPart("…", false));
        }

        return parts;
    }

    /// <summary>Lower case without accents, one character for one (so a folded text keeps every index), as the index's tokenizer compares letters.</summary>
    private static char Fold(char c) => Storyfold.Text.LatinLetters.Fold(c);

    private static int FoldedIndexOf(ReadOnlySpan<char> text, string term)
    {
        for (var i = 0; i + term.Length <= text.Length; i++)
        {
            var j = 0;
            while (j < term.Length && Fold(text[i + j]) == Fold(term[j]))
            {
                j++;
            }

            if (j == term.Length)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Where <paramref name="term"/> next stands as a word (or, for Chinese, anywhere) in text[from..to].</summary>
    private static (int Start, int Length)? Find(string text, SnippetTerm term, int from, int to)
    {
        while (from < to)
        {
            // Ordinal first (fast, and enough for most text); then ignoring accents, as the index's tokenizer does.
            var span = text.AsSpan(from, to - from);
            var index = span.IndexOf(term.Text, StringComparison.OrdinalIgnoreCase);
            var length = term.Text.Length;
            if (index < 0 && !term.Han && (!Ascii.IsValid(span) || !Ascii.IsValid(term.Text)))
            {
                index = FoldedIndexOf(span, term.Text);
            }

            if (index < 0)
            {
                return null;
            }

            var start = from + index;
            if (term.Han)
            {
                return (start, length);
            }

            var end = start + length;
            var wordStart = start == 0 || !char.IsLetterOrDigit(text[start - 1]);
            if (wordStart && term.Prefix)
            {
                while (end < text.Length && char.IsLetterOrDigit(text[end]))
                {
                    end++;
                }
            }

            var wordEnd = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (wordStart && wordEnd)
            {
                return (start, end - start);
            }

            from = start + 1;
        }

        return null;
    }
}
