using Microsoft.Data.Sqlite;
using Storyfold.News;
using Storyfold.Storage;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Storage;

/// <summary>Refreshing a story listing from the store's story log gives what listing everything again gives.</summary>
public sealed class StoryListingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Nothing_changed_returns_the_same_listing()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        await store.SaveBatchAsync([Story("a1", "bridge", "2024-03-01", "Herald"), Story("b1", "harvest", "2024-08-20", "Times")], None);

        var first = await store.RefreshStoriesAsync(null, None);
        var again = await store.RefreshStoriesAsync(first, None);

        Assert.Same(first, again);
        Assert.Null(first.Relisted);
        Assert.Equal(["harvest", "bridge"], first.Stories.Select(s => s.StoryId));
    }

    [Fact]
    public async Task New_articles_relist_only_their_stories_and_keep_the_order_of_a_full_listing()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        await store.SaveBatchAsync(
            [Story("a1", "bridge", "2024-03-01", "Herald"), Story("b1", "harvest", "2024-08-20", "Times"), Story("c1", "election", "2024-05-02", "Post"),
             Story("d1", "flood", null, "Wire")], None);
        var before = await store.RefreshStoriesAsync(null, None);

        // The bridge story gets a later report from a new outlet (moving it to the top); a new story starts undated.
        await store.SaveBatchAsync([Story("a2", "bridge", "2024-09-01", "Gazette"), Story("e1", "strike", null, "Wire")], None);
        var after = await store.RefreshStoriesAsync(before, None);

        Assert.NotNull(after.Relisted);
        Assert.Equal(["bridge", "strike"], after.Relisted.Order());
        Assert.Equal(["bridge", "strike"], after.RelistedStories.Select(s => s.StoryId).Order());
        Assert.Equal(["bridge", "harvest", "election", "strike", "flood"], after.Stories.Select(s => s.StoryId));
        var bridge = after.Stories[0];
        Assert.Equal((2, 2, "Headline of a1"), (bridge.Articles, bridge.Sources, bridge.Headline));
        Assert.Equal(await ListedAnewAsync(store), after.Stories);
    }

    [Fact]
    public async Task The_headline_is_the_earliest_article_that_came_with_a_title_not_a_pasted_first_sentence()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        var pasted = Story("a1", "storm", "2025-03-12", "Courier") with
        {
            Title = "",
            DisplayTitle = "Storm Idris tore along the coast late on Tuesday, flooding the lower harbour district…",
        };
        await store.SaveBatchAsync([pasted, Story("a2", "storm", "2025-03-13", "Radio"), Story("b1", "untitled", "2025-03-14", "Post") with { Title = "" }], None);

        var stories = (await store.RefreshStoriesAsync(null, None)).Stories.ToDictionary(s => s.StoryId);

        Assert.Equal("Headline of a2", stories["storm"].Headline);
        Assert.Equal("Headline of b1", stories["untitled"].Headline);
    }

    [Fact]
    public async Task A_merge_drops_the_merged_story_and_grows_the_survivor()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        await store.SaveBatchAsync([Story("a1", "quake", "2024-03-01", "Herald"), Story("b1", "aftershock", "2024-03-02", "Times"), Story("c1", "other", "2024-01-01", "Post")], None);
        var before = await store.RefreshStoriesAsync(null, None);

        await store.SaveBatchAsync([Story("a2", "quake", "2024-03-03", "Wire")], [new StoryMerge("aftershock", "quake")], None);
        var after = await store.RefreshStoriesAsync(before, None);

        Assert.Equal(["aftershock", "quake"], after.Relisted!.Order());
        Assert.Equal(["quake"], after.RelistedStories.Select(s => s.StoryId));
        Assert.Equal(["quake", "other"], after.Stories.Select(s => s.StoryId));
        Assert.Equal(3, after.Stories[0].Articles);
        Assert.Equal(await ListedAnewAsync(store), after.Stories);
    }

    [Fact]
    public async Task An_edited_article_relists_its_story_with_the_new_headline_and_date()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        await store.SaveBatchAsync([Story("a1", "bridge", "2024-03-01", "Herald"), Story("b1", "harvest", "2024-08-20", "Times")], None);
        var before = await store.RefreshStoriesAsync(null, None);

        await store.UpdateArticlesAsync([Story("a1", "bridge", "2024-10-01", "Herald") with { DisplayTitle = "Bridge reopens" }], None);
        var after = await store.RefreshStoriesAsync(before, None);

        Assert.Equal(["bridge"], after.Relisted!);
        Assert.Equal(["bridge", "harvest"], after.Stories.Select(s => s.StoryId));
        Assert.Equal("Bridge reopens", after.Stories[0].Headline);
        Assert.Equal(await ListedAnewAsync(store), after.Stories);
    }

    [Fact]
    public async Task A_deleted_article_relists_its_story_and_an_emptied_story_is_gone()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        await store.SaveBatchAsync([Story("a1", "bridge", "2024-03-01", "Herald"), Story("a2", "bridge", "2024-03-02", "Times"), Story("b1", "harvest", "2024-08-20", "Times")], None);
        var before = await store.RefreshStoriesAsync(null, None);

        // Another program (or a person with the sqlite3 shell) deletes rows: the triggers log them all the same.
        await ExecuteAsync(store, "DELETE FROM articles WHERE id IN ('a2', 'b1')");
        var after = await store.RefreshStoriesAsync(before, None);

        Assert.Equal(["bridge", "harvest"], after.Relisted!.Order());
        Assert.Equal((1, "bridge"), (after.Stories.Single().Articles, after.Stories.Single().StoryId));
        Assert.Equal(await ListedAnewAsync(store), after.Stories);
    }

    [Fact]
    public async Task A_listing_older_than_the_kept_log_is_listed_anew()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        await store.SaveBatchAsync([Story("a1", "bridge", "2024-03-01", "Herald")], None);
        var before = await store.RefreshStoriesAsync(null, None);
        await store.SaveBatchAsync([Story("b1", "harvest", "2024-08-20", "Times"), Story("c1", "strike", "2024-08-21", "Post")], None);

        // As if the log had been pruned past the listing's mark.
        await ExecuteAsync(store, $"DELETE FROM story_changes WHERE mark <= {before.Mark + 1}");
        var after = await store.RefreshStoriesAsync(before, None);

        Assert.Null(after.Relisted);
        Assert.Equal(["strike", "harvest", "bridge"], after.Stories.Select(s => s.StoryId));
    }

    [Fact]
    public async Task Many_changed_stories_are_listed_anew_in_one_pass()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        await store.SaveBatchAsync([Story("a1", "bridge", "2024-03-01", "Herald")], None);
        var before = await store.RefreshStoriesAsync(null, None);

        await store.SaveBatchAsync(Enumerable.Range(0, 100).Select(i => Story($"n{i}", $"story-{i:000}", "2024-06-01", "Wire")).ToList(), None);
        var after = await store.RefreshStoriesAsync(before, None);

        Assert.Null(after.Relisted);
        Assert.Equal(101, after.Stories.Count);
        Assert.Equal(await ListedAnewAsync(store), after.Stories);
    }

    [Fact]
    public async Task Random_changes_refreshed_step_by_step_match_a_full_listing()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        var random = new Random(20261123);
        string[] sources = ["Herald", "Times", "Post", "Wire", "Gazette"];
        var listing = await store.RefreshStoriesAsync(null, None);
        var next = 0;
        for (var step = 0; step < 40; step++)
        {
            var batch = Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
            {
                var day = random.Next(0, 5) == 0 ? null : $"2024-0{random.Next(1, 10)}-1{random.Next(0, 10)}";
                return Story($"x{next++}", $"story-{random.Next(0, 30)}", day, sources[random.Next(sources.Length)]);
            }).ToList();
            var merges = step % 7 == 6 && listing.Stories.Count > 2
                ? [new StoryMerge(listing.Stories[^1].StoryId, listing.Stories[0].StoryId)]
                : Array.Empty<StoryMerge>();
            await store.SaveBatchAsync(batch, merges, None);

            listing = await store.RefreshStoriesAsync(listing, None);
            Assert.Equal(await ListedAnewAsync(store), listing.Stories);
        }
    }

    private static async Task<IReadOnlyList<StoryInfo>> ListedAnewAsync(SqliteArticleStore store) =>
        (await store.RefreshStoriesAsync(null, None)).Stories;

    private static async Task ExecuteAsync(SqliteArticleStore store, string sql)
    {
        await using var connection = store.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(None);
    }

    private static Article Story(string id, string storyId, string? published, string source) =>
        StoredArticles.Make(id, storyId, published, source);
}
