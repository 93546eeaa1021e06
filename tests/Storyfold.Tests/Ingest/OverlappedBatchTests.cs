using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Storyfold.Clustering;
using Storyfold.Ingest;
using Storyfold.News;
using Storyfold.Storage;
using Storyfold.Tests.Clustering;
using Storyfold.Tests.Support;
using Storyfold.Text;

namespace Storyfold.Tests.Ingest;

/// <summary>
/// A batch is assigned while the batch before it is still being stored: what that batch holds counts as stored, both
/// for what is new and for the story state, exactly as if the two had run one after the other.
/// </summary>
public sealed class OverlappedBatchTests
{
    [Fact]
    public async Task An_article_repeated_in_the_next_batch_is_stored_once_by_id_and_by_content()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        var chile = StoryCorpus.ChileQuake;
        // Batches of two: the repeats land in the batch right after their first copy, whose save may still be running.
        var file = ClusteringTestKit.WriteJsonl(temp.File("repeats.jsonl"),
        [
            chile[0], chile[1],
            chile[1], chile[0] with { Id = "chile-1-again" },
            .. StoryCorpus.JapanQuake,
        ]);

        var report = await Ingestor(store, NullLogger<ClusteringStoryAssigner>.Instance)
            .IngestAsync([InputFile.FromPath(file)], null, CancellationToken.None);

        Assert.False(report.HasErrors, string.Join("; ", report.Problems));
        Assert.Equal(2, report.Unchanged);
        Assert.Equal(2 + StoryCorpus.JapanQuake.Length, report.Added);
        var articles = await ClusteringTestKit.ArticlesAsync(store);
        Assert.Equal(report.Added, articles.Count);
        Assert.DoesNotContain("chile-1-again", articles.Keys);
    }

    [Fact]
    public async Task The_story_state_is_built_once_for_an_ingest_of_many_batches()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        var file = ClusteringTestKit.WriteJsonl(temp.File("quakes.jsonl"), [.. StoryCorpus.ChileQuake, .. StoryCorpus.JapanQuake]);
        var log = new CountingLogger();

        await Ingestor(store, log).IngestAsync([InputFile.FromPath(file)], null, CancellationToken.None);

        // Rebuilding from the store means the assigner lost step with it; the batch still being stored must not count.
        Assert.Equal(1, log.Count("rebuilt"));
        var stories = (await ClusteringTestKit.ArticlesAsync(store)).Values.Select(a => a.StoryId).Distinct().Count();
        Assert.Equal(2, stories);
    }

    [Fact]
    public async Task A_batch_that_was_never_stored_is_forgotten_by_the_next_ingest()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        var log = new CountingLogger();
        var options = new ClusteringOptions();
        var assigner = new ClusteringStoryAssigner(store, new ArticleFeaturizer((ChineseGlossary?)null, options), options, log);
        var cleaner = new ArticleCleaner();
        var first = StoryCorpus.ChileQuake.Take(2).Select(a => Clean(cleaner, a)).ToList();
        var next = StoryCorpus.ChileQuake.Skip(2).Select(a => Clean(cleaner, a)).ToList();

        // The first batch's save never happens (its transaction fails, which ends that ingest) ...
        var lost = await assigner.AssignAsync(first, CancellationToken.None);
        // ... while the batch after it, assigned as the save ran, counted it as stored (and is never saved either) ...
        await assigner.AssignNextAsync(next, lost, CancellationToken.None);
        // ... so the next ingest finds the store behind the story state and rebuilds it from what was stored.
        await assigner.AssignAsync(next, CancellationToken.None);

        Assert.Equal(2, log.Count("rebuilt"));
    }

    private static Article Clean(ArticleCleaner cleaner, TestArticle article) =>
        cleaner.Clean(new ArticleInput { Id = article.Id, Origin = "test", Text = article.Text, Title = article.Title }).Article!;

    private static ArticleIngestor Ingestor(IArticleStore store, ILogger<ClusteringStoryAssigner> log)
    {
        var options = new ClusteringOptions();
        var assigner = new ClusteringStoryAssigner(store, new ArticleFeaturizer((ChineseGlossary?)null, options), options, log);
        return new ArticleIngestor(store, assigner, new ArticleCleaner(), ArticleReaders.Default(), NullLogger<ArticleIngestor>.Instance)
        {
            BatchSize = 2,
        };
    }

    /// <summary>Keeps every message the assigner logs, at every level.</summary>
    private sealed class CountingLogger : ILogger<ClusteringStoryAssigner>
    {
        private readonly List<string> _messages = [];

        public int Count(string word)
        {
            lock (_messages)
            {
                return _messages.Count(m => m.Contains(word, StringComparison.OrdinalIgnoreCase));
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages)
            {
                _messages.Add(formatter(state, exception));
            }
        }
    }
}
