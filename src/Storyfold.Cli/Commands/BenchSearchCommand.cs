using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Storyfold.Search;
using Storyfold.Server.Api;
using Storyfold.Storage;

namespace Storyfold.Cli.Commands;

/// <summary>
/// <c>storyfold bench search</c>: runs a list of searches against a store in one thread, as the API would (parse,
/// search, JSON), and prints the time per search, split by stage, so the costly stage shows where to look.
/// </summary>
public sealed class BenchSearchCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var db = StoreOptions.CreateDbOption();
        var queries = new Option<string>("--queries")
        {
            Description = "File of searches, one a line (bench/search-queries.py writes one from the dev corpora)",
            Required = true,
        };
        var runs = new Option<int>("--runs") { Description = "Timed passes over the list after one warm-up pass", DefaultValueFactory = _ => 3 };
        var page = new Option<int>("--page") { Description = "Which page of results (1 = the first) each search asks for", DefaultValueFactory = _ => 1 };
        var engine = new Option<string>("--engine")
        {
            Description = "fts5 (the store's FTS5 index), memory (the server's in-memory index) or both, side by side, with a check that they agree",
            DefaultValueFactory = _ => "both",
        };
        engine.AcceptOnlyFromAmong("fts5", "memory", "both");
        var command = new Command("search", "Time full-text searches in-process, by stage (ms a search)") { db, queries, runs, page, engine };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(queries)!;
            if (!File.Exists(path))
            {
                console.Fail($"{path}: no such file");
                return ExitCodes.Usage;
            }

            var requests = new List<SearchRequest>();
            var lineNumber = 0;
            foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var parsed = SearchQuery.Parse(line);
                if (parsed.Query is null)
                {
                    console.Fail($"{path}:{lineNumber}: {parsed.Error}");
                    continue;
                }

                requests.Add(new SearchRequest(parsed.Query) { Offset = (Math.Max(1, parse.GetValue(page)) - 1) * 20 });
            }

            if (requests.Count == 0)
            {
                console.Fail($"{path}: no searches in it");
                return ExitCodes.Usage;
            }

            await using var store = StoreOptions.TryOpen(parse.GetValue(db), console);
            if (store is not SqliteArticleStore sqlite)
            {
                return ExitCodes.Failure;
            }

            var engines = parse.GetValue(engine) is "both" ? new[] { "fts5", "memory" } : [parse.GetValue(engine)!];
            var passes = Math.Max(1, parse.GetValue(runs));
            var answers = new Dictionary<string, List<SearchResults>>(StringComparer.Ordinal);
            foreach (var name in engines)
            {
                using var index = name == "memory" ? new MemorySearchIndex() : null;
                if (index is not null)
                {
                    GC.Collect();
                    var before = GC.GetTotalMemory(forceFullCollection: true);
                    var built = Stopwatch.StartNew();
                    await index.BuildAsync(sqlite, cancellationToken);
                    var after = GC.GetTotalMemory(forceFullCollection: true);
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"memory: built from {index.Articles} articles ({index.DistinctTokens} distinct tokens) in {built.Elapsed.TotalSeconds:0.0} s; managed heap +{(after - before) / 1048576.0:0} MB, working set {Environment.WorkingSet / 1048576.0:0} MB"));
                }

                answers[name] = await TimeAsync(console, sqlite, index, name, requests, passes, cancellationToken);
            }

            if (answers.Count == 2)
            {
                var differ = new List<string>();
                for (var i = 0; i < requests.Count; i++)
                {
                    if (Describe(answers["fts5"][i]) != Describe(answers["memory"][i]))
                    {
                        differ.Add(requests[i].Query.Text);
                    }
                }

                console.Out.WriteLine($"agree: {requests.Count - differ.Count} of {requests.Count} searches give the same page, count and scores"
                    + (differ.Count > 0 ? "; differ: " + string.Join("; ", differ.Take(10)) : ""));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One warm-up pass (whose answers it returns), then timed passes, printed by stage.</summary>
    private static async Task<List<SearchResults>> TimeAsync(
        CliConsole console, SqliteArticleStore sqlite, MemorySearchIndex? index, string name, List<SearchRequest> requests,
        int passes, CancellationToken cancellationToken)
    {
        // The search runs on this one thread (SQLite answers synchronously), so the thread's CPU clock between stage
        // marks is the CPU each stage took, whatever else the machine is running.
        var stages = new Dictionary<string, double>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var lap = ThreadCpuTime.Now();
        void Mark(string stage)
        {
            var now = ThreadCpuTime.Now();
            stages[stage] = stages.GetValueOrDefault(stage) + (now - lap).TotalMilliseconds;
            lap = now;
        }

        using var search = new SqliteArticleSearch(sqlite, Mark, index);
        var answers = new List<SearchResults>(requests.Count);
        foreach (var request in requests)
        {
            answers.Add(await search.SearchAsync(request, cancellationToken));
        }

        stages.Clear();
        var perSearch = new List<(double Ms, string Query)>();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var wallStart = clock.Elapsed;
        long bytes = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var request in requests)
            {
                var started = ThreadCpuTime.Now();
                lap = started;
                var again = SearchQuery.Parse(request.Query.Text).Query!;
                Mark("parse");
                var results = await search.SearchAsync(request with { Query = again }, cancellationToken);
                Mark("stories");
                bytes += ApiJson.EncodeSearch(results).Length;
                Mark("json");
                perSearch.Add(((ThreadCpuTime.Now() - started).TotalMilliseconds, request.Query.Text));
            }
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuStart).TotalMilliseconds;
        var wall = (clock.Elapsed - wallStart).TotalMilliseconds;
        var count = perSearch.Count;
        var sorted = perSearch.OrderBy(s => s.Ms).ToList();
        var invariant = CultureInfo.InvariantCulture;
        console.Out.WriteLine(string.Create(invariant,
            $"{name}: {requests.Count} searches x {passes} passes; per search: wall {wall / count:0.000} ms, process CPU {cpu / count:0.000} ms (all threads), thread CPU p50 {sorted[count / 2].Ms:0.000} ms, p99 {sorted[(int)(count * 0.99)].Ms:0.000} ms, max {sorted[^1].Ms:0.0} ms; {bytes / count} bytes of JSON"));
        console.Out.WriteLine($"{name}: thread CPU ms a search by stage: " + string.Join(", ", stages.Select(kv =>
            string.Create(invariant, $"{kv.Key} {kv.Value / count:0.000}"))));
        console.Out.WriteLine($"{name}: slowest: " + string.Join("; ", perSearch
            .GroupBy(s => s.Query).Select(g => (Query: g.Key, Ms: g.Min(s => s.Ms))).OrderByDescending(s => s.Ms).Take(8)
            .Select(s => string.Create(invariant, $"{s.Query} {s.Ms:0.0}"))));
        return answers;
    }

    /// <summary>What a reader sees of a page of results, to tell whether two searches agree.</summary>
    private static string Describe(SearchResults results) =>
        string.Create(CultureInfo.InvariantCulture, $"{results.MatchingArticles} {results.MatchingArticlesCapped} {results.HasMore} ")
        + string.Join("|", results.Stories.Select(story => story.StoryId + ":" + string.Join(",", story.Articles.Select(hit =>
            string.Create(CultureInfo.InvariantCulture, $"{hit.ArticleId}={hit.Score:R}")))));
}
