using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Storyfold.Clustering;
using Storyfold.Evaluation;
using Storyfold.Ingest;
using Storyfold.News;
using Storyfold.Storage;

namespace Storyfold.Cli.Commands;

/// <summary>
/// <c>storyfold eval clustering FILE.jsonl</c>: clusters labelled articles (<c>gold_story</c>) through the real ingest
/// pipeline in a throw-away store and prints B-cubed and pairwise scores beside a TF-IDF single-pass baseline.
/// </summary>
public sealed class EvalClusteringCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "JSON Lines with id, text, gold_story (and optionally title, published)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a clustering option for this run, e.g. --set JoinThreshold=0.35 (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var dump = new Option<string?>("--dump") { Description = "Also write id, gold and predicted story per line to this TSV file" };
        var command = new Command("clustering", "Score story clustering against gold stories (B-cubed, pairwise)") { file, json, set, dump };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var gold = ReadGold(path, console);
            if (gold is null)
            {
                return ExitCodes.Failure;
            }

            var options = ClusteringOptionOverrides.Apply(new ClusteringOptions(), parse.GetValue(set) ?? [], out var problem);
            if (options is null)
            {
                console.Fail($"--set: {problem}");
                return ExitCodes.Usage;
            }

            var directory = Directory.CreateTempSubdirectory("storyfold-eval-");
            try
            {
                Dictionary<string, string> predicted;
                List<Article> stored;
                double seconds;
                await using (var store = SqliteArticleStore.Open(Path.Combine(directory.FullName, "eval.db"), console.Time))
                {
                    var clock = Stopwatch.StartNew();
                    using var loggers = Logging.Create(console);
                    var ingestor = new ArticleIngestor(
                        store, IngestPipeline.CreateStoryAssigner(store, loggers, options), new Storyfold.Text.ArticleCleaner(),
                        ArticleReaders.Default(), Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<ArticleIngestor>(loggers));
                    var report = await ingestor.IngestAsync([InputFile.FromPath(path)], null, cancellationToken);
                    foreach (var sourceProblem in report.Problems)
                    {
                        console.Fail(sourceProblem.ToString());
                    }

                    seconds = clock.Elapsed.TotalSeconds;
                    if (report.Added == 0)
                    {
                        console.Fail($"{path}: no articles could be ingested");
                        return ExitCodes.Failure;
                    }

                    stored = [];
                    await foreach (var article in store.ListRecentArticlesAsync(int.MaxValue, cancellationToken))
                    {
                        stored.Add(article);
                    }

                    predicted = stored.ToDictionary(a => a.Id, a => a.StoryId ?? a.Id, StringComparer.Ordinal);
                }

                var scores = ClusteringScores.Compute(gold, predicted);
                if (parse.GetValue(dump) is { } dumpPath)
                {
                    await File.WriteAllLinesAsync(
                        dumpPath,
                        stored.Select(a => $"{a.Id}\t{gold.GetValueOrDefault(a.Id)}\t{a.StoryId}\t{a.DuplicateOf}\t{a.DisplayTitle}"),
                        cancellationToken);
                }

                var baselineClock = Stopwatch.StartNew();
                var baseline = ClusteringScores.Compute(gold, TfIdfBaseline.Cluster(stored));
                var baselineSeconds = baselineClock.Elapsed.TotalSeconds;
                var rate = stored.Count / Math.Max(seconds, 1e-9);
                var baselineRate = stored.Count / Math.Max(baselineSeconds, 1e-9);
                var spread = StorySpread.Of(scores, baseline);
                if (parse.GetValue(json))
                {
                    CliJson.WriteDocument(console.Out, new
                    {
                        file = path,
                        articles = scores.Articles,
                        gold_stories = scores.GoldStories,
                        storyfold = Figures(scores, rate),
                        baseline = Figures(baseline, baselineRate),
                        baseline_name = "tf-idf cosine single-pass (threshold 0.3)",
                        intervals = new { storyfold = IntervalFigures(spread.Storyfold), baseline = IntervalFigures(spread.Baseline) },
                        storyfold_ahead = new { bcubed_f1 = spread.StoryfoldAhead },
                    });
                }
                else
                {
                    console.Out.WriteLine($"{path}: {scores.Articles} articles, {scores.GoldStories} gold stories");
                    console.Out.WriteLine($"{"",-22}{"storyfold",12}{"tf-idf 1-pass",15}");
                    void Row(string name, double ours, double theirs, string format = "F3") =>
                        console.Out.WriteLine($"{name,-22}{ours.ToString(format, System.Globalization.CultureInfo.InvariantCulture),12}{theirs.ToString(format, System.Globalization.CultureInfo.InvariantCulture),15}");
                    Row("B-cubed precision", scores.BCubed.Precision, baseline.BCubed.Precision);
                    Row("B-cubed recall", scores.BCubed.Recall, baseline.BCubed.Recall);
                    Row("B-cubed F1", scores.BCubed.F1, baseline.BCubed.F1);
                    Row("pairwise precision", scores.Pairwise.Precision, baseline.Pairwise.Precision);
                    Row("pairwise recall", scores.Pairwise.Recall, baseline.Pairwise.Recall);
                    Row("pairwise F1", scores.Pairwise.F1, baseline.Pairwise.F1);
                    Row("predicted stories", scores.PredictedStories, baseline.PredictedStories, "F0");
                    Row("articles/s", rate, baselineRate, "F0");
                    console.Out.WriteLine("(storyfold articles/s: the whole ingest pipeline into SQLite; baseline: clustering alone)");
                    void Range(string name, double[] ours, double[] theirs) =>
                        console.Out.WriteLine($"{name,-22}{StorySpread.Format(ours),12}{StorySpread.Format(theirs),15}");
                    Range("B-cubed F1 95%", spread.Storyfold.BCubedF1, spread.Baseline.BCubedF1);
                    Range("B-cubed precision 95%", spread.Storyfold.BCubedPrecision, spread.Baseline.BCubedPrecision);
                    Range("B-cubed recall 95%", spread.Storyfold.BCubedRecall, spread.Baseline.BCubedRecall);
                    console.Out.WriteLine(
                        $"(95% intervals: bootstrap over the {scores.GoldStories} gold stories, {Bootstrap.DefaultResamples:N0} resamples, fixed seed; " +
                        $"storyfold ahead on B-cubed F1 in {spread.StoryfoldAhead * 100:F1}% of them)");
                }

                return ExitCodes.Success;
            }
            finally
            {
                directory.Delete(true);
            }
        });
        return command;
    }

    private static object Figures(ClusteringScores scores, double rate) => new
    {
        bcubed = new { precision = scores.BCubed.Precision, recall = scores.BCubed.Recall, f1 = scores.BCubed.F1 },
        pairwise = new { precision = scores.Pairwise.Precision, recall = scores.Pairwise.Recall, f1 = scores.Pairwise.F1 },
        predicted_stories = scores.PredictedStories,
        articles_per_second = rate,
    };

    private static object IntervalFigures(BCubedIntervals intervals) => new
    {
        bcubed_f1 = intervals.BCubedF1,
        bcubed_precision = intervals.BCubedPrecision,
        bcubed_recall = intervals.BCubedRecall,
    };

    /// <summary>B-cubed intervals, each [low, high].</summary>
    private sealed record BCubedIntervals(double[] BCubedF1, double[] BCubedPrecision, double[] BCubedRecall);

    /// <summary>
    /// How far the B-cubed figures could move on other stories of the same kind: a bootstrap over gold stories (a story's
    /// articles are drawn together, as they are not independent of each other), and the share of the same resamples in
    /// which Storyfold's B-cubed F1 is above the baseline's. Each article keeps the B-cubed precision and recall it has
    /// in the whole run (a resample does not re-cluster), as in the usual bootstrap of per-item scores. Pairwise scores get
    /// no interval: a predicted story's pairs span gold stories, so they do not split by story.
    /// </summary>
    private sealed record StorySpread(BCubedIntervals Storyfold, BCubedIntervals Baseline, double StoryfoldAhead)
    {
        public static StorySpread Of(ClusteringScores scores, ClusteringScores baseline) => new(
            Intervals(scores), Intervals(baseline),
            Bootstrap.GroupShareAhead(scores.Stories.Count, s => scores.BCubedOver(s).F1, s => baseline.BCubedOver(s).F1));

        private static BCubedIntervals Intervals(ClusteringScores scores) => new(
            Bootstrap.GroupInterval(scores.Stories.Count, s => scores.BCubedOver(s).F1).ToJsonPair(),
            Bootstrap.GroupInterval(scores.Stories.Count, s => scores.BCubedOver(s).Precision).ToJsonPair(),
            Bootstrap.GroupInterval(scores.Stories.Count, s => scores.BCubedOver(s).Recall).ToJsonPair());

        public static string Format(double[] range) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{range[0]:F3}-{range[1]:F3}");
    }

    /// <summary>Article id to gold story; only <c>id</c> and <c>gold_story</c> are read (never <c>topic</c>).</summary>
    private static Dictionary<string, string>? ReadGold(string path, CliConsole console)
    {
        if (!File.Exists(path))
        {
            console.Fail($"{path}: no such file");
            return null;
        }

        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object &&
                    root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String &&
                    root.TryGetProperty("gold_story", out var story) && story.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    gold[id.GetString()!] = story.ToString();
                }
                else
                {
                    console.Fail($"{path}:{lineNumber}: needs string fields \"id\" and \"gold_story\"");
                }
            }
            catch (JsonException e)
            {
                console.Fail($"{path}:{lineNumber}: not JSON: {e.Message}");
            }
        }

        if (gold.Count == 0)
        {
            console.Fail($"{path}: no labelled articles (lines with \"id\" and \"gold_story\")");
            return null;
        }

        return gold;
    }
}
