using System.CommandLine;
using Storyfold.Cli.Commands;

namespace Storyfold.Cli;

/// <summary>The <c>storyfold</c> command line: the subcommands and the contract's exit codes.</summary>
public static class StoryfoldApp
{
    /// <summary>Every subcommand; a new command is one more entry here.</summary>
    private static IEnumerable<ICliCommand> Commands() =>
    [
        new IngestCommand(),
        new ExportCommand(),
        new ArticleCommand(),
        new StoriesCommand(),
        new DemoCommand(),
        new EvalCommand(),
        new BenchCommand(),
        new BriefCommand(),
        new SummarizeCommand(),
    ];

    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("Storyfold: turns a stream of news articles into stories with cited briefs.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command.Build(console));
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = BuildRoot(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.Fail($"{string.Join(' ', args.Take(1))}: {error.Message}".TrimStart(':', ' '));
            }

            console.Error.WriteLine("Run 'storyfold --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            console.Fail("cancelled");
            return ExitCodes.Failure;
        }
    }
}
