using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Storyfold.News;
using Storyfold.Search;

namespace Storyfold.Storage;

/// <summary>The default store: one SQLite file in WAL mode, one transaction per batch.</summary>
public sealed class SqliteArticleStore : IArticleStore
{
    private const string ArticleColumns =
        "id, story_id, duplicate_of, title, display_title, published, published_inferred, source, language, url, author, text, captions, original, content_hash";

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    private SqliteArticleStore(string connectionString, TimeProvider time)
    {
        _connectionString = connectionString;
        _time = time;
    }

    public string Path { get; private init; } = "";

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and brings its schema up to date.</summary>
    public static SqliteArticleStore Open(string path, TimeProvider? time = null)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        var store = new SqliteArticleStore(builder.ToString(), time ?? TimeProvider.System) { Path = path };
        using var connection = store.OpenConnection();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        SqliteSchema.Migrate(connection);
        return store;
    }

    /// <summary>A connection with this store's settings; callers dispose it.</summary>
    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // The search index's migrations call this for Chinese text already stored (see SearchSchema).
        connection.CreateFunction<string?, string>(HanBigrams.SqlFunction, HanBigrams.ForIndex, isDeterministic: true);
        using var pragmas = connection.CreateCommand();
        // WAL with synchronous=NORMAL survives a killed process; busy_timeout lets a reader wait for a writer.
        // A larger checkpoint interval and page cache spare bulk ingests most of their checkpoint copies and syncs.
        pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; " +
            "PRAGMA wal_autocheckpoint = 8000; PRAGMA cache_size = -32768;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public async Task<IReadOnlySet<string>> FindStoredAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (articles.Count == 0)
        {
            return found;
        }

        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM articles WHERE id = $id OR content_hash = $hash LIMIT 1";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var hash = command.Parameters.Add("$hash", SqliteType.Text);
        command.Prepare();
        foreach (var article in articles)
        {
            id.Value = article.Id;
            hash.Value = article.ContentHash;
            if (await command.ExecuteScalarAsync(cancellationToken) is not null)
            {
                found.Add(article.Id);
            }
        }

        return found;
    }

    public Task SaveBatchAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken) =>
        SaveBatchAsync(articles, [], cancellationToken);

    public async Task SaveBatchAsync(IReadOnlyList<Article> articles, IReadOnlyList<StoryMerge> merges, CancellationToken cancellationToken)
    {
        if (articles.Count == 0 && merges.Count == 0)
        {
            return;
        }

        await using var connection = OpenConnection();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, transaction, articles, cancellationToken);
        await SaveMergesAsync(connection, transaction, merges, _time.GetUtcNow().ToString("O"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Inserts articles inside a caller's transaction, so other state (feed polls) can commit with them.</summary>
    internal async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        if (articles.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"""
            INSERT INTO articles ({ArticleColumns}, published_sort, ingested_at, han_title, han_text)
            VALUES ($id, $story_id, $duplicate_of, $title, $display_title, $published, $published_inferred, $source, $language,
                    $url, $author, $text, $captions, $original, $content_hash, $published_sort, $ingested_at, $han_title, $han_text)
            ON CONFLICT(id) DO UPDATE SET story_id = excluded.story_id, duplicate_of = excluded.duplicate_of
            """;
        var parameters = new[]
        {
            "$id", "$story_id", "$duplicate_of", "$title", "$display_title", "$published", "$published_inferred", "$source",
            "$language", "$url", "$author", "$text", "$captions", "$original", "$content_hash", "$published_sort", "$ingested_at",
            "$han_title", "$han_text",
        }.Select(name => command.Parameters.Add(name, SqliteType.Text)).ToArray();
        command.Prepare();
        var now = _time.GetUtcNow().ToString("O");
        foreach (var article in articles)
        {
            object?[] values =
            [
                article.Id, article.StoryId ?? article.Id, article.DuplicateOf, article.Title, article.DisplayTitle,
                article.Published?.ToIso(), article.PublishedInferred ? 1 : 0, article.Source, article.Language, article.Url,
                article.Author, article.Text, article.Captions.Count == 0 ? "[]" : JsonSerializer.Serialize(article.Captions), article.Original, article.ContentHash,
                article.Published?.SortKey, now, HanBigrams.ForIndex(article.DisplayTitle), HanBigrams.ForIndex(article.Text),
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task UpdateArticlesAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        if (articles.Count == 0)
        {
            return;
        }

        await using var connection = OpenConnection();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await UpdateAsync(connection, transaction, articles, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Replaces the content of stored articles inside a caller's transaction; story, duplicate link and ingest order stay.</summary>
    internal static async Task UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        if (articles.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            UPDATE articles SET title = $title, display_title = $display_title,
                published = COALESCE($published, published), published_sort = COALESCE($published_sort, published_sort),
                published_inferred = CASE WHEN $published IS NULL THEN published_inferred ELSE $published_inferred END,
                source = COALESCE($source, source), language = COALESCE($language, language), url = COALESCE($url, url),
                author = COALESCE($author, author), text = $text, captions = $captions, original = $original, content_hash = $content_hash,
                han_title = $han_title, han_text = $han_text
            WHERE id = $id
            """;
        var parameters = new[]
        {
            "$id", "$title", "$display_title", "$published", "$published_inferred", "$source", "$language", "$url", "$author",
            "$text", "$captions", "$original", "$content_hash", "$published_sort", "$han_title", "$han_text",
        }.Select(name => command.Parameters.Add(name, SqliteType.Text)).ToArray();
        command.Prepare();
        foreach (var article in articles)
        {
            object?[] values =
            [
                article.Id, article.Title, article.DisplayTitle, article.Published?.ToIso(), article.PublishedInferred ? 1 : 0,
                article.Source, article.Language, article.Url, article.Author, article.Text, JsonSerializer.Serialize(article.Captions),
                article.Original, article.ContentHash, article.Published?.SortKey, HanBigrams.ForIndex(article.DisplayTitle),
                HanBigrams.ForIndex(article.Text),
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Records story merges inside a caller's transaction, so they commit with the articles that caused them.</summary>
    internal static async Task SaveMergesAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<StoryMerge> merges, string now, CancellationToken cancellationToken)
    {
        if (merges.Count == 0)
        {
            return;
        }

        // In decision order: a story merged into one that later merges again ends at the last survivor.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            UPDATE articles SET story_id = $survivor WHERE story_id = $merged;
            UPDATE story_aliases SET story_id = $survivor WHERE story_id = $merged;
            INSERT INTO story_aliases(alias, story_id, merged_at) VALUES ($merged, $survivor, $now)
                ON CONFLICT(alias) DO UPDATE SET story_id = excluded.story_id, merged_at = excluded.merged_at;
            DELETE FROM story_aliases WHERE alias = $survivor;
            """;
        var merged = command.Parameters.Add("$merged", SqliteType.Text);
        var survivor = command.Parameters.Add("$survivor", SqliteType.Text);
        command.Parameters.AddWithValue("$now", now);
        foreach (var merge in merges)
        {
            merged.Value = merge.MergedId;
            survivor.Value = merge.SurvivorId;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<long> GetLastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM articles";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async IAsyncEnumerable<Article> ListRecentArticlesAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {ArticleColumns} FROM (SELECT * FROM articles ORDER BY seq DESC LIMIT $count) ORDER BY seq";
        command.Parameters.AddWithValue("$count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadArticle(reader);
        }
    }

    public async Task<string> ResolveStoryIdAsync(string storyId, CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        return await ResolveStoryIdAsync(connection, storyId, cancellationToken);
    }

    private static async Task<string> ResolveStoryIdAsync(SqliteConnection connection, string storyId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT story_id FROM story_aliases WHERE alias = $alias";
        command.Parameters.AddWithValue("$alias", storyId);
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? storyId;
    }

    public async Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ArticleColumns} FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadArticle(reader) : null;
    }

    public async IAsyncEnumerable<Article> ListArticlesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ArticleColumns} FROM articles ORDER BY published_sort IS NULL, published_sort, seq";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadArticle(reader);
        }
    }

    public async Task<int> CountArticlesAsync(CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM articles";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// SQL for a story's headline: its earliest dated article's title (undated articles by ingest order after them),
    /// preferring articles that came with a title of their own over pasted text whose first sentence stands in for one.
    /// Written as index walks that each stop at the first row, where one ORDER BY with "IS NULL" sorted every article.
    /// </summary>
    internal static string HeadlineOf(string storyId) =>
        $"""
        COALESCE(
            (SELECT display_title FROM articles WHERE story_id = {storyId} AND published_sort IS NOT NULL AND title <> '' ORDER BY published_sort, seq LIMIT 1),
            (SELECT display_title FROM articles WHERE story_id = {storyId} AND published_sort IS NULL AND title <> '' ORDER BY seq LIMIT 1),
            (SELECT display_title FROM articles WHERE story_id = {storyId} AND published_sort IS NOT NULL ORDER BY published_sort, seq LIMIT 1),
            (SELECT display_title FROM articles WHERE story_id = {storyId} AND published_sort IS NULL ORDER BY seq LIMIT 1))
        """;

    public async Task<IReadOnlyList<StoryInfo>> ListStoriesAsync(CancellationToken cancellationToken) =>
        (await RefreshStoriesAsync(null, cancellationToken)).Stories;

    public async Task<StoryListing> RefreshStoriesAsync(StoryListing? previous, CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        // One read transaction: the log's mark and the stories listed are the same snapshot of the file.
        await using var transaction = connection.BeginTransaction(deferred: true);
        long first, last;
        await using (var marks = connection.CreateCommand())
        {
            marks.Transaction = transaction;
            marks.CommandText = "SELECT COALESCE(MIN(mark), 0), COALESCE(MAX(mark), 0) FROM story_changes";
            await using var reader = await marks.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (first, last) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (previous is not null && previous.Mark == last)
        {
            return previous;
        }

        // Refresh from the log while it still reaches back to the previous listing and names few enough stories that
        // listing them one by one beats one pass over every article; otherwise list everything.
        if (previous is not null && previous.Mark < last && first <= previous.Mark + 1)
        {
            var touched = await TouchedStoriesAsync(connection, transaction, previous.Mark, Math.Max(64, previous.Stories.Count / 8), cancellationToken);
            if (touched is not null)
            {
                var relisted = await AggregateStoriesAsync(connection, transaction, touched, cancellationToken);
                return new StoryListing(last, MergeByActivity(previous.Stories, touched, relisted)) { Relisted = touched, RelistedStories = relisted };
            }
        }

        return new StoryListing(last, await AggregateStoriesAsync(connection, transaction, null, cancellationToken));
    }

    /// <summary>The stories logged after <paramref name="mark"/>, or null when there are more than <paramref name="most"/>.</summary>
    private static async Task<HashSet<string>?> TouchedStoriesAsync(
        SqliteConnection connection, SqliteTransaction transaction, long mark, int most, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT DISTINCT story_id FROM story_changes WHERE mark > $mark LIMIT $most";
        command.Parameters.AddWithValue("$mark", mark);
        command.Parameters.AddWithValue("$most", most + 1);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            touched.Add(reader.GetString(0));
        }

        return touched.Count > most ? null : touched;
    }

    /// <summary>Stories with their headline, size and span, most recently active first: all, or only <paramref name="only"/>.</summary>
    private static async Task<List<StoryInfo>> AggregateStoriesAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<string>? only, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The headline is the earliest article's title; "most recently active" is the latest publication, then the latest ingest.
        command.CommandText =
            $"""
            SELECT a.story_id,
                   {HeadlineOf("a.story_id")} AS headline,
                   COUNT(*) AS articles,
                   COUNT(DISTINCT COALESCE(a.source, a.id)) AS sources,
                   MIN(a.published) AS first_published, MAX(a.published) AS last_published,
                   MIN(a.published_sort) AS first_sort, MAX(a.published_sort) AS last_sort,
                   MAX(a.seq) AS last_seq
            FROM articles a
            {(only is null ? "" : "WHERE a.story_id IN (SELECT value FROM json_each($only))")}
            GROUP BY a.story_id
            ORDER BY last_sort IS NULL, last_sort DESC, last_seq DESC
            """;
        if (only is not null)
        {
            command.Parameters.AddWithValue("$only", JsonSerializer.Serialize(only));
        }

        var stories = new List<StoryInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stories.Add(new StoryInfo(
                reader.GetString(0),
                reader.IsDBNull(1) ? "" : reader.GetString(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                PublicationDate.TryParseIso(reader.IsDBNull(4) ? null : reader.GetString(4)),
                PublicationDate.TryParseIso(reader.IsDBNull(5) ? null : reader.GetString(5)))
            {
                LastSortKey = reader.IsDBNull(7) ? null : reader.GetString(7),
                LastSequence = reader.GetInt64(8),
            });
        }

        return stories;
    }

    /// <summary>The earlier listing without the touched stories, and the relisted ones in their places (both sorted).</summary>
    private static List<StoryInfo> MergeByActivity(IReadOnlyList<StoryInfo> earlier, HashSet<string> touched, List<StoryInfo> relisted)
    {
        var merged = new List<StoryInfo>(earlier.Count + relisted.Count);
        var next = 0;
        foreach (var story in earlier)
        {
            if (touched.Contains(story.StoryId))
            {
                continue;
            }

            while (next < relisted.Count && StoryInfo.ByActivity(relisted[next], story) < 0)
            {
                merged.Add(relisted[next++]);
            }

            merged.Add(story);
        }

        merged.AddRange(relisted.Skip(next));
        return merged;
    }

    public async Task<IReadOnlyList<Article>> GetStoryArticlesAsync(string storyId, CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ArticleColumns} FROM articles WHERE story_id = $story ORDER BY published_sort IS NULL, published_sort, seq";
        command.Parameters.AddWithValue("$story", await ResolveStoryIdAsync(connection, storyId, cancellationToken));
        var articles = new List<Article>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            articles.Add(ReadArticle(reader));
        }

        return articles;
    }

    private static Article ReadArticle(SqliteDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new Article
        {
            Id = reader.GetString(0),
            StoryId = Text(1),
            DuplicateOf = Text(2),
            Title = reader.GetString(3),
            DisplayTitle = reader.GetString(4),
            Published = PublicationDate.TryParseIso(Text(5)),
            PublishedInferred = reader.GetInt32(6) != 0,
            Source = Text(7),
            Language = Text(8),
            Url = Text(9),
            Author = Text(10),
            Text = reader.GetString(11),
            Captions = JsonSerializer.Deserialize<string[]>(reader.GetString(12)) ?? [],
            Original = reader.GetString(13),
            ContentHash = reader.GetString(14),
        };
    }

    public ValueTask DisposeAsync()
    {
        // Release pooled connections so the file can be moved or deleted once the store is closed.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
