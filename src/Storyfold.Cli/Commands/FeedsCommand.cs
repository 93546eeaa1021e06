using System.CommandLine;
using Storyfold.Cli.Commands.Feeds;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold feeds add|list|remove|import|export</c>: the feeds <c>watch</c> polls.</summary>
public sealed class FeedsCommand : ICliCommand
{
    private static IEnumerable<ICliCommand> Subcommands() =>
    [
        new FeedsAddCommand(),
        new FeedsListCommand(),
        new FeedsRemoveCommand(),
        new FeedsImportCommand(),
        new FeedsExportCommand(),
    ];

    public Command Build(CliConsole console)
    {
        var command = new Command("feeds", "Manage feed subscriptions (RSS, Atom, JSON Feed) that 'storyfold watch' polls");
        foreach (var subcommand in Subcommands())
        {
            command.Subcommands.Add(subcommand.Build(console));
        }

        return command;
    }
}
