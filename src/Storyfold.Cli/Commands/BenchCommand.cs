using System.CommandLine;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold bench ...</c>: benchmarks that print throughput and memory figures (never timed tests).</summary>
public sealed class BenchCommand : ICliCommand
{
    /// <summary>One entry per benchmark; each is a command of its own file.</summary>
    private static IEnumerable<ICliCommand> Benchmarks() =>
    [
        new BenchIngestCommand(),
        new BenchClusterCommand(),
        new BenchExtractCommand(),
        new BenchDamageCommand(),
        new BenchBriefCommand(),
        new BenchSearchCommand(),
    ];

    public Command Build(CliConsole console)
    {
        var command = new Command("bench", "Run a benchmark and print its figures");
        foreach (var benchmark in Benchmarks())
        {
            command.Subcommands.Add(benchmark.Build(console));
        }

        return command;
    }
}
