using Microsoft.Extensions.Logging;
using Storyfold.Clustering;
using Storyfold.Storage;
using Storyfold.Text;

namespace Storyfold.Ingest;

/// <summary>Puts the ingest pipeline together once, so the CLI, the server and the feed watcher ingest alike.</summary>
public static class IngestPipeline
{
    public static ArticleIngestor Create(IArticleStore store, ILoggerFactory loggers) =>
        new(store, new OwnStoryAssigner(), new ArticleCleaner(), ArticleReaders.Default(), loggers.CreateLogger<ArticleIngestor>());
}
