using System.Text.Json;
using Storyfold.Clustering;
using Storyfold.Storage;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Clustering;

/// <summary>
/// Quality floors on the development corpora, through the real pipeline. They guard against regressions; the figures
/// themselves come from <c>storyfold eval clustering</c>.
/// </summary>
public sealed class DevDataClusteringTests
{
    [Fact]
    public async Task Ecbplus_dev_keeps_its_precision_and_beats_the_tf_idf_baseline()
    {
        var (scores, baseline) = await EvaluateAsync(SharedData.Require("data/clustering/ecbplus-dev.jsonl"), null);

        // Floors just under what we measure (0.975 / 0.9505; the targets are 0.97 / 0.95): they catch regressions.
        Assert.True(scores.BCubed.Precision >= 0.968, $"B-cubed precision {scores.BCubed.Precision:F3}");
        Assert.True(scores.BCubed.F1 >= 0.945, $"B-cubed F1 {scores.BCubed.F1:F3}");
        Assert.True(scores.BCubed.F1 > baseline.BCubed.F1, $"B-cubed F1 {scores.BCubed.F1:F3} vs baseline {baseline.BCubed.F1:F3}");
        AssertAheadOnOtherStories(scores, baseline);
    }

    [Fact]
    public async Task Mmds_dev_clusters_english_and_chinese_reports()
    {
        var file = SharedData.Require("data/clustering/mmds-dev.jsonl");
        var glossary = RequireGlossary();

        var (scores, baseline) = await EvaluateAsync(file, glossary);

        // The target; we measure 0.914.
        Assert.True(scores.BCubed.F1 >= 0.90, $"B-cubed F1 {scores.BCubed.F1:F3}");
        Assert.True(scores.BCubed.F1 > baseline.BCubed.F1, $"B-cubed F1 {scores.BCubed.F1:F3} vs baseline {baseline.BCubed.F1:F3}");
        AssertAheadOnOtherStories(scores, baseline);
    }

    /// <summary>
    /// The lead over the baseline is not an accident of these stories: it holds in at least 95% of resamples of the gold
    /// stories (we measure 100% on both corpora).
    /// </summary>
    private static void AssertAheadOnOtherStories(ClusteringScores scores, ClusteringScores baseline)
    {
        Assert.Equal(scores.Stories.Select(s => s.Story), baseline.Stories.Select(s => s.Story));
        var ahead = Storyfold.Evaluation.Bootstrap.GroupShareAhead(scores.Stories.Count, s => scores.BCubedOver(s).F1, s => baseline.BCubedOver(s).F1);
        Assert.True(ahead >= 0.95, $"ahead of the baseline in {ahead:P1} of resamples of the gold stories");
    }

    [Fact]
    public async Task The_five_seeds_form_one_story_also_among_all_the_dev_corpora()
    {
        var seeds = SharedData.Require("seeds");
        var ecb = SharedData.Require("data/clustering/ecbplus-dev.jsonl");
        var mmds = SharedData.Require("data/clustering/mmds-dev.jsonl");
        var glossary = RequireGlossary();
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));

        var report = await ClusteringTestKit.Ingestor(store, glossary).IngestAsync(
            [Storyfold.Ingest.InputFile.FromPath(ecb), Storyfold.Ingest.InputFile.FromPath(mmds),
             .. Directory.GetFiles(seeds).Order(StringComparer.Ordinal).Select(Storyfold.Ingest.InputFile.FromPath)],
            null, CancellationToken.None);
        Assert.True(report.Added > 900);

        var articles = await ClusteringTestKit.ArticlesAsync(store);
        var seedIds = Directory.GetFiles(seeds).Select(Path.GetFileNameWithoutExtension).ToList();
        var story = Assert.Single(seedIds.Select(id => articles[id!].StoryId).Distinct());
        Assert.Equal(5, articles.Values.Count(a => a.StoryId == story));
    }

    private static ChineseGlossary RequireGlossary()
    {
        var path = ChineseGlossary.FindFile(null, SharedData.RepoRoot);
        if (path is null)
        {
            var reason = $"{ChineseGlossary.RepositoryPath} is missing: run scripts/fetch-cedict.sh";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        return ChineseGlossary.Load(path!).Glossary ?? throw new InvalidOperationException(path + " did not load");
    }

    private static async Task<(ClusteringScores Scores, ClusteringScores Baseline)> EvaluateAsync(string file, ChineseGlossary? glossary)
    {
        var gold = File.ReadLines(file)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("gold_story").ToString(), StringComparer.Ordinal);
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        await ClusteringTestKit.IngestAsync(store, file, glossary);
        var articles = await ClusteringTestKit.ArticlesAsync(store);
        var predicted = articles.Values.ToDictionary(a => a.Id, a => a.StoryId!, StringComparer.Ordinal);
        var inOrder = new List<Storyfold.News.Article>();
        await foreach (var article in store.ListRecentArticlesAsync(int.MaxValue, CancellationToken.None))
        {
            inOrder.Add(article);
        }

        return (ClusteringScores.Compute(gold, predicted), ClusteringScores.Compute(gold, TfIdfBaseline.Cluster(inOrder)));
    }
}
