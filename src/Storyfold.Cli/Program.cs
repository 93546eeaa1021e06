using Storyfold.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await StoryfoldApp.RunAsync(args, CliConsole.FromSystem(), cancellation.Token);
