using Storyfold.Clustering;
using Storyfold.News;
using Storyfold.Storage;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Clustering;

public sealed class StoryClustererTests
{
    private static Article Article(string id, string title, string text, string day) => new()
    {
        Id = id,
        Title = title,
        DisplayTitle = title,
        Text = text,
        Original = text,
        ContentHash = id,
        Language = "en",
        Published = PublicationDate.TryParseIso(day),
    };

    [Fact]
    public void Two_stories_that_a_later_report_shows_to_be_one_merge_into_the_older()
    {
        // Strict joining, lenient merging: the first two reports start separate stories; the third bridges them.
        var options = new ClusteringOptions { JoinThreshold = 0.6, MergeThreshold = 0.05 };
        var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, options);
        var clusterer = new StoryClusterer(options);
        var a = clusterer.Add(featurizer.Extract(Article("a", "Flooding closes Danube bridges in Budapest",
            "Flooding closed three Danube bridges in Budapest as the river rose to 8.9 metres, mayor Gergely Karacsony said.", "2024-06-01")));
        var b = clusterer.Add(featurizer.Extract(Article("b", "Karacsony orders sandbags along Budapest embankment",
            "Mayor Gergely Karacsony ordered volunteers to fill sandbags along the Budapest embankment before the crest arrives.", "2024-06-01")));
        Assert.Equal("a", a.StoryId);
        Assert.Equal("b", b.StoryId);

        var c = clusterer.Add(featurizer.Extract(Article("c", "Danube flooding in Budapest: bridges closed, sandbags on embankment",
            "Flooding closed Danube bridges in Budapest at 8.9 metres while mayor Gergely Karacsony ordered sandbags along the embankment.", "2024-06-02")));

        Assert.Equal("a", c.StoryId);
        Assert.Contains(new StoryMerge("b", "a"), c.Merges);
        Assert.Equal(1, clusterer.OpenStories);
    }

    [Fact]
    public async Task A_merged_away_story_id_resolves_to_the_survivor_in_the_store()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        await store.SaveBatchAsync(
            [
                Article("a", "A", "Text of a.", "2024-06-01") with { StoryId = "a" },
                Article("b", "B", "Text of b.", "2024-06-01") with { StoryId = "b" },
                Article("c", "C", "Text of c.", "2024-06-01") with { StoryId = "c" },
            ],
            CancellationToken.None);

        await store.SaveBatchAsync([Article("d", "D", "Text of d.", "2024-06-02") with { StoryId = "a" }], [new StoryMerge("b", "a")], CancellationToken.None);
        // A chain: the survivor later merges into another story; both old ids follow.
        await store.SaveBatchAsync([], [new StoryMerge("a", "c")], CancellationToken.None);

        Assert.Equal("c", await store.ResolveStoryIdAsync("b", CancellationToken.None));
        Assert.Equal("c", await store.ResolveStoryIdAsync("a", CancellationToken.None));
        Assert.Equal("c", await store.ResolveStoryIdAsync("c", CancellationToken.None));
        var viaOldId = await store.GetStoryArticlesAsync("b", CancellationToken.None);
        Assert.Equal(["a", "b", "c", "d"], viaOldId.Select(x => x.Id).Order().ToArray());
        Assert.All(viaOldId, x => Assert.Equal("c", x.StoryId));
        var stories = await store.ListStoriesAsync(CancellationToken.None);
        Assert.Equal("c", Assert.Single(stories).StoryId);
    }
}
