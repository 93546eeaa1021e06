using System.CommandLine;
using System.Globalization;
using Storyfold.Cli.Commands.Feeds;
using Storyfold.Feeds;

namespace Storyfold.Cli.Commands;

/// <summary>
/// <c>storyfold watch [--once]</c>: polls every feed on its own schedule and ingests new items as they arrive,
/// with progress on stderr; <c>--once</c> does one round and exits.
/// </summary>
public sealed class WatchCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var db = StoreOptions.CreateDbOption();
        var once = new Option<bool>("--once") { Description = "Poll the feeds that are due once, then exit" };
        var all = new Option<bool>("--all") { Description = "Poll every feed now, even those not due yet" };
        var interval = new Option<string?>("--interval") { Description = "How often to poll a healthy feed (e.g. 15m, 1h; default 15m)" };
        var timeout = new Option<string?>("--timeout") { Description = "Give up on a slow server after this long (e.g. 30s; default 30s)" };
        var noPages = new Option<bool>("--no-pages") { Description = "Do not fetch the linked page of items that carry only a summary" };
        var command = new Command("watch", "Poll feeds and ingest new items as they arrive (conditional GET, backoff on errors)")
        {
            db, once, all, interval, timeout, noPages,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new FeedPollingOptions { FetchLinkedPages = !parse.GetValue(noPages) };
            if (!TryDuration(parse.GetValue(interval), "--interval", console, out var every) ||
                !TryDuration(parse.GetValue(timeout), "--timeout", console, out var limit))
            {
                return ExitCodes.Usage;
            }

            options = options with
            {
                Interval = every ?? options.Interval,
                RequestTimeout = limit ?? options.RequestTimeout,
            };

            var (store, feeds) = FeedStoreOpener.Open(parse.GetValue(db), console);
            if (store is null || feeds is null)
            {
                return ExitCodes.Failure;
            }

            await using (store)
            {
                if ((await feeds.ListAsync(cancellationToken)).Count == 0)
                {
                    console.Error.WriteLine("No feeds to watch: add one with 'storyfold feeds add URL' or 'storyfold feeds import FILE.opml'.");
                    return ExitCodes.Success;
                }

                using var loggers = Logging.Create(console);
                using var http = FeedFetcher.CreateClient(options);
                var watcher = FeedPipeline.CreateWatcher(store, loggers, options, http, console.Time, new Random());
                var progress = new InlineProgress<FeedPollReport>(report => Print(console, report));
                if (parse.GetValue(once))
                {
                    var round = await watcher.RunRoundAsync(progress, parse.GetValue(all), cancellationToken);
                    PrintRound(console, round);
                    return round.Failed == 0 ? ExitCodes.Success
                        : round.Failed < round.Polled ? ExitCodes.Partial
                        : ExitCodes.Failure;
                }

                console.Error.WriteLine("Watching feeds; press Ctrl+C to stop.");
                try
                {
                    if (parse.GetValue(all))
                    {
                        PrintRound(console, await watcher.RunRoundAsync(progress, true, cancellationToken));
                    }

                    await watcher.RunAsync(progress, round => PrintRound(console, round), TimeSpan.FromSeconds(30), cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl+C: every finished feed is committed; the one in flight is polled again next time.
                }

                console.Error.WriteLine("Stopped watching.");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static void Print(CliConsole console, FeedPollReport report)
    {
        var feed = report.Feed;
        foreach (var warning in report.Warnings)
        {
            console.Fail($"{feed.Url}: warning: {warning}");
        }

        var next = report.NextPollAt.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);
        switch (report.Outcome)
        {
            case FeedPollOutcome.Failed:
                console.Fail($"{feed.Url}: {report.Error} (failed {feed.State.Failures + 1}× in a row; next try {next})");
                break;
            case FeedPollOutcome.NotModified:
                console.Error.WriteLine($"polled {feed.DisplayName}: not modified; next poll {next}");
                break;
            default:
                console.Error.WriteLine(
                    $"polled {feed.DisplayName}: {report.NewArticles} new, {report.UpdatedArticles} updated; next poll {next}");
                break;
        }
    }

    private static void PrintRound(CliConsole console, WatchRoundReport round)
    {
        if (round.Polled == 0)
        {
            console.Error.WriteLine("No feed is due yet (use --all to poll every feed now).");
            return;
        }

        console.Error.WriteLine(
            $"Round done: {round.Polled} feed(s) polled ({round.NotModified} not modified, {round.Failed} failed), " +
            $"{round.NewArticles} new article(s), {round.UpdatedArticles} updated, {round.NewStories} new stor{(round.NewStories == 1 ? "y" : "ies")}.");
    }

    private static bool TryDuration(string? text, string option, CliConsole console, out TimeSpan? duration)
    {
        duration = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        text = text.Trim();
        var unit = char.ToLowerInvariant(text[^1]);
        var number = char.IsAsciiLetter(text[^1]) ? text[..^1] : text;
        if (text.EndsWith("ms", StringComparison.OrdinalIgnoreCase))
        {
            unit = 'x';
            number = text[..^2];
        }

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            console.Fail($"{option}: '{text}' is not a duration (e.g. 500ms, 30s, 15m, 1h)");
            return false;
        }

        duration = unit switch
        {
            'x' => TimeSpan.FromMilliseconds(value),
            'h' => TimeSpan.FromHours(value),
            'm' => TimeSpan.FromMinutes(value),
            _ => TimeSpan.FromSeconds(value),
        };
        return true;
    }

    /// <summary>Reports on the calling thread at once (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _lock = new();

        public void Report(T value)
        {
            lock (_lock)
            {
                report(value);
            }
        }
    }
}
