using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Storyfold.Extraction;
using Storyfold.Ingest;

namespace Storyfold.Cli.Commands;

/// <summary>
/// <c>storyfold bench extract DIR --pages N</c>: extracts the pages under DIR over and over, single-threaded, and prints
/// pages/s and memory (working set, managed heap) at intervals, to show that memory stays flat over many pages.
/// </summary>
public sealed class BenchExtractCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "A folder of HTML pages (.html, .htm, optionally .gz), read recursively" };
        var pages = new Option<int>("--pages") { Description = "How many pages to extract in all, cycling through the folder", DefaultValueFactory = _ => 10_000 };
        var every = new Option<int>("--every") { Description = "Print a line every this many pages", DefaultValueFactory = _ => 1_000 };
        var command = new Command("extract", "Extract many pages in a row and print throughput and memory at intervals") { directory, pages, every };
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
                if (page is null || extractor.Extract(page).Page is null)
                {
                    failed++;
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
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
