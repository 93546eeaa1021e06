using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Storyfold.Server;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold serve</c>: the HTTP API and the web UI over a store.</summary>
public sealed class ServeCommand : ICliCommand
{
    public const string ApiKeyVariable = "STORYFOLD_API_KEY";

    public Command Build(CliConsole console)
    {
        var db = StoreOptions.CreateDbOption();
        var host = new Option<string>("--host") { Description = "Address to listen on (default 127.0.0.1: this machine only)", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port to listen on (default 8080; 0 picks a free one)", DefaultValueFactory = _ => 8080 };
        var apiKey = new Option<string?>("--api-key") { Description = $"Key that writes need as 'Authorization: Bearer KEY' (default ${ApiKeyVariable})" };
        var anonymous = new Option<bool>("--allow-anonymous-writes") { Description = "Accept new articles without a key (only on trusted networks)" };
        var rateLimit = new Option<int>("--rate-limit") { Description = "Requests a second per client (default 200; 0 turns the limit off)", DefaultValueFactory = _ => 200 };
        var maxBody = new Option<int>("--max-body-mb") { Description = "Largest request body in MB (default 8)", DefaultValueFactory = _ => 8 };
        var command = new Command("serve", "Serve the web UI and the HTTP API over the store")
        {
            db, host, port, apiKey, anonymous, rateLimit, maxBody,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
            var options = new ServerOptions
            {
                DbPath = StoreOptions.Resolve(parse.GetValue(db)),
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                ApiKey = string.IsNullOrEmpty(key) ? null : key,
                AllowAnonymousWrites = parse.GetValue(anonymous),
                RateLimitPerSecond = parse.GetValue(rateLimit),
                MaxBodyBytes = (long)parse.GetValue(maxBody) * 1024 * 1024,
            };
            return await RunAsync(options, console, cancellationToken);
        });
        return command;
    }

    /// <summary>Checks the options, starts the server, prints where it listens, and runs until stopped.</summary>
    public static async Task<int> RunAsync(ServerOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        if (!string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(options.Host, out _))
        {
            console.Fail($"--host: '{options.Host}' is not an IP address (or localhost)");
            return ExitCodes.Usage;
        }

        if (options.Port is < 0 or > 65535)
        {
            console.Fail($"--port: {options.Port} is not a port number (0-65535)");
            return ExitCodes.Usage;
        }

        if (options.RateLimitPerSecond < 0 || options.MaxBodyBytes <= 0)
        {
            console.Fail("--rate-limit and --max-body-mb must not be negative; --max-body-mb must be at least 1");
            return ExitCodes.Usage;
        }

        if (StoreOptions.IsPostgres(options.DbPath))
        {
            console.Fail($"{options.DbPath}: PostgreSQL stores are not supported by the server yet; use a SQLite file path");
            return ExitCodes.Failure;
        }

        WebApplication app;
        try
        {
            app = StoryfoldServer.Build(options, builder => ConfigureLogging(builder, console));
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            console.Fail($"{options.DbPath}: cannot open the store: {e.Message}");
            return ExitCodes.Failure;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                console.Fail($"{options.Host}:{options.Port}: cannot listen: {e.Message}");
                return ExitCodes.Failure;
            }

            foreach (var address in StoryfoldServer.Addresses(app))
            {
                var writes = options.ApiKey is not null ? "writes need the API key"
                    : options.AllowAnonymousWrites ? "anyone may add articles" : "read-only";
                console.Out.WriteLine($"Storyfold is serving {options.DbPath} at {address}/ ({writes}). Press Ctrl+C to stop.");
            }

            try
            {
                await app.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: a normal way to stop a server.
            }

            await app.StopAsync(CancellationToken.None);
        }

        return ExitCodes.Success;
    }

    /// <summary>Request logs at Information on stderr (STORYFOLD_LOG changes the level); framework chatter at Warning.</summary>
    private static void ConfigureLogging(WebApplicationBuilder builder, CliConsole console)
    {
        _ = console;
        var level = Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("STORYFOLD_LOG"), true, out var parsed) ? parsed : LogLevel.Information;
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(level);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
