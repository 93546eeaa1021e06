using System.CommandLine;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold eval clustering|extraction|summaries FILE</c>: measures a stage on labelled data.</summary>
public sealed class EvalCommand : ICliCommand
{
    /// <summary>One entry per measured stage; each is a command of its own file.</summary>
    private static IEnumerable<ICliCommand> Evaluations() =>
    [
        new EvalExtractionCommand(),
        new EvalSummariesCommand(),
        new EvalClusteringCommand(),
    ];

    public Command Build(CliConsole console)
    {
        var command = new Command("eval", "Measure a stage on labelled data and print the figures (--json for one JSON object)");
        foreach (var evaluation in Evaluations())
        {
            command.Subcommands.Add(evaluation.Build(console));
        }

        return command;
    }
}
