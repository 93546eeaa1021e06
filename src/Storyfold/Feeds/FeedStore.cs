using System.Globalization;
using Microsoft.Data.Sqlite;
using Storyfold.News;
using Storyfold.Storage;

namespace Storyfold.Feeds;

/// <summary>An item already seen: which article it became and what it looked like then.</summary>
public sealed record KnownFeedItem(long ItemId, string ArticleId, string Fingerprint);

/// <summary>An item to record after a poll: its keys, its article and its fingerprint; <see cref="ItemId"/> when it was known.</summary>
public sealed record FeedItemRecord(long? ItemId, string ArticleId, string Fingerprint, IReadOnlyList<string> Keys);

/// <summary>
/// Everything one poll of one feed changes, committed together so a killed process loses or repeats nothing;
/// <see cref="MovedTo"/> is the feed's new address when it moved for good.
/// </summary>
public sealed record FeedPollCommit(
    long FeedId,
    FeedPollState State,
    string? Title,
    string? SiteUrl,
    IReadOnlyList<Article> NewArticles,
    IReadOnlyList<Article> UpdatedArticles,
    IReadOnlyList<FeedItemRecord> Items,
    IReadOnlyList<StoryMerge> Merges,
    string? MovedTo = null);

/// <summary>Subscriptions, poll state and seen items, in the same SQLite file as the articles.</summary>
public sealed class FeedStore(SqliteArticleStore articles)
{
    private const string FeedColumns =
        "f.id, f.url, f.name, f.title, f.site_url, f.added_at, f.etag, f.last_modified, f.last_polled_at, f.last_success_at, " +
        "f.last_status, f.last_error, f.last_error_at, f.failures, f.next_poll_at, " +
        "(SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id) AS items, f.identity_url";

