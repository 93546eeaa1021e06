using Microsoft.Playwright;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Server;

/// <summary>
/// A real Storyfold server on a free loopback port (Kestrel, as <c>storyfold serve</c> runs it) over our small news
/// fixture plus the five seed articles when ../shared is present, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ApiKey = "browser-test-key";
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly Lock _log = new();
    private readonly System.Collections.Concurrent.ConcurrentBag<IBrowserContext> _contexts = [];
    private int _pages;
    private IPlaywright? _playwright;
    private TestServerHost? _host;

    public IBrowser? Browser { get; private set; }

    public string BaseAddress => _host!.BaseAddress;

    public bool HasSeeds { get; private set; }

    public static string ScreenshotFolder => Path.Combine(SharedData.RepoRoot, "test-output", "screenshots");

    /// <summary>Requests, responses, navigations and console messages of every page, one line each.</summary>
    public static string LogPath => Path.Combine(SharedData.RepoRoot, "test-output", "browser.log");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        var seeds = SharedData.Root is { } shared ? Path.Combine(shared, "seeds") : null;
        var jsonl = TestStore.SmallNewsJsonl;
        if (seeds is not null && Directory.Exists(seeds))
        {
            HasSeeds = true;
            jsonl += "\n" + string.Join("\n", Directory.GetFiles(seeds, "*.txt").Order().Select(SeedLine));
        }

        _host = await TestServerHost.StartAsync(jsonl, o => o with { ApiKey = ApiKey, Host = "127.0.0.1" }, realServer: true);
        Assertions.SetDefaultExpectTimeout(15000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                // Containers often give /dev/shm only 64 MB, too little for Chromium's shared memory under load.
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
        File.WriteAllText(LogPath, "");
    }

    /// <summary>A seed file as a JSON Lines article: the optional "date" first line becomes <c>published</c>.</summary>
    private static string SeedLine(string path)
    {
        var text = File.ReadAllText(path).TrimStart();
        string? published = null;
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^date\s+(\d{4}-\d{2}-\d{2})\s*");
        if (match.Success)
        {
            published = match.Groups[1].Value;
            text = text[match.Length..];
        }

        return System.Text.Json.JsonSerializer.Serialize(new { id = Path.GetFileNameWithoutExtension(path), text, published });
    }

    /// <summary>A fresh page in its own browser context, or a skip (a failure on CI) when Chromium is missing.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        if (Browser is null)
        {
            var reason = $"{ChromiumPath} is not installed (scripts/install-test-deps.sh installs it)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason + " and CI=true");
            }

            Assert.Skip(reason);
        }

        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        _contexts.Add(context);
        var name = $"page{Interlocked.Increment(ref _pages)}";
        page.Request += (_, request) => Log(name, $"request {request.Method} {request.Url}");
        page.RequestFailed += (_, request) => Log(name, $"failed {request.Url}: {request.Failure}");
        page.Response += (_, response) => Log(name, $"response {response.Status} {response.Url}");
        page.FrameNavigated += (_, frame) => Log(name, $"navigated {frame.Url}");
        page.Console += (_, message) => Log(name, $"console {message.Type}: {message.Text}");
        page.PageError += (_, error) => Log(name, $"page error: {error}");
        page.Crash += (_, _) => Log(name, "crashed");
        page.SetDefaultTimeout(30000);
        page.SetDefaultNavigationTimeout(60000);
        return page;
    }

    /// <summary>What every page asked for and got, for reading after a failure (the test output folder keeps it).</summary>
    private void Log(string page, string what)
    {
        lock (_log)
        {
            File.AppendAllText(LogPath, $"{DateTime.UtcNow:HH:mm:ss.fff} {page} {what}\n");
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            foreach (var context in _contexts)
            {
                await context.CloseAsync();
            }

            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
