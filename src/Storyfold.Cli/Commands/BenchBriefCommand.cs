using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Storyfold.Brief;
using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold bench brief</c>: how long a brief takes for a large story (target: 100 articles in under 300 ms).</summary>
public sealed class BenchBriefCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var count = new Option<int>("--articles") { Description = "Articles in the story", DefaultValueFactory = _ => 100 };
        var runs = new Option<int>("--runs") { Description = "Timed runs after one warm-up", DefaultValueFactory = _ => 5 };
        var source = new Option<string?>("--from") { Description = "JSON Lines cases file to draw article texts from (default ../shared/data/summaries/neus-val.jsonl, else built-in text)" };
        var command = new Command("brief", "Time building a brief for a 100-article story") { count, runs, source };
        command.SetAction(parse =>
        {
            var articles = Story(parse.GetValue(count), parse.GetValue(source));
            var builder = new StoryBriefBuilder();
            builder.Build("bench", articles, BriefOptions.Default);
            var times = new List<double>();
            var cpuTimes = new List<double>();
            var phases = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var process = Process.GetCurrentProcess();
            StoryBrief? brief = null;
            var allocated = GC.GetTotalAllocatedBytes();
            var collections = GC.CollectionCount(0);
            for (var i = 0; i < Math.Max(1, parse.GetValue(runs)); i++)
            {
                // CPU time (all threads) as well as wall time: on a shared, loaded machine wall time mostly measures the others.
                process.Refresh();
                var cpuStart = process.TotalProcessorTime;
                var lapCpu = cpuStart;
                var watch = Stopwatch.StartNew();
                brief = builder.Build("bench", articles, BriefOptions.Default, p =>
                {
                    process.Refresh();
                    var now = process.TotalProcessorTime;
                    (phases.TryGetValue(p.Name, out var l) ? l : phases[p.Name] = []).Add((now - lapCpu).TotalMilliseconds);
                    lapCpu = now;
                });
                times.Add(watch.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpuTimes.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds);
            }

            // Garbage is a hidden cost on two cores: a collection stops both threads of the parallel sentence reading.
            var perRun = Math.Max(1, times.Count);
            var allocatedMb = (GC.GetTotalAllocatedBytes() - allocated) / 1048576.0 / perRun;
            var gen0 = (double)(GC.CollectionCount(0) - collections) / perRun;
            times.Sort();
            cpuTimes.Sort();
            var words = articles.Sum(a => Tokens.Words(a.Text).Count());
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"brief: {articles.Count} articles, {words} words; median {times[times.Count / 2]:0} ms, best {times[0]:0} ms, worst {times[^1]:0} ms over {times.Count} run(s); CPU median {cpuTimes[cpuTimes.Count / 2]:0} ms, best {cpuTimes[0]:0} ms; {allocatedMb:0} MB allocated and {gen0:0.#} gen-0 collections per brief; target < 300 ms"));
            // Median time of each step, so a slow step shows where to look.
            console.Out.WriteLine("brief: median CPU ms by step: " + string.Join(", ", phases.Select(kv =>
                string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value.Order().ElementAt(kv.Value.Count / 2):0.0}"))));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"brief: {brief!.Summary.Count} summary sentences, {brief.Entities.Count} entities, {brief.Timeline.Count} timeline events, {brief.Claims.Agreed.Count} agreed / {brief.Claims.Unique.Count} unique / {brief.Claims.Conflicts.Count} conflicting claims"));
            return ExitCodes.Success;
        });
        return command;
    }

    // A story of related articles: texts of real news cases when the shared data is there, with new ids and dates.
    // Enough cases are read that no text repeats while the file lasts: repeated sentences are cheaper to read twice,
    // so reuse would flatter the figure.
    private const int TextsPerArticle = 6;

    private static List<Article> Story(int count, string? path)
    {
        path ??= Path.Combine("..", "shared", "data", "summaries", "neus-val.jsonl");
        var texts = new List<(string Title, string Text)>();
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path).TakeWhile(_ => texts.Count < count * TextsPerArticle))
            {
                var parsed = Storyfold.Evaluation.SummaryCaseReader.Parse(line, path, 0);
                if (parsed.Case is { } c)
                {
                    texts.AddRange(c.Articles.Select(a => (a.Title, a.Text)));
                }
            }
        }

        if (texts.Count == 0)
        {
            texts.Add(("Officials announce new measures", "Officials announced new measures on Monday after a week of talks. The plan covers 12 regions and costs $5 billion, the ministry said. Critics said the plan came too late."));
        }

        var cleaner = new ArticleCleaner();
        var day = new DateOnly(2024, 3, 1);
        return Enumerable.Range(0, count).Select(i =>
        {
            var (title, text) = texts[i % texts.Count];
            // Several cases' texts in one article make each article long enough to be realistic (~500 words).
            var body = string.Join("\n\n", Enumerable.Range(0, TextsPerArticle).Select(k => texts[(i * TextsPerArticle + k) % texts.Count].Text));
            return cleaner.Clean(new ArticleInput
            {
                Id = $"bench-{i:000}",
                Origin = "bench",
                Title = title,
                Text = body,
                Published = PublicationDate.FromDay(day.AddDays(i % 5)),
            }).Article!;
        }).ToList();
    }
}