    /// <summary>Subscribes to a feed; an already followed URL is returned as it is, with <c>Added</c> false.</summary>
    public async Task<(FeedSubscription Feed, bool Added)> AddAsync(string url, string? name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = articles.OpenConnection();
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO feeds(url, name, added_at) VALUES ($url, $name, $now) ON CONFLICT(url) DO NOTHING";
            insert.Parameters.AddWithValue("$url", url);
            insert.Parameters.AddWithValue("$name", (object?)name ?? DBNull.Value);
            insert.Parameters.AddWithValue("$now", Iso(now));
            var added = await insert.ExecuteNonQueryAsync(cancellationToken) > 0;
            var feed = await FindAsync(url, cancellationToken);
            return (feed!, added);
        }
    }

    public async Task<IReadOnlyList<FeedSubscription>> ListAsync(CancellationToken cancellationToken) =>
        await QueryFeedsAsync("ORDER BY f.id", null, cancellationToken);

    /// <summary>The feed with this URL, or with this numeric id.</summary>
    public async Task<FeedSubscription?> FindAsync(string urlOrId, CancellationToken cancellationToken)
    {
        var byUrl = await QueryFeedsAsync("WHERE f.url = $value", urlOrId, cancellationToken);
        if (byUrl.Count > 0)
        {
            return byUrl[0];
        }

        if (long.TryParse(urlOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var byId = await QueryFeedsAsync("WHERE f.id = $value", id, cancellationToken);
            return byId.Count > 0 ? byId[0] : null;
        }

        return null;
    }

    /// <summary>Unsubscribes; the articles the feed brought stay, and so does the memory of its items.</summary>
    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = articles.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM feeds WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Feeds whose next poll is due at <paramref name="now"/>, the longest overdue first.</summary>
    public async Task<IReadOnlyList<FeedSubscription>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await QueryFeedsAsync("WHERE f.next_poll_at IS NULL OR f.next_poll_at <= $value ORDER BY f.next_poll_at IS NOT NULL, f.next_poll_at, f.id",
            Iso(now), cancellationToken);

    /// <summary>The earliest scheduled poll of any feed; null when there are no feeds.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = articles.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MIN(COALESCE(next_poll_at, '')) FROM feeds";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.GetInt64(0) == 0)
        {
            return null;
        }

        var next = reader.GetString(1);
        return next.Length == 0 ? DateTimeOffset.MinValue : ParseIso(next);
    }

    /// <summary>For each identity, the stored item any of its keys names, or null when the item is new.</summary>
    public async Task<IReadOnlyList<KnownFeedItem?>> FindItemsAsync(IReadOnlyList<FeedItemIdentity> identities, CancellationToken cancellationToken)
    {
        await using var connection = articles.OpenConnection();
        return await FindItemsAsync(connection, null, identities, cancellationToken);
    }

    private static async Task<IReadOnlyList<KnownFeedItem?>> FindItemsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<FeedItemIdentity> identities, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT i.id, i.article_id, i.fingerprint FROM feed_item_keys k JOIN feed_items i ON i.id = k.item_id WHERE k.key = $key";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var found = new List<KnownFeedItem?>(identities.Count);
        foreach (var identity in identities)
        {
            KnownFeedItem? known = null;
            foreach (var candidate in identity.Keys)
            {
                key.Value = candidate;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    known = new KnownFeedItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
                    break;
                }
            }

            found.Add(known);
        }

        return found;
    }

    /// <summary>Stores a poll's articles, item records and the feed's new state in one transaction.</summary>
    public async Task CommitPollAsync(FeedPollCommit commit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = articles.OpenConnection();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await articles.InsertAsync(connection, transaction, commit.NewArticles, cancellationToken);
        await SqliteArticleStore.SaveMergesAsync(connection, transaction, commit.Merges, now.ToString("O"), cancellationToken);
        await SqliteArticleStore.UpdateAsync(connection, transaction, commit.UpdatedArticles, cancellationToken);
        foreach (var item in commit.Items)
        {
            await RecordItemAsync(connection, transaction, commit.FeedId, item, now, cancellationToken);
        }

        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText =
                """
                UPDATE feeds SET title = COALESCE($title, title), site_url = COALESCE($site, site_url), etag = $etag,
                    last_modified = $last_modified, last_polled_at = $polled, last_success_at = $success, last_status = $status,
                    last_error = $error, last_error_at = $error_at, failures = $failures, next_poll_at = $next
                WHERE id = $id
                """;
            var state = commit.State;
            update.Parameters.AddWithValue("$id", commit.FeedId);
            update.Parameters.AddWithValue("$title", (object?)commit.Title ?? DBNull.Value);
            update.Parameters.AddWithValue("$site", (object?)commit.SiteUrl ?? DBNull.Value);
            update.Parameters.AddWithValue("$etag", (object?)state.ETag ?? DBNull.Value);
            update.Parameters.AddWithValue("$last_modified", (object?)state.LastModified ?? DBNull.Value);
            update.Parameters.AddWithValue("$polled", (object?)IsoOrNull(state.LastPolledAt) ?? DBNull.Value);
            update.Parameters.AddWithValue("$success", (object?)IsoOrNull(state.LastSuccessAt) ?? DBNull.Value);
            update.Parameters.AddWithValue("$status", (object?)state.LastStatus ?? DBNull.Value);
            update.Parameters.AddWithValue("$error", (object?)state.LastError ?? DBNull.Value);
            update.Parameters.AddWithValue("$error_at", (object?)IsoOrNull(state.LastErrorAt) ?? DBNull.Value);
            update.Parameters.AddWithValue("$failures", state.Failures);
            update.Parameters.AddWithValue("$next", (object?)IsoOrNull(state.NextPollAt) ?? DBNull.Value);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (commit.MovedTo is { } moved)
        {
            await using var move = connection.CreateCommand();
            move.Transaction = transaction;
            // Another subscription may already follow the new address: then both stay as they are.
            move.CommandText =
                """
                UPDATE feeds SET identity_url = COALESCE(identity_url, url), url = $moved
                WHERE id = $id AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = $moved)
                """;
            move.Parameters.AddWithValue("$id", commit.FeedId);
            move.Parameters.AddWithValue("$moved", moved);
            await move.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>How many stories the store holds, to tell how many a round created.</summary>
    public async Task<int> CountStoriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = articles.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(DISTINCT story_id) FROM articles";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task RecordItemAsync(
        SqliteConnection connection, SqliteTransaction transaction, long feedId, FeedItemRecord item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        long itemId;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$article", item.ArticleId);
            command.Parameters.AddWithValue("$fingerprint", item.Fingerprint);
            command.Parameters.AddWithValue("$now", Iso(now));
            if (item.ItemId is { } existing)
            {
                command.CommandText = "UPDATE feed_items SET fingerprint = $fingerprint, last_seen_at = $now WHERE id = $id";
                command.Parameters.AddWithValue("$id", existing);
                await command.ExecuteNonQueryAsync(cancellationToken);
                itemId = existing;
            }
            else
            {
                command.CommandText =
                    """
                    INSERT INTO feed_items(article_id, feed_id, fingerprint, first_seen_at, last_seen_at)
                    VALUES ($article, (SELECT id FROM feeds WHERE id = $feed), $fingerprint, $now, $now) RETURNING id
                    """;
                command.Parameters.AddWithValue("$feed", feedId);
                itemId = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
        }

        await using var keys = connection.CreateCommand();
        keys.Transaction = transaction;
        keys.CommandText = "INSERT INTO feed_item_keys(key, item_id) VALUES ($key, $item) ON CONFLICT(key) DO NOTHING";
        var key = keys.Parameters.Add("$key", SqliteType.Text);
        keys.Parameters.AddWithValue("$item", itemId);
        foreach (var value in item.Keys)
        {
            key.Value = value;
            await keys.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<IReadOnlyList<FeedSubscription>> QueryFeedsAsync(string clause, object? value, CancellationToken cancellationToken)
    {
        await using var connection = articles.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {FeedColumns} FROM feeds f {clause}";
        if (value is not null)
        {
            command.Parameters.AddWithValue("$value", value);
        }

        var feeds = new List<FeedSubscription>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : ParseIso(reader.GetString(i));
            feeds.Add(new FeedSubscription
            {
                Id = reader.GetInt64(0),
                Url = reader.GetString(1),
                Name = Text(2),
                Title = Text(3),
                SiteUrl = Text(4),
                AddedAt = ParseIso(reader.GetString(5)),
                State = new FeedPollState
                {
                    ETag = Text(6),
                    LastModified = Text(7),
                    LastPolledAt = Time(8),
                    LastSuccessAt = Time(9),
                    LastStatus = reader.IsDBNull(10) ? null : reader.GetInt32(10),
                    LastError = Text(11),
                    LastErrorAt = Time(12),
                    Failures = reader.GetInt32(13),
                    NextPollAt = Time(14),
                },
                Items = reader.GetInt32(15),
                IdentityUrl = Text(16),
            });
        }

        return feeds;
    }

    // Fixed-width UTC text sorts chronologically, so "due" is a plain comparison in SQL.
    private static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? IsoOrNull(DateTimeOffset? time) => time is { } t ? Iso(t) : null;

    private static DateTimeOffset ParseIso(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
