using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Storyfold.Search;

/// <summary>Receives one token of a column: its folded text and its position (the count of tokens before it).</summary>
internal delegate void TokenSink(ReadOnlySpan<char> token, int position);

/// <summary>
/// Cuts text into tokens exactly as the store's FTS5 index does (<c>unicode61 remove_diacritics 2</c>), so the
/// in-memory index finds and counts the same tokens: a token is a run of letters, digits and private-use characters
/// (Unicode categories L*, N*, Co), folded to lower case with diacritics taken off Latin letters; combining diacritics
/// inside a token are dropped; everything else separates tokens. Outside the Basic Multilingual Plane (rare in news:
/// some Han characters) it follows .NET's categories and lower case.
/// </summary>
internal static class IndexTokenizer
{
    private const byte Separator = 0;
    private const byte TokenChar = 1;
    private const byte Diacritic = 2;

    // One table lookup a character for the Basic Multilingual Plane, where nearly all news text lives.
    private static readonly byte[] Kinds = new byte[65536];
    private static readonly char[] Folded = new char[65536];

    /// <summary>Folded value of a character FTS5 drops from the token (a combining diacritic).</summary>
    private const char Dropped = '\0';

    static IndexTokenizer()
    {
        // Which characters make tokens and how each folds is learnt from FTS5 itself, one row a character, so both
        // indexes agree on every character of the plane whatever Unicode tables .NET and SQLite were built with (and
        // .NET runs here without ICU, so it could not decompose accented letters itself). "qCq" shows whether C continues
        // a token and what it folds to; "C" alone shows whether it starts one.
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText =
                """
                CREATE VIRTUAL TABLE chars USING fts5(c, tokenize = 'unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE char_tokens USING fts5vocab(chars, 'instance');
                """;
            create.ExecuteNonQuery();
        }

        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO chars (rowid, c) VALUES ($row, $text)";
            var row = insert.Parameters.Add("$row", SqliteType.Integer);
            var text = insert.Parameters.Add("$text", SqliteType.Text);
            insert.Prepare();
            for (var c = 1; c < 65536; c++)
            {
                if (char.IsSurrogate((char)c))
                {
                    continue;
                }

                var ch = ((char)c).ToString();
                row.Value = 2 * c;
                text.Value = "q" + ch + "q";
                insert.ExecuteNonQuery();
                row.Value = 2 * c + 1;
                text.Value = ch;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        var inside = new Dictionary<int, List<string>>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT doc, term FROM char_tokens";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var doc = reader.GetInt64(0);
                var c = (int)(doc / 2);
                if (doc % 2 == 1)
                {
                    Kinds[c] = TokenChar;
                }
                else
                {
                    if (!inside.TryGetValue(c, out var terms))
                    {
                        inside[c] = terms = [];
                    }

                    terms.Add(reader.GetString(1));
                }
            }
        }

        foreach (var (c, terms) in inside)
        {
            // One token "q…q": the character continues a token, folded to what stands between the q's (nothing when
            // FTS5 drops it, as it drops combining diacritics).
            if (terms.Count == 1 && terms[0].Length >= 2)
            {
                var folded = terms[0][1..^1];
                Folded[c] = folded.Length == 1 ? folded[0] : folded.Length == 0 ? Dropped : (char)c;
                if (Kinds[c] != TokenChar)
                {
                    Kinds[c] = Diacritic;
                }
            }
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

                // A token character, or a diacritic that continues the token (FTS5 keeps what it folds to, if anything).
                if (width == 2 || Folded[text[i]] != Dropped)
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
}
