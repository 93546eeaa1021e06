using Microsoft.Extensions.Logging;
using Storyfold.Clustering;
using Storyfold.Storage;
using Storyfold.Text;

namespace Storyfold.Ingest;

/// <summary>Puts the ingest pipeline together once, so the CLI, the server and the feed watcher ingest alike.</summary>
public static partial class IngestPipeline
{
    public static ArticleIngestor Create(IArticleStore store, ILoggerFactory loggers, IngestStageTimes? stageTimes = null) =>
        new(store, CreateStoryAssigner(store, loggers), new ArticleCleaner(), ArticleReaders.Default(), loggers.CreateLogger<ArticleIngestor>())
        {
            StageTimes = stageTimes,
        };

    /// <summary>
    /// The online story clusterer over <paramref name="store"/>. The CC-CEDICT glossary (for Chinese-English matching)
    /// comes from <c>$STORYFOLD_CEDICT</c> or the repository's <c>.tools</c>; without it clustering still works, per language.
    /// </summary>
    public static ClusteringStoryAssigner CreateStoryAssigner(IArticleStore store, ILoggerFactory loggers, ClusteringOptions? options = null)
    {
        options ??= new ClusteringOptions();
        return new ClusteringStoryAssigner(store, CreateFeaturizer(loggers, options), options, loggers.CreateLogger<ClusteringStoryAssigner>());
    }

    /// <summary>How clustering reads articles, with the glossary loaded on first need (also for benchmarks).</summary>
    public static ArticleFeaturizer CreateFeaturizer(ILoggerFactory loggers, ClusteringOptions options)
    {
        var logger = loggers.CreateLogger<ArticleFeaturizer>();
        return new ArticleFeaturizer(new Lazy<ChineseGlossary?>(() => LoadGlossary(logger)), options);
    }

    private static ChineseGlossary? LoadGlossary(ILogger logger)
    {
        var path = ChineseGlossary.FindFile(
            Environment.GetEnvironmentVariable("STORYFOLD_CEDICT"), AppContext.BaseDirectory, Environment.CurrentDirectory);
        if (path is null)
        {
            LogNoGlossary(logger, ChineseGlossary.RepositoryPath);
            return null;
        }

        var load = ChineseGlossary.Load(path);
        if (load.Glossary is null)
        {
            LogNoGlossary(logger, load.Problem ?? path);
        }

        return load.Glossary;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No Chinese-English glossary ({Problem}): Chinese and English reports cluster apart; run scripts/fetch-cedict.sh")]
    private static partial void LogNoGlossary(ILogger logger, string problem);
}
