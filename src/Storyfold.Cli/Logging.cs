using Microsoft.Extensions.Logging;

namespace Storyfold.Cli;

/// <summary>Engine logs go to stderr, warnings and up unless STORYFOLD_LOG asks for more.</summary>
public static class Logging
{
    public static ILoggerFactory Create(CliConsole console)
    {
        var level = Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("STORYFOLD_LOG"), true, out var parsed)
            ? parsed
            : LogLevel.Warning;
        return LoggerFactory.Create(builder => builder
            .SetMinimumLevel(level)
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(options => options.SingleLine = true));
    }
}
