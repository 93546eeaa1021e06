using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Storyfold.Clustering;
using Storyfold.Ingest;
using Storyfold.News;
using Storyfold.Storage;
using Storyfold.Text;

namespace Storyfold.Tests.Clustering;

/// <summary>One test article as a JSON Lines record.</summary>
internal sealed record TestArticle(string Id, string Title, string Text, string? Published = null);

/// <summary>Writes test articles to JSON Lines and ingests them through the real pipeline into a real SQLite store.</summary>
internal static class ClusteringTestKit
{
    public static string GlossaryFolder => Path.Combine(AppContext.BaseDirectory, "Clustering", "Glossary");

    /// <summary>A cleaned article as the featurizer gets it, in English, published on <paramref name="day"/> (or undated).</summary>
    public static Article Article(string text, string title = "", string? day = "2024-03-05") => new()
    {
        Id = "a",
        Title = title,
        DisplayTitle = title,
        Text = text,
        Original = text,
        ContentHash = "a",
        Language = "en",
        Published = PublicationDate.TryParseIso(day),
    };

    /// <summary>A glossary of the given CC-CEDICT lines, loaded through a file the call writes and removes.</summary>
    public static ChineseGlossary Glossary(IEnumerable<string> cedictLines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"storyfold-glossary-{Guid.NewGuid():N}.u8");
        File.WriteAllLines(path, cedictLines);
        try
        {
            return ChineseGlossary.Load(path).Glossary ?? throw new InvalidOperationException("the test glossary did not load");
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static string WriteJsonl(string path, IEnumerable<TestArticle> articles)
    {
        File.WriteAllLines(path, articles.Select(a => JsonSerializer.Serialize(new { id = a.Id, title = a.Title, text = a.Text, published = a.Published })));
        return path;
    }

    public static ArticleIngestor Ingestor(IArticleStore store, ChineseGlossary? glossary = null, ClusteringOptions? options = null, int batchSize = 2000)
    {
        options ??= new ClusteringOptions();
        var assigner = new ClusteringStoryAssigner(
            store, new ArticleFeaturizer(glossary, options), options, NullLogger<ClusteringStoryAssigner>.Instance);
        return new ArticleIngestor(store, assigner, new ArticleCleaner(), ArticleReaders.Default(), NullLogger<ArticleIngestor>.Instance)
        {
            BatchSize = batchSize,
        };
    }

    public static async Task IngestAsync(IArticleStore store, string path, ChineseGlossary? glossary = null, ClusteringOptions? options = null, int batchSize = 2000)
    {
        var report = await Ingestor(store, glossary, options, batchSize).IngestAsync([InputFile.FromPath(path)], null, CancellationToken.None);
        Assert.False(report.HasErrors, string.Join("; ", report.Problems));
    }

    public static async Task<Dictionary<string, Article>> ArticlesAsync(IArticleStore store)
    {
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        await foreach (var article in store.ListArticlesAsync(CancellationToken.None))
        {
            articles[article.Id] = article;
        }

        return articles;
    }

    /// <summary>Story ids renamed to the smallest article id in each story, so two runs compare as partitions.</summary>
    public static Dictionary<string, string> Partition(Dictionary<string, Article> articles) =>
        articles.Values.GroupBy(a => a.StoryId!)
            .SelectMany(g => g.Select(a => (a.Id, Label: g.Select(x => x.Id).Order(StringComparer.Ordinal).First())))
            .ToDictionary(x => x.Id, x => x.Label, StringComparer.Ordinal);
}
