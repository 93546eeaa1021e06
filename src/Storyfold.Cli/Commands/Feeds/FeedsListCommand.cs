using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyfold.Feeds;

namespace Storyfold.Cli.Commands.Feeds;

/// <summary><c>storyfold feeds list [--json]</c>: each feed with its last success, last error, next poll and item count.</summary>
public sealed class FeedsListCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var db = StoreOptions.CreateDbOption();
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var command = new Command("list", "Show the feeds and how their polling stands") { db, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (store, feeds) = FeedStoreOpener.Open(parse.GetValue(db), console);
            if (store is null || feeds is null)
            {
                return ExitCodes.Failure;
            }

            await using (store)
            {
                var list = await feeds.ListAsync(cancellationToken);
                if (parse.GetValue(json))
                {
                    CliJson.WriteDocument(console.Out, list.Select(ToJson).ToList());
                    return ExitCodes.Success;
                }

                Render(console, list);
                return ExitCodes.Success;
            }
        });
        return command;
    }

    public static object ToJson(FeedSubscription feed) => new
    {
        id = feed.Id,
        name = feed.DisplayName,
        url = feed.Url,
        site_url = feed.SiteUrl,
        added = Iso(feed.AddedAt),
        last_polled = Iso(feed.State.LastPolledAt),
        last_success = Iso(feed.State.LastSuccessAt),
        last_status = feed.State.LastStatus,
        last_error = feed.State.LastError,
        last_error_at = Iso(feed.State.LastErrorAt),
        failures = feed.State.Failures,
        next_poll = Iso(feed.State.NextPollAt),
        items = feed.Items,
    };

    private static void Render(CliConsole console, IReadOnlyList<FeedSubscription> feeds)
    {
        if (feeds.Count == 0)
        {
            console.Out.WriteLine("No feeds yet: add one with 'storyfold feeds add URL' or 'storyfold feeds import FILE.opml'.");
            return;
        }

        var now = console.Time.GetUtcNow();
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("[grey]Id[/]").RightAligned())
            .AddColumn("[bold]Feed[/]")
            .AddColumn("[bold]URL[/]")
            .AddColumn("[bold]Last success[/]")
            .AddColumn("[bold]Last error[/]")
            .AddColumn("[bold]Next poll[/]")
            .AddColumn(new TableColumn("[bold]Items[/]").RightAligned());
        foreach (var feed in feeds)
        {
            var state = feed.State;
            var error = state.LastError is null || (state.LastSuccessAt is { } ok && state.LastErrorAt is { } at && ok > at)
                ? "[grey]–[/]"
                : $"[red]{Markup.Escape(state.LastError)}[/] [grey]({Markup.Escape(Short(state.LastErrorAt))}, {state.Failures}×)[/]";
            var next = state.NextPollAt is not { } due || due <= now ? "due now" : Short(due);
            table.AddRow(
                $"[grey]{feed.Id}[/]",
                Markup.Escape(feed.DisplayName),
                Markup.Escape(feed.Url),
                Markup.Escape(state.LastSuccessAt is null ? "never" : Short(state.LastSuccessAt)),
                error,
                Markup.Escape(next),
                feed.Items.ToString(CultureInfo.InvariantCulture));
        }

        console.Rich.Write(table);
    }

    private static string? Iso(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Short(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";
}
