using Microsoft.Data.Sqlite;

namespace Storyfold.Storage;

/// <summary>One named schema change. Names are recorded in the store, so stages can add migrations independently.</summary>
public sealed record SqliteMigration(string Name, string Sql);

/// <summary>
/// The SQLite schema as migrations, each applied once and recorded by name in <c>schema_migrations</c>.
/// Append only: never edit a migration that has shipped; add a new one.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The core tables. Each stage that keeps its own tables lists its migrations beside its code.</summary>
    private static readonly SqliteMigration[] Core =
    [
        new("core-1-articles",
            """
            CREATE TABLE articles (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                story_id TEXT,
                duplicate_of TEXT,
                title TEXT NOT NULL,
                display_title TEXT NOT NULL,
                published TEXT,
                published_sort TEXT,
                published_inferred INTEGER NOT NULL DEFAULT 0,
                source TEXT,
                language TEXT,
                url TEXT,
                author TEXT,
                text TEXT NOT NULL,
                captions TEXT NOT NULL,
                original TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                ingested_at TEXT NOT NULL
            );
            CREATE INDEX articles_content_hash ON articles(content_hash);
            CREATE INDEX articles_story ON articles(story_id, published_sort);
            CREATE INDEX articles_published ON articles(published_sort, seq);
            """),
    ];

    /// <summary>All migrations in the order they apply. A stage with tables of its own adds its list here.</summary>
    public static IReadOnlyList<SqliteMigration> All { get; } =
        [.. Core, .. StoreVersion.Migrations, .. Search.SearchSchema.Migrations, .. Feeds.FeedSchema.Migrations, .. ClusteringSchema.Migrations, .. StoryChanges.Migrations];

    public static void Migrate(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM schema_migrations";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                applied.Add(reader.GetString(0));
            }
        }

        foreach (var migration in All)
        {
            if (applied.Contains(migration.Name))
            {
                continue;
            }

            // Each migration and its record commit together, so a killed process never leaves one half-applied.
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = migration.Sql + ";\nINSERT INTO schema_migrations(name, applied_at) VALUES ($name, datetime('now'));";
            command.Parameters.AddWithValue("$name", migration.Name);
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
