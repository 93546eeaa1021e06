using Microsoft.Data.Sqlite;

namespace Storyfold.Storage;

/// <summary>The SQLite schema as an ordered list of migrations; <c>PRAGMA user_version</c> records how many ran.</summary>
internal static class SqliteSchema
{
    /// <summary>Each entry moves the schema one version up. Append only: never edit a migration that has shipped.</summary>
    private static readonly string[] Migrations =
    [
        // 1: articles with their original and cleaned text; stories as a view over them.
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
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    public static void Migrate(SqliteConnection connection)
    {
        using var versionCommand = connection.CreateCommand();
        versionCommand.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(versionCommand.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"the store has schema version {version}, newer than this Storyfold knows ({Migrations.Length}); upgrade Storyfold");
        }

        for (var next = version; next < Migrations.Length; next++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[next] + $";\nPRAGMA user_version = {next + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
