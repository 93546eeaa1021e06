using System.CommandLine;
using Storyfold.Feeds;

namespace Storyfold.Cli.Commands.Feeds;

/// <summary><c>storyfold feeds import FILE.opml</c>: subscribes to every feed of an OPML list.</summary>
public sealed class FeedsImportCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "An OPML file exported by a feed reader, or - for stdin" };
        var db = StoreOptions.CreateDbOption();
        var command = new Command("import", "Subscribe to the feeds listed in an OPML file") { file, db };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            string text;
            try
            {
                using var reader = new StreamReader(path == "-" ? console.OpenStdin() : File.OpenRead(path));
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Fail($"{path}: cannot read: {e.Message}");
                return ExitCodes.Failure;
            }

            var opml = Opml.Read(text);
            if (opml.Error is not null)
            {
                console.Fail($"{path}: {opml.Error}");
                return ExitCodes.Failure;
            }

            foreach (var warning in opml.Warnings)
            {
                console.Fail($"{path}: warning: {warning}");
            }

            var (store, feeds) = FeedStoreOpener.Open(parse.GetValue(db), console);
            if (store is null || feeds is null)
            {
                return ExitCodes.Failure;
            }

            await using (store)
            {
                int added = 0, known = 0;
                foreach (var feed in opml.Feeds)
                {
                    var (_, isNew) = await feeds.AddAsync(feed.Url, feed.Title, console.Time.GetUtcNow(), cancellationToken);
                    _ = isNew ? added++ : known++;
                }

                console.Out.WriteLine($"Imported {added} feed(s) from {path}; {known} already subscribed. Run 'storyfold watch' to poll them.");
                return opml.Feeds.Count == 0 && opml.Warnings.Count > 0 ? ExitCodes.Failure
                    : opml.Warnings.Count > 0 ? ExitCodes.Partial
                    : ExitCodes.Success;
            }
        });
        return command;
    }
}
