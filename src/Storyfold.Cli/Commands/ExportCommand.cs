using System.CommandLine;
using Storyfold.Server.Api;

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
                CliJson.WriteLine(console.Out, ApiJson.ArticleLine(article));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
