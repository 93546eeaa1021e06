using System.CommandLine;
using Storyfold.Brief;
using Storyfold.Evaluation;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold summarize CASES.jsonl</c>: one headline and summary per story case, one JSON line each.</summary>
public sealed class SummarizeCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var file = new Argument<string>("CASES") { Description = "JSON Lines: {case, articles:[{id,title,text,published?}]} a line; - for stdin" };
        var words = new Option<int>("--words") { Description = "About how many words each summary has (never more than its longest article)", DefaultValueFactory = _ => BriefOptions.Default.Words };
        var command = new Command("summarize", "Summarise story cases from JSON Lines: {case, headline, summary} a line") { file, words };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var budget = parse.GetValue(words);
            if (budget < 10)
            {
                console.Fail("--words: must be at least 10");
                return ExitCodes.Usage;
            }

            var path = parse.GetValue(file)!;
            var builder = new StoryBriefBuilder();
            var failed = 0;
            var done = 0;
            try
            {
                await foreach (var (line, number) in SummaryCases.ReadLinesAsync(path, console, cancellationToken))
                {
                    var parsed = SummaryCaseReader.Parse(line, path, number);
                    if (parsed.Case is not { } story)
                    {
                        console.Fail($"{path}:{number}: {parsed.Problem}");
                        failed++;
                        continue;
                    }

                    var (headline, summary) = builder.Summarize(story.Articles, budget);
                    CliJson.WriteLine(console.Out, new { @case = story.Case, headline, summary = string.Join(' ', summary.Select(s => s.Text)) });
                    done++;
                }
            }
            catch (IOException e)
            {
                console.Fail($"{path}: {e.Message}");
                return ExitCodes.Failure;
            }

            return failed == 0 ? ExitCodes.Success : done > 0 ? ExitCodes.Partial : ExitCodes.Failure;
        });
        return command;
    }
}

/// <summary>Reads the non-empty lines of a cases file (or stdin) with their line numbers.</summary>
internal static class SummaryCases
{
    public static async IAsyncEnumerable<(string Line, int Number)> ReadLinesAsync(string path, CliConsole console,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = path == "-" ? new StreamReader(console.OpenStdin()) : new StreamReader(path);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (line.Trim().Length > 0)
            {
                yield return (line, number);
            }
        }
    }
}
