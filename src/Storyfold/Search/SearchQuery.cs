using System.Text;

namespace Storyfold.Search;

/// <summary>
/// A user's search text turned into FTS5 syntax. Users type words, <c>"phrases"</c>, <c>prefix*</c>, <c>OR</c>,
/// <c>-excluded</c> and <c>title:</c>/<c>source:</c> fields; every term is quoted, so no input can inject FTS5 syntax.
/// </summary>
public sealed record SearchQuery(string Text, string Fts)
{
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

    private static readonly (string Prefix, string Column)[] Fields = [("title:", "display_title"), ("source:", "source")];

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

        var fts = new StringBuilder();
        foreach (var group in groups)
        {
            if (fts.Length > 0)
            {
                fts.Append(" AND ");
            }

            fts.Append('(').AppendJoin(" OR ", group.Select(Term)).Append(')');
        }

        foreach (var exclusion in exclusions)
        {
            fts.Append(" NOT ").Append(Term(exclusion));
        }

        return SearchQueryResult.Ok(new SearchQuery(text.Trim(), fts.ToString()));
    }

    private static string Term(Token token)
    {
        var quoted = "\"" + token.Body.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (token.Prefix ? " *" : "");
        return token.Column is null ? quoted : $"{token.Column} : {quoted}";
    }

    private sealed record Token(string Body, string? Column, bool Negated, bool Prefix, bool IsOperator);
}

/// <summary>A parsed search, or why the text cannot be searched.</summary>
public sealed record SearchQueryResult(SearchQuery? Query, string? Error)
{
    public static SearchQueryResult Ok(SearchQuery query) => new(query, null);

    public static SearchQueryResult Fail(string error) => new(null, error);
}
