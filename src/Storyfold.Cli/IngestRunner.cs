using Microsoft.Extensions.Logging;
using Spectre.Console;
using Storyfold.Ingest;
using Storyfold.Storage;

namespace Storyfold.Cli;

/// <summary>Runs an ingest for a command: collects inputs, shows progress on stderr, prints every problem as one line.</summary>
public static class IngestRunner
{
    public static async Task<(IngestReport Report, int ExitCode)> RunAsync(
        IArticleStore store, IReadOnlyList<string> paths, CliConsole console, bool showProgress, CancellationToken cancellationToken)
    {
        using var loggers = Logging.Create(console);
        var (files, collectProblems) = InputCollector.Collect(paths, console.OpenStdin);
        var ingestor = IngestPipeline.Create(store, loggers);

        IngestReport report;
        if (showProgress && console.ErrorIsTerminal && files.Count > 0)
        {
            report = await console.RichError.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Ingesting", maxValue: files.Count);
                    // One big file gives no per-file steps to count, so the bar just shows activity and the counts.
                    task.IsIndeterminate = files.Count == 1;
                    var progress = new Progress<IngestProgress>(p =>
                    {
                        task.Value = p.FilesDone;
                        task.Description = $"Ingesting: {p.ArticlesRead:N0} read, {p.ArticlesAdded:N0} added";
                    });
                    return await ingestor.IngestAsync(files, progress, cancellationToken);
                });
        }
        else
        {
            report = await ingestor.IngestAsync(files, null, cancellationToken);
        }

        report = report with { Problems = [.. collectProblems, .. report.Problems] };
        foreach (var problem in report.Problems)
        {
            console.Fail(problem.ToString());
        }

        var exitCode = !report.HasErrors ? ExitCodes.Success
            : report.Read > 0 || report.Added > 0 || report.Unchanged > 0 ? ExitCodes.Partial
            : ExitCodes.Failure;
        return (report, exitCode);
    }
}
