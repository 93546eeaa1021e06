using System.Text;

namespace Storyfold.Search;

/// <summary>
/// A user's search text turned into FTS5 syntax. Users type words, <c>"phrases"</c>, <c>prefix*</c>, <c>OR</c>,
/// <c>-excluded</c> and <c>title:</c>/<c>source:</c> fields; every term is quoted, so no input can inject FTS5 syntax.
/// </summary>
public sealed record SearchQuery(string Text, string Fts)
{
    /// <summary>The words and Chinese runs the search looks for, to mark them in snippets.</summary>
    public IReadOnlyList<SnippetTerm> Terms { get; init; } = [];

    /// <summary>The same search as <see cref="Fts"/>, as a structure: every group must match (a group matches when
    /// any of its terms does), and no exclusion may. Phrases are numbered in this order, as FTS5 numbers them.</summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> Groups { get; init; } = [];

    /// <summary>Terms a match must not contain.</summary>
    public IReadOnlyList<SearchTerm> Exclusions { get; init; } = [];

    /// <summary>Parses <paramref name="text"/>; on bad input returns an error that says what is wrong.</summary>
    public static SearchQueryResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SearchQueryResult.Fail("the search is empty: type a word or a \"phrase\"");
        }

        if (text.Length > 500)
        {
            return SearchQueryResult.Fail("the search is too long (at most 500 characters)");
        }

        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                negated = true;
                i++;
            }

            string? column = null;
            foreach (var (prefix, name) in Fields)
            {
                if (text.AsSpan(i).StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && i + prefix.Length < text.Length
                    && !char.IsWhiteSpace(text[i + prefix.Length]))
                {
                    column = name;
                    i += prefix.Length;
                    break;
                }
            }

            string body;
            bool phrase;
            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    return SearchQueryResult.Fail($"a quote opened at character {i + 1} is never closed");
                }

                body = text[(i + 1)..close];
                phrase = true;
                i = close + 1;
            }
            else
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"')
                {
                    end++;
                }

                body = text[i..end];
                phrase = false;
                i = end;
            }

            var prefixSearch = false;
            if (i < text.Length && text[i] == '*')
            {
                prefixSearch = true;
                i++;
            }
            else if (!phrase && body.EndsWith('*'))
            {
                prefixSearch = true;
                body = body.TrimEnd('*');
            }

            // "Washington Post's" finds the Post: a bare word's possessive 's is a token of its own for the index, and
            // asking for it as a phrase would scan the "s" of every article (a phrase in quotes keeps it).
            if (!phrase && !prefixSearch && body.Length > 2 && body[^1] is 's' or 'S' && body[^2] is '\'' or '’')
            {
                body = body[..^2];
            }

            if (!phrase && !negated && column is null && !prefixSearch && body is "OR" or "AND" or "NOT")
            {
                tokens.Add(new Token(body, null, false, false, IsOperator: true));
                continue;
            }

            // Words without a letter or digit give the tokenizer nothing to match; dropping them keeps "a & b" working.
            if (!body.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            tokens.Add(new Token(body, column, negated, prefixSearch, IsOperator: false));
        }

        return Build(text, tokens);
    }

    private const string TitleColumn = "display_title";
    private const string SourceColumn = "source";

    private static readonly (string Prefix, string Column)[] Fields = [("title:", TitleColumn), ("source:", SourceColumn)];

    private static SearchQueryResult Build(string text, List<Token> tokens)
    {
        // Terms joined by OR form one group; groups are ANDed; exclusions apply to the whole.
        var groups = new List<List<Token>>();
        var exclusions = new List<Token>();
        var pendingOr = false;
        var pendingNot = false;
        foreach (var token in tokens)
        {
            if (token.IsOperator)
            {
                switch (token.Body)
                {
                    case "OR" when groups.Count == 0 || pendingOr:
                        return SearchQueryResult.Fail("OR needs a word on each side");
                    case "OR":
                        pendingOr = true;
                        break;
                    case "NOT":
                        pendingNot = true;
                        break;
                }

                continue;
            }

            if (token.Negated || pendingNot)
            {
                exclusions.Add(token with { Negated = true });
                pendingNot = false;
                pendingOr = false;
                continue;
            }

            if (pendingOr)
            {
                groups[^1].Add(token);
                pendingOr = false;
            }
            else
            {
                groups.Add([token]);
            }
        }

        if (pendingOr)
        {
            return SearchQueryResult.Fail("OR needs a word on each side");
        }

        if (groups.Count == 0)
        {
            return SearchQueryResult.Fail(exclusions.Count > 0
                ? "a search needs at least one word to look for, not only words to leave out"
                : "the search has no words to look for");
        }

        var structured = groups.Select(group => (IReadOnlyList<SearchTerm>)group.Select(Term).ToList()).ToList();
        var excluded = exclusions.Select(Term).ToList();
        var fts = new StringBuilder();
        foreach (var group in structured)
        {
            if (fts.Length > 0)
            {
                fts.Append(" AND ");
            }

            fts.Append('(').AppendJoin(" OR ", group.Select(term => term.Fts)).Append(')');
        }

        foreach (var exclusion in excluded)
        {
            fts.Append(" NOT ").Append(exclusion.Fts);
        }

        var terms = groups.SelectMany(group => group)
            .Where(token => token.Column != SourceColumn)
            .SelectMany(token => HanBigrams.Split(token.Body).SelectMany(piece => piece.Han
                ? [new SnippetTerm(piece.Text, false, true)]
                : Words(piece.Text).Select(word => new SnippetTerm(word, token.Prefix, false))))
            .Distinct()
            .ToList();
        return SearchQueryResult.Ok(new SearchQuery(text.Trim(), fts.ToString())
        {
            Terms = terms,
            Groups = structured,
            Exclusions = excluded,
        });
    }

    /// <summary>The words of a piece of a query, as the index's tokenizer cuts them (runs of letters and digits).</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    private static SearchTerm Term(Token token)
    {
        if (token.Column != SourceColumn && HanBigrams.HasHan(token.Body))
        {
            return HanTerm(token);
        }

        return new SearchTerm([new SearchPhrase(token.Body, ColumnsOf(token.Column), token.Prefix)]);
    }

    private static int ColumnsOf(string? column) => column switch
    {
        TitleColumn => SearchPhrase.InTitle,
        SourceColumn => SearchPhrase.InSource,
        _ => SearchPhrase.InAll,
    };

    /// <summary>
    /// A term with Chinese in it: each Han run becomes a phrase of bigrams in the Han columns (indexed the same way by
    /// <see cref="HanBigrams"/>), the rest stays a word of the ordinary columns, and all the pieces must match.
    /// </summary>
    private static SearchTerm HanTerm(Token token)
    {
        var hanColumns = token.Column == TitleColumn ? SearchPhrase.InHanTitle : SearchPhrase.InHanTitle | SearchPhrase.InHanText;
        var pieces = HanBigrams.Split(token.Body);
        var last = pieces.Select((piece, index) => (piece, index)).Last(p => p.piece.Han || p.piece.Text.Any(char.IsLetterOrDigit)).index;
        var parts = new List<SearchPhrase>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var (text, han) = pieces[i];
            if (han)
            {
                var tokens = HanBigrams.QueryTokens(text);
                var prefix = tokens.Count == 1 && tokens[0].EnumerateRunes().Count() == 1 || (i == last && token.Prefix);
                parts.Add(new SearchPhrase(string.Join(' ', tokens), hanColumns, prefix));
            }
            else if (text.Any(char.IsLetterOrDigit))
            {
                parts.Add(new SearchPhrase(text.Trim(), ColumnsOf(token.Column), i == last && token.Prefix));
            }
        }

        return new SearchTerm(parts);
    }

    private sealed record Token(string Body, string? Column, bool Negated, bool Prefix, bool IsOperator);
}

