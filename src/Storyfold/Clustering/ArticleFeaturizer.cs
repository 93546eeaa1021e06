using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Storyfold.News;

namespace Storyfold.Clustering;

/// <summary>Kinds of evidence, compared separately and then combined.</summary>
public enum FeatureChannel
{
    Word = 0,
    Name = 1,
    NumberOrDate = 2,
    ChineseBigram = 3,
}

/// <summary>
/// Turns an article into <see cref="ArticleFeatures"/>: words (stop words out, plurals folded), named entities
/// (capitalised spans), numbers, calendar dates, Chinese character bigrams and, with a glossary, English
/// renderings of Chinese words so that reports in both languages share features. Pure and thread-safe.
/// </summary>
public sealed class ArticleFeaturizer(Lazy<ChineseGlossary?> glossarySource, ClusteringOptions options)
{
    /// <summary>Fixed-point scale of feature weights: integer sums stay exact whatever order they are added in.</summary>
    public const int WeightScale = 100;

    private const int SignatureSize = 32;
    private const int ShingleWords = 4;
    private const ulong SeedStep = 0x9E3779B97F4A7C15UL;

    // Kinds keep a word, a name and a number with the same spelling apart.
    internal const ulong WordKind = 0x9E3779B97F4A7C15UL;
    internal const ulong NameKind = 0xC2B2AE3D27D4EB4FUL;
    private const ulong NumberKind = 0x165667B19E3779F9UL;
    internal const ulong DateKind = 0x27D4EB2F165667C5UL;
    private const ulong BigramKind = 0x85EBCA77C2B2AE63UL;

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Month names and their abbreviations, with the month's number.</summary>
    internal static readonly Dictionary<string, int> MonthNumbers = BuildMonths();

    // One reading's working memory per thread: extraction runs on the pool, many articles at once.
    private readonly ThreadLocal<Reading> _readings = new(() => new Reading());

    public ArticleFeaturizer(ChineseGlossary? glossary, ClusteringOptions? options = null)
        : this(new Lazy<ChineseGlossary?>(glossary), options ?? new ClusteringOptions())
    {
    }

    /// <summary>The glossary, loaded the first time a Chinese article needs it.</summary>
    public ChineseGlossary? Glossary => glossarySource.Value;

    public ArticleFeatures Extract(Article article)
    {
        var reading = _readings.Value!;
        var title = reading.Title;
        var body = reading.Body;
        title.Read(article.Title);
        body.Read(article.Text);
        var counts = reading.Counts;
        var names = reading.Names;
        counts.Clear();
        names.Clear();
        reading.Shingles.Clear();
        NameWords(body, reading.NameWords);

        // The headline says what the story is about: its features count twice.
        AddFeatures(title, options.TitleBoost, reading, null);
        AddFeatures(body, 1.0, reading, reading.Shingles);
        AddPublicationDate(article.Published, counts);

        var terms = counts.SortedTerms();
        var weights = new int[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            // A term seen once (most of them) weighs exactly the scale: no logarithm needed.
            var raw = counts.SumOf(terms[i]);
            weights[i] = raw <= 1.0 ? WeightScale : Math.Max(1, (int)Math.Round(WeightScale * (1 + Math.Log(raw))));
        }

        var nameArray = names.SortedTerms();
        var signature = Signature(reading.Shingles.Span);
        double? day = article.Published is { } published ? published.Value.ToUnixTimeSeconds() / 86400.0 : null;
        var mentioned = Math.Max(LatestYear(title), LatestYear(body));
        var recalled = article.Published is { } dated ? RecalledYears(dated.Value.Year, title, body) : [];
        reading.Release();
        // Dates written in the text were measured as event dates and found too noisy (background dates abound):
        // only the publication date places an article in time.
        return new ArticleFeatures(
            article.Id, terms, weights, nameArray, signature, day, day, article.Published?.Value.Year, article.Language,
            mentioned > 0 ? mentioned : null, recalled);
    }

    /// <summary>
    /// The working memory of one thread's reading (tokens, tallies, shingles), kept from article to article so that the
    /// feature threads make little garbage: their allocations drove the collections that stalled the assignment thread.
    /// </summary>
    private sealed class Reading
    {
        public TokenizedText Title { get; } = new();

