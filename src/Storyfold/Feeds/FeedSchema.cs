using Storyfold.Storage;

namespace Storyfold.Feeds;

/// <summary>The feed tables: subscriptions with their poll state, and the items seen with the keys that identify them.</summary>
internal static class FeedSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new("feeds-1-subscriptions",
            """
            CREATE TABLE feeds (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                url TEXT NOT NULL UNIQUE,
                name TEXT,
                title TEXT,
                site_url TEXT,
                added_at TEXT NOT NULL,
                etag TEXT,
                last_modified TEXT,
                last_polled_at TEXT,
                last_success_at TEXT,
                last_status INTEGER,
                last_error TEXT,
                last_error_at TEXT,
                failures INTEGER NOT NULL DEFAULT 0,
                next_poll_at TEXT
            );
            CREATE TABLE feed_items (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                article_id TEXT NOT NULL,
                feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
                fingerprint TEXT NOT NULL,
                first_seen_at TEXT NOT NULL,
                last_seen_at TEXT NOT NULL
            );
            CREATE INDEX feed_items_feed ON feed_items(feed_id);
            CREATE INDEX feed_items_article ON feed_items(article_id);
            CREATE TABLE feed_item_keys (
                key TEXT PRIMARY KEY,
                item_id INTEGER NOT NULL REFERENCES feed_items(id) ON DELETE CASCADE
            );
            """),
        // A feed that moves for good (301/308) is followed at its new address; the first one keeps scoping the
        // feed's short GUIDs, so its items keep their identities and nothing is ingested twice after the move.
        new("feeds-2-identity-url", "ALTER TABLE feeds ADD COLUMN identity_url TEXT;"),
    ];
}
