using Microsoft.Extensions.Logging;
using Storyfold.Ingest;
using Storyfold.Storage;

namespace Storyfold.Feeds;

/// <summary>Puts a feed watcher together from the same cleaning and story assignment as every other ingest.</summary>
public static class FeedPipeline
{
    public static FeedWatcher CreateWatcher(
        SqliteArticleStore store, ILoggerFactory loggers, FeedPollingOptions options, HttpClient http, TimeProvider time, Random random)
    {
        var ingest = IngestPipeline.Create(store, loggers);
        return new FeedWatcher(
            new FeedStore(store), store, ingest.Cleaner, ingest.Assigner, new FeedFetcher(http, options, time),
            new PollSchedule(options, random), options, time, loggers.CreateLogger<FeedWatcher>());
    }
}