/// <summary>A parsed search, or why the text cannot be searched.</summary>
public sealed record SearchQueryResult(SearchQuery? Query, string? Error)
{
    public static SearchQueryResult Ok(SearchQuery query) => new(query, null);

    public static SearchQueryResult Fail(string error) => new(null, error);
}

/// <summary>A phrase of the index's tokens (one word is a phrase of one), looked for in some of the index's columns.</summary>
/// <param name="Text">The phrase as typed; the index's tokenizer cuts it into tokens.</param>
/// <param name="Columns">Bit mask of the columns searched (<see cref="InTitle"/> and the rest).</param>
/// <param name="Prefix">The last token matches any token that starts with it.</param>
public sealed record SearchPhrase(string Text, int Columns, bool Prefix)
{
    public const int InTitle = 1;
    public const int InText = 2;
    public const int InSource = 4;
    public const int InHanTitle = 8;
    public const int InHanText = 16;
    public const int InAll = InTitle | InText | InSource | InHanTitle | InHanText;

    /// <summary>The phrase in FTS5 syntax, quoted so no input can inject syntax.</summary>
    public string Fts
    {
        get
        {
            var quoted = "\"" + Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (Prefix ? " *" : "");
            var columns = Columns switch
            {
                InAll => null,
                InTitle => "display_title",
                InSource => "source",
                InHanTitle => "han_title",
                InHanTitle | InHanText => "{han_title han_text}",
                _ => throw new InvalidOperationException($"no FTS5 column set for mask {Columns}"),
            };
            return columns is null ? quoted : $"{columns} : {quoted}";
        }
    }
}

/// <summary>One term of a search: phrases that must all match (one, unless the term mixes Chinese with other text).</summary>
public sealed record SearchTerm(IReadOnlyList<SearchPhrase> Phrases)
{
    public string Fts => Phrases.Count == 1 ? Phrases[0].Fts : "(" + string.Join(" AND ", Phrases.Select(p => p.Fts)) + ")";
}
