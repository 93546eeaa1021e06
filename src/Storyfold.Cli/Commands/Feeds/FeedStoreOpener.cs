using Storyfold.Feeds;
using Storyfold.Storage;

namespace Storyfold.Cli.Commands.Feeds;

/// <summary>Opens the store for feed commands, which need the SQLite store (feed state lives beside the articles).</summary>
internal static class FeedStoreOpener
{
    public static (SqliteArticleStore? Store, FeedStore? Feeds) Open(string? db, CliConsole console)
    {
        var store = StoreOptions.TryOpen(db, console);
        if (store is null)
        {
            return (null, null);
        }

        if (store is not SqliteArticleStore sqlite)
        {
            console.Fail($"{StoreOptions.Resolve(db)}: feeds need a SQLite store");
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return (null, null);
        }

        return (sqlite, new FeedStore(sqlite));
    }

    /// <summary>A feed URL as given, if it is an absolute http(s) URL.</summary>
    public static string? ParseUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? uri.AbsoluteUri
            : null;
}
