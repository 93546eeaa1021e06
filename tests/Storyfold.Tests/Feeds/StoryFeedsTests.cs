using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Storyfold.Feeds;
using Storyfold.News;

namespace Storyfold.Tests.Feeds;

public sealed class StoryFeedsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly StoryFeedSite Site = new(new Uri("https://stories.example/"));

    private static Article Article(string id, string title, string source, int day, string story) => new()
    {
        Id = id,
        Title = title,
        DisplayTitle = title,
        Published = new PublicationDate(new DateTimeOffset(2026, 11, day, 9, 0, 0, TimeSpan.Zero), true),
        Source = source,
        Url = $"https://{source}/{id}",
        Text = $"First paragraph of {title} <with markup-like text> & more.\n\nSecond paragraph.",
        Original = "",
        ContentHash = id,
        StoryId = story,
    };

    private static IReadOnlyList<StoryFeedEntry> Stories() =>
    [
        new(new StoryInfo("s-bridge", "Bridge closes after storm", 2, 2,
                new PublicationDate(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), true),
                new PublicationDate(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), true)),
            [Article("a1", "Bridge closes", "harbour.example", 20, "s-bridge"), Article("a2", "Bridge to reopen in May", "valley.example", 22, "s-bridge")]),
        new(new StoryInfo("s-frost", "Early frost hits orchards", 1, 1,
                new PublicationDate(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero), true),
                new PublicationDate(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero), true)),
            [Article("a3", "Frost & farms", "valley.example", 19, "s-frost")]),
    ];

    [Fact]
    public void Stories_atom_is_valid_atom_that_a_feed_reader_parses_back()
    {
        var atom = StoryFeeds.StoriesAtom(Stories(), Site, Now);

        var document = XDocument.Parse(atom);
        XNamespace ns = "http://www.w3.org/2005/Atom";
        Assert.Equal(ns + "feed", document.Root!.Name);
        Assert.Equal("2026-11-22T09:00:00Z", document.Root.Element(ns + "updated")!.Value);
        Assert.Equal("https://stories.example/feeds/stories.atom",
            document.Root.Elements(ns + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.All(document.Root.Elements(ns + "entry"), e =>
        {
            Assert.NotNull(e.Element(ns + "id"));
            Assert.NotNull(e.Element(ns + "updated"));
            Assert.NotNull(e.Element(ns + "author")?.Element(ns + "name"));
        });

        var parsed = FeedParser.Parse(Encoding.UTF8.GetBytes(atom)).Feed!;
        Assert.Equal(["Bridge closes after storm", "Early frost hits orchards"], parsed.Items.Select(i => i.Title));
        Assert.Equal("https://stories.example/stories/s-bridge", parsed.Items[0].Link);
        Assert.Contains("Bridge to reopen in May", parsed.Items[0].ContentHtml, StringComparison.Ordinal);
        Assert.Contains("2 articles from 2 sources", FeedMarkup.ToText(parsed.Items[0].ContentHtml!), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), parsed.Items[0].Updated!.Value.Value);
    }

    [Fact]
    public void Stories_json_is_json_feed_1_1()
    {
        var json = StoryFeeds.StoriesJson(Stories(), Site, Now);

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("https://stories.example/feeds/stories.json", root.GetProperty("feed_url").GetString());
        var first = root.GetProperty("items")[0];
        Assert.Equal("https://stories.example/stories/s-bridge", first.GetProperty("id").GetString());
        Assert.Equal("Bridge closes after storm", first.GetProperty("title").GetString());
        Assert.Equal(["harbour.example", "valley.example"], first.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(2, FeedParser.Parse(Encoding.UTF8.GetBytes(json)).Feed!.Items.Count);
    }

    [Fact]
    public void A_story_feed_lists_its_articles_with_their_own_links_and_escaped_text()
    {
        var story = Stories()[1];

        var atom = StoryFeeds.StoryAtom(story, Site, Now);
        var json = StoryFeeds.StoryJson(story, Site, Now);

        var parsed = FeedParser.Parse(Encoding.UTF8.GetBytes(atom)).Feed!;
        var item = Assert.Single(parsed.Items);
        Assert.Equal("Frost & farms", item.Title);
        Assert.Equal("https://valley.example/a3", item.Link);
        Assert.Equal("urn:storyfold:article:a3", item.Guid);
        Assert.Contains("<with markup-like text> & more.", FeedMarkup.ToText(item.ContentHtml!), StringComparison.Ordinal);
        Assert.Equal("Early frost hits orchards", parsed.Title);
        var jsonItem = JsonDocument.Parse(json).RootElement.GetProperty("items")[0];
        Assert.Equal("https://valley.example/a3", jsonItem.GetProperty("url").GetString());
        Assert.Equal("https://stories.example/feeds/stories/s-frost.json", JsonDocument.Parse(json).RootElement.GetProperty("feed_url").GetString());
    }

    [Fact]
    public void An_empty_store_gives_an_empty_but_valid_feed()
    {
        var atom = StoryFeeds.StoriesAtom([], Site, Now);

        var parsed = FeedParser.Parse(Encoding.UTF8.GetBytes(atom));
        Assert.NotNull(parsed.Feed);
        Assert.Empty(parsed.Feed.Items);
        Assert.Contains("<updated>2026-11-23T12:00:00Z</updated>", atom, StringComparison.Ordinal);
    }
}
