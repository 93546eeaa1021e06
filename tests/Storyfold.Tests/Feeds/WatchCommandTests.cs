using System.Diagnostics;
using System.Text.Json;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Feeds;

public sealed class WatchCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Watch_once_polls_the_feeds_reports_progress_on_stderr_and_stories_form()
    {
        using var server = new LoopbackFeedServer();
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        server.Set("a.rss", new() { Body = FeedFixtures.Rss("Alpha", 1, 2) });
        server.Set("b.rss", new() { Status = 500, Body = "boom", ContentType = "text/plain" });
        await CliRun.RunAsync("feeds", "add", server.Url("a.rss"), "--name", "Alpha wire", "--db", db);
        await CliRun.RunAsync("feeds", "add", server.Url("b.rss"), "--db", db);

        var watch = await CliRun.RunAsync("watch", "--once", "--db", db, "--timeout", "3s");

        Assert.Equal(3, watch.ExitCode);
        Assert.Equal("", watch.Out);
        Assert.Contains(watch.ErrorLines, l => l.StartsWith("polled Alpha wire: 2 new, 0 updated", StringComparison.Ordinal));
        Assert.Contains(watch.ErrorLines, l => l.StartsWith($"storyfold: {server.Url("b.rss")}: HTTP 500", StringComparison.Ordinal));
        Assert.Contains(watch.ErrorLines, l => l.StartsWith("Round done: 2 feed(s) polled (0 not modified, 1 failed), 2 new article(s), 0 updated, 2 new stories", StringComparison.Ordinal));

        var stories = await CliRun.RunAsync("stories", "--json", "--db", db);
        Assert.Equal(2, JsonDocument.Parse(stories.Out).RootElement.GetArrayLength());

        var list = await CliRun.RunAsync("feeds", "list", "--json", "--db", db);
        var feeds = JsonDocument.Parse(list.Out).RootElement;
        Assert.Equal("Alpha wire", feeds[0].GetProperty("name").GetString());
        Assert.Equal(2, feeds[0].GetProperty("items").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, feeds[0].GetProperty("last_success").ValueKind);
        Assert.Equal(JsonValueKind.Null, feeds[1].GetProperty("last_success").ValueKind);
        Assert.Contains("HTTP 500", feeds[1].GetProperty("last_error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, feeds[1].GetProperty("failures").GetInt32());

        var table = await CliRun.RunAsync("feeds", "list", "--db", db);
        Assert.Contains("Alpha wire", table.Out, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", table.Out, StringComparison.Ordinal);

        // Nothing is due again yet; --all polls anyway, and nothing is ingested twice.
        var again = await CliRun.RunAsync("watch", "--once", "--db", db);
        Assert.Contains(again.ErrorLines, l => l.StartsWith("No feed is due yet", StringComparison.Ordinal));
        var all = await CliRun.RunAsync("watch", "--once", "--all", "--db", db);
        Assert.Contains(all.ErrorLines, l => l.StartsWith("polled Alpha wire: 0 new", StringComparison.Ordinal));
        Assert.Equal(2, (await CliRun.RunAsync("export", "--format", "jsonl", "--db", db)).OutLines.Count);
    }

    [Fact]
    public async Task Killing_watch_mid_round_loses_nothing_and_duplicates_nothing_on_restart()
    {
        using var server = new LoopbackFeedServer();
        using var temp = new TempDirectory();
        var db = temp.File("kill.db");
        const int feeds = 10, perFeed = 3;
        for (var f = 0; f < feeds; f++)
        {
            var items = Enumerable.Range(f * perFeed, perFeed).Select(n => FeedFixtures.NewsItem(n, $"outlet{f}.example")).ToList();
            server.Set($"k{f}.rss", new() { Body = FeedFixtures.Rss($"Outlet {f}", items), Delay = TimeSpan.FromMilliseconds(250) });
            Assert.Equal(0, (await CliRun.RunAsync("feeds", "add", server.Url($"k{f}.rss"), "--db", db)).ExitCode);
        }

        // All feeds share one host, so at most two are fetched at a time: the round takes well over a second.
        using (var child = StartCli("watch", "--db", db, "--timeout", "5s"))
        {
            await WaitForLineAsync(child, "polled ", TimeSpan.FromSeconds(30));
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(Token);
        }

        var afterKill = (await CliRun.RunAsync("export", "--format", "jsonl", "--db", db)).OutLines.Count;
        Assert.InRange(afterKill, 1, (feeds * perFeed) - 1);

        var restart = await CliRun.RunAsync("watch", "--once", "--db", db, "--timeout", "5s");
        Assert.Equal(0, restart.ExitCode);

        var ids = (await CliRun.RunAsync("export", "--format", "jsonl", "--db", db)).OutLines
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(feeds * perFeed, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var list = JsonDocument.Parse((await CliRun.RunAsync("feeds", "list", "--json", "--db", db)).Out).RootElement;
        Assert.All(list.EnumerateArray(), f => Assert.Equal(perFeed, f.GetProperty("items").GetInt32()));
        Assert.All(list.EnumerateArray(), f => Assert.NotEqual(JsonValueKind.Null, f.GetProperty("last_success").ValueKind));
    }

    private static Process StartCli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Storyfold.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(start)!;
    }

    private static async Task WaitForLineAsync(Process process, string prefix, TimeSpan limit)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(limit);
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"the watcher exited (code {process.ExitCode}) before printing '{prefix}'");
    }
}