        public TokenizedText Body { get; } = new();

        public TermTally Counts { get; } = new();

        public TermTally Names { get; } = new();

        public TermTally NameWords { get; } = new();

        public ShingleList Shingles { get; } = new();

        /// <summary>Lets go of the article's text (the buffers stay).</summary>
        public void Release()
        {
            Title.Read("");
            Body.Read("");
        }
    }

    /// <summary>The word hashes of a body in order, for its MinHash signature.</summary>
    private sealed class ShingleList
    {
        private ulong[] _tokens = new ulong[1024];

        public int Count { get; private set; }

        public ReadOnlySpan<ulong> Span => _tokens.AsSpan(0, Count);

        public void Clear()
        {
            if (_tokens.Length > 1 << 16)
            {
                _tokens = new ulong[1024];
            }

            Count = 0;
        }

        public void Add(ulong token)
        {
            if (Count == _tokens.Length)
            {
                Array.Resize(ref _tokens, _tokens.Length * 2);
            }

            _tokens[Count++] = token;
        }
    }

    /// <summary>Words written capitalised in mid-sentence somewhere in the body: names rather than sentence openers (as name hashes).</summary>
    private static void NameWords(TokenizedText text, TermTally set)
    {
        set.Clear();
        foreach (ref readonly var token in text.Tokens)
        {
            if (token is { Kind: TokenKind.Word, Capitalised: true, SentenceStart: false, IsStopWord: false, NormLength: > 1 } &&
                !IsAllCaps(text.Raw(token)))
            {
                set.Add(token.NameHash, 0);
            }
        }
    }

    private void AddFeatures(TokenizedText text, double boost, Reading reading, ShingleList? shingleTokens)
    {
        var tokens = text.Tokens;
        var counts = reading.Counts;
        var names = reading.Names;
        var nameWords = reading.NameWords;
        // Token indices of the current run of name words; a run of two or more is also a name of its own.
        var spanStart = -1;
        var spanCount = 0;

        void FlushSpan(ReadOnlySpan<Token> tokens)
        {
            if (spanCount > 1)
            {
                var joined = new TermHash(NameKind);
                var added = 0;
                for (var t = spanStart; added < spanCount; t++)
                {
                    if (added > 0)
                    {
                        joined.Add(' ');
                    }

                    joined.Add(text.Normal(tokens[t]));
                    added++;
                }

                var hash = joined.Finish(NameKind);
                counts.Add(hash, boost * options.NameBoost);
                names.Add(hash, 0);
            }

            spanStart = -1;
            spanCount = 0;
        }

        for (var t = 0; t < tokens.Length; t++)
        {
            ref readonly var token = ref tokens[t];
            switch (token.Kind)
            {
                case TokenKind.Han:
                    FlushSpan(tokens);
                    AddHan(text.Raw(token), boost, counts, names, shingleTokens);
                    if (t + 1 < tokens.Length)
                    {
                        AddChineseDate(text, t, boost, counts);
                    }

                    break;
                case TokenKind.Number:
                    FlushSpan(tokens);
                    shingleTokens?.Add(token.WordHash);
                    AddNumber(text, t, boost, counts);
                    break;
                default:
                    shingleTokens?.Add(token.WordHash);
                    if (token.Month > 0)
                    {
                        AddEnglishDate(text, t, token.Month, boost, counts);
                    }

                    if (token.NormLength < 2 || token.IsStopWord)
                    {
                        FlushSpan(tokens);
                        continue;
                    }

                    counts.Add(StemHash(text.Normal(token), token.WordHash), boost);
                    if (token.Capitalised && nameWords.Contains(token.NameHash))
                    {
                        counts.Add(token.NameHash, boost * options.NameBoost);
                        names.Add(token.NameHash, 0);
                        // Tokens of a run are consecutive (anything between them flushes it).
                        if (spanCount == 0)
                        {
                            spanStart = t;
                        }

                        spanCount++;
                    }
                    else
                    {
                        FlushSpan(tokens);
                    }

                    break;
            }
        }

        FlushSpan(tokens);
    }

