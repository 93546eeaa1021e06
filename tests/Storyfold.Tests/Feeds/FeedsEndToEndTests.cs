using System.Net;
using System.Text.Json;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Feeds;

public sealed class FeedsEndToEndTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Imported_feeds_polled_by_watch_show_up_as_stories_in_the_api_web_ui_and_story_feeds()
    {
        using var feeds = new LoopbackFeedServer();
        using var temp = new TempDirectory();
        feeds.Set("harbour.rss", new() { Body = FeedFixtures.Rss("Harbour", [FeedFixtures.NewsItem(0, "harbour.example")]) });
        feeds.Set("valley.rss", new() { Body = FeedFixtures.Rss("Valley", [FeedFixtures.NewsItem(1, "valley.example")]) });
        var opml = temp.Write("subs.opml", $"""
            <opml version="2.0"><head><title>Mine</title></head><body>
              <outline text="Harbour" type="rss" xmlUrl="{feeds.Url("harbour.rss")}"/>
              <outline text="Valley" type="rss" xmlUrl="{feeds.Url("valley.rss")}"/>
            </body></opml>
            """);
        await using var server = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = server.CreateClient();
        var db = server.Options.DbPath;
        var before = await StoryCountAsync(client);

        Assert.Equal(0, (await CliRun.RunAsync("feeds", "import", opml, "--db", db)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("watch", "--once", "--db", db)).ExitCode);

        Assert.Equal(before + 2, await StoryCountAsync(client));
        var page = await client.GetStringAsync("/", Token);
        Assert.Contains(WebUtility.HtmlEncode(FeedFixtures.NewsItem(0).Title), page, StringComparison.Ordinal);

        // A new item arrives in one feed; the next round adds it, and the story feeds show it.
        feeds.Set("valley.rss", new() { Body = FeedFixtures.Rss("Valley", [FeedFixtures.NewsItem(1, "valley.example"), FeedFixtures.NewsItem(2, "valley.example")]) });
        Assert.Equal(0, (await CliRun.RunAsync("watch", "--once", "--all", "--db", db)).ExitCode);

        Assert.Equal(before + 3, await StoryCountAsync(client));
        var atom = await client.GetStringAsync("/feeds/stories.atom", Token);
        Assert.Contains(WebUtility.HtmlEncode(FeedFixtures.NewsItem(2).Title), atom, StringComparison.Ordinal);
    }

    private static async Task<int> StoryCountAsync(HttpClient client)
    {
        var body = await client.GetStringAsync("/api/stories?limit=500", Token);
        return JsonDocument.Parse(body).RootElement.GetArrayLength();
    }
}
