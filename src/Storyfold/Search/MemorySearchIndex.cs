using System.Diagnostics;
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
public sealed class MemorySearchIndex : IDisposable
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
                _lock.EnterWriteLock();
                try
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
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

    /// <summary>A query phrase: for each of its tokens, the terms that can stand there (several for a prefix).</summary>
    private sealed class Phrase(Postings[][] slots, int columns)
    {
        private DocSet? _docs;

        /// <summary>The articles where the phrase occurs in one of its columns.</summary>
        public DocSet Docs => _docs ??= Find();

        private bool AllColumns => columns == SearchPhrase.InAll;

        private DocSet Find()
        {
            if (slots.Length == 1 && AllColumns)
            {
                var terms = slots[0];
                return terms.Length switch
                {
                    0 => DocSet.Empty,
                    1 => new DocSet(terms[0].Docs, terms[0].Count),
                    _ => DocSet.UnionAll(terms),
                };
            }

            if (slots.All(slot => slot.Length == 1))
            {
                return FindSingleTerms();
            }

            var candidates = slots[0].Length == 1 ? new DocSet(slots[0][0].Docs, slots[0][0].Count) : DocSet.UnionAll(slots[0]);
            for (var i = 1; i < slots.Length && candidates.Count > 0; i++)
            {
                candidates = DocSet.Intersect(candidates, slots[i].Length == 1 ? new DocSet(slots[i][0].Docs, slots[i][0].Count) : DocSet.UnionAll(slots[i]));
            }

            var kept = new int[candidates.Count];
            var count = 0;
            var positions = new List<int>[slots.Length];
            for (var s = 0; s < slots.Length; s++)
            {
                positions[s] = [];
            }

            for (var i = 0; i < candidates.Count; i++)
            {
                var seq = candidates.Docs[i];
                if (Instances(seq, positions, null) > 0)
                {
                    kept[count++] = seq;
                }
            }

            return new DocSet(kept, count);
        }

        /// <summary>
        /// <see cref="Find"/> when each token is one term (no prefix): walks the rarest term's articles, steps the
        /// others' to each (galloping), and checks positions there without copying them.
        /// </summary>
        private DocSet FindSingleTerms()
        {
            var terms = new Postings[slots.Length];
            var driver = 0;
            for (var s = 0; s < slots.Length; s++)
            {
                if (slots[s].Length == 0)
                {
                    return DocSet.Empty;
                }

                terms[s] = slots[s][0];
                if (terms[s].Count < terms[driver].Count)
                {
                    driver = s;
                }
            }

            var kept = new int[terms[driver].Count];
            var count = 0;
            var cursors = new int[slots.Length];
            var spans = new PositionSpan[slots.Length];
            var lead = terms[driver];
            for (var i = 0; i < lead.Count; i++)
            {
                var seq = lead.Docs[i];
                var all = true;
                for (var s = 0; s < terms.Length && all; s++)
                {
                    var at = s == driver ? i : terms[s].Seek(cursors[s], seq);
                    if (s != driver)
                    {
                        cursors[s] = at;
                    }

                    all = at < terms[s].Count && terms[s].Docs[at] == seq;
                    if (all)
                    {
                        spans[s] = terms[s].SpanAt(at);
                    }
                }

                var unused = 0.0;
                if (all && CountInstances(spans, columns, ref unused, firstOnly: true) > 0)
                {
                    kept[count++] = seq;
                }
            }

            return new DocSet(kept, count);
        }

        /// <summary>
        /// How often the phrase stands in one searched column, given each token's positions in the article, adding each
        /// instance's column weight to <paramref name="frequency"/>. Positions ascend, so one pointer a token suffices.
        /// </summary>
        private static int CountInstances(PositionSpan[] spans, int columns, ref double frequency, bool firstOnly)
        {
            Span<int> at = stackalloc int[spans.Length];
            for (var s = 0; s < spans.Length; s++)
            {
                at[s] = spans[s].Start;
            }

            var count = 0;
            var first = spans[0];
            for (var k = first.Start; k < first.End; k++)
            {
                var position = first.Positions[k];
                var column = position >> ColumnShift;
                if ((columns & (1 << column)) == 0)
                {
                    continue;
                }

                var all = true;
                for (var s = 1; s < spans.Length && all; s++)
                {
                    var target = position + s;
                    var span = spans[s];
                    var j = at[s];
                    while (j < span.End && span.Positions[j] < target)
                    {
                        j++;
                    }

                    at[s] = j;
                    all = j < span.End && span.Positions[j] == target;
                }

                if (all)
                {
                    count++;
                    frequency += Weights[column];
                    if (firstOnly)
                    {
                        return count;
                    }
                }
            }

            return count;
        }

        /// <summary>The phrase's weighted count in each of <paramref name="docs"/> (ascending), as bm25 sums it.</summary>
        public double[] Frequencies(int[] docs)
        {
            var frequencies = new double[docs.Length];
            if (slots.Length == 1)
            {
                // One token (or a prefix's terms): each term's positions in the columns searched, found by walking the
                // term's articles alongside the window's.
                foreach (var postings in slots[0])
                {
                    postings.Visit(docs, (d, positions) =>
                    {
                        foreach (var position in positions)
                        {
                            var column = position >> ColumnShift;
                            if ((columns & (1 << column)) != 0)
                            {
                                frequencies[d] += Weights[column];
                            }
                        }
                    });
                }

                return frequencies;
            }

            if (slots.All(slot => slot.Length == 1))
            {
                var spans = new PositionSpan[slots.Length];
                for (var d = 0; d < docs.Length; d++)
                {
                    var all = true;
                    for (var s = 0; s < slots.Length && all; s++)
                    {
                        var at = slots[s][0].Find(docs[d]);
                        all = at >= 0;
                        if (all)
                        {
                            spans[s] = slots[s][0].SpanAt(at);
                        }
                    }

                    if (all)
                    {
                        CountInstances(spans, columns, ref frequencies[d], firstOnly: false);
                    }
                }

                return frequencies;
            }

            var lists = new List<int>[slots.Length];
            for (var s = 0; s < slots.Length; s++)
            {
                lists[s] = [];
            }

            for (var d = 0; d < docs.Length; d++)
            {
                Instances(docs[d], lists, frequencies.AsSpan(d, 1));
            }

            return frequencies;
        }

        /// <summary>
        /// Counts where the phrase's tokens stand one after another in one searched column of article
        /// <paramref name="seq"/>, adding each instance's column weight to <paramref name="frequency"/> when given.
        /// </summary>
        private int Instances(int seq, List<int>[] positions, Span<double> frequency)
        {
            for (var s = 0; s < slots.Length; s++)
            {
                positions[s].Clear();
                foreach (var postings in slots[s])
                {
                    var at = postings.Find(seq);
                    if (at >= 0)
                    {
                        positions[s].AddRange(postings.PositionsAt(at));
                    }
                }

                if (positions[s].Count == 0)
                {
                    return 0;
                }

                if (slots[s].Length > 1)
                {
                    positions[s].Sort();
                }
            }

            var instances = 0;
            foreach (var start in positions[0])
            {
                var column = start >> ColumnShift;
                if ((columns & (1 << column)) == 0)
                {
                    continue;
                }

                var all = true;
                for (var s = 1; s < slots.Length && all; s++)
                {
                    all = positions[s].BinarySearch(start + s) >= 0 && ((start & OffsetMask) + s) <= OffsetMask;
                }

                if (all)
                {
                    instances++;
                    if (!frequency.IsEmpty)
                    {
                        frequency[0] += Weights[column];
                    }
                }
            }

            return instances;
        }
    }

    /// <summary>One term's articles (ascending seq) and, for each, its positions (column and offset).</summary>
    private sealed class Postings
    {
        public int[] Docs = new int[1];
        public int Count;
        private int[] _ends = new int[1];
        private int[] _positions = new int[2];
        private int _positionCount;

        public ReadOnlySpan<int> PositionsAt(int index) =>
            _positions.AsSpan(index == 0 ? 0 : _ends[index - 1], _ends[index] - (index == 0 ? 0 : _ends[index - 1]));

        public int Find(int seq) => Array.BinarySearch(Docs, 0, Count, seq);

        public PositionSpan SpanAt(int index) => new(_positions, index == 0 ? 0 : _ends[index - 1], _ends[index]);

        /// <summary>The first index at or after <paramref name="from"/> whose article is not before <paramref name="seq"/> (galloping).</summary>
        public int Seek(int from, int seq)
        {
            var step = 1;
            var hi = from;
            while (hi < Count && Docs[hi] < seq)
            {
                from = hi + 1;
                hi += step;
                step <<= 1;
            }

            hi = Math.Min(hi, Count);
            var at = Array.BinarySearch(Docs, from, hi - from, seq);
            return at >= 0 ? at : ~at;
        }

        /// <summary>Adds a position of article <paramref name="seq"/>, the newest article so far.</summary>
        public void Append(int seq, int position)
        {
            if (Count == 0 || Docs[Count - 1] != seq)
            {
                if (Count == Docs.Length)
                {
                    Array.Resize(ref Docs, Count * 2);
                    Array.Resize(ref _ends, Count * 2);
                }

                Docs[Count] = seq;
                _ends[Count] = _positionCount;
                Count++;
            }

            if (_positionCount == _positions.Length)
            {
                Array.Resize(ref _positions, _positionCount * 2);
            }

            _positions[_positionCount++] = position;
            _ends[Count - 1] = _positionCount;
        }

        /// <summary>Adds article <paramref name="seq"/> among older and newer ones.</summary>
        public void Insert(int seq, List<int> positions)
        {
            var at = ~Find(seq);
            Debug.Assert(at >= 0, "the article was removed first");
            var start = at == 0 ? 0 : _ends[at - 1];
            if (Count == Docs.Length)
            {
                Array.Resize(ref Docs, Count * 2);
                Array.Resize(ref _ends, Count * 2);
            }

            if (_positionCount + positions.Count > _positions.Length)
            {
                Array.Resize(ref _positions, Math.Max(_positions.Length * 2, _positionCount + positions.Count));
            }

            Array.Copy(Docs, at, Docs, at + 1, Count - at);
            Array.Copy(_ends, at, _ends, at + 1, Count - at);
            Array.Copy(_positions, start, _positions, start + positions.Count, _positionCount - start);
            positions.CopyTo(_positions, start);
            Docs[at] = seq;
            _ends[at] = start + positions.Count;
            for (var i = at + 1; i <= Count; i++)
            {
                _ends[i] += positions.Count;
            }

            Count++;
            _positionCount += positions.Count;
        }

        /// <summary>Drops the articles marked in <paramref name="removed"/>.</summary>
        public void Remove(bool[] removed)
        {
            var kept = 0;
            var keptPositions = 0;
            var start = 0;
            for (var i = 0; i < Count; i++)
            {
                var end = _ends[i];
                if (!removed[Docs[i]])
                {
                    Array.Copy(_positions, start, _positions, keptPositions, end - start);
                    keptPositions += end - start;
                    Docs[kept] = Docs[i];
                    _ends[kept] = keptPositions;
                    kept++;
                }

                start = end;
            }

            Count = kept;
            _positionCount = keptPositions;
        }

        /// <summary>Calls <paramref name="visit"/> with the index in <paramref name="docs"/> (ascending) and the
        /// positions of each of those articles this term occurs in.</summary>
        public void Visit(int[] docs, PositionsVisitor visit)
        {
            // A short window in a long list: binary searches; otherwise one walk of both lists from the window's start.
            var from = Array.BinarySearch(Docs, 0, Count, docs[0]);
            from = from < 0 ? ~from : from;
            if ((long)(Count - from) > docs.Length * 16L)
            {
                for (var d = 0; d < docs.Length; d++)
                {
                    var at = Array.BinarySearch(Docs, from, Count - from, docs[d]);
                    if (at >= 0)
                    {
                        visit(d, PositionsAt(at));
                        from = at + 1;
                    }
                    else
                    {
                        from = ~at;
                    }
                }

                return;
            }

            var i = from;
            var j = 0;
            while (i < Count && j < docs.Length)
            {
                if (Docs[i] < docs[j])
                {
                    i++;
                }
                else if (Docs[i] > docs[j])
                {
                    j++;
                }
                else
                {
                    visit(j, PositionsAt(i));
                    i++;
                    j++;
                }
            }
        }

        public void Trim()
        {
            Array.Resize(ref Docs, Math.Max(1, Count));
            Array.Resize(ref _ends, Math.Max(1, Count));
            Array.Resize(ref _positions, Math.Max(1, _positionCount));
        }
    }

    private delegate void PositionsVisitor(int index, ReadOnlySpan<int> positions);

    /// <summary>One article's positions of one term: <c>Positions[Start..End]</c>.</summary>
    private readonly record struct PositionSpan(int[] Positions, int Start, int End);

    /// <summary>Articles by ascending seq: the first <see cref="Count"/> of <see cref="Docs"/> (which may be shared).</summary>
    private readonly record struct DocSet(int[] Docs, int Count)
    {
        public static DocSet Empty { get; } = new([], 0);

        public static DocSet Intersect(DocSet a, DocSet b)
        {
            if (a.Count > b.Count)
            {
                (a, b) = (b, a);
            }

            var result = new int[a.Count];
            var count = 0;
            var from = 0;
            for (var i = 0; i < a.Count && from < b.Count; i++)
            {
                var at = a.Count * 8 < b.Count ? Array.BinarySearch(b.Docs, from, b.Count - from, a.Docs[i]) : Walk(b, from, a.Docs[i]);
                if (at >= 0)
                {
                    result[count++] = a.Docs[i];
                    from = at + 1;
                }
                else
                {
                    from = ~at;
                }
            }

            return new DocSet(result, count);
        }

        private static int Walk(DocSet set, int from, int seq)
        {
            while (from < set.Count && set.Docs[from] < seq)
            {
                from++;
            }

            return from < set.Count && set.Docs[from] == seq ? from : ~from;
        }

        public static DocSet Union(DocSet a, DocSet b)
        {
            var result = new int[a.Count + b.Count];
            int i = 0, j = 0, count = 0;
            while (i < a.Count && j < b.Count)
            {
                var x = a.Docs[i];
                var y = b.Docs[j];
                result[count++] = Math.Min(x, y);
                i += x <= y ? 1 : 0;
                j += y <= x ? 1 : 0;
            }

            while (i < a.Count)
            {
                result[count++] = a.Docs[i++];
            }

            while (j < b.Count)
            {
                result[count++] = b.Docs[j++];
            }

            return new DocSet(result, count);
        }

        public static DocSet Except(DocSet a, DocSet b)
        {
            var result = new int[a.Count];
            var count = 0;
            var j = 0;
            for (var i = 0; i < a.Count; i++)
            {
                while (j < b.Count && b.Docs[j] < a.Docs[i])
                {
                    j++;
                }

                if (j >= b.Count || b.Docs[j] != a.Docs[i])
                {
                    result[count++] = a.Docs[i];
                }
            }

            return new DocSet(result, count);
        }

        /// <summary>The union of many terms' articles (a prefix's), through a bit per article.</summary>
        public static DocSet UnionAll(Postings[] terms)
        {
            if (terms.Length == 0)
            {
                return Empty;
            }

            if (terms.Length == 1)
            {
                return new DocSet(terms[0].Docs, terms[0].Count);
            }

            var max = terms.Max(t => t.Docs[t.Count - 1]);
            var bits = new ulong[(max >> 6) + 1];
            var total = 0L;
            foreach (var term in terms)
            {
                total += term.Count;
                for (var i = 0; i < term.Count; i++)
                {
                    var seq = term.Docs[i];
                    bits[seq >> 6] |= 1UL << seq;
                }
            }

            var result = new int[Math.Min(total, max + 1)];
            var count = 0;
            for (var w = 0; w < bits.Length; w++)
            {
                var word = bits[w];
                while (word != 0)
                {
                    result[count++] = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                }
            }

            return new DocSet(result, count);
        }
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
