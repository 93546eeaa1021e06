using System.Globalization;
using Microsoft.Data.Sqlite;
using Storyfold.News;
using Storyfold.Storage;

namespace Storyfold.Search;

/// <summary>One article as the in-memory index knows it: what a hit shows and what the filters test.</summary>
/// <param name="StoryKey">The stored story id (null until the article is clustered); <paramref name="StoryId"/> falls back to the article's own id.</param>
/// <param name="OwnTitle">The article came with a title of its own (a story's headline prefers one).</param>
/// <param name="Text">The article's text in UTF-8 (half the memory of a string), for snippets.</param>
internal sealed record IndexedArticle(
    string Id, string StoryId, string Title, string? Source, string? Language, PublicationDate? Published, string? PublishedSort,
    int Tokens, long ContentHash, string? StoryKey, bool OwnTitle, byte[] Text);

/// <summary>The ranked newest matches of a search, best first (articles' seqs and scores), with how many matched in all.</summary>
internal sealed record RankedWindow(IReadOnlyList<RankedHit> Hits, int Total, bool Capped);

/// <summary>A ranked article: ordered by score, best first, then newest first, as the FTS5 path orders them.</summary>
internal readonly record struct RankedHit(int Seq, double Score) : IComparable<RankedHit>
{
    public int CompareTo(RankedHit other) => Score != other.Score ? other.Score.CompareTo(Score) : other.Seq.CompareTo(Seq);
}

/// <summary>
/// The articles' full-text index held in memory, so a search costs a fraction of a millisecond: FTS5's bm25 rescans
/// every phrase's matches to count documents on each query and cost 1.3-2.3 ms a search on 100,000 articles.
/// </summary>
/// <remarks>
/// It indexes the same five columns as the store's FTS5 table with the same tokenizer (<see cref="IndexTokenizer"/>),
/// keeps each token's positions by article and column, and ranks by bm25 computed exactly as FTS5's <c>bm25()</c>
/// with the same column weights, over the same window (the newest <see cref="SqliteArticleSearch.RankingWindow"/>
/// matches after the filters), so both paths return the same matches in the same order. FTS5 stays the store's
/// index (triggers keep it in step, the CLI searches it, and the server uses it until this index is built); this
/// index follows every write by any process through the trigger-fed <c>article_changes</c> log.
/// One writer at a time changes it under a write lock; searches read it under a read lock.
/// </remarks>
public sealed partial class MemorySearchIndex : IDisposable
{
    /// <summary>Column weights, as the FTS5 path passes them to bm25: title, text, source, Han title, Han text.</summary>
    private static readonly double[] Weights = [4.0, 1.0, 2.0, 4.0, 1.0];

    private const int ColumnShift = 24;
    private const int OffsetMask = (1 << ColumnShift) - 1;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly SemaphoreSlim _updating = new(1, 1);
    private readonly Dictionary<string, Postings> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Postings>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Terms in ordinal order for prefix queries: a large sorted array and the few terms added since it was sorted.
    private string[] _sorted = [];
    private readonly List<string> _recent = [];

    private IndexedArticle?[] _articles = new IndexedArticle?[1024];

    // Each article's length in tokens by seq, apart from the articles so scoring reads one dense array.
    private int[] _lengths = new int[1024];

    // Each clustered story's articles (by seq), for the headline and size a result shows.
    private readonly Dictionary<string, List<int>> _stories = new(StringComparer.Ordinal);

    // Headline and size of the stories results showed, until one of their articles changes (a big story has hundreds).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string? Headline, int Articles)> _storyDetails =
        new(StringComparer.Ordinal);
    private long _maxSeq;
    private long _rows;
    private long _totalTokens;
    private char[] _buffer = new char[256];
    private volatile bool _ready;
    private long _mark;

