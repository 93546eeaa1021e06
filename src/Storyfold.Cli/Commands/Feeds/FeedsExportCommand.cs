using System.CommandLine;
using Storyfold.Feeds;

namespace Storyfold.Cli.Commands.Feeds;

/// <summary><c>storyfold feeds export</c>: the subscriptions as OPML on stdout, for another reader.</summary>
public sealed class FeedsExportCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var db = StoreOptions.CreateDbOption();
        var command = new Command("export", "Print the subscriptions as OPML 2.0") { db };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (store, feeds) = FeedStoreOpener.Open(parse.GetValue(db), console);
            if (store is null || feeds is null)
            {
                return ExitCodes.Failure;
            }

            await using (store)
            {
                console.Out.WriteLine(Opml.Write(await feeds.ListAsync(cancellationToken), console.Time.GetUtcNow()));
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
