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
        new SearchCommand(),
        new ServeCommand(),
        new DemoCommand(),
        new EvalCommand(),
        new BenchCommand(),
        new ExtractCommand(),
        new FeedsCommand(),
        new WatchCommand(),
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
            // One line per error, as the contract wants; the last one says where help is.
            for (var i = 0; i < parsed.Errors.Count; i++)
            {
                var hint = i == parsed.Errors.Count - 1 ? " (see 'storyfold --help')" : "";
                var message = string.Join(' ', parsed.Errors[i].Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                console.Fail($"{string.Join(' ', args.Take(1))}: {message}{hint}".TrimStart(':', ' '));
            }

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
