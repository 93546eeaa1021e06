using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
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
/// </remarks>
public sealed class SqliteArticleSearch(SqliteArticleStore store) : IArticleSearch, IDisposable
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
            session = new SearchSession(store.OpenConnection());
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
        private readonly SqliteCommand _articles;
        private readonly SqliteCommand _text;
        private readonly SqliteCommand _story;

        public SearchSession(SqliteConnection connection)
        {
            _connection = connection;
            using (var map = connection.CreateCommand())
            {
                // Read the file through a memory map: every session shares the operating system's cached pages
                // instead of warming a page cache of its own, and reads cost no copies.
                map.CommandText = "PRAGMA mmap_size = 2147483648";
                map.ExecuteNonQuery();
            }

            // Newest first by rowid lets FTS5 stop after the window; bm25 is computed for those rows only.
            _ranked = Prepare(
                $"SELECT rowid, {Ranking} FROM articles_fts WHERE articles_fts MATCH $query ORDER BY rowid DESC LIMIT $window",
                "$query", "$window");
            _rankedFiltered = Prepare(
                $"""
                SELECT articles_fts.rowid, {Ranking} FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                WHERE articles_fts MATCH $query {Filters}
                ORDER BY articles_fts.rowid DESC LIMIT $window
                """,
                "$query", "$window", "$source", "$language", "$from", "$to");
            _count = Prepare("SELECT COUNT(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH $query LIMIT $cap)", "$query", "$cap");
            _countFiltered = Prepare(
                $"""
                SELECT COUNT(*) FROM (SELECT 1 FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                                      WHERE articles_fts MATCH $query {Filters} LIMIT $cap)
                """,
                "$query", "$cap", "$source", "$language", "$from", "$to");
            _articles = Prepare(
                """
                SELECT a.seq, a.id, COALESCE(a.story_id, a.id), a.display_title, a.source, a.language, a.published
                FROM json_each($seqs) AS j JOIN articles a ON a.seq = j.value
                """,
                "$seqs");
            _text = Prepare("SELECT text FROM articles WHERE seq = $seq", "$seq");
            _story = Prepare(
                $"""
                SELECT {SqliteArticleStore.HeadlineOf("$story")}, (SELECT COUNT(*) FROM articles WHERE story_id = $story)
                """,
                "$story");
        }

        public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
        {
            var filtered = Blank(request.Source) is not null || Blank(request.Language) is not null || request.From is not null || request.To is not null;

            // 1. Score the newest matches (only the index, and the filter columns when filtering), best first.
            var ranked = filtered ? _rankedFiltered : _ranked;
            Bind(ranked, request);
            ranked.Parameters["$window"].Value = RankingWindow;
            var scored = new List<(long Seq, double Score)>(64);
            await using (var reader = await ranked.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    scored.Add((reader.GetInt64(0), reader.GetDouble(1)));
                }
            }

            // bm25 is lower for better matches; ties go to the newer article.
            scored.Sort(static (x, y) => x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Seq.CompareTo(x.Seq));

            var total = scored.Count;
            var capped = false;
            if (scored.Count == RankingWindow)
            {
                var count = filtered ? _countFiltered : _count;
                Bind(count, request);
                count.Parameters["$cap"].Value = CountCap + 1;
                total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                capped = total > CountCap;
                total = Math.Min(total, CountCap);
            }

            // 2. Walk the ranking, looking articles up a batch at a time, until the page's stories (and one more, to know
            // whether another page follows) are found; each story keeps its best few articles.
            var wanted = request.Offset + request.Limit + 1;
            var stories = new List<(string StoryId, List<ArticleHit> Hits)>();
            var storyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var next = 0;
            var batch = 32;
            while (stories.Count < wanted && next < scored.Count)
            {
                var take = Math.Min(batch, scored.Count - next);
                var found = await LookUpAsync(scored, next, take, cancellationToken);
                for (var i = next; i < next + take && stories.Count < wanted; i++)
                {
                    if (!found.TryGetValue(scored[i].Seq, out var hit))
                    {
                        continue;
                    }

                    hit = hit with { Score = -scored[i].Score };
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

                next += take;
                batch = Math.Min(batch * 2, 512);
            }

            // 3. Headlines and snippets for the shown page only.
            var page = stories.Skip(request.Offset).Take(request.Limit).ToList();
            var results = new List<StoryHit>(page.Count);
            foreach (var (storyId, hits) in page)
            {
                var withSnippets = new List<ArticleHit>(hits.Count);
                foreach (var hit in hits)
                {
                    withSnippets.Add(hit with { Snippet = await SnippetAsync(request.Query, hit.Seq, cancellationToken) });
                }

                _story.Parameters["$story"].Value = storyId;
                await using var reader = await _story.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                results.Add(new StoryHit(
                    storyId,
                    reader.IsDBNull(0) ? hits[0].Title : reader.GetString(0),
                    reader.GetInt32(1) == 0 ? hits.Count : reader.GetInt32(1),
                    withSnippets));
            }

            return new SearchResults(request, Math.Max(total, 0), results, stories.Count > request.Offset + request.Limit)
            {
                MatchingArticlesCapped = capped,
            };
        }

        private async Task<Dictionary<long, ArticleHit>> LookUpAsync(
            List<(long Seq, double Score)> scored, int start, int count, CancellationToken cancellationToken)
        {
            var seqs = new StringBuilder("[");
            for (var i = start; i < start + count; i++)
            {
                seqs.Append(i > start ? "," : "").Append(scored[i].Seq.ToString(CultureInfo.InvariantCulture));
            }

            _articles.Parameters["$seqs"].Value = seqs.Append(']').ToString();
            var found = new Dictionary<long, ArticleHit>(count);
            await using var reader = await _articles.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var seq = reader.GetInt64(0);
                found[seq] = new ArticleHit(
                    reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                    PublicationDate.TryParseIso(reader.IsDBNull(6) ? null : reader.GetString(6)),
                    [], 0)
                { Seq = seq };
            }

            return found;
        }

        private async Task<IReadOnlyList<SnippetPart>> SnippetAsync(SearchQuery query, long seq, CancellationToken cancellationToken)
        {
            _text.Parameters["$seq"].Value = seq;
            return TextSnippet.Cut(await _text.ExecuteScalarAsync(cancellationToken) as string ?? "", query.Terms);
        }

        private SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(name, name is "$window" or "$cap" or "$seq" ? SqliteType.Integer : SqliteType.Text);
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
            foreach (var command in new[] { _ranked, _rankedFiltered, _count, _countFiltered, _articles, _text, _story })
            {
                command.Dispose();
            }

            _connection.Dispose();
        }
    }
}
