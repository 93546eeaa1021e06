using System.CommandLine;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold ingest PATH...</c>: reads files, directories and stdin into the store.</summary>
public sealed class IngestCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files, directories (recursive) or - for stdin", Arity = ArgumentArity.OneOrMore };
        // An unknown option would otherwise be taken for a path; a file really named like an option still works.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-' && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                {
                    result.AddError($"unknown option '{token.Value}'");
                }
            }
        });
        var db = StoreOptions.CreateDbOption();
        var json = new Option<bool>("--json") { Description = "Print the ingest report as JSON" };
        var command = new Command("ingest", "Ingest articles: plain text (.txt) and JSON Lines (.jsonl or stdin)") { paths, db, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = StoreOptions.TryOpen(parse.GetValue(db), console);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            var asJson = parse.GetValue(json);
            var (report, exitCode) = await IngestRunner.RunAsync(store, parse.GetValue(paths)!, console, !asJson, cancellationToken);
            var total = await store.CountArticlesAsync(cancellationToken);
            if (asJson)
            {
                CliJson.WriteDocument(console.Out, new
                {
                    read = report.Read,
                    added = report.Added,
                    unchanged = report.Unchanged,
                    errors = report.Problems.Count(p => !p.IsWarning),
                    warnings = report.Problems.Count(p => p.IsWarning),
                    articles_in_store = total,
                });
            }
            else
            {
                console.Out.WriteLine(
                    $"Ingested {report.Added} new article(s), {report.Unchanged} already stored, {report.Problems.Count(p => !p.IsWarning)} rejected; {total} in the store.");
            }

            return exitCode;
        });
        return command;
    }
}
