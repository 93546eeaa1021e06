using System.Runtime.CompilerServices;

namespace Storyfold.Clustering;

/// <summary>What a token is: a Latin-script (or other alphabetic) word, a number, or a run of Han characters.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Han,
}

/// <summary>
/// One token, as places in the text rather than strings (strings per token were most of the featurizer's cost). The
/// normal form (lower case, no possessive; a number without its thousands commas) is read with <see cref="TokenizedText.Normal"/>;
/// <see cref="WordHash"/> is the word-channel hash of the normal form (words and numbers), <see cref="NameHash"/> the
/// name-channel one (capitalised words), both read once here instead of once per use.
/// </summary>
internal readonly record struct Token(
    int Start, int Length, int NormStart, int NormLength, TokenKind Kind, bool Capitalised, bool SentenceStart, bool IsStopWord,
    byte Month, ulong WordHash, ulong NameHash);

/// <summary>
/// A text cut into tokens, with the normal forms of all its tokens in one buffer. Reused from text to text (its buffers
/// are kept), so that reading an article's tokens makes no garbage; not thread-safe.
/// </summary>
internal sealed class TokenizedText
{
    /// <summary>Buffers grown past this many characters are not kept for the next text: one huge article must not pin them.</summary>
    private const int KeptCapacity = 1 << 16;

    private Token[] _tokens = new Token[256];
    private char[] _norm = new char[1024];

    /// <summary>How many Han characters the text has: each starts a bigram (a run of them is one token).</summary>
    public int HanCharacters { get; private set; }

    public string Source { get; private set; } = "";

    public int Count { get; private set; }

    public ReadOnlySpan<Token> Tokens => _tokens.AsSpan(0, Count);

    public ref readonly Token this[int index] => ref _tokens[index];

    public ReadOnlySpan<char> Raw(in Token token) => Source.AsSpan(token.Start, token.Length);

    public ReadOnlySpan<char> Normal(in Token token) => _norm.AsSpan(token.NormStart, token.NormLength);

    /// <summary>A new tokenized text (tests and one-off reads; the featurizer reuses one with <see cref="Read"/>).</summary>
    public static TokenizedText Of(string text)
    {
        var tokenized = new TokenizedText();
        tokenized.Read(text);
        return tokenized;
    }

