using System.Diagnostics;

namespace Storyfold.Server.Views;

/// <summary>
/// Work the server does once, in the background, as soon as it has started. It only saves later requests time: when
/// it is stopped early or fails, the server goes on without it (a failure is logged as the subclass words it).
/// </summary>
internal abstract class StartupWork : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var watch = Stopwatch.StartNew();
        try
        {
            await RunAsync(watch, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before it was done: requests do without it.
        }
#pragma warning disable CA1031 // Without this work the server still answers (more slowly); a failure must not stop it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailure(e.Message);
        }
    }

    /// <summary>Does the work; <paramref name="watch"/> has run since the work began, for the log.</summary>
    protected abstract Task RunAsync(Stopwatch watch, CancellationToken stoppingToken);

    protected abstract void LogFailure(string reason);
}
