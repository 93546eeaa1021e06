using System.CommandLine;

namespace Storyfold.Cli;

/// <summary>One <c>storyfold</c> subcommand: its arguments and what it does with them.</summary>
public interface ICliCommand
{
    Command Build(CliConsole console);
}
