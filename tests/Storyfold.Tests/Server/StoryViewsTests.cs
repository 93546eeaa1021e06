using Storyfold.News;
using Storyfold.Server.Views;
using Storyfold.Storage;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Server;

public sealed class StoryViewsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_write_rebuilds_the_brief_of_the_story_it_touched_and_keeps_the_others()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        using var version = new StoreVersion(store);
        var views = new StoryViews(store, version, new BriefProvider());
        await store.SaveBatchAsync(
            [Report("a1", "bridge", "2024-03-04", "City Herald", "The Old River bridge closed for repairs after engineers found cracks in two piers."),
             Report("b1", "harvest", "2024-08-20", "Farm Times", "Growers in the valley began picking apples two weeks early after a warm spring.")], None);

        var bridge = await views.StoryAsync("bridge", None);
        var harvest = await views.StoryAsync("harvest", None);
        Assert.Same(bridge, await views.StoryAsync("bridge", None));

        await store.SaveBatchAsync(
            [Report("a2", "bridge", "2024-03-05", "Valley Gazette", "Engineers said the cracked piers of the Old River bridge would take two months to mend.")], None);

        var list = await views.StoriesAsync(None);
        var bridgeAfter = await views.StoryAsync("bridge", None);
        Assert.Same(harvest, await views.StoryAsync("harvest", None));
        Assert.NotSame(bridge, bridgeAfter);
        Assert.Equal(2, bridgeAfter!.Articles.Count);
        Assert.Equal((2, 2), (bridgeAfter.Info.Articles, bridgeAfter.Info.Sources));
        Assert.Equal(["harvest", "bridge"], list.Stories.Select(s => s.StoryId));
        Assert.Equal(2, list.ById["bridge"].Articles);
    }

    [Fact]
    public async Task A_merged_away_story_is_gone_from_the_list_and_its_survivor_shows_all_articles()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        using var version = new StoreVersion(store);
        var views = new StoryViews(store, version, new BriefProvider());
        await store.SaveBatchAsync(
            [Report("a1", "quake", "2024-03-04", "City Herald", "A strong earthquake shook the coast on Monday, officials said."),
             Report("b1", "aftershock", "2024-03-05", "Valley Gazette", "An aftershock of the Monday earthquake damaged two more houses on the coast.")], None);
        Assert.NotNull(await views.StoryAsync("aftershock", None));

        await store.SaveBatchAsync([], [new StoryMerge("aftershock", "quake")], None);

        Assert.Null(await views.StoryAsync("aftershock", None));
        var quake = await views.StoryAsync("quake", None);
        Assert.Equal(2, quake!.Articles.Count);
        Assert.Equal(["quake"], (await views.StoriesAsync(None)).Stories.Select(s => s.StoryId));
    }

    private static Article Report(string id, string storyId, string published, string source, string text) =>
        StoredArticles.Make(id, storyId, published, source, text);
}
