using System.Text;
using Spectre.Console;

namespace Storyfold.Cli;

/// <summary>Where a command reads and writes: the process's streams in production, string writers in tests.</summary>
public sealed record CliConsole(
    TextWriter Out, TextWriter Error, Func<Stream> OpenStdin, TimeProvider Time, bool OutIsTerminal = false, bool ErrorIsTerminal = false)
{
    public static CliConsole FromSystem()
    {
        var utf8 = new UTF8Encoding(false);
        var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = true };
        var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        return new CliConsole(stdout, stderr, Console.OpenStandardInput, TimeProvider.System, !Console.IsOutputRedirected, !Console.IsErrorRedirected);
    }

    /// <summary>A Spectre console over <see cref="Out"/> for tables and colour; plain when output is not a terminal.</summary>
    public IAnsiConsole Rich => _rich ??= AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Out),
        Ansi = OutIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = OutIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    /// <summary>A Spectre console over <see cref="Error"/>, for progress that must never reach stdout.</summary>
    public IAnsiConsole RichError => _richError ??= AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Ansi = ErrorIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        Interactive = ErrorIsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
    });

    private IAnsiConsole? _rich;
    private IAnsiConsole? _richError;

    /// <summary>Writes one contract-shaped error line: <c>storyfold: SOURCE[:LINE]: what is wrong</c>.</summary>
    public void Fail(string message) => Error.WriteLine($"storyfold: {message}");
}
