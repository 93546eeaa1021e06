using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Spectre.Console;
using Storyfold.Ingest;
using Storyfold.Storage;

namespace Storyfold.Cli.Commands;

/// <summary>
/// <c>storyfold bench ingest</c>: JSONL ingest throughput on the dev corpora replicated to N articles, through the
/// same pipeline <c>ingest</c> uses, into a throw-away store.
/// </summary>
public sealed class BenchIngestCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var articles = new Option<int>("--articles")
        {
            Description = "How many articles the corpus has after replication",
            DefaultValueFactory = _ => 100_000,
        };
        var data = new Option<string?>("--data") { Description = "Folder of *.jsonl articles to replicate (default ../shared/data/clustering)" };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object" };
        var keep = new Option<string?>("--work") { Description = "Folder for the corpus and the store (default: a fresh temp folder, deleted after)" };
        var withoutIndex = new Option<bool>("--without-search-index")
        {
            Description = "Measure what keeping the search index in step costs: the throw-away store does not index what it stores",
        };
        var command = new Command("ingest", "JSONL ingest throughput (articles/s) on the dev corpora replicated to --articles")
        {
            articles, data, json, keep, withoutIndex,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(articles);
            if (count < 1)
            {
                console.Fail("--articles: must be at least 1");
                return ExitCodes.Usage;
            }

            var folder = parse.GetValue(data) ?? DefaultDataFolder();
            var sources = folder is not null && Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).ToArray()
                : [];
            if (sources.Length == 0)
            {
                console.Fail($"{folder ?? "../shared/data/clustering"}: no *.jsonl dev data to build the corpus from; pass --data DIR");
                return ExitCodes.Failure;
            }

            var work = parse.GetValue(keep) ?? Path.Combine(Path.GetTempPath(), $"storyfold-bench-{Environment.ProcessId}");
            var ownsWork = parse.GetValue(keep) is null;
            Directory.CreateDirectory(work);
            try
            {
                var corpus = Path.Combine(work, "corpus.jsonl");
                var dbPath = Path.Combine(work, "bench.db");
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(dbPath + suffix);
                }

                var (written, bytes) = await WriteCorpusAsync(sources, corpus, count, cancellationToken);
                GC.Collect();
                var indexed = !parse.GetValue(withoutIndex);
                var figures = await RunAsync(dbPath, corpus, indexed, console, cancellationToken);
                Report(console, parse.GetValue(json), written, bytes, figures, sources, indexed);
                return figures.Problems == 0 ? ExitCodes.Success : ExitCodes.Failure;
            }
            finally
            {
                if (ownsWork)
                {
                    Directory.Delete(work, recursive: true);
                }
            }
        });
        return command;
    }

    private sealed record Figures(int Read, int Added, int Problems, double Seconds, double CpuSeconds, long PeakWorkingSet, IngestStageTimes Stages);

    private static async Task<Figures> RunAsync(string dbPath, string corpus, bool indexed, CliConsole console, CancellationToken cancellationToken)
    {
        await using var store = SqliteArticleStore.Open(dbPath, console.Time);
        if (!indexed)
        {
            // Only for this measurement: the store is thrown away after it, and cannot search what it holds.
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TRIGGER articles_fts_on_insert";
            await drop.ExecuteNonQueryAsync(cancellationToken);
            SqliteConnection.ClearAllPools();
        }

        using var loggers = Logging.Create(console);
        var stages = new IngestStageTimes();
        var ingestor = IngestPipeline.Create(store, loggers, stages);
        var (files, _) = InputCollector.Collect([corpus], console.OpenStdin);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var report = await ingestor.IngestAsync(files, null, cancellationToken);
        clock.Stop();
        foreach (var problem in report.Problems.Take(5))
        {
            console.Fail(problem.ToString());
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return new Figures(report.Read, report.Added, report.Problems.Count, clock.Elapsed.TotalSeconds, cpu, process.PeakWorkingSet64, stages);
    }

    /// <summary>
    /// Writes the corpus: every dev article over and over with a fresh id, a date moved by whole days and a line
    /// that makes each copy's content distinct (otherwise the content hash would store each text once).
    /// </summary>
    private static async Task<(int Written, long Bytes)> WriteCorpusAsync(string[] sources, string corpus, int count, CancellationToken cancellationToken)
    {
        var originals = new List<JsonObject>();
        foreach (var source in sources)
        {
            foreach (var line in await File.ReadAllLinesAsync(source, cancellationToken))
            {
                if (line.Length > 0 && JsonNode.Parse(line) is JsonObject article && article["text"] is not null)
                {
                    originals.Add(article);
                }
            }
        }

        var baseDay = new DateOnly(2024, 1, 1);
        await using var writer = new StreamWriter(corpus, false, new UTF8Encoding(false), 1 << 16);
        for (var n = 0; n < count; n++)
        {
            var original = originals[n % originals.Count];
            var copy = n / originals.Count;
            var article = (JsonObject)original.DeepClone();
            article["id"] = $"bench-{n:D7}";
            article["text"] = $"{original["text"]!.GetValue<string>()}\n\nFiled by desk {copy + 1} of the benchmark wire.";
            article["published"] = baseDay.AddDays((copy * 7 + n % 13) % 700).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await writer.WriteLineAsync(article.ToJsonString(JsonOptions).AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
        return (count, writer.BaseStream.Length);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Report(CliConsole console, bool asJson, int written, long bytes, Figures figures, string[] sources, bool indexed)
    {
        var rate = figures.Read / Math.Max(figures.Seconds, 1e-9);
        if (asJson)
        {
            CliJson.WriteDocument(console.Out, new
            {
                benchmark = "ingest",
                search_index = indexed,
                articles = written,
                corpus_bytes = bytes,
                read = figures.Read,
                added = figures.Added,
                problems = figures.Problems,
                seconds = Math.Round(figures.Seconds, 3),
                cpu_seconds = Math.Round(figures.CpuSeconds, 3),
                load_average = MachineLoad.LoadAverage(),
                articles_per_second = Math.Round(rate, 1),
                peak_working_set_bytes = figures.PeakWorkingSet,
                stage_seconds = Enum.GetValues<IngestStage>().ToDictionary(
                    stage => stage.ToString().ToLowerInvariant(), stage => Math.Round(figures.Stages[stage].TotalSeconds, 3)),
                processors = Environment.ProcessorCount,
            });
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("Corpus", Markup.Escape($"{written:N0} articles, {bytes / 1048576.0:F1} MiB from {string.Join(", ", sources.Select(Path.GetFileName))}"));
        table.AddRow("Search index", indexed ? "kept in step" : "[yellow]off (--without-search-index)[/]");
        table.AddRow("Read / added / problems", $"{figures.Read:N0} / {figures.Added:N0} / {figures.Problems:N0}");
        table.AddRow("Total seconds", figures.Seconds.ToString("F2", CultureInfo.InvariantCulture));
        table.AddRow("[bold]Articles/s[/]", $"[bold]{rate.ToString("N0", CultureInfo.InvariantCulture)}[/]");
        table.AddRow("CPU seconds (all threads)", figures.CpuSeconds.ToString("F2", CultureInfo.InvariantCulture));
        table.AddRow("Articles per CPU second", (figures.Read / Math.Max(figures.CpuSeconds, 1e-9)).ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Load average before", Markup.Escape(MachineLoad.LoadAverage() ?? "unknown"));
        table.AddRow("Peak working set", $"{figures.PeakWorkingSet / 1048576.0:F0} MiB");
        table.AddRow("Processors", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        // Wall time inside each stage; stages overlap (reading, cleaning and features run beside assignment and storing).
        foreach (var stage in Enum.GetValues<IngestStage>())
        {
            table.AddRow(Markup.Escape($"Stage {stage.ToString().ToLowerInvariant()} (s, overlapping)"), figures.Stages[stage].TotalSeconds.ToString("F2", CultureInfo.InvariantCulture));
        }
        console.Rich.Write(table);
    }

    /// <summary>../shared/data/clustering beside the repo, found from the working directory or the binary.</summary>
    private static string? DefaultDataFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Storyfold.slnx")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "clustering"));
                }
            }
        }

        return null;
    }
}
