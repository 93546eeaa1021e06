using System.CommandLine;
using System.Diagnostics;
using Storyfold.Clustering;
using Storyfold.Ingest;
using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Cli.Commands;

/// <summary>
/// <c>storyfold bench cluster</c>: throughput of the clustering step (features + assignment) on the development
/// corpora, then a long synthetic stream (the corpora replicated with shifted dates and fresh ids) to show that
/// cost per article and memory stay flat as stories accumulate.
/// </summary>
public sealed class BenchClusterCommand : ICliCommand
{
    private const int Batch = 2000;
    private const int Slice = 100_000;

    public Command Build(CliConsole console)
    {
        var corpora = new Option<string[]>("--corpus")
        {
            Description = "JSON Lines corpora to replicate (default: ../shared/data/clustering/*.jsonl)",
        };
        var articles = new Option<int>("--articles") { Description = "Length of the synthetic stream", DefaultValueFactory = _ => 1_000_000 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("cluster", "Clustering throughput, and memory and speed over a long synthetic stream") { corpora, articles, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(corpora) is { Length: > 0 } given ? given : DefaultCorpora();
            if (paths.Length == 0)
            {
                console.Fail("../shared/data/clustering: no corpora found; give --corpus FILE.jsonl");
                return ExitCodes.Failure;
            }

            var total = parse.GetValue(articles);
            if (total < Slice * 2)
            {
                console.Fail($"--articles: needs at least {Slice * 2} to compare the first and last {Slice}");
                return ExitCodes.Usage;
            }

            var corpus = await ReadCorpusAsync(paths, console, cancellationToken);
            if (corpus.Count == 0)
            {
                console.Fail($"{string.Join(", ", paths)}: no articles");
                return ExitCodes.Failure;
            }

            using var loggers = Logging.Create(console);
            var options = new ClusteringOptions();
            var featurizer = IngestPipeline.CreateFeaturizer(loggers, options);
            _ = featurizer.Glossary; // loaded before the clock starts

            // The featurizer alone, on one thread: its own cost, apart from the pool and the assignment it overlaps.
            var alone = FeaturesAlone(corpus, featurizer);
            console.Error.WriteLine($"features alone: {alone.MicrosecondsPerArticle:F1} us CPU an article, {alone.BytesPerArticle:N0} bytes allocated an article");
            // Step throughput: a stream of 20 replicas, features on all cores and assignment, as ingest does it. Run twice,
            // each time on a fresh clusterer: cold, the first assignment in the process (its methods compile and tier up
            // inside the clock, as a one-shot command sees it), then warm, the steady rate of a long-running ingest and the
            // figure the target is read on.
            var cold = await RunAsync(corpus, 20 * corpus.Count, featurizer, options, console.Error);
            console.Error.WriteLine($"clustering step, cold: {cold.ArticlesPerSecond:N0} articles/s");
            var step = await RunAsync(corpus, 20 * corpus.Count, featurizer, options, console.Error);
            console.Error.WriteLine($"clustering step, warm: {step.ArticlesPerSecond:N0} articles/s");
            var stream = await RunAsync(corpus, total, featurizer, options, console.Error);
            var first = stream.Slices[0];
            var last = stream.Slices[^1];
            var firstCpu = stream.SliceAssignMicroseconds[0];
            var lastCpu = stream.SliceAssignMicroseconds[^1];
            var openStories = stream.OpenStories;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            var load = MachineLoad.LoadAverage() ?? "unknown";
            var environment = $"{Environment.ProcessorCount} cores";
            if (parse.GetValue(json))
            {
                CliJson.WriteDocument(console.Out, new
                {
                    corpus_articles = corpus.Count,
                    cores = Environment.ProcessorCount,
                    step_articles = 20 * corpus.Count,
                    step_articles_per_second = step.ArticlesPerSecond,
                    step_articles_per_cpu_second = step.ArticlesPerCpuSecond,
                    step_cold_articles_per_second = cold.ArticlesPerSecond,
                    step_cold_articles_per_cpu_second = cold.ArticlesPerCpuSecond,
                    step_assignment_cpu_us_per_article = step.AssignMicrosecondsPerArticle,
                    step_cold_assignment_cpu_us_per_article = cold.AssignMicrosecondsPerArticle,
                    stream_articles = total,
                    stream_articles_per_second = stream.ArticlesPerSecond,
                    stream_articles_per_cpu_second = stream.ArticlesPerCpuSecond,
                    stream_feature_seconds = stream.FeatureSeconds,
                    stream_assignment_seconds = stream.AssignSeconds,
                    stream_wait_seconds = stream.WaitSeconds,
                    stream_assignment_cpu_seconds = stream.AssignCpuSeconds,
                    stream_gc_pause_seconds = stream.GcPauseSeconds,
                    stream_collections = stream.Collections,
                    stream_feature_cpu_seconds = stream.FeatureCpuSeconds,
                    stream_feature_cpu_us_per_article = stream.FeatureCpuSeconds * 1e6 / total,
                    stream_feature_bytes_per_article = stream.FeatureBytes / (double)total,
                    features_alone_cpu_us_per_article = alone.MicrosecondsPerArticle,
                    features_alone_bytes_per_article = alone.BytesPerArticle,
                    load_average = load,
                    first_100k_articles_per_second = first,
                    last_100k_articles_per_second = last,
                    last_to_first_ratio = last / first,
                    first_100k_assignment_cpu_us_per_article = firstCpu,
                    last_100k_assignment_cpu_us_per_article = lastCpu,
                    last_to_first_assignment_cpu_ratio = lastCpu / firstCpu,
                    peak_memory_mib = peak,
                    window_held_mib = stream.HeldMebibytes,
                    window_held_bytes_per_article = stream.HeldBytesPerArticle,
                    open_stories_at_end = openStories,
                    decisions_digest = stream.Digest.ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
                    window = options.Window,
                });
            }
            else
            {
                console.Out.WriteLine($"corpus: {corpus.Count} articles from {paths.Length} file(s); {environment}; window {options.Window:N0} articles");
                console.Out.WriteLine(
                    $"clustering step (features + assignment), warm: {step.ArticlesPerSecond:N0} articles/s ({step.ArticlesPerCpuSecond:N0} per CPU second, " +
                    $"assignment {step.AssignMicrosecondsPerArticle:F0} us thread CPU an article) over {20 * corpus.Count:N0} articles");
                console.Out.WriteLine(
                    $"clustering step, cold (first assignment in the process, compiling inside the clock): {cold.ArticlesPerSecond:N0} articles/s " +
                    $"({cold.ArticlesPerCpuSecond:N0} per CPU second, assignment {cold.AssignMicrosecondsPerArticle:F0} us thread CPU an article)");
                console.Out.WriteLine(
                    $"synthetic stream: {total:N0} articles at {stream.ArticlesPerSecond:N0} articles/s ({stream.ArticlesPerCpuSecond:N0} per CPU second); {openStories:N0} open stories at the end; decisions digest {stream.Digest:x16}");
                console.Out.WriteLine(
                    $"stream time: features {stream.FeatureSeconds:F1} s on the pool (overlapped), assignment {stream.AssignSeconds:F1} s in order " +
                    $"({stream.AssignCpuSeconds:F1} s thread CPU), waiting for features {stream.WaitSeconds:F1} s; load average {load}");
                console.Out.WriteLine(
                    $"stream GC: pauses {stream.GcPauseSeconds:F1} s; collections gen0/1/2 {stream.Collections[0]}/{stream.Collections[1]}/{stream.Collections[2]}");
                console.Out.WriteLine(
                    $"features: {stream.FeatureCpuSeconds * 1e6 / total:F1} us CPU an article on the pool (collections they started included), " +
                    $"{stream.FeatureBytes / (double)total:N0} bytes allocated an article; alone on one thread {alone.MicrosecondsPerArticle:F1} us, {alone.BytesPerArticle:N0} bytes");
                console.Out.WriteLine($"first 100k: {first:N0} articles/s; last 100k: {last:N0} articles/s; last/first = {last / first:F2}");
                console.Out.WriteLine(
                    $"assignment thread CPU an article: first 100k {firstCpu:F0} us; last 100k {lastCpu:F0} us; last/first = {lastCpu / firstCpu:F2} (other load on the machine moves the wall-clock slices, not this)");
                console.Out.WriteLine(
                    $"peak memory (working set): {peak:N0} MiB; held for the window at the end (after a full collection): " +
                    $"{stream.HeldMebibytes:N0} MiB, {stream.HeldBytesPerArticle:N0} bytes a window article");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>What one run measured: overall rate, per-slice rates, and where the time went.</summary>
    private sealed record StreamRun(
        double ArticlesPerSecond, double ArticlesPerCpuSecond, List<double> Slices, List<double> SliceAssignMicroseconds, int OpenStories, double FeatureSeconds,
        double AssignSeconds, double WaitSeconds, double AssignCpuSeconds, double GcPauseSeconds, int[] Collections, ulong Digest,
        double FeatureCpuSeconds, long FeatureBytes, long HeldBytes, int WindowArticles, int Articles)
    {
        public double AssignMicrosecondsPerArticle => AssignCpuSeconds * 1e6 / Articles;

        public double HeldMebibytes => HeldBytes / (1024.0 * 1024.0);

        public double HeldBytesPerArticle => HeldBytes / (double)Math.Max(1, WindowArticles);
    }

    /// <summary>The featurizer's CPU time and allocations per article on one thread, over the corpus after a warm-up.</summary>
    private sealed record FeatureCost(double MicrosecondsPerArticle, double BytesPerArticle);

    private static FeatureCost FeaturesAlone(List<Article> corpus, ArticleFeaturizer featurizer)
    {
        const int Rounds = 5;
        foreach (var article in corpus)
        {
            featurizer.Extract(article);
        }

        var cpu = ThreadCpuTime.Now();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var article in corpus)
            {
                featurizer.Extract(article);
            }
        }

        var articles = (double)Rounds * corpus.Count;
        return new FeatureCost((ThreadCpuTime.Now() - cpu).TotalMicroseconds / articles, (GC.GetAllocatedBytesForCurrentThread() - bytes) / articles);
    }

    /// <summary>
    /// Clusters <paramref name="total"/> synthetic articles in ingest-sized batches, as ingest does it: the next batch's
    /// features are read on the pool while the current batch is assigned in order.
    /// </summary>
    private static async Task<StreamRun> RunAsync(
        List<Article> corpus, int total, ArticleFeaturizer featurizer, ClusteringOptions options, TextWriter? progress)
    {
        // A full collection before the clock: no run pays for collecting the previous run's window (a quarter of a
        // gigabyte after the step, which the stream's first slice paid for), and what this window holds is measured from here.
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clusterer = new StoryClusterer(options);
        var slices = new List<double>();
        // Each slice's assignment-thread CPU an article too: wall-clock slices follow whatever else the machine runs,
        // thread CPU shows whether the clusterer's own cost per article grows as stories accumulate.
        var sliceCpu = new List<double>();
        var sliceAssignCpu = TimeSpan.Zero;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var sliceClock = Stopwatch.StartNew();
        var sliceDone = 0;
        var slicePause = GC.GetTotalPauseDuration();
        var sliceFull = GC.CollectionCount(2);
        long featureTicks = 0;
        long featureCpuTicks = 0;
        long featureBytes = 0;
        var assignSeconds = 0.0;
        var assignCpu = TimeSpan.Zero;
        var waitSeconds = 0.0;
        var digest = FnvOffset;
        var pauseBefore = GC.GetTotalPauseDuration();
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

        Task<ArticleFeatures[]> Featurize(int start) => Task.Run(() =>
        {
            var started = Stopwatch.GetTimestamp();
            var count = Math.Min(Batch, total - start);
            var batch = new List<Article>(count);
            for (var k = 0; k < count; k++)
            {
                batch.Add(Replica(corpus, start + k));
            }

            // As ClusteringStoryAssigner.Prepare does it (read ahead on one core fewer than the machine has), with each
            // worker's thread CPU and allocations counted.
            var ordered = ClusteringStoryAssigner.ArrivalOrder(batch);
            var features = new ArticleFeatures[ordered.Count];
            Parallel.For(
                0,
                ordered.Count,
                new ParallelOptions { MaxDegreeOfParallelism = ClusteringStoryAssigner.ReadAheadWorkers },
                () => (Cpu: ThreadCpuTime.Now(), Bytes: GC.GetAllocatedBytesForCurrentThread()),
                (i, _, worker) =>
                {
                    features[i] = featurizer.Extract(ordered[i]);
                    return worker;
                },
                worker =>
                {
                    Interlocked.Add(ref featureCpuTicks, (ThreadCpuTime.Now() - worker.Cpu).Ticks);
                    Interlocked.Add(ref featureBytes, GC.GetAllocatedBytesForCurrentThread() - worker.Bytes);
                });
            Interlocked.Add(ref featureTicks, Stopwatch.GetTimestamp() - started);
            return features;
        });

        var pending = Featurize(0);
        for (var start = 0; start < total; start += Batch)
        {
            var waited = Stopwatch.GetTimestamp();
            var features = await pending;
            waitSeconds += Stopwatch.GetElapsedTime(waited).TotalSeconds;
            if (start + Batch < total)
            {
                pending = Featurize(start + Batch);
            }

            var assigning = Stopwatch.GetTimestamp();
            var assigningCpu = ThreadCpuTime.Now();
            foreach (var feature in features)
            {
                digest = Fold(digest, clusterer.Add(feature));
            }

            // The loop stays on one thread (no await inside), so its thread CPU is the assignment's own, GC work it triggered included.
            var batchCpu = ThreadCpuTime.Now() - assigningCpu;
            assignCpu += batchCpu;
            sliceAssignCpu += batchCpu;
            assignSeconds += Stopwatch.GetElapsedTime(assigning).TotalSeconds;
            sliceDone += features.Length;
            if (sliceDone >= Slice)
            {
                slices.Add(sliceDone / sliceClock.Elapsed.TotalSeconds);
                sliceCpu.Add(sliceAssignCpu.TotalMicroseconds / sliceDone);
                // The slice's collections too: a full collection landing in one slice and not another moves its rate.
                progress?.WriteLine(
                    $"stream: {start + features.Length:N0} articles, last {Slice:N0} at {slices[^1]:N0} articles/s, assignment {sliceCpu[^1]:F0} us thread CPU an article, " +
                    $"GC pauses {(GC.GetTotalPauseDuration() - slicePause).TotalSeconds:F1} s, gen-2 collections {GC.CollectionCount(2) - sliceFull}; load average {MachineLoad.LoadAverage() ?? "unknown"}");
                slicePause = GC.GetTotalPauseDuration();
                sliceFull = GC.CollectionCount(2);
                sliceDone = 0;
                sliceAssignCpu = TimeSpan.Zero;
                sliceClock.Restart();
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var featureSeconds = Stopwatch.GetElapsedTime(0, featureTicks).TotalSeconds;
        var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds;
        int[] collections = [GC.CollectionCount(0) - collectionsBefore[0], GC.CollectionCount(1) - collectionsBefore[1], GC.CollectionCount(2) - collectionsBefore[2]];
        // What the clusterer holds for its window, after the clock: a full collection leaves only what is reachable.
        var held = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        GC.KeepAlive(clusterer);
        progress?.WriteLine(
            $"time: {seconds:F1} s wall, {cpu:F1} s CPU; features {featureSeconds:F1} s (on the pool, overlapped), " +
            $"assignment {assignSeconds:F1} s (in order, {assignCpu.TotalSeconds:F1} s thread CPU), waiting for features {waitSeconds:F1} s; " +
            $"GC pauses {pause:F1} s, collections gen0/1/2 {collections[0]}/{collections[1]}/{collections[2]}");
        return new StreamRun(
            total / seconds, total / Math.Max(cpu, 1e-9), slices, sliceCpu, clusterer.OpenStories, featureSeconds, assignSeconds, waitSeconds,
            assignCpu.TotalSeconds, pause, collections, digest, TimeSpan.FromTicks(featureCpuTicks).TotalSeconds, featureBytes, held, clusterer.WindowCount, total);
    }

    private const ulong FnvOffset = 14695981039346656037UL;

    /// <summary>
    /// Folds one decision into a digest of the whole stream's decisions (story, original, merges), so two builds can be
    /// shown to cluster the stream exactly alike without keeping every decision.
    /// </summary>
    private static ulong Fold(ulong digest, ClusterDecision decision)
    {
        static ulong Add(ulong hash, string? text)
        {
            foreach (var c in text ?? "\0")
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return (hash ^ '|') * 1099511628211UL;
        }

        digest = Add(Add(digest, decision.StoryId), decision.DuplicateOf);
        foreach (var merge in decision.Merges)
        {
            digest = Add(Add(digest, merge.MergedId), merge.SurvivorId);
        }

        return digest;
    }

    /// <summary>The n-th article of the stream: a corpus article under a fresh id, moved a month later each round.</summary>
    private static Article Replica(List<Article> corpus, int n)
    {
        var round = n / corpus.Count;
        var source = corpus[n % corpus.Count];
        var baseDay = source.Published?.Value ?? new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var published = baseDay.AddDays(30.0 * round).AddMinutes(n % corpus.Count);
        return source with { Id = $"{source.Id}~{round}", Published = new PublicationDate(published, true) };
    }

    private static string[] DefaultCorpora()
    {
        var directory = Path.Combine("..", "shared", "data", "clustering");
        return Directory.Exists(directory) ? Directory.GetFiles(directory, "*.jsonl").Order(StringComparer.Ordinal).ToArray() : [];
    }

    private static async Task<List<Article>> ReadCorpusAsync(string[] paths, CliConsole console, CancellationToken cancellationToken)
    {
        var cleaner = new ArticleCleaner();
        var reader = new JsonLinesReader();
        var articles = new List<Article>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                console.Fail($"{path}: no such file");
                continue;
            }

            await foreach (var item in reader.ReadAsync(InputFile.FromPath(path), cancellationToken))
            {
                if (item.Article is { } input && cleaner.Clean(input).Article is { } article)
                {
                    articles.Add(article);
                }
            }
        }

        return articles;
    }
}