    private void AddHan(ReadOnlySpan<char> run, double boost, TermTally counts, TermTally names, ShingleList? shingleTokens)
    {
        for (var b = 0; b + 1 < run.Length; b++)
        {
            var bigram = Hash(run.Slice(b, 2), BigramKind);
            counts.Add(bigram, boost * 0.5);
            shingleTokens?.Add(bigram);
        }

        if (Glossary is not { } glossary)
        {
            return;
        }

        var nameBoost = boost * options.NameBoost;
        var i = 0;
        while (i < run.Length)
        {
            if (glossary.LongestWordAt(run[i..]) is not { Gloss: { } gloss } entry)
            {
                i++;
                continue;
            }

            foreach (var word in entry.Terms.Words)
            {
                counts.Add(word, boost);
            }

            foreach (var name in entry.Terms.Names)
            {
                counts.Add(name, nameBoost);
                names.Add(name, 0);
            }

            i += gloss.Chinese.Length;
        }
    }

    /// <summary>
    /// The features a gloss adds, in the order they are added: its words as word features, and for a name its words and,
    /// when it has several, all of them joined, as names.
    /// </summary>
    internal static GlossTerms TermsOf(Gloss gloss)
    {
        var words = gloss.Words.Select(word => Hash(Stem(word), WordKind)).ToArray();
        if (!gloss.IsName)
        {
            return new GlossTerms(words, []);
        }

        var names = gloss.Words.Select(word => Hash(word, NameKind)).ToList();
        if (gloss.Words.Count > 1)
        {
            names.Add(Hash(string.Join(' ', gloss.Words), NameKind));
        }

        return new GlossTerms(words, [.. names]);
    }

