using System.CommandLine;

namespace Storyfold.Cli.Commands.Feeds;

/// <summary><c>storyfold feeds remove URL|ID</c>: unsubscribes; the feed's articles stay in the store.</summary>
public sealed class FeedsRemoveCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var which = new Argument<string>("FEED") { Description = "The feed's URL or its id from 'storyfold feeds list'" };
        var db = StoreOptions.CreateDbOption();
        var command = new Command("remove", "Unsubscribe from a feed (its articles stay)") { which, db };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (store, feeds) = FeedStoreOpener.Open(parse.GetValue(db), console);
            if (store is null || feeds is null)
            {
                return ExitCodes.Failure;
            }

            await using (store)
            {
                var given = parse.GetValue(which)!.Trim();
                var feed = await feeds.FindAsync(given, cancellationToken)
                    ?? (FeedStoreOpener.ParseUrl(given) is { } url ? await feeds.FindAsync(url, cancellationToken) : null);
                if (feed is null || !await feeds.RemoveAsync(feed.Id, cancellationToken))
                {
                    console.Fail($"{given}: no such feed (see 'storyfold feeds list')");
                    return ExitCodes.Failure;
                }

                console.Out.WriteLine($"Unsubscribed from {feed.Url}; its {feed.Items} article(s) stay in the store.");
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
