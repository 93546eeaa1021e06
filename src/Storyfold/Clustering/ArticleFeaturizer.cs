using System.Globalization;
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

    // Kinds keep a word, a name and a number with the same spelling apart.
    private const ulong WordKind = 0x9E3779B97F4A7C15UL;
    private const ulong NameKind = 0xC2B2AE3D27D4EB4FUL;
    private const ulong NumberKind = 0x165667B19E3779F9UL;
    private const ulong DateKind = 0x27D4EB2F165667C5UL;
    private const ulong BigramKind = 0x85EBCA77C2B2AE63UL;

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly Dictionary<string, int> MonthNumbers = BuildMonths();

    public ArticleFeaturizer(ChineseGlossary? glossary, ClusteringOptions? options = null)
        : this(new Lazy<ChineseGlossary?>(glossary), options ?? new ClusteringOptions())
    {
    }

    /// <summary>The glossary, loaded the first time a Chinese article needs it.</summary>
    public ChineseGlossary? Glossary => glossarySource.Value;

    public ArticleFeatures Extract(Article article)
    {
        // Sized from the text so that the tables are not regrown word by word (they were a large share of the cost).
        var counts = new Dictionary<ulong, double>(((article.Text.Length + article.Title.Length) / 12) + 16);
        var names = new HashSet<ulong>(64);
        var shingleTokens = new List<ulong>(512);

        var bodyTokens = Tokenize(article.Text);
        var titleTokens = Tokenize(article.Title);
        var nameWords = NameWords(bodyTokens);

        // The headline says what the story is about: its features count twice.
        AddFeatures(titleTokens, options.TitleBoost, nameWords, counts, names, null);
        AddFeatures(bodyTokens, 1.0, nameWords, counts, names, shingleTokens);
        AddPublicationDate(article.Published, counts);

        var terms = new ulong[counts.Count];
        var weights = new int[counts.Count];
        var i = 0;
        foreach (var (term, count) in counts)
        {
            terms[i++] = term;
        }

        Array.Sort(terms);
        for (i = 0; i < terms.Length; i++)
        {
            var raw = counts[terms[i]];
            weights[i] = Math.Max(1, (int)Math.Round(WeightScale * (1 + Math.Log(Math.Max(1.0, raw)))));
        }

        var nameArray = names.ToArray();
        Array.Sort(nameArray);
        double? day = article.Published is { } published ? published.Value.ToUnixTimeSeconds() / 86400.0 : null;
        // Dates written in the text were measured as event dates and found too noisy (background dates abound):
        // only the publication date places an article in time.
        return new ArticleFeatures(
            article.Id, terms, weights, nameArray, Signature(shingleTokens), day, day, article.Published?.Value.Year, article.Language,
            Math.Max(LatestYear(titleTokens), LatestYear(bodyTokens)) is > 0 and var mentioned ? mentioned : null);
    }

    /// <summary>One token: Latin word, number or a run of Han characters, with what casing says about it.</summary>
    private readonly record struct Token(string Text, TokenKind Kind, bool Capitalised, bool SentenceStart);

    private enum TokenKind
    {
        Word,
        Number,
        Han,
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsHan(c))
            {
                var start = i;
                while (i < text.Length && IsHan(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(text[start..i], TokenKind.Han, false, sentenceStart));
                sentenceStart = false;
                continue;
            }

            if (char.IsDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsDigit(text[i]) ||
                       ((text[i] == ',' || text[i] == '.') && i + 1 < text.Length && char.IsDigit(text[i + 1]) && i > start)))
                {
                    i++;
                }

                tokens.Add(new Token(text[start..i].Replace(",", "", StringComparison.Ordinal), TokenKind.Number, false, sentenceStart));
                sentenceStart = false;
                continue;
            }

            if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) ||
                       ((text[i] == '\'' || text[i] == '\u2019' || text[i] == '-') && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    if (IsHan(text[i]))
                    {
                        break;
                    }

                    i++;
                }

                var word = text[start..i];
                tokens.Add(new Token(word, TokenKind.Word, char.IsUpper(word[0]), sentenceStart));
                sentenceStart = false;
                continue;
            }

            if (c is '.' or '!' or '?' or '\n' or '"' or '\u201C' or ':' or '\u3002' or '\uFF01' or '\uFF1F')
            {
                sentenceStart = true;
            }

            i++;
        }

        return tokens;
    }

    /// <summary>Words written capitalised in mid-sentence somewhere in the body: names rather than sentence openers.</summary>
    private static HashSet<string> NameWords(List<Token> tokens)
    {
        var set = new HashSet<string>(64, StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (token is { Kind: TokenKind.Word, Capitalised: true, SentenceStart: false } && !IsAllCaps(token.Text))
            {
                var lower = Normalise(token.Text);
                if (lower.Length > 1 && !StopWords.Contains(lower))
                {
                    set.Add(lower);
                }
            }
        }

        return set;
    }

    private void AddFeatures(
        List<Token> tokens, double boost, HashSet<string> nameWords, Dictionary<ulong, double> counts, HashSet<ulong> names,
        List<ulong>? shingleTokens)
    {
        var span = new List<string>(4);

        void FlushSpan()
        {
            if (span.Count > 1)
            {
                var joined = string.Join(' ', span);
                Add(counts, Hash(joined, NameKind), boost * options.NameBoost);
                names.Add(Hash(joined, NameKind));
            }

            span.Clear();
        }

        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            switch (token.Kind)
            {
                case TokenKind.Han:
                    FlushSpan();
                    AddHan(token.Text, boost, counts, names, shingleTokens);
                    if (t + 1 < tokens.Count)
                    {
                        AddChineseDate(tokens, t, boost, counts);
                    }

                    break;
                case TokenKind.Number:
                    FlushSpan();
                    shingleTokens?.Add(Hash(token.Text, WordKind));
                    AddNumber(tokens, t, boost, counts);
                    break;
                default:
                    var lower = Normalise(token.Text);
                    shingleTokens?.Add(Hash(lower, WordKind));
                    if (MonthNumbers.TryGetValue(lower, out var month))
                    {
                        AddEnglishDate(tokens, t, month, boost, counts);
                    }

                    if (lower.Length < 2 || StopWords.Contains(lower))
                    {
                        FlushSpan();
                        continue;
                    }

                    var stem = Stem(lower);
                    Add(counts, Hash(stem, WordKind), boost);
                    if (token.Capitalised && nameWords.Contains(lower))
                    {
                        Add(counts, Hash(lower, NameKind), boost * options.NameBoost);
                        names.Add(Hash(lower, NameKind));
                        span.Add(lower);
                    }
                    else
                    {
                        FlushSpan();
                    }

                    break;
            }
        }

        FlushSpan();
    }

    private void AddHan(string run, double boost, Dictionary<ulong, double> counts, HashSet<ulong> names, List<ulong>? shingleTokens)
    {
        for (var i = 0; i + 1 < run.Length; i++)
        {
            var bigram = Hash(run.AsSpan(i, 2), BigramKind);
            Add(counts, bigram, boost * 0.5);
            shingleTokens?.Add(bigram);
        }

        if (Glossary is not { } glossary)
        {
            return;
        }

        foreach (var gloss in glossary.Segment(run))
        {
            foreach (var word in gloss.Words)
            {
                Add(counts, Hash(Stem(word), WordKind), boost);
            }

            if (gloss.IsName)
            {
                foreach (var word in gloss.Words)
                {
                    Add(counts, Hash(word, NameKind), boost * options.NameBoost);
                    names.Add(Hash(word, NameKind));
                }

                if (gloss.Words.Count > 1)
                {
                    var joined = string.Join(' ', gloss.Words);
                    Add(counts, Hash(joined, NameKind), boost * options.NameBoost);
                    names.Add(Hash(joined, NameKind));
                }
            }
        }
    }

    private void AddNumber(List<Token> tokens, int t, double boost, Dictionary<ulong, double> counts)
    {
        var text = tokens[t].Text;
        // Small whole numbers ("2 people", "3 days") are everywhere; larger ones and decimals identify an event.
        var isDecimal = text.Contains('.', StringComparison.Ordinal);
        if (!isDecimal && text.Length < 2)
        {
            return;
        }

        Add(counts, Hash(text, NumberKind), boost * options.NumberBoost);
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) &&
            year is >= 1900 and <= 2100 && t > 0 && tokens[t - 1].Kind == TokenKind.Word &&
            MonthNumbers.TryGetValue(Normalise(tokens[t - 1].Text), out var month))
        {
            Add(counts, Hash($"{year}-{month:00}", DateKind), boost * options.DateBoost);
        }
    }

    /// <summary>
    /// The publication year and month count as dates the article states: the clean-up moves datelines out of the body,
    /// and without this a dated report would lose what tells this year's event from last year's. The day is left out:
    /// reports of one story on consecutive days must not differ by it.
    /// </summary>
    private void AddPublicationDate(PublicationDate? published, Dictionary<ulong, double> counts)
    {
        if (published is not { } date)
        {
            return;
        }

        var day = date.Day;
        Add(counts, Hash(day.Year.ToString(CultureInfo.InvariantCulture), NumberKind), options.NumberBoost);
        Add(counts, Hash($"{day.Year}-{day.Month:00}", DateKind), options.DateBoost);
    }

    private void AddEnglishDate(List<Token> tokens, int t, int month, double boost, Dictionary<ulong, double> counts)
    {
        // "December 15", "15 December", "Dec. 15th": a month and a day identify an event date.
        int? day = null;
        if (t + 1 < tokens.Count && tokens[t + 1].Kind is TokenKind.Number or TokenKind.Word)
        {
            day = DayOf(tokens[t + 1].Text);
        }

        if (day is null && t > 0)
        {
            day = DayOf(tokens[t - 1].Text);
        }

        if (day is { } d)
        {
            Add(counts, Hash($"{month:00}-{d:00}", DateKind), boost * options.DateBoost);
        }
    }

    private void AddChineseDate(List<Token> tokens, int t, double boost, Dictionary<ulong, double> counts)
    {
        // 9月22日: number, 月, number, 日 (the Han run between the numbers is exactly 月).
        if (t < 1 || tokens[t].Text != "月" || tokens[t - 1].Kind != TokenKind.Number || tokens[t + 1].Kind != TokenKind.Number)
        {
            return;
        }

        if (int.TryParse(tokens[t - 1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12 &&
            int.TryParse(tokens[t + 1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31)
        {
            Add(counts, Hash($"{month:00}-{day:00}", DateKind), boost * options.DateBoost);
        }
    }

    /// <summary>The latest plausible year among the numbers of a text (0 when none): a bound on when it was written.</summary>
    private static int LatestYear(List<Token> tokens)
    {
        var latest = 0;
        foreach (var token in tokens)
        {
            if (token is { Kind: TokenKind.Number, Text.Length: 4 } &&
                int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
            {
                latest = Math.Max(latest, year);
            }
        }

        return latest;
    }

    private static int? DayOf(string text)
    {
        var digits = 0;
        while (digits < text.Length && char.IsDigit(text[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 2)
        {
            return null;
        }

        var rest = text[digits..];
        if (rest.Length > 0 && rest is not ("st" or "nd" or "rd" or "th"))
        {
            return null;
        }

        var day = int.Parse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31 ? day : null;
    }

    private static uint[] Signature(List<ulong> tokens)
    {
        if (tokens.Count < ShingleWords + 4)
        {
            return [];
        }

        var signature = new uint[SignatureSize];
        Array.Fill(signature, uint.MaxValue);
        for (var i = 0; i + ShingleWords <= tokens.Count; i++)
        {
            var shingle = 0xCBF29CE484222325UL;
            for (var j = 0; j < ShingleWords; j++)
            {
                shingle = Mix(shingle ^ tokens[i + j]);
            }

            for (var k = 0; k < SignatureSize; k++)
            {
                var value = (uint)(Mix(shingle + ((ulong)k * 0x9E3779B97F4A7C15UL)) >> 32);
                if (value < signature[k])
                {
                    signature[k] = value;
                }
            }
        }

        return signature;
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

    internal static string Stem(string lower)
    {
        if (lower.Length > 4 && lower.EndsWith("ies", StringComparison.Ordinal))
        {
            return lower[..^3] + "y";
        }

        if (lower.Length > 3 && lower[^1] == 's' && lower[^2] is not ('s' or 'u' or 'i'))
        {
            return lower[..^1];
        }

        return lower;
    }

    private static bool IsAllCaps(string word) => word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && word.Length > 5;

    internal static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static void Add(Dictionary<ulong, double> counts, ulong term, double amount)
    {
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, term, out _) += amount;
    }

    internal static ulong Hash(ReadOnlySpan<char> text, ulong kind)
    {
        var hash = 0xCBF29CE484222325UL ^ kind;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 0x100000001B3UL;
        }

        // The top two bits say which kind of evidence a feature is, so similarity can weigh each kind apart.
        var channel = kind switch
        {
            NameKind => (ulong)FeatureChannel.Name,
            NumberKind or DateKind => (ulong)FeatureChannel.NumberOrDate,
            BigramKind => (ulong)FeatureChannel.ChineseBigram,
            _ => (ulong)FeatureChannel.Word,
        };
        return (Mix(hash) & ~(3UL << 62)) | (channel << 62);
    }

    /// <summary>The kind of evidence a feature hash carries (its top two bits).</summary>
    public static FeatureChannel ChannelOf(ulong term) => (FeatureChannel)(term >> 62);

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
