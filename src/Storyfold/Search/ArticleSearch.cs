using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Storyfold.News;
using Storyfold.Storage;

namespace Storyfold.Search;

/// <summary>What to search for and where: the parsed query, filters, and which page of stories.</summary>
public sealed record SearchRequest(SearchQuery Query)
{
    public string? Source { get; init; }

    public string? Language { get; init; }

    /// <summary>First day included (publication date).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day included (publication date).</summary>
    public DateOnly? To { get; init; }

    /// <summary>How many stories a page holds.</summary>
    public int Limit { get; init; } = 20;

    /// <summary>How many stories to skip (the page's start).</summary>
    public int Offset { get; init; }
}

/// <summary>A piece of a snippet: text, and whether it matched the query.</summary>
public readonly record struct SnippetPart(string Text, bool Matched);

/// <summary>One matching article, with a snippet around its best match.</summary>
public sealed record ArticleHit(
    string ArticleId, string StoryId, string Title, string? Source, string? Language, PublicationDate? Published,
    IReadOnlyList<SnippetPart> Snippet, double Score)
{
    public string SnippetText => string.Concat(Snippet.Select(p => p.Text));

    /// <summary>The article's row in the store, for looking up its snippet.</summary>
    internal long Seq { get; init; }
}

/// <summary>A story with articles that match, best match first.</summary>
public sealed record StoryHit(string StoryId, string Headline, int StoryArticles, IReadOnlyList<ArticleHit> Articles);

/// <summary>A page of search results grouped by story, with the number of matching articles in all.</summary>
public sealed record SearchResults(SearchRequest Request, int MatchingArticles, IReadOnlyList<StoryHit> Stories, bool HasMore)
{
    /// <summary>True when there are more matches than were counted: <see cref="MatchingArticles"/> is then a lower bound.</summary>
    public bool MatchingArticlesCapped { get; init; }
}

