using System.Diagnostics;
using Storyfold.Search;
using Storyfold.Storage;

namespace Storyfold.Server.Views;

/// <summary>
/// Builds the in-memory search index from the store in the background once the server has started; until it is
/// ready, searches use the store's FTS5 index, which gives the same answers more slowly.
/// </summary>
internal sealed partial class SearchIndexWarmup(MemorySearchIndex index, SqliteArticleStore store, ILogger<SearchIndexWarmup> logger)
    : StartupWork
{
    protected override async Task RunAsync(Stopwatch watch, CancellationToken stoppingToken)
    {
        await index.BuildAsync(store, stoppingToken);

        // The build leaves hundreds of MB to promote: collect it now, once, rather than in a full collection
        // that would land among the first searches.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        LogBuilt(logger, index.Articles, watch.ElapsedMilliseconds);
    }

    protected override void LogFailure(string reason) => LogBuildFailed(logger, reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index ready: {Articles} articles in {Milliseconds} ms")]
    private static partial void LogBuilt(ILogger logger, long articles, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index not built, searches use FTS5: {Reason}")]
    private static partial void LogBuildFailed(ILogger logger, string reason);
}
