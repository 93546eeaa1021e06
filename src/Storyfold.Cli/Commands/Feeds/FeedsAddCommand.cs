using System.CommandLine;

namespace Storyfold.Cli.Commands.Feeds;

/// <summary><c>storyfold feeds add URL [--name N]</c>: subscribes to a feed.</summary>
public sealed class FeedsAddCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var url = new Argument<string>("URL") { Description = "The feed's address (RSS, Atom or JSON Feed)" };
        var name = new Option<string?>("--name") { Description = "What to call the feed (default: the feed's own title)" };
        var db = StoreOptions.CreateDbOption();
        var command = new Command("add", "Subscribe to a feed") { url, name, db };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(url)!;
            if (FeedStoreOpener.ParseUrl(given) is not { } feedUrl)
            {
                console.Fail($"{given}: not an http(s) URL");
                return ExitCodes.Usage;
            }

            var (store, feeds) = FeedStoreOpener.Open(parse.GetValue(db), console);
            if (store is null || feeds is null)
            {
                return ExitCodes.Failure;
            }

            await using (store)
            {
                var label = parse.GetValue(name) is { } n && !string.IsNullOrWhiteSpace(n) ? n.Trim() : null;
                var (feed, added) = await feeds.AddAsync(feedUrl, label, console.Time.GetUtcNow(), cancellationToken);
                console.Out.WriteLine(added
                    ? $"Subscribed to {feed.Url} (feed {feed.Id}); 'storyfold watch' polls it."
                    : $"Already subscribed to {feed.Url} (feed {feed.Id}).");
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