    /// <summary>Cuts <paramref name="text"/> into tokens, replacing what this instance held.</summary>
    public void Read(string text)
    {
        // Normal forms are never longer than the token they come from, so one text-sized buffer holds them all; a token
        // takes at least one character, so as many tokens as characters is a bound too (texts seldom come near it).
        if (_norm.Length < text.Length || _norm.Length > KeptCapacity)
        {
            _norm = new char[Math.Max(text.Length, 1024)];
        }

        if (_tokens.Length > KeptCapacity / 4)
        {
            _tokens = new Token[256];
        }

        Source = text;
        Count = 0;
        HanCharacters = 0;
        var norm = _norm;
        var used = 0;
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            switch (StartOf(c))
            {
                case TokenKind.Word:
                    i = ReadWord(text, i, ref used, sentenceStart);
                    break;
                case TokenKind.Number:
                    i = ReadNumber(text, i, ref used, sentenceStart);
                    break;
                case TokenKind.Han:
                    var start = i;
                    while (i < text.Length && ArticleFeaturizer.IsHan(text[i]))
                    {
                        i++;
                    }

                    text.AsSpan(start, i - start).CopyTo(norm.AsSpan(used));
                    HanCharacters += i - start;
                    Append(new Token(start, i - start, used, i - start, TokenKind.Han, false, sentenceStart, false, 0, 0, 0));
                    used += i - start;
                    break;
                default:
                    if (c is '.' or '!' or '?' or '\n' or '"' or ':' or '\u201C' or '\u3002' or '\uFF01' or '\uFF1F')
                    {
                        sentenceStart = true;
                    }

                    i++;
                    continue;
            }

            sentenceStart = false;
        }
    }

    /// <summary>The kind of token a character starts, or <see cref="NoToken"/> for one that starts none.</summary>
    /// <remarks>Called for every character between tokens: ASCII (most text) by a table, inlined.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TokenKind StartOf(char c) => c < 128 ? (TokenKind)AsciiStarts[c] : StartOfOther(c);

    private static TokenKind StartOfOther(char c) =>
        ArticleFeaturizer.IsHan(c) ? TokenKind.Han : char.IsDigit(c) ? TokenKind.Number : char.IsLetter(c) ? TokenKind.Word : NoToken;

    private const TokenKind NoToken = (TokenKind)byte.MaxValue;

    /// <summary>What each ASCII character starts: a word (letters), a number (digits), or nothing.</summary>
    private static ReadOnlySpan<byte> AsciiStarts =>
    [
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 255, 255, 255, 255, 255, 255,
        255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255,
        255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255,
    ];

    /// <summary>
    /// A number: digits, with commas and points between digits (the commas left out of its normal form). Returns where
    /// the number ends.
    /// </summary>
    private int ReadNumber(string text, int i, ref int used, bool sentenceStart)
    {
        var start = i;
        var normStart = used;
        var norm = _norm;
        while (i < text.Length && (char.IsDigit(text[i]) ||
               ((text[i] == ',' || text[i] == '.') && i + 1 < text.Length && char.IsDigit(text[i + 1]) && i > start)))
        {
            if (text[i] != ',')
            {
                norm[used++] = text[i];
            }

            i++;
        }

        var normal = norm.AsSpan(normStart, used - normStart);
        Append(new Token(
            start, i - start, normStart, used - normStart, TokenKind.Number, false, sentenceStart, false, 0,
            ArticleFeaturizer.Hash(normal, ArticleFeaturizer.WordKind), 0));
        return i;
    }

    /// <summary>
    /// A word: letters and digits, with apostrophes and hyphens between letters, up to a Han character. Plain ASCII words
    /// (nearly all) are lower-cased here as they are read; others go through the invariant culture's casing. Returns where
    /// the word ends.
    /// </summary>
    private int ReadWord(string text, int i, ref int used, bool sentenceStart)
    {
        var start = i;
        var norm = _norm;
        var ascii = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 128)
            {
                if (char.IsAsciiLetterOrDigit(c) ||
                    ((c == '\'' || c == '-') && i + 1 < text.Length && char.IsLetter(text[i + 1])))
                {
                    norm[used + i - start] = (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c);
                    i++;
                    continue;
                }

                break;
            }

            if (ArticleFeaturizer.IsHan(c) ||
                !(char.IsLetterOrDigit(c) || (c == '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                break;
            }

            ascii = false;
            i++;
        }

        var word = text.AsSpan(start, i - start);
        int length;
        if (ascii)
        {
            length = word.Length >= 2 && norm[used + word.Length - 2] == '\'' && norm[used + word.Length - 1] == 's'
                ? word.Length - 2
                : word.Length;
        }
        else
        {
            length = ArticleFeaturizer.NormaliseInto(word, norm.AsSpan(used));
        }

        var normal = norm.AsSpan(used, length);
        var capitalised = char.IsUpper(text[start]);
        var lexicon = Lexicon.Find(normal);
        Append(new Token(
            start, i - start, used, length, TokenKind.Word, capitalised, sentenceStart, lexicon.IsStopWord, lexicon.Month,
            lexicon.WordHash, capitalised ? ArticleFeaturizer.Hash(normal, ArticleFeaturizer.NameKind) : 0));
        used += length;
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(in Token token)
    {
        if (Count == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        _tokens[Count++] = token;
    }

    /// <summary>
    /// The stop words and month names, found by the word hash the tokenizer computes anyway: one probe of a small table
    /// per word instead of two string lookups (they were a tenth of the featurizer's cost).
    /// </summary>
    private static class Lexicon
    {
        private const int Size = 1024;

        private static readonly (ulong Hash, string? Word, bool IsStopWord, byte Month)[] Table = Build();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (ulong WordHash, bool IsStopWord, byte Month) Find(ReadOnlySpan<char> normal)
        {
            var hash = ArticleFeaturizer.Hash(normal, ArticleFeaturizer.WordKind);
            for (var slot = (int)(hash & (Size - 1)); Table[slot].Word is { } word; slot = (slot + 1) & (Size - 1))
            {
                // The hash finds the entry; the spelling confirms it, so no other word is ever taken for a stop word.
                if (Table[slot].Hash == hash && normal.SequenceEqual(word))
                {
                    return (hash, Table[slot].IsStopWord, Table[slot].Month);
                }
            }

            return (hash, false, 0);
        }

        private static (ulong, string?, bool, byte)[] Build()
        {
            var entries = new Dictionary<string, (bool IsStopWord, byte Month)>(StringComparer.Ordinal);
            foreach (var word in ArticleFeaturizer.StopWords)
            {
                entries[word] = (true, 0);
            }

            foreach (var (word, month) in ArticleFeaturizer.MonthNumbers)
            {
                entries[word] = (entries.ContainsKey(word), (byte)month);
            }

            var table = new (ulong, string?, bool, byte)[Size];
            foreach (var (word, (isStopWord, month)) in entries)
            {
                var hash = ArticleFeaturizer.Hash(word, ArticleFeaturizer.WordKind);
                var slot = (int)(hash & (Size - 1));
                while (table[slot].Item2 is not null)
                {
                    slot = (slot + 1) & (Size - 1);
                }

                table[slot] = (hash, word, isStopWord, month);
            }

            return table;
        }
    }
}
