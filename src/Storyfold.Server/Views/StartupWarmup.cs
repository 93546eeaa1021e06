using System.Diagnostics;
using Storyfold.Ingest;

namespace Storyfold.Server.Views;

/// <summary>
/// Lists the stories and, when the server takes writes, loads the story clusterer's state as soon as the server
/// starts, so that neither the first reader nor the first writer waits seconds for them on a large store.
/// </summary>
internal sealed partial class StartupWarmup(StoryViews views, ArticleIngestor ingestor, ServerOptions options, ILogger<StartupWarmup> logger)
    : StartupWork
{
    protected override async Task RunAsync(Stopwatch watch, CancellationToken stoppingToken)
    {
        var list = await views.StoriesAsync(stoppingToken);
        if (options.WritesAllowed)
        {
            await ingestor.Assigner.WarmAsync(stoppingToken);
        }

        LogWarmed(logger, list.Stories.Count, watch.ElapsedMilliseconds);
    }

    protected override void LogFailure(string reason) => LogWarmupFailed(logger, reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready: {Stories} stories listed in {Milliseconds} ms")]
    private static partial void LogWarmed(ILogger logger, int stories, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up failed, the first requests will do its work: {Reason}")]
    private static partial void LogWarmupFailed(ILogger logger, string reason);
}