    private void AddNumber(TokenizedText source, int t, double boost, TermTally counts)
    {
        var tokens = source.Tokens;
        var text = source.Normal(tokens[t]);
        // Small whole numbers ("2 people", "3 days") are everywhere; larger ones and decimals identify an event.
        var isDecimal = text.Contains('.');
        if (!isDecimal && text.Length < 2)
        {
            return;
        }

        counts.Add(Hash(text, NumberKind), boost * options.NumberBoost);
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) &&
            year is >= 1900 and <= 2100 && t > 0 && tokens[t - 1].Kind == TokenKind.Word &&
            tokens[t - 1].Month is > 0 and var month)
        {
            counts.Add(MonthTerm(year, month), boost * options.DateBoost);
        }
    }

    /// <summary>
    /// The publication year and month count as dates the article states: the clean-up moves datelines out of the body,
    /// and without this a dated report would lose what tells this year's event from last year's. The day is left out:
    /// reports of one story on consecutive days must not differ by it.
    /// </summary>
    private void AddPublicationDate(PublicationDate? published, TermTally counts)
    {
        if (published is not { } date)
        {
            return;
        }

        var day = date.Day;
        // Written into a buffer: every dated article comes here, and formatting strings was a visible cost.
        Span<char> text = stackalloc char[16];
        day.Year.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        counts.Add(Hash(text[..length], NumberKind), options.NumberBoost);
        text[length++] = '-';
        day.Month.TryFormat(text[length..], out var monthLength, "00", CultureInfo.InvariantCulture);
        counts.Add(Hash(text[..(length + monthLength)], DateKind), options.DateBoost);
    }

    private void AddEnglishDate(TokenizedText text, int t, int month, double boost, TermTally counts)
    {
        // "December 15", "15 December", "Dec. 15th": a month and a day identify an event date.
        var tokens = text.Tokens;
        int? day = null;
        if (t + 1 < tokens.Length && tokens[t + 1].Kind is TokenKind.Number or TokenKind.Word)
        {
            day = DayOf(DayText(text, tokens[t + 1]));
        }

        if (day is null && t > 0)
        {
            day = DayOf(DayText(text, tokens[t - 1]));
        }

        if (day is { } d)
        {
            counts.Add(DayTerm(month, d), boost * options.DateBoost);
        }

        // A number as written without its commas; a word or a Han run as written.
        static ReadOnlySpan<char> DayText(TokenizedText text, in Token token) =>
            token.Kind == TokenKind.Number ? text.Normal(token) : text.Raw(token);
    }

    private void AddChineseDate(TokenizedText text, int t, double boost, TermTally counts)
    {
        // 9月22日: number, 月, number, 日 (the Han run between the numbers is exactly 月).
        var tokens = text.Tokens;
        if (t < 1 || !text.Raw(tokens[t]).SequenceEqual("月") || tokens[t - 1].Kind != TokenKind.Number || tokens[t + 1].Kind != TokenKind.Number)
        {
            return;
        }

        if (int.TryParse(text.Normal(tokens[t - 1]), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12 &&
            int.TryParse(text.Normal(tokens[t + 1]), NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31)
        {
            counts.Add(DayTerm(month, day), boost * options.DateBoost);
        }
    }

    /// <summary>The latest plausible year among the numbers of a text (0 when none): a bound on when it was written.</summary>
    private static int LatestYear(TokenizedText text)
    {
        var latest = 0;
        foreach (ref readonly var token in text.Tokens)
        {
            if (YearOf(text, token) is { } year)
            {
                latest = Math.Max(latest, year);
            }
        }

        return latest;
    }

    /// <summary>The year a token writes (a four-digit number from 1900 to 2100), or null.</summary>
    private static int? YearOf(TokenizedText text, in Token token) =>
        token is { Kind: TokenKind.Number, NormLength: 4 } &&
        int.TryParse(text.Normal(token), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100
            ? year
            : null;

    /// <summary>The plausible years before <paramref name="year"/> that the texts name, ascending and distinct.</summary>
    private static int[] RecalledYears(int year, TokenizedText title, TokenizedText body)
    {
        List<int>? years = null;
        foreach (var text in (ReadOnlySpan<TokenizedText>)[title, body])
        {
            foreach (ref readonly var token in text.Tokens)
            {
                if (YearOf(text, token) is { } named && named < year && !(years?.Contains(named) ?? false))
                {
                    (years ??= []).Add(named);
                }
            }
        }

        if (years is null)
        {
            return [];
        }

        years.Sort();
        return [.. years];
    }

    private static int? DayOf(ReadOnlySpan<char> text)
    {
        // ASCII digits only: a day written in other digits ("May ５") is not parsed (it made the reading throw).
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 2)
        {
            return null;
        }

        var rest = text[digits..];
        if (rest.Length > 0 && !(rest.SequenceEqual("st") || rest.SequenceEqual("nd") || rest.SequenceEqual("rd") || rest.SequenceEqual("th")))
        {
            return null;
        }

        var day = int.Parse(text[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31 ? day : null;
    }

    /// <summary>MinHash over the text's word shingles: for each of <see cref="SignatureSize"/> seeds, the least hash.</summary>
    private static uint[] Signature(ReadOnlySpan<ulong> tokens)
    {
        if (tokens.Length < ShingleWords + 4)
        {
            return [];
        }

        var signature = new uint[SignatureSize];
        if (Vector512.IsHardwareAccelerated)
        {
            SignatureVectorised(tokens, signature);
        }
        else
        {
            SignatureScalar(tokens, signature);
        }

        return signature;
    }

    /// <summary>The signature seed by seed (where the vector unit cannot multiply 64-bit lanes, and as the reference).</summary>
    internal static void SignatureScalar(ReadOnlySpan<ulong> tokens, uint[] signature)
    {
        Array.Fill(signature, uint.MaxValue);
        for (var i = 0; i + ShingleWords <= tokens.Length; i++)
        {
            var shingle = Shingle(tokens, i);
            for (var k = 0; k < SignatureSize; k++)
            {
                var value = (uint)(Mix(shingle + ((ulong)k * SeedStep)) >> 32);
                if (value < signature[k])
                {
                    signature[k] = value;
                }
            }
        }
    }

    /// <summary>
    /// The same signature, eight seeds at a time (the seeds' hashes were a seventh of the featurizer's cost): lanes hold
    /// the 32-bit values widened, so the minimum is taken exactly as the scalar loop takes it.
    /// </summary>
    internal static void SignatureVectorised(ReadOnlySpan<ulong> tokens, uint[] signature)
    {
        // The four vectors of seeds and of least values are locals, not a span, so that they stay in registers.
        const int Lanes = 8;
        var seeds0 = Seeds(0);
        var seeds1 = Seeds(1);
        var seeds2 = Seeds(2);
        var seeds3 = Seeds(3);
        var least0 = Vector512.Create((ulong)uint.MaxValue);
        var least1 = least0;
        var least2 = least0;
        var least3 = least0;
        for (var i = 0; i + ShingleWords <= tokens.Length; i++)
        {
            var shingle = Vector512.Create(Shingle(tokens, i));
            least0 = Vector512.Min(least0, High(shingle + seeds0));
            least1 = Vector512.Min(least1, High(shingle + seeds1));
            least2 = Vector512.Min(least2, High(shingle + seeds2));
            least3 = Vector512.Min(least3, High(shingle + seeds3));
        }

        for (var lane = 0; lane < Lanes; lane++)
        {
            signature[lane] = (uint)least0[lane];
            signature[Lanes + lane] = (uint)least1[lane];
            signature[(2 * Lanes) + lane] = (uint)least2[lane];
            signature[(3 * Lanes) + lane] = (uint)least3[lane];
        }

        static Vector512<ulong> Seeds(int v) => Vector512.Create(
            (ulong)((v * Lanes) + 0), (ulong)((v * Lanes) + 1), (ulong)((v * Lanes) + 2), (ulong)((v * Lanes) + 3),
            (ulong)((v * Lanes) + 4), (ulong)((v * Lanes) + 5), (ulong)((v * Lanes) + 6), (ulong)((v * Lanes) + 7)) * SeedStep;

        // Mix, lane by lane, keeping the high 32 bits (widened, so the minimum is the scalar loop's).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static Vector512<ulong> High(Vector512<ulong> x)
        {
            x ^= Vector512.ShiftRightLogical(x, 33);
            x *= Vector512.Create(0xFF51AFD7ED558CCDUL);
            x ^= Vector512.ShiftRightLogical(x, 33);
            x *= Vector512.Create(0xC4CEB9FE1A85EC53UL);
            x ^= Vector512.ShiftRightLogical(x, 33);
            return Vector512.ShiftRightLogical(x, 32);
        }
    }

    private static ulong Shingle(ReadOnlySpan<ulong> tokens, int start)
    {
        var shingle = 0xCBF29CE484222325UL;
        for (var j = 0; j < ShingleWords; j++)
        {
            shingle = Mix(shingle ^ tokens[start + j]);
        }

        return shingle;
    }

    internal static string Normalise(string word)
    {
        var lower = word.ToLowerInvariant().Replace('\u2019', '\'');
        if (lower.EndsWith("'s", StringComparison.Ordinal))
        {
            lower = lower[..^2];
        }

        return lower;
    }

    /// <summary>
    /// <see cref="Normalise"/> into a buffer: lower case, typographic apostrophe as a plain one, a final "'s" dropped;
    /// returns the length written (never more than the word's).
    /// </summary>
    internal static int NormaliseInto(ReadOnlySpan<char> word, Span<char> destination)
    {
        var length = word.ToLowerInvariant(destination);
        var lower = destination[..length];
        lower.Replace('\u2019', '\'');
        return lower.EndsWith("'s", StringComparison.Ordinal) ? length - 2 : length;
    }

    /// <summary>
    /// The word-channel hash of <see cref="Stem"/>(<paramref name="lower"/>), without building the stem;
    /// <paramref name="wordHash"/> is the hash of the word itself, the answer when it has no plural ending.
    /// </summary>
    private static ulong StemHash(ReadOnlySpan<char> lower, ulong wordHash)
    {
        var (kept, endsInY) = PluralCut(lower);
        if (kept == lower.Length)
        {
            return wordHash;
        }

        var hash = new TermHash(WordKind);
        hash.Add(lower[..kept]);
        if (endsInY)
        {
            hash.Add('y');
        }

        return hash.Finish(WordKind);
    }

    internal static string Stem(string lower)
    {
        var (kept, endsInY) = PluralCut(lower);
        return kept == lower.Length ? lower : endsInY ? lower[..kept] + "y" : lower[..kept];
    }

    /// <summary>
    /// The plural rule that <see cref="Stem"/> and <see cref="StemHash"/> share ("cities" -> "city", "talks" -> "talk",
    /// but not "glass", "virus" or "analysis"): how many characters of the word stay, and whether a "y" follows them.
    /// </summary>
    private static (int Kept, bool EndsInY) PluralCut(ReadOnlySpan<char> lower)
    {
        if (lower.Length > 4 && lower.EndsWith("ies", StringComparison.Ordinal))
        {
            return (lower.Length - 3, true);
        }

        if (lower.Length > 3 && lower[^1] == 's' && lower[^2] is not ('s' or 'u' or 'i'))
        {
            return (lower.Length - 1, false);
        }

        return (lower.Length, false);
    }

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        if (word.Length <= 5)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>The feature of a calendar day the text names without its year ("August 7", "7 Aug"), as the featurizer adds it.</summary>
    internal static ulong DayTerm(int month, int day)
    {
        // "MM-DD", written into a buffer (a string per date was garbage on the feature threads).
        Span<char> text = [Digit(month / 10), Digit(month % 10), '-', Digit(day / 10), Digit(day % 10)];
        return Hash(text, DateKind);
    }

    /// <summary>The feature of a year and month the text names ("March 2010"): "YYYY-MM", for years of four digits.</summary>
    internal static ulong MonthTerm(int year, int month)
    {
        Span<char> text = [Digit(year / 1000), Digit(year / 100 % 10), Digit(year / 10 % 10), Digit(year % 10), '-', Digit(month / 10), Digit(month % 10)];
        return Hash(text, DateKind);
    }

    private static char Digit(int value) => (char)('0' + value);

    // Hashing runs several times a token: a call each time was a visible share of the reading.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Hash(ReadOnlySpan<char> text, ulong kind)
    {
        var hash = new TermHash(kind);
        hash.Add(text);
        return hash.Finish(kind);
    }

    /// <summary>A feature hash built piece by piece (FNV-1a over the characters, then mixed and tagged with its channel).</summary>
    private struct TermHash(ulong kind)
    {
        private ulong _hash = 0xCBF29CE484222325UL ^ kind;

        public void Add(char c)
        {
            _hash ^= c;
            _hash *= 0x100000001B3UL;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(ReadOnlySpan<char> text)
        {
            var hash = _hash;
            foreach (var c in text)
            {
                hash ^= c;
                hash *= 0x100000001B3UL;
            }

            _hash = hash;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly ulong Finish(ulong kind)
        {
            // The top two bits say which kind of evidence a feature is, so similarity can weigh each kind apart.
            var channel = kind switch
            {
                NameKind => (ulong)FeatureChannel.Name,
                NumberKind or DateKind => (ulong)FeatureChannel.NumberOrDate,
                BigramKind => (ulong)FeatureChannel.ChineseBigram,
                _ => (ulong)FeatureChannel.Word,
            };
            return (Mix(_hash) & ~(3UL << 62)) | (channel << 62);
        }
    }

    /// <summary>The kind of evidence a feature hash carries (its top two bits).</summary>
    public static FeatureChannel ChannelOf(ulong term) => (FeatureChannel)(term >> 62);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < Months.Length; m++)
        {
            months[Months[m]] = m + 1;
            if (Months[m].Length > 3 && m != 4)
            {
                months[Months[m][..3]] = m + 1;
            }
        }

        months["sept"] = 9;
        return months;
    }

    /// <summary>Function words of English (and the commonest of Malay/Indonesian, which shares the Latin script in our sources).</summary>
    internal static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
        "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
        "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me",
        "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
        "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the",
        "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "you", "your", "yours", "yourself", "said", "says", "say", "according", "told", "news",
        "reported", "report", "reports", "reuters", "ap", "afp", "mr", "mrs", "ms", "dr", "one", "two", "three", "first",
        "last", "new", "year", "years", "week", "weeks", "day", "days", "time", "people", "may", "might", "must", "many",
        "much", "like", "get", "got", "make", "made", "well", "back", "still", "even", "another", "around", "since", "however",
        "yet", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
        "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "ini", "itu", "pada", "dalam", "tidak", "akan", "oleh", "ada",
        "juga", "telah", "atau", "bagi", "kata", "mereka", "ia", "beliau", "lebih", "sebagai", "orang", "kepada", "hari",
    };
}
