using System.CommandLine;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold export --format jsonl</c>: every article with its story, in publication order.</summary>
public sealed class ExportCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var db = StoreOptions.CreateDbOption();
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl");
        var jsonl = new Option<bool>("--jsonl") { Description = "Same as --format jsonl" };
        var command = new Command("export", "Export articles with their story ids as JSON Lines") { db, format, jsonl };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = StoreOptions.TryOpen(parse.GetValue(db), console);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            await foreach (var article in store.ListArticlesAsync(cancellationToken))
            {
                CliJson.WriteLine(console.Out, new
                {
                    id = article.Id,
                    story_id = article.StoryId,
                    duplicate_of = article.DuplicateOf,
                    title = article.Title,
                    published = article.Published?.ToIso(),
                    source = article.Source,
                    language = article.Language,
                    url = article.Url,
                    display_title = article.DisplayTitle,
                    published_inferred = article.PublishedInferred,
                });
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
