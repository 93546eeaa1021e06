using System.CommandLine;
using Storyfold.Storage;

namespace Storyfold.Cli;

/// <summary>The <c>--db</c> option every store-using command has, and how it resolves to a store.</summary>
public static class StoreOptions
{
    public const string EnvironmentVariable = "STORYFOLD_DB";
    public const string DefaultPath = "storyfold.db";

    public static Option<string?> CreateDbOption() => new("--db")
    {
        Description = $"The store: a SQLite file (default ${EnvironmentVariable}, else ./{DefaultPath})",
    };

    public static string Resolve(string? db) =>
        !string.IsNullOrWhiteSpace(db) ? db
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultPath;

    /// <summary>Opens the store, or says in one line why it cannot be opened.</summary>
    public static IArticleStore? TryOpen(string? db, CliConsole console)
    {
        var location = Resolve(db);
        if (IsPostgres(location))
        {
            console.Fail($"{Redact(location)}: PostgreSQL stores are not supported yet; use a SQLite file path");
            return null;
        }

        try
        {
            return SqliteArticleStore.Open(location, console.Time);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            console.Fail($"{location}: cannot open the store: {e.Message}");
            return null;
        }
    }

    public static bool IsPostgres(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
        location.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    private static string Redact(string connection) =>
        System.Text.RegularExpressions.Regex.Replace(connection, "(?i)(password=)[^;]*", "$1***");
}
