using System.Net;
using System.Text.Json;
using Storyfold.Feeds;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Server;

public sealed class StoryFeedEndpointsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serves_the_stories_and_each_story_as_atom_and_json_feed()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = host.CreateClient();

        using var atom = await client.GetAsync("/feeds/stories.atom", Token);
        Assert.Equal(HttpStatusCode.OK, atom.StatusCode);
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType?.MediaType);
        var stories = FeedParser.Parse(await atom.Content.ReadAsByteArrayAsync(Token)).Feed!;
        Assert.Equal(FeedFormat.Atom, stories.Format);
        Assert.NotEmpty(stories.Items);
        Assert.All(stories.Items, i => Assert.StartsWith("http://localhost/stories/", i.Link, StringComparison.Ordinal));

        using var json = await client.GetAsync("/feeds/stories.json", Token);
        Assert.Equal("application/feed+json", json.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Token)).RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal(stories.Items.Count, root.GetProperty("items").GetArrayLength());

        var storyId = stories.Items[0].Link!["http://localhost/stories/".Length..];
        using var one = await client.GetAsync($"/feeds/stories/{storyId}.atom", Token);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var story = FeedParser.Parse(await one.Content.ReadAsByteArrayAsync(Token)).Feed!;
        Assert.NotEmpty(story.Items);
        using var oneJson = await client.GetAsync($"/feeds/stories/{storyId}.json", Token);
        Assert.Equal(story.Items.Count, JsonDocument.Parse(await oneJson.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Pages_advertise_the_feeds_so_a_feed_reader_finds_them()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = host.CreateClient();

        static async Task<List<string>> FeedLinksAsync(HttpClient client, string path)
        {
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(path, Token));
            return page.QuerySelectorAll("head link[rel=alternate]")
                .Where(l => l.GetAttribute("type") is "application/atom+xml" or "application/feed+json")
                .Select(l => l.GetAttribute("href")!)
                .ToList();
        }

        Assert.Contains("/feeds/stories.atom", await FeedLinksAsync(client, "/"));
        var links = await FeedLinksAsync(client, "/stories/bridge-herald");
        Assert.Contains("/feeds/stories.atom", links);
        Assert.Contains("/feeds/stories/bridge-herald.atom", links);
        Assert.Contains("/feeds/stories/bridge-herald.json", links);
        using var feed = await client.GetAsync("/feeds/stories/bridge-herald.atom", Token);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
    }

    [Fact]
    public async Task A_reader_polling_with_the_etag_gets_304()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = host.CreateClient();
        using var first = await client.GetAsync("/feeds/stories.atom", Token);
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/stories.atom");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("/feeds/stories/no-such-story.atom", HttpStatusCode.NotFound)]
    [InlineData("/feeds/stories/bridge-herald.rss", HttpStatusCode.NotFound)]
    public async Task Unknown_stories_and_formats_are_problem_details(string path, HttpStatusCode status)
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = host.CreateClient();

        using var response = await client.GetAsync(path, Token);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
