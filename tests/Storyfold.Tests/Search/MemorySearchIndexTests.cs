using System.Globalization;
using Microsoft.Data.Sqlite;
using Storyfold.Search;
using Storyfold.Storage;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Search;

public sealed class MemorySearchIndexTests
{
    private static readonly string[] Words =
    [
        "bridge", "river", "council", "mayor", "repairs", "cracks", "piers", "engineers", "traffic", "ferry", "harbour",
        "election", "minister", "budget", "strike", "rail", "summit", "visit", "state", "president", "police", "court",
        "café", "naïve", "Zürich", "São", "Paulo", "über", "résumé", "U.S.", "COVID-19", "2024", "3.5", "it's", "O'Neill",
        "build", "building", "builders", "built", "publish", "public", "publicity", "party", "parties", "partial",
    ];

    private static readonly string[] Han = ["地震", "警方", "抢劫", "苏门答腊", "金文泰", "逮捕", "居民", "海啸", "当局", "北京"];

    private static readonly string[] Sources = ["City Herald", "Valley Gazette", "Farm Times", "Wire", "早报"];

    /// <summary>
    /// A store of <paramref name="count"/> articles written through a plain connection (as any program may), with
    /// repeated words, phrases, accents, Chinese runs, sources, languages, dates and stories drawn from a fixed seed.
    /// </summary>
    private static async Task<string> CreateStoreAsync(TempDirectory temp, int count)
    {
        var path = await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl);
        var random = new Random(7);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = connection.BeginTransaction();
        for (var i = 0; i < count; i++)
        {
            string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ =>
                random.Next(10) == 0 ? Han[random.Next(Han.Length)] + Han[random.Next(Han.Length)] : Words[random.Next(random.Next(1, Words.Length))]));
            var title = Sentence(random.Next(3, 9));
            var text = string.Join(". ", Enumerable.Range(0, random.Next(1, 6)).Select(_ => Sentence(random.Next(4, 30))));
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT INTO articles (id, story_id, title, display_title, published, published_sort, source, language, text,
                                      captions, original, content_hash, ingested_at, han_title, han_text)
                VALUES ($id, $story, $ownTitle, $title, $published, $published, $source, $language, $text, '[]', '', $id, '2024-01-01', $hanTitle, $hanText)
                """;
            var day = new DateOnly(2024, 1, 1).AddDays(random.Next(300)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue("$id", $"generated-{i}");
            command.Parameters.AddWithValue("$story", random.Next(30) == 0 ? DBNull.Value : $"story-{random.Next(count / 3 + 1)}");
            command.Parameters.AddWithValue("$title", title);
            command.Parameters.AddWithValue("$ownTitle", random.Next(4) == 0 ? "" : title);
            command.Parameters.AddWithValue("$published", random.Next(20) == 0 ? DBNull.Value : day);
            command.Parameters.AddWithValue("$source", random.Next(15) == 0 ? DBNull.Value : Sources[random.Next(Sources.Length)]);
            command.Parameters.AddWithValue("$language", random.Next(3) == 0 ? "zh" : "en");
            command.Parameters.AddWithValue("$text", text);
            command.Parameters.AddWithValue("$hanTitle", HanBigrams.ForIndex(title));
            command.Parameters.AddWithValue("$hanText", HanBigrams.ForIndex(text));
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await transaction.CommitAsync(TestContext.Current.CancellationToken);
        return path;
    }

    private static readonly string[] Queries =
    [
        "bridge", "BRIDGE", "cafe", "Café", "naive", "zurich", "sao paulo", "\"sao paulo\"", "\"river council\"", "\"mayor repairs\" OR ferry",
        "build*", "publi*", "part*", "b*", "\"state vis\"*", "bridge river", "bridge OR river", "bridge -river", "river -\"cracks piers\"",
        "title:bridge", "title:\"bridge river\"", "source:herald", "source:\"valley gazette\" traffic", "u.s.", "covid-19", "2024",
        "it's", "O'Neill's", "résumé", "über alles", "地震", "警方 -抢劫", "苏门答腊", "title:地震", "北", "金文", "地震 bridge",
        "警方 OR ferry", "minister budget strike", "president OR minister OR mayor", "repairs NOT piers", "court police -summit",
    ];

    private static async Task<string> DescribeAsync(SqliteArticleSearch search, SearchRequest request) =>
        Describe(await search.SearchAsync(request, TestContext.Current.CancellationToken));

    private static string Describe(SearchResults results) =>
        string.Create(CultureInfo.InvariantCulture, $"{results.MatchingArticles} {results.MatchingArticlesCapped} {results.HasMore} ")
        + string.Join("|", results.Stories.Select(story => story.StoryId + " " + story.Headline + " " + story.StoryArticles + ":" +
            string.Join(",", story.Articles.Select(hit => string.Create(CultureInfo.InvariantCulture, $"{hit.ArticleId}={hit.Score:R} {hit.SnippetText}")))));

    [Fact]
    public async Task Ranks_every_kind_of_search_exactly_as_fts5_does()
    {
        using var temp = new TempDirectory();
        // More articles than the ranking window, so common words are ranked over the newest matches and counted apart.
        var path = await CreateStoreAsync(temp, SqliteArticleSearch.RankingWindow + 300);
        await using var store = SqliteArticleStore.Open(path);
        using var index = new MemorySearchIndex();
        await index.BuildAsync(store, TestContext.Current.CancellationToken);
        var stages = new List<string>();
        using var fts5 = new SqliteArticleSearch(store);
        using var memory = new SqliteArticleSearch(store, stages.Add, index);

        var compared = 0;
        foreach (var text in Queries)
        {
            var query = SearchQuery.Parse(text).Query!;
            SearchRequest[] requests =
            [
                new(query),
                new(query) { Offset = 20, Limit = 7 },
                new(query) { Source = "city herald" },
                new(query) { Language = "ZH" },
                new(query) { From = new DateOnly(2024, 3, 1), To = new DateOnly(2024, 6, 30) },
                new(query) { Source = "Wire", From = new DateOnly(2024, 5, 1) },
            ];
            foreach (var request in requests)
            {
                stages.Clear();
                var expected = await DescribeAsync(fts5, request);
                var actual = await DescribeAsync(memory, request);
                Assert.True(expected == actual, $"{request}:\n{expected}\n{actual}");
                Assert.Contains("rank in memory", stages);
                compared++;
            }
        }

        Assert.Equal(Queries.Length * 6, compared);
        // The cases the comparison covers: a capped count, a full window, and searches that find nothing.
        var common = await memory.SearchAsync(new SearchRequest(SearchQuery.Parse("b*").Query!), TestContext.Current.CancellationToken);
        Assert.True(common.MatchingArticles > SqliteArticleSearch.RankingWindow);
        Assert.Empty((await memory.SearchAsync(new SearchRequest(SearchQuery.Parse("zebra").Query!), TestContext.Current.CancellationToken)).Stories);
    }

    [Fact]
    public async Task Follows_inserts_edits_story_moves_and_deletes_written_by_another_connection()
    {
        using var temp = new TempDirectory();
        var path = await CreateStoreAsync(temp, 200);
        await using var store = SqliteArticleStore.Open(path);
        using var index = new MemorySearchIndex();
        await index.BuildAsync(store, TestContext.Current.CancellationToken);
        using var fts5 = new SqliteArticleSearch(store);
        using var memory = new SqliteArticleSearch(store, index: index);
        var ferry = new SearchRequest(SearchQuery.Parse("ferry").Query!);
        Assert.Equal(await DescribeAsync(fts5, ferry), await DescribeAsync(memory, ferry));

        // Another program writes through a plain connection: a new article, an edited one, a story move, a deletion.
        await TestStore.ExecuteAsync(
            path,
                """
                INSERT INTO articles (id, story_id, title, display_title, text, captions, original, content_hash, ingested_at)
                VALUES ('lantern-news', 'lantern-story', 'Lantern festival lights the harbour', 'Lantern festival lights the harbour',
                        'Thousands of paper lanterns drifted over the harbour ferry on Saturday.', '[]', '', 'x1', '2024-03-06T00:00:00Z');
                UPDATE articles SET text = 'The quayside lantern parade was moved to Sunday.' WHERE id = 'generated-5';
                UPDATE articles SET story_id = 'lantern-story' WHERE id = 'generated-6';
                DELETE FROM articles WHERE id = 'generated-7';
                """);

        var lantern = new SearchRequest(SearchQuery.Parse("lantern").Query!);
        var found = await memory.SearchAsync(lantern, TestContext.Current.CancellationToken);
        Assert.Equal(["generated-5", "lantern-news"], found.Stories.SelectMany(s => s.Articles).Select(a => a.ArticleId).Order());
        Assert.Equal(await DescribeAsync(fts5, lantern), Describe(found));
        foreach (var text in Queries)
        {
            var request = new SearchRequest(SearchQuery.Parse(text).Query!);
            Assert.Equal(await DescribeAsync(fts5, request), await DescribeAsync(memory, request));
        }

        var moved = await memory.SearchAsync(new SearchRequest(SearchQuery.Parse(
            (await store.GetArticleAsync("generated-6", TestContext.Current.CancellationToken))!.Title).Query!), TestContext.Current.CancellationToken);
        Assert.Contains(moved.Stories, story => story.StoryId == "lantern-story" && story.Articles.Any(a => a.ArticleId == "generated-6"));
    }

    [Fact]
    public async Task Answers_with_fts5_until_it_is_built()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl));
        using var index = new MemorySearchIndex();
        var stages = new List<string>();
        using var search = new SqliteArticleSearch(store, stages.Add, index);

        var results = await search.SearchAsync(new SearchRequest(SearchQuery.Parse("bridge").Query!), TestContext.Current.CancellationToken);

        Assert.False(index.IsReady);
        Assert.Equal(2, results.MatchingArticles);
        Assert.DoesNotContain("rank in memory", stages);
    }
}
