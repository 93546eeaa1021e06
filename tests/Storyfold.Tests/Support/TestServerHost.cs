using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Storyfold.Server;

namespace Storyfold.Tests.Support;

/// <summary>The Storyfold server over a fresh store, in ASP.NET Core's test host (in memory) or on real loopback Kestrel.</summary>
public sealed class TestServerHost : IAsyncDisposable
{
    private readonly TempDirectory _temp;

    private TestServerHost(TempDirectory temp, WebApplication app, ServerOptions options)
    {
        _temp = temp;
        App = app;
        Options = options;
    }

    public WebApplication App { get; }

    public ServerOptions Options { get; }

    /// <summary>The loopback address (real server only).</summary>
    public string BaseAddress => StoryfoldServer.Addresses(App).First();

    public static async Task<TestServerHost> StartAsync(
        string jsonl, Func<ServerOptions, ServerOptions>? configure = null, bool realServer = false)
    {
        var temp = new TempDirectory();
        var db = await TestStore.CreateAsync(temp, jsonl);
        var options = new ServerOptions { DbPath = db, Port = 0, RateLimitPerSecond = 0 };
        options = configure?.Invoke(options) ?? options;
        var app = StoryfoldServer.Build(options, builder =>
        {
            builder.Logging.ClearProviders();
            if (!realServer)
            {
                builder.WebHost.UseTestServer();
            }
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestServerHost(temp, app, options);
    }

    public HttpClient CreateClient() => App.GetTestClient();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        _temp.Dispose();
    }
}
