using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Storyfold.Extraction;
using Storyfold.Ingest;

namespace Storyfold.Cli.Commands;

/// <summary>
/// <c>storyfold bench extract DIR --pages N</c>: extracts the pages under DIR over and over, single-threaded, and prints
/// pages/s and memory (working set, managed heap) at intervals, to show that memory stays flat over many pages. With
/// <c>--damage</c> each page is broken first (<see cref="PageDamage"/>), to show that broken pages never crash the
/// extractor or stall it: it counts the pages that threw and names the slowest.
/// </summary>
public sealed class BenchExtractCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "A folder of HTML pages (.html, .htm, optionally .gz), read recursively" };
        var pages = new Option<int>("--pages") { Description = "How many pages to extract in all, cycling through the folder", DefaultValueFactory = _ => 10_000 };
        var every = new Option<int>("--every") { Description = "Print a line every this many pages", DefaultValueFactory = _ => 1_000 };
        var damage = new Option<bool>("--damage") { Description = "Break each page first (cut short, bytes overwritten, runs removed or repeated, stray markup) and report crashes and the slowest page" };
        var seed = new Option<int>("--seed") { Description = "Seed of the damage, to reproduce a run", DefaultValueFactory = _ => 1 };
        var command = new Command("extract", "Extract many pages in a row and print throughput and memory at intervals") { directory, pages, every, damage, seed };
        command.SetAction((parse, cancellationToken) =>
        {
            var (files, problems) = ExtractCommand.CollectPages([parse.GetValue(directory)!], console.OpenStdin);
            foreach (var problem in problems)
            {
                console.Fail(problem.ToString());
            }

            if (files.Count == 0)
            {
                console.Fail($"{parse.GetValue(directory)}: no HTML pages");
                return Task.FromResult(ExitCodes.Failure);
            }

            var total = Math.Max(1, parse.GetValue(pages));
            var interval = Math.Max(1, parse.GetValue(every));
            var extractor = new PageExtractor();
            var damager = parse.GetValue(damage) ? new PageDamage(parse.GetValue(seed)) : null;
            var crashed = 0;
            var kinds = new Dictionary<DamageKind, int>();
            var slowest = (Seconds: 0.0, Page: "");
            if (damager is not null && HtmlReader.ReadBytes(files[0], out _) is { } first)
            {
                // Once untimed, so that the slowest page is the slowest to extract, not the one that compiled the code.
                extractor.Extract(first);
            }

            var process = Process.GetCurrentProcess();
            var clock = Stopwatch.StartNew();
            long bytes = 0;
            var failed = 0;
            console.Out.WriteLine("pages  pages/s  working set MB  managed heap MB  failed");
            for (var i = 1; i <= total; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Read each time, as a stream of fresh pages would arrive; nothing is kept between pages.
                var file = files[(i - 1) % files.Count];
                var page = HtmlReader.ReadBytes(file, out _);
                if (page is null)
                {
                    failed++;
                }
                else
                {
                    var (kind, input) = damager?.Apply(page) ?? (default, page);
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        if (extractor.Extract(input).Page is null)
                        {
                            failed++;
                        }
                    }
                    catch (Exception exception) when (damager is not null && exception is not OperationCanceledException)
                    {
                        // The one thing a damaged run is for: a broken page must give an article or a reason, never a throw.
                        crashed++;
                        console.Fail($"{file.Name} (page {i}, {kind}): {exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}");
                    }

                    if (damager is not null)
                    {
                        kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                        if (seconds > slowest.Seconds)
                        {
                            slowest = (seconds, $"{file.Name}, {kind}");
                        }
                    }
                }

                bytes += page?.Length ?? 0;
                if (i % interval == 0 || i == total)
                {
                    process.Refresh();
                    console.Out.WriteLine(string.Format(
                        CultureInfo.InvariantCulture, "{0,5}  {1,7:0.0}  {2,14:0}  {3,15:0}  {4,6}",
                        i, i / clock.Elapsed.TotalSeconds, process.WorkingSet64 / 1048576.0, GC.GetTotalMemory(false) / 1048576.0, failed));
                }
            }

            console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "{0} pages ({1:0} MB of HTML) in {2:0.0} s, single-threaded; peak working set {3:0} MB",
                total, bytes / 1048576.0, clock.Elapsed.TotalSeconds, process.PeakWorkingSet64 / 1048576.0));
            if (damager is null)
            {
                return Task.FromResult(ExitCodes.Success);
            }

            console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "damaged (seed {0}): {1}; crashed {2}; no article {3}; slowest {4:0.000} s ({5})",
                parse.GetValue(seed), string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")), crashed, failed,
                slowest.Seconds, slowest.Page));
            return Task.FromResult(crashed == 0 ? ExitCodes.Success : ExitCodes.Failure);
        });
        return command;
    }
}
