using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Storyfold.Storage;

/// <summary>
/// A number that grows whenever articles change, kept by triggers in the store itself, so every process writing the
/// file (CLI ingest, server, feed watcher) moves it and readers can cache views until it moves.
/// </summary>
public sealed class StoreVersion : IDisposable
{
    /// <summary>The counter table and the triggers that move it.</summary>
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new("version-1-store-version",
            """
            CREATE TABLE store_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
            INSERT INTO store_version (id, version) VALUES (1, 0);
            CREATE TRIGGER store_version_on_insert AFTER INSERT ON articles
            BEGIN UPDATE store_version SET version = version + 1 WHERE id = 1; END;
            CREATE TRIGGER store_version_on_update AFTER UPDATE ON articles
            BEGIN UPDATE store_version SET version = version + 1 WHERE id = 1; END;
            CREATE TRIGGER store_version_on_delete AFTER DELETE ON articles
            BEGIN UPDATE store_version SET version = version + 1 WHERE id = 1; END
            """),
    ];

    private readonly SqliteArticleStore _store;

    // Open connections with the query prepared: reading the version is on every request's path, so it must cost microseconds.
    private readonly ConcurrentBag<(SqliteConnection Connection, SqliteCommand Command)> _idle = [];

    public StoreVersion(SqliteArticleStore store) => _store = store;

    /// <summary>The current version of the store's articles.</summary>
    public long Read()
    {
        if (!_idle.TryTake(out var reader))
        {
            var connection = _store.OpenConnection();
            var command = connection.CreateCommand();
            command.CommandText = "SELECT version FROM store_version WHERE id = 1";
            command.Prepare();
            reader = (connection, command);
        }

        try
        {
            return Convert.ToInt64(reader.Command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            _idle.Add(reader);
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var reader))
        {
            reader.Command.Dispose();
            reader.Connection.Dispose();
        }
    }
}