/// <summary>Searches articles by relevance and groups the matches by story.</summary>
public interface IArticleSearch
{
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Full-text search over a SQLite store's FTS5 index, ranked by bm25 with titles weighted above body text.
/// </summary>
/// <remarks>
/// bm25 has to score every match before it can sort them, and a common word matches a quarter of a news archive, so
/// ranking is bounded: the <see cref="RankingWindow"/> most recently stored matches (after the filters) are scored and
/// sorted, which is every match for names, places and phrases, and the newest part of the archive for common words; a
/// date filter reaches older articles. Counting stops at <see cref="CountCap"/>. Only the shown page's articles are
/// looked up and get snippets. Each search borrows an open connection with its statements prepared.
/// <paramref name="onStage"/> (for benchmarks) is told the name of each stage as it ends.
/// </remarks>
public sealed class SqliteArticleSearch(SqliteArticleStore store, Action<string>? onStage = null, MemorySearchIndex? index = null)
    : IArticleSearch, IDisposable
{
    /// <summary>How many of the newest matches are ranked by bm25.</summary>
    public const int RankingWindow = 1000;

    /// <summary>Matches are counted up to this number; beyond it the count says "at least".</summary>
    public const int CountCap = 10_000;

    /// <summary>Articles a story shows in the results.</summary>
    private const int HitsPerStory = 3;

    private readonly ConcurrentBag<SearchSession> _idle = [];

    // More searches at once than cores only adds switching and cold page caches; the rest wait their turn.
    private readonly SemaphoreSlim _running = new(Math.Max(2, Environment.ProcessorCount), Math.Max(2, Environment.ProcessorCount));

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            return await SearchOnceAsync(request, cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<SearchResults> SearchOnceAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        if (!_idle.TryTake(out var session))
        {
            session = new SearchSession(store.OpenConnection(), onStage, index);
        }

        try
        {
            return await session.SearchAsync(request, cancellationToken);
        }
        catch
        {
            session.Dispose();
            session = null;
            throw;
        }
        finally
        {
            if (session is not null)
            {
                _idle.Add(session);
            }
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }

        _running.Dispose();
    }

    /// <summary>One open connection and the search's statements, prepared once and used by one search at a time.</summary>
    private sealed class SearchSession : IDisposable
    {
        /// <summary>bm25 weights by column: title, text, source, Han title bigrams, Han text bigrams.</summary>
        private const string Ranking = "bm25(articles_fts, 4.0, 1.0, 2.0, 4.0, 1.0)";

        private const string Filters =
            """
              AND ($source IS NULL OR a.source = $source COLLATE NOCASE)
              AND ($language IS NULL OR a.language = $language COLLATE NOCASE)
              AND ($from IS NULL OR a.published_sort >= $from)
              AND ($to IS NULL OR a.published_sort < $to)
            """;

        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _ranked;
        private readonly SqliteCommand _rankedFiltered;
        private readonly SqliteCommand _count;
        private readonly SqliteCommand _countFiltered;
        private readonly SqliteCommand _texts;
        private readonly SqliteCommand _stories;
        private readonly SqliteCommand _mark;
        private readonly Action<string>? _onStage;
        private readonly MemorySearchIndex? _index;

        public SearchSession(SqliteConnection connection, Action<string>? onStage, MemorySearchIndex? index)
        {
            _connection = connection;
            _onStage = onStage;
            _index = index;
            using (var map = connection.CreateCommand())
            {
                // Read the file through a memory map: every session shares the operating system's cached pages
                // instead of warming a page cache of its own, and reads cost no copies.
                map.CommandText = "PRAGMA mmap_size = 2147483648";
                map.ExecuteNonQuery();
            }

            // Newest first by rowid lets FTS5 stop after the window; bm25 is computed for those rows only. SQLite sorts
            // the window by score and counts it, and each ranked row is joined to its article only when the search
            // steps to it (the sorted window is the outer loop, so rows come out best first), and a page reads only the
            // articles it needs. The LIMIT on the sorted window keeps SQLite from dropping its ORDER BY as a subquery's.
            _ranked = Prepare(Ranked("articles_fts WHERE articles_fts MATCH $query"), "$query", "$window");
            _rankedFiltered = Prepare(
                Ranked($"articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH $query {Filters}"),
                "$query", "$window", "$source", "$language", "$from", "$to");
            _count = Prepare("SELECT COUNT(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH $query LIMIT $cap)", "$query", "$cap");
            _countFiltered = Prepare(
                $"""
                SELECT COUNT(*) FROM (SELECT 1 FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                                      WHERE articles_fts MATCH $query {Filters} LIMIT $cap)
                """,
                "$query", "$cap", "$source", "$language", "$from", "$to");
            _texts = Prepare("SELECT a.seq, a.text FROM json_each($seqs) AS j JOIN articles a ON a.seq = j.value", "$seqs");
            _stories = Prepare(
                $"""
                SELECT j.value, {SqliteArticleStore.HeadlineOf("j.value")}, (SELECT COUNT(*) FROM articles WHERE story_id = j.value)
                FROM json_each($stories) AS j
                """,
                "$stories");
            _mark = Prepare("SELECT COALESCE(MAX(mark), 0) FROM article_changes");
        }

        public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
        {
            var filtered = Blank(request.Source) is not null || Blank(request.Language) is not null || request.From is not null || request.To is not null;

            var wanted = request.Offset + request.Limit + 1;
            var stories = new List<(string StoryId, List<ArticleHit> Hits)>();
            var storyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            int total;
            bool capped;
            var inMemory = false;
            if (await RankInMemoryAsync(request, cancellationToken) is { } window)
            {
                inMemory = true;
                // The in-memory index ranked the same window FTS5 would, and knows each article's details.
                _onStage?.Invoke("rank in memory");
                foreach (var (seq, score) in window.Hits)
                {
                    if (stories.Count >= wanted)
                    {
                        break;
                    }

                    // Details are looked up only for the hits the page walks through; one deleted since is passed over.
                    if (_index!.Article(seq) is not { } article)
                    {
                        continue;
                    }

                    AddHit(stories, storyIndex, new ArticleHit(
                        article.Id, article.StoryId, article.Title, article.Source, article.Language,
                        article.Published, [], score) { Seq = seq });
                }

                total = window.Total;
                capped = window.Capped;
                _onStage?.Invoke("articles");
            }
            else
            {
                (total, capped) = await RankWithFts5Async(request, filtered, wanted, stories, storyIndex, cancellationToken);
            }

            _onStage?.Invoke("count");

            // 3. Snippets, headlines and story sizes for the shown page only, each in one statement.
            var page = stories.Skip(request.Offset).Take(request.Limit).ToList();
            var seqs = page.SelectMany(story => story.Hits).Select(hit => hit.Seq);
            var texts = inMemory ? _index!.Texts(seqs) : await TextsAsync(seqs, cancellationToken);
            _onStage?.Invoke("texts");
            var withSnippets = page.Select(story => story.Hits.Select(hit => hit with
            {
                Snippet = TextSnippet.Cut(texts.GetValueOrDefault(hit.Seq) ?? "", request.Query.Terms),
            }).ToList()).ToList();
            _onStage?.Invoke("snippets");

            var storyRows = inMemory
                ? _index!.Stories(page.Select(story => story.StoryId))
                : await StoriesAsync(page.Select(story => story.StoryId), cancellationToken);
            var results = new List<StoryHit>(page.Count);
            for (var i = 0; i < page.Count; i++)
            {
                var (storyId, hits) = page[i];
                var (headline, articles) = storyRows.GetValueOrDefault(storyId);
                results.Add(new StoryHit(storyId, headline ?? hits[0].Title, articles == 0 ? hits.Count : articles, withSnippets[i]));
            }

            _onStage?.Invoke("stories");
            return new SearchResults(request, Math.Max(total, 0), results, stories.Count > request.Offset + request.Limit)
            {
                MatchingArticlesCapped = capped,
            };
        }

        /// <summary>The in-memory index's ranking, once it is built and has caught up with the store's writes.</summary>
        private async Task<RankedWindow?> RankInMemoryAsync(SearchRequest request, CancellationToken cancellationToken)
        {
            if (_index is not { IsReady: true })
            {
                return null;
            }

            if ((long)(await _mark.ExecuteScalarAsync(cancellationToken))! > _index.Mark)
            {
                await _index.CatchUpAsync(_connection, cancellationToken);
            }

            var filter = new SearchFilter(Blank(request.Source), Blank(request.Language), SearchFilter.Day(request.From),
                SearchFilter.Day(request.To?.AddDays(1)));
            return _index.Rank(request.Query, filter, RankingWindow, CountCap);
        }

        /// <summary>
        /// Scores the newest matches with FTS5 (only the index, and the filter columns when filtering), best first
        /// (bm25 is lower for better matches; ties go to the newer article), and walks the ranking until the page's
        /// stories (and one more, to know whether another page follows) are found; each story keeps its best few.
        /// </summary>
        private async Task<(int Total, bool Capped)> RankWithFts5Async(
            SearchRequest request, bool filtered, int wanted, List<(string StoryId, List<ArticleHit> Hits)> stories,
            Dictionary<string, int> storyIndex, CancellationToken cancellationToken)
        {
            var ranked = filtered ? _rankedFiltered : _ranked;
            Bind(ranked, request);
            ranked.Parameters["$window"].Value = RankingWindow;
            var total = 0;
            await using (var reader = await ranked.ExecuteReaderAsync(cancellationToken))
            {
                _onStage?.Invoke("rank");
                while (stories.Count < wanted && reader.Read())
                {
                    total = reader.GetInt32(2);
                    AddHit(stories, storyIndex, ReadHit(reader));
                }
            }

            _onStage?.Invoke("articles");

            // A full window means there are more matches than were ranked: count them, up to the cap.
            var capped = false;
            if (total == RankingWindow)
            {
                var count = filtered ? _countFiltered : _count;
                Bind(count, request);
                count.Parameters["$cap"].Value = CountCap + 1;
                total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                capped = total > CountCap;
                total = Math.Min(total, CountCap);
            }

            return (total, capped);
        }

        /// <summary>The ranking statement over <paramref name="matches"/> (a FROM clause with its WHERE).</summary>
        private static string Ranked(string matches) =>
            $"""
            SELECT r.seq, r.score, r.total, a.id, COALESCE(a.story_id, a.id), a.display_title, a.source, a.language, a.published
            FROM (SELECT seq, score, COUNT(*) OVER () AS total FROM (
                      SELECT articles_fts.rowid AS seq, {Ranking} AS score FROM {matches}
                      ORDER BY articles_fts.rowid DESC LIMIT $window)
                  ORDER BY score, seq DESC LIMIT $window) AS r
            CROSS JOIN articles a ON a.seq = r.seq
            """;

        private static ArticleHit ReadHit(SqliteDataReader reader) =>
            new(reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                PublicationDate.TryParseIso(reader.IsDBNull(8) ? null : reader.GetString(8)),
                [], -reader.GetDouble(1))
            { Seq = reader.GetInt64(0) };

        private static void AddHit(List<(string StoryId, List<ArticleHit> Hits)> stories, Dictionary<string, int> storyIndex, ArticleHit hit)
        {
            if (storyIndex.TryGetValue(hit.StoryId, out var at))
            {
                if (stories[at].Hits.Count < HitsPerStory)
                {
                    stories[at].Hits.Add(hit);
                }
            }
            else
            {
                storyIndex[hit.StoryId] = stories.Count;
                stories.Add((hit.StoryId, [hit]));
            }
        }

        private async Task<Dictionary<long, string>> TextsAsync(IEnumerable<long> seqs, CancellationToken cancellationToken)
        {
            _texts.Parameters["$seqs"].Value = JsonArray(seqs);
            var texts = new Dictionary<long, string>();
            await using var reader = await _texts.ExecuteReaderAsync(cancellationToken);
            while (reader.Read())
            {
                texts[reader.GetInt64(0)] = reader.GetString(1);
            }

            return texts;
        }

        private async Task<Dictionary<string, (string? Headline, int Articles)>> StoriesAsync(
            IEnumerable<string> storyIds, CancellationToken cancellationToken)
        {
            var json = new StringBuilder("[");
            foreach (var id in storyIds)
            {
                json.Append(json.Length > 1 ? "," : "").Append(JsonSerializer.Serialize(id));
            }

            _stories.Parameters["$stories"].Value = json.Append(']').ToString();
            var stories = new Dictionary<string, (string?, int)>(StringComparer.Ordinal);
            await using var reader = await _stories.ExecuteReaderAsync(cancellationToken);
            while (reader.Read())
            {
                stories[reader.GetString(0)] = (reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2));
            }

            return stories;
        }

        private static string JsonArray(IEnumerable<long> values)
        {
            var json = new StringBuilder("[");
            foreach (var value in values)
            {
                json.Append(json.Length > 1 ? "," : "").Append(value.ToString(CultureInfo.InvariantCulture));
            }

            return json.Append(']').ToString();
        }

        private SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(name, name is "$window" or "$cap" ? SqliteType.Integer : SqliteType.Text);
            }

            command.Prepare();
            return command;
        }

        private static void Bind(SqliteCommand command, SearchRequest request)
        {
            command.Parameters["$query"].Value = request.Query.Fts;
            if (command.Parameters.Contains("$source"))
            {
                command.Parameters["$source"].Value = (object?)Blank(request.Source) ?? DBNull.Value;
                command.Parameters["$language"].Value = (object?)Blank(request.Language) ?? DBNull.Value;
                command.Parameters["$from"].Value = (object?)request.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value;
                command.Parameters["$to"].Value = (object?)request.To?.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value;
            }
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        public void Dispose()
        {
            foreach (var command in new[] { _ranked, _rankedFiltered, _count, _countFiltered, _texts, _stories, _mark })
            {
                command.Dispose();
            }

            _connection.Dispose();
        }
    }
}
