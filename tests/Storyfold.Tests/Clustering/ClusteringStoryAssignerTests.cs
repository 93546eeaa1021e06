using Storyfold.Clustering;
using Storyfold.Storage;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Clustering;

public sealed class ClusteringStoryAssignerTests
{
    [Fact]
    public async Task Reports_of_one_earthquake_share_a_story_and_another_earthquake_stays_apart()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        var file = ClusteringTestKit.WriteJsonl(temp.File("quakes.jsonl"), [.. StoryCorpus.ChileQuake, .. StoryCorpus.JapanQuake]);

        await ClusteringTestKit.IngestAsync(store, file);

        var articles = await ClusteringTestKit.ArticlesAsync(store);
        var chile = StoryCorpus.ChileQuake.Select(a => articles[a.Id].StoryId).Distinct().ToList();
        var japan = StoryCorpus.JapanQuake.Select(a => articles[a.Id].StoryId).Distinct().ToList();
        Assert.Single(chile);
        Assert.Single(japan);
        Assert.NotEqual(chile[0], japan[0]);
        Assert.Equal("chile-1", chile[0]);
        Assert.All(articles.Values, a => Assert.Null(a.DuplicateOf));
    }

    [Fact]
    public async Task A_syndicated_copy_is_marked_duplicate_of_the_first_copy_and_stays_in_its_story()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        var original = StoryCorpus.JapanQuake[0];
        var file = ClusteringTestKit.WriteJsonl(temp.File("copies.jsonl"),
            [original, StoryCorpus.Syndicated(original, "japan-1-wire"), StoryCorpus.Syndicated(original, "japan-1-wire2", "Kyodo"), .. StoryCorpus.ChileQuake]);

        await ClusteringTestKit.IngestAsync(store, file);
        // Exact re-ingest changes nothing.
        await ClusteringTestKit.IngestAsync(store, file);

        var articles = await ClusteringTestKit.ArticlesAsync(store);
        Assert.Equal(6, articles.Count);
        Assert.Null(articles["japan-1"].DuplicateOf);
        Assert.Equal("japan-1", articles["japan-1-wire"].DuplicateOf);
        Assert.Equal("japan-1", articles["japan-1-wire2"].DuplicateOf);
        Assert.Equal(articles["japan-1"].StoryId, articles["japan-1-wire"].StoryId);
        Assert.All(StoryCorpus.ChileQuake, a => Assert.Null(articles[a.Id].DuplicateOf));
    }

    [Fact]
    public async Task Chinese_and_English_reports_of_one_hurricane_share_a_story_through_the_glossary()
    {
        using var temp = new TempDirectory();
        var glossary = ChineseGlossary.Load(Path.Combine(ClusteringTestKit.GlossaryFolder, "sample-cedict.u8")).Glossary;
        Assert.NotNull(glossary);
        var file = ClusteringTestKit.WriteJsonl(temp.File("fiona.jsonl"),
            [StoryCorpus.HurricaneEnglish, StoryCorpus.HurricaneChinese, .. StoryCorpus.ChileQuake]);

        await using (var store = SqliteArticleStore.Open(temp.File("with.db")))
        {
            await ClusteringTestKit.IngestAsync(store, file, glossary);
            var articles = await ClusteringTestKit.ArticlesAsync(store);
            Assert.Equal("zh", articles["fiona-zh"].Language);
            Assert.Equal(articles["fiona-en"].StoryId, articles["fiona-zh"].StoryId);
            Assert.NotEqual(articles["fiona-en"].StoryId, articles["chile-1"].StoryId);
        }

        // Without the dictionary, clustering still works: the Chinese report simply stands alone.
        await using (var store = SqliteArticleStore.Open(temp.File("without.db")))
        {
            await ClusteringTestKit.IngestAsync(store, file);
            var articles = await ClusteringTestKit.ArticlesAsync(store);
            Assert.Equal("fiona-zh", articles["fiona-zh"].StoryId);
            Assert.Single(StoryCorpus.ChileQuake.Select(a => articles[a.Id].StoryId).Distinct());
        }
    }

    [Fact]
    public async Task Gives_the_same_stories_in_one_batch_in_many_batches_and_across_restarts()
    {
        using var temp = new TempDirectory();
        var all = new[]
        {
            StoryCorpus.HurricaneEnglish, StoryCorpus.ChileQuake[0], StoryCorpus.JapanQuake[0], StoryCorpus.ChileQuake[1],
            StoryCorpus.Syndicated(StoryCorpus.ChileQuake[0], "chile-1-wire"), StoryCorpus.JapanQuake[1], StoryCorpus.JapanQuake[2],
            StoryCorpus.ChileQuake[2],
        };
        var file = ClusteringTestKit.WriteJsonl(temp.File("all.jsonl"), all);

        await using var one = SqliteArticleStore.Open(temp.File("one.db"));
        await ClusteringTestKit.IngestAsync(one, file);
        var expected = ClusteringTestKit.Partition(await ClusteringTestKit.ArticlesAsync(one));

        await using var many = SqliteArticleStore.Open(temp.File("many.db"));
        await ClusteringTestKit.IngestAsync(many, file, batchSize: 2);
        Assert.Equal(expected, ClusteringTestKit.Partition(await ClusteringTestKit.ArticlesAsync(many)));

        // Each part in a fresh process-like assigner over a reopened store: state is rebuilt from the stored articles.
        for (var part = 0; part < all.Length; part += 3)
        {
            var partFile = ClusteringTestKit.WriteJsonl(temp.File($"part{part}.jsonl"), all.Skip(part).Take(3));
            await using var store = SqliteArticleStore.Open(temp.File("restarts.db"));
            await ClusteringTestKit.IngestAsync(store, partFile);
        }

        await using var restarted = SqliteArticleStore.Open(temp.File("restarts.db"));
        var articles = await ClusteringTestKit.ArticlesAsync(restarted);
        Assert.Equal(expected, ClusteringTestKit.Partition(articles));
        Assert.Equal("chile-1", articles["chile-3"].StoryId);
        Assert.Equal("chile-1", articles["chile-1-wire"].DuplicateOf);
    }

    [Fact]
    public async Task A_new_report_joins_a_story_stored_by_an_earlier_ingest()
    {
        using var temp = new TempDirectory();
        var db = temp.File("t.db");
        await using (var store = SqliteArticleStore.Open(db))
        {
            await ClusteringTestKit.IngestAsync(store, ClusteringTestKit.WriteJsonl(temp.File("a.jsonl"), StoryCorpus.JapanQuake.Take(2)));
        }

        await using (var store = SqliteArticleStore.Open(db))
        {
            await ClusteringTestKit.IngestAsync(store, ClusteringTestKit.WriteJsonl(temp.File("b.jsonl"), [StoryCorpus.JapanQuake[2], StoryCorpus.ChileQuake[0]]));
            var articles = await ClusteringTestKit.ArticlesAsync(store);
            Assert.Equal("japan-1", articles["japan-3"].StoryId);
            Assert.Equal("chile-1", articles["chile-1"].StoryId);
            Assert.Equal(2, (await store.ListStoriesAsync(CancellationToken.None)).Count);
        }
    }

    [Fact]
    public async Task Features_read_ahead_give_the_same_stories_as_features_read_while_assigning()
    {
        using var temp = new TempDirectory();
        var articles = StoryCorpus.ChileQuake.Concat(StoryCorpus.JapanQuake)
            .Select(a => new Storyfold.News.Article
            {
                Id = a.Id,
                Title = a.Title,
                DisplayTitle = a.Title,
                Text = a.Text,
                Original = a.Text,
                ContentHash = a.Id,
                Language = "en",
                Published = Storyfold.News.PublicationDate.TryParseIso(a.Published),
            })
            .ToList();

        async Task<List<string?>> AssignAsync(string db, bool readAhead)
        {
            await using var store = SqliteArticleStore.Open(temp.File(db));
            var assigner = new ClusteringStoryAssigner(
                store, new ArticleFeaturizer((ChineseGlossary?)null), new ClusteringOptions(),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<ClusteringStoryAssigner>.Instance);
            if (readAhead)
            {
                assigner.Prepare(articles);
            }

            var assignment = await assigner.AssignAsync(articles, CancellationToken.None);
            return assignment.Articles.Select(a => a.StoryId).ToList();
        }

        var ahead = await AssignAsync("ahead.db", readAhead: true);
        var inline = await AssignAsync("inline.db", readAhead: false);

        Assert.Equal(inline, ahead);
        Assert.Equal(2, ahead.Distinct().Count());
    }
}