    public MemorySearchIndex()
    {
        _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True once the index holds the store (built at start-up in the background).</summary>
    public bool IsReady => _ready;

    /// <summary>The newest <c>article_changes</c> mark the index has applied.</summary>
    internal long Mark => Interlocked.Read(ref _mark);

    /// <summary>Articles indexed.</summary>
    public long Articles => Interlocked.Read(ref _rows);

    /// <summary>Distinct tokens indexed.</summary>
    public int DistinctTokens
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _terms.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Reads every article of the store into the index; searches fall back to FTS5 until this ends.</summary>
    public async Task BuildAsync(SqliteArticleStore store, CancellationToken cancellationToken)
    {
        await _updating.WaitAsync(cancellationToken);
        try
        {
            using var connection = store.OpenConnection();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var mark = await MarkAsync(connection, transaction, cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = $"SELECT {Columns} FROM articles ORDER BY seq";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);

                // The lock is the thread's own, so no await until it is released.
                _lock.EnterWriteLock();
                try
                {
                    while (reader.Read())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var (seq, article, content) = ReadArticle(reader);
                        Add(seq, article, content, sortNewTerms: false);
                    }

                    _sorted = [.. _terms.Keys.Order(StringComparer.Ordinal)];
                    _recent.Clear();
                    foreach (var postings in _terms.Values)
                    {
                        postings.Trim();
                    }

                    _mark = mark;
                }
                finally
                {
                    _lock.ExitWriteLock();
                }
            }

            await transaction.CommitAsync(cancellationToken);
            _ready = true;
        }
        finally
        {
            _updating.Release();
        }
    }

    /// <summary>Applies the writes logged since the index last looked, reading them through <paramref name="connection"/>.</summary>
    internal async Task CatchUpAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (!_ready)
        {
            return;
        }

        await _updating.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var from = Interlocked.Read(ref _mark);
            var to = await MarkAsync(connection, transaction, cancellationToken);
            if (to <= from)
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT MIN(mark) FROM article_changes";
            var oldest = await command.ExecuteScalarAsync(cancellationToken) is long value ? value : to;
            if (oldest > from + 1)
            {
                // The log was pruned past what this index saw: the changes it missed are gone, so read everything again.
                command.CommandText = $"SELECT {Columns} FROM articles ORDER BY seq";
                await ApplyAsync(command, null, to, cancellationToken);
                return;
            }

            command.CommandText = $"SELECT {Columns} FROM articles WHERE seq IN (SELECT seq FROM article_changes WHERE mark > $from)";
            command.Parameters.AddWithValue("$from", from);
            var changed = new HashSet<long>();
            await using (var seqs = connection.CreateCommand())
            {
                seqs.Transaction = transaction;
                seqs.CommandText = "SELECT DISTINCT seq FROM article_changes WHERE mark > $from";
                seqs.Parameters.AddWithValue("$from", from);
                await using var reader = await seqs.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    changed.Add(reader.GetInt64(0));
                }
            }

            await ApplyAsync(command, changed, to, cancellationToken);
        }
        finally
        {
            _updating.Release();
        }
    }

    /// <summary>
    /// Applies the rows <paramref name="command"/> reads: each is added, replaced, or (for <paramref name="changed"/>
    /// articles it does not return) removed. With no <paramref name="changed"/> set the rows are the whole store.
    /// </summary>
    private async Task ApplyAsync(SqliteCommand command, HashSet<long>? changed, long mark, CancellationToken cancellationToken)
    {
        var rows = new List<(long Seq, IndexedArticle Article, string[] Content)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(ReadArticle(reader));
            }
        }

        _lock.EnterWriteLock();
        try
        {
            var gone = new HashSet<long>();
            if (changed is null)
            {
                for (var seq = 0L; seq <= _maxSeq; seq++)
                {
                    if (_articles[seq] is not null)
                    {
                        gone.Add(seq);
                    }
                }
            }
            else
            {
                gone.UnionWith(changed.Where(seq => seq <= _maxSeq && _articles[seq] is not null));
            }

            // An article whose indexed text is unchanged (a story move, say) only gets its new details.
            var returned = rows.ToDictionary(row => row.Seq);
            var replaced = new List<(long Seq, IndexedArticle Article, string[] Content)>();
            foreach (var seq in gone.ToList())
            {
                if (returned.TryGetValue(seq, out var row) && row.Article.ContentHash == _articles[seq]!.ContentHash)
                {
                    Unlist(seq, _articles[seq]!);
                    _articles[seq] = row.Article with { Tokens = _articles[seq]!.Tokens };
                    List(seq, _articles[seq]!);
                    gone.Remove(seq);
                    returned.Remove(seq);
                }
            }

            Remove(gone);
            foreach (var row in returned.Values.OrderBy(row => row.Seq))
            {
                Add(row.Seq, row.Article, row.Content, sortNewTerms: true);
            }

            Interlocked.Exchange(ref _mark, mark);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private const string Columns =
        "seq, id, COALESCE(story_id, id), display_title, source, language, published, published_sort, text, han_title, han_text, story_id, title <> ''";

    private static (long Seq, IndexedArticle Article, string[] Content) ReadArticle(SqliteDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        var content = new[] { reader.GetString(3), reader.GetString(8), Text(4) ?? "", reader.GetString(9), reader.GetString(10) };
        var hash = new HashCode();
        foreach (var column in content)
        {
            hash.Add(column, StringComparer.Ordinal);
            hash.Add(column.Length);
        }

        var article = new IndexedArticle(
            reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(4), Text(5), PublicationDate.TryParseIso(Text(6)), Text(7), 0,
            hash.ToHashCode() ^ ((long)content.Sum(c => c.Length) << 32), Text(11), reader.GetBoolean(12), System.Text.Encoding.UTF8.GetBytes(content[1]));
        return (reader.GetInt64(0), article, content);
    }

    private static async Task<long> MarkAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(mark), 0) FROM article_changes";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Indexes one article (the caller holds the write lock and has removed any earlier version).</summary>
    private void Add(long seq, IndexedArticle article, string[] content, bool sortNewTerms)
    {
        if (seq >= _articles.Length)
        {
            Array.Resize(ref _articles, (int)Math.Max(seq + 1, _articles.Length * 2L));
            Array.Resize(ref _lengths, _articles.Length);
        }

        // Appending is the common case (a new article has the highest seq); an older article that changed is inserted.
        var appending = seq > _maxSeq;
        var pending = appending ? null : new Dictionary<Postings, List<int>>();
        var tokens = 0;
        for (var column = 0; column < content.Length; column++)
        {
            var columnBits = column << ColumnShift;
            tokens += IndexTokenizer.Tokenize(content[column], (token, position) =>
            {
                if (!_lookup.TryGetValue(token, out var postings))
                {
                    var term = token.ToString();
                    postings = new Postings();
                    _terms[term] = postings;
                    if (sortNewTerms)
                    {
                        AddSortedTerm(term);
                    }
                }

                if (pending is null)
                {
                    postings.Append((int)seq, columnBits | position);
                }
                else
                {
                    if (!pending.TryGetValue(postings, out var positions))
                    {
                        pending[postings] = positions = [];
                    }

                    positions.Add(columnBits | position);
                }
            }, ref _buffer);
        }

        if (pending is not null)
        {
            foreach (var (postings, positions) in pending)
            {
                postings.Insert((int)seq, positions);
            }
        }

        _articles[seq] = article with { Tokens = tokens };
        _lengths[seq] = tokens;
        List(seq, article);
        _maxSeq = Math.Max(_maxSeq, seq);
        _rows++;
        _totalTokens += tokens;
    }

    private void Remove(HashSet<long> seqs)
    {
        if (seqs.Count == 0)
        {
            return;
        }

        var removed = new bool[_maxSeq + 1];
        foreach (var seq in seqs)
        {
            removed[seq] = true;
            Unlist(seq, _articles[seq]!);
            _rows--;
            _totalTokens -= _articles[seq]!.Tokens;
            _articles[seq] = null;
        }

        foreach (var postings in _terms.Values)
        {
            postings.Remove(removed);
        }
    }

    /// <summary>Adds an article to its story's members.</summary>
    private void List(long seq, IndexedArticle article)
    {
        if (article.StoryKey is { } story)
        {
            _storyDetails.TryRemove(story, out _);
            if (!_stories.TryGetValue(story, out var members))
            {
                _stories[story] = members = [];
            }

            members.Add((int)seq);
        }
    }

    private void Unlist(long seq, IndexedArticle article)
    {
        if (article.StoryKey is { } story && _stories.TryGetValue(story, out var members))
        {
            _storyDetails.TryRemove(story, out _);
            members.Remove((int)seq);
            if (members.Count == 0)
            {
                _stories.Remove(story);
            }
        }
    }

    /// <summary>
    /// Each story's headline and size, as the store's <c>HeadlineOf</c> picks it: the earliest dated article that came
    /// with a title of its own, else the first stored such article, else the earliest dated, else the first stored.
    /// </summary>
    internal Dictionary<string, (string? Headline, int Articles)> Stories(IEnumerable<string> storyIds)
    {
        _lock.EnterReadLock();
        try
        {
            var stories = new Dictionary<string, (string?, int)>(StringComparer.Ordinal);
            foreach (var id in storyIds)
            {
                stories[id] = _storyDetails.GetOrAdd(id, Details);
            }

            return stories;
        }
        finally
        {
            _lock.ExitReadLock();
        }

        (string? Headline, int Articles) Details(string id)
        {
            if (!_stories.TryGetValue(id, out var members))
            {
                return (null, 0);
            }

            IndexedArticle? best = null;
            var bestSeq = 0;
            var bestRank = int.MaxValue;
            foreach (var seq in members)
            {
                var article = _articles[seq]!;
                var rank = (article.OwnTitle ? 0 : 2) + (article.PublishedSort is null ? 1 : 0);
                if (rank < bestRank || (rank == bestRank && Earlier(article, seq, best!, bestSeq)))
                {
                    (best, bestSeq, bestRank) = (article, seq, rank);
                }
            }

            return (best?.Title, members.Count);
        }

        static bool Earlier(IndexedArticle article, int seq, IndexedArticle than, int thanSeq)
        {
            var order = article.PublishedSort is null ? 0 : string.CompareOrdinal(article.PublishedSort, than.PublishedSort);
            return order < 0 || (order == 0 && seq < thanSeq);
        }
    }

    private void AddSortedTerm(string term)
    {
        var at = _recent.BinarySearch(term, StringComparer.Ordinal);
        _recent.Insert(at < 0 ? ~at : at, term);
        if (_recent.Count > 4096)
        {
            _sorted = [.. _sorted.Concat(_recent).Order(StringComparer.Ordinal)];
            _recent.Clear();
        }
    }

    /// <summary>
    /// Ranks the search as the FTS5 path does; null when the search has something this index does not answer the
    /// same way (a phrase with no token in it), so the caller asks FTS5.
    /// </summary>
    internal RankedWindow? Rank(SearchQuery query, SearchFilter filter, int window, int countCap)
    {
        _lock.EnterReadLock();
        try
        {
            return RankLocked(query, filter, window, countCap);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private RankedWindow? RankLocked(SearchQuery query, SearchFilter filter, int window, int countCap)
    {
        // Phrases in FTS5's order (groups, their terms, each term's pieces, then the exclusions): bm25 sums by phrase
        // in this order, and the same order gives the same floating-point sums.
        var phrases = new List<Phrase>();
        Phrase? Resolve(SearchPhrase phrase)
        {
            var tokens = IndexTokenizer.Tokens(phrase.Text);
            if (tokens.Count == 0)
            {
                return null;
            }

            var slots = new Postings[tokens.Count][];
            for (var i = 0; i < tokens.Count; i++)
            {
                slots[i] = phrase.Prefix && i == tokens.Count - 1 ? Expand(tokens[i]) : _terms.TryGetValue(tokens[i], out var p) && p.Count > 0 ? [p] : [];
            }

            var resolved = new Phrase(slots, phrase.Columns);
            phrases.Add(resolved);
            return resolved;
        }

        // A term's phrases, all resolved, or null when one cannot be (the caller then asks FTS5).
        List<Phrase>? ResolveTerm(SearchTerm term)
        {
            var pieces = new List<Phrase>(term.Phrases.Count);
            foreach (var phrase in term.Phrases)
            {
                if (Resolve(phrase) is not { } resolved)
                {
                    return null;
                }

                pieces.Add(resolved);
            }

            return pieces;
        }

        var groups = new List<List<List<Phrase>>>();
        foreach (var group in query.Groups)
        {
            var terms = new List<List<Phrase>>();
            foreach (var term in group)
            {
                if (ResolveTerm(term) is not { } pieces)
                {
                    return null;
                }

                terms.Add(pieces);
            }

            groups.Add(terms);
        }

        var exclusions = new List<List<Phrase>>();
        foreach (var term in query.Exclusions)
        {
            if (ResolveTerm(term) is not { } pieces)
            {
                return null;
            }

            exclusions.Add(pieces);
        }

        // Which articles match: every group, none of the exclusions.
        DocSet? matches = null;
        foreach (var group in groups)
        {
            DocSet? any = null;
            foreach (var term in group)
            {
                var all = AllOf(term);
                any = any is null ? all : DocSet.Union(any.Value, all);
            }

            matches = matches is null ? any : DocSet.Intersect(matches.Value, any!.Value);
        }

        foreach (var term in exclusions)
        {
            matches = DocSet.Except(matches!.Value, AllOf(term));
        }

        // The newest matches that pass the filters, up to the window; then the count, up to the cap.
        var set = matches!.Value;
        var newest = new List<int>(Math.Min(window, set.Count));
        var at = set.Count - 1;
        var unfiltered = filter.IsEmpty;
        for (; at >= 0 && newest.Count < window; at--)
        {
            var seq = set.Docs[at];
            if (unfiltered || filter.Passes(_articles[seq]!))
            {
                newest.Add(seq);
            }
        }

        var total = newest.Count;
        var capped = false;
        if (total == window)
        {
            var counted = total;
            if (filter.IsEmpty)
            {
                counted += Math.Min(at + 1, countCap + 1 - total);
            }
            else
            {
                for (; at >= 0 && counted <= countCap; at--)
                {
                    if (filter.Passes(_articles[set.Docs[at]]!))
                    {
                        counted++;
                    }
                }
            }

            capped = counted > countCap;
            total = Math.Min(counted, countCap);
        }

        if (newest.Count == 0)
        {
            return new RankedWindow([], total, capped);
        }

        // bm25 as FTS5's bm25() computes it: IDF from the rows that hold each phrase, the phrase's weighted count in the
        // row, and the row's length in tokens against the average.
        const double k1 = 1.2;
        const double b = 0.75;
        var avgdl = (double)_totalTokens / (double)_rows;
        newest.Reverse();
        var windowDocs = newest.ToArray();
        var hitsRanked = new RankedHit[windowDocs.Length];
        var frequencies = new double[phrases.Count][];
        var idf = new double[phrases.Count];
        for (var i = 0; i < phrases.Count; i++)
        {
            var hits = (long)phrases[i].Docs.Count;
            var value = Math.Log((_rows - hits + 0.5) / (hits + 0.5));
            idf[i] = value <= 0.0 ? 1e-6 : value;
            frequencies[i] = phrases[i].Frequencies(windowDocs);
        }

        for (var d = 0; d < windowDocs.Length; d++)
        {
            var length = (double)_lengths[windowDocs[d]];
            var score = 0.0;
            for (var i = 0; i < phrases.Count; i++)
            {
                var f = frequencies[i][d];
                score += idf[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * length / avgdl)));
            }

            hitsRanked[d] = new RankedHit(windowDocs[d], score);
        }

        Array.Sort(hitsRanked);
        return new RankedWindow(hitsRanked, total, capped);
    }

    /// <summary>The articles that hold every phrase of a term.</summary>
    private static DocSet AllOf(List<Phrase> term)
    {
        var all = term[0].Docs;
        for (var i = 1; i < term.Count; i++)
        {
            all = DocSet.Intersect(all, term[i].Docs);
        }

        return all;
    }

    /// <summary>The indexed article <paramref name="seq"/>, or null when it is gone.</summary>
    internal IndexedArticle? Article(int seq)
    {
        _lock.EnterReadLock();
        try
        {
            return seq < _articles.Length ? _articles[seq] : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The texts of the indexed articles among <paramref name="seqs"/>.</summary>
    internal Dictionary<long, string> Texts(IEnumerable<long> seqs)
    {
        _lock.EnterReadLock();
        try
        {
            var texts = new Dictionary<long, string>();
            foreach (var seq in seqs)
            {
                if (seq < _articles.Length && _articles[seq] is { } article)
                {
                    texts[seq] = System.Text.Encoding.UTF8.GetString(article.Text);
                }
            }

            return texts;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Every indexed term that starts with <paramref name="prefix"/>.</summary>
    private Postings[] Expand(string prefix)
    {
        var found = new List<Postings>();
        void Scan(IReadOnlyList<string> sorted)
        {
            var lo = 0;
            var hi = sorted.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (string.CompareOrdinal(sorted[mid], prefix) < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            for (var i = lo; i < sorted.Count && sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            {
                var postings = _terms[sorted[i]];
                if (postings.Count > 0)
                {
                    found.Add(postings);
                }
            }
        }

        Scan(_sorted);
        Scan(_recent);
        return [.. found];
    }

    public void Dispose()
    {
        _lock.Dispose();
        _updating.Dispose();
    }
}

/// <summary>The filters of a search, as the store compares them (ASCII case folded, dates as sortable text).</summary>
internal sealed record SearchFilter(string? Source, string? Language, string? From, string? To)
{
    public bool IsEmpty => Source is null && Language is null && From is null && To is null;

    public bool Passes(IndexedArticle article) =>
        (Source is null || (article.Source is not null && NoCaseEquals(article.Source, Source)))
        && (Language is null || (article.Language is not null && NoCaseEquals(article.Language, Language)))
        && (From is null || (article.PublishedSort is not null && string.CompareOrdinal(article.PublishedSort, From) >= 0))
        && (To is null || (article.PublishedSort is not null && string.CompareOrdinal(article.PublishedSort, To) < 0));

    /// <summary>SQLite's NOCASE: equal when equal after folding ASCII letters only.</summary>
    private static bool NoCaseEquals(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x != y && !(char.IsAsciiLetter(x) && char.IsAsciiLetter(y) && (x | 0x20) == (y | 0x20)))
            {
                return false;
            }
        }

        return true;
    }

    internal static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
