using Storyfold.Search;
using Storyfold.Storage;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Search;

public sealed class SqliteArticleSearchTests
{
    private static SearchRequest Request(string text) => new(SearchQuery.Parse(text).Query!);

    private static async Task<SearchResults> SearchAsync(SqliteArticleStore store, SearchRequest request)
    {
        using var search = new SqliteArticleSearch(store);
        return await search.SearchAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Finds_words_phrases_and_prefixes_with_highlighted_snippets()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl));

        var words = await SearchAsync(store, Request("cracks piers"));
        Assert.Equal(2, words.MatchingArticles);
        Assert.All(words.Stories.SelectMany(s => s.Articles), hit => Assert.Contains(hit.Snippet, p => p.Matched));

        var phrase = await SearchAsync(store, Request("\"supporting piers\""));
        Assert.Equal("bridge-herald", Assert.Single(phrase.Stories).Articles[0].ArticleId);

        var prefix = await SearchAsync(store, Request("harv*"));
        Assert.Equal("harvest-times", Assert.Single(prefix.Stories).StoryId);

        var excluded = await SearchAsync(store, Request("bridge -mayor"));
        Assert.Equal("bridge-herald", Assert.Single(excluded.Stories).StoryId);
    }

    [Fact]
    public async Task Ranks_a_title_match_above_a_passing_mention()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl + "\n" +
            """{"id":"traffic-note","title":"Weekend traffic notes","text":"Roadworks on the ring road. Also, the bridge is closed, and buses run late across the valley all week long."}"""));

        var results = await SearchAsync(store, Request("bridge"));

        Assert.NotEqual("traffic-note", results.Stories[0].StoryId);
        Assert.Equal("traffic-note", results.Stories[^1].StoryId);
    }

    [Fact]
    public async Task Filters_by_source_language_and_date_range()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl));

        var bySource = await SearchAsync(store, Request("bridge") with { Source = "valley gazette" });
        Assert.Equal("bridge-gazette", Assert.Single(Assert.Single(bySource.Stories).Articles).ArticleId);

        var byDate = await SearchAsync(store, Request("bridge") with { From = new DateOnly(2024, 3, 5), To = new DateOnly(2024, 3, 5) });
        Assert.Equal("bridge-gazette", Assert.Single(Assert.Single(byDate.Stories).Articles).ArticleId);

        var byLanguage = await SearchAsync(store, Request("bridge") with { Language = "de" });
        Assert.Empty(byLanguage.Stories);
    }

    [Fact]
    public async Task Keeps_the_index_in_step_with_ingest()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl));
        Assert.Empty((await SearchAsync(store, Request("ferry"))).Stories);

        await TestStore.IngestAsync(store, """{"id":"ferry-news","title":"Ferry service added while bridge is shut","text":"A temporary ferry will carry commuters across the river during the bridge repairs."}""");

        Assert.Equal("ferry-news", Assert.Single((await SearchAsync(store, Request("ferry"))).Stories).StoryId);
    }

    [Fact]
    public async Task Groups_matches_by_story_and_pages_through_stories()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl));

        // The two bridge reports may form one story (clustering) or two; either way every story appears once.
        var all = await SearchAsync(store, Request("the"));
        Assert.Equal(3, all.Stories.Sum(s => s.Articles.Count));
        Assert.Equal(all.Stories.Count, all.Stories.Select(s => s.StoryId).Distinct().Count());
        var first = await SearchAsync(store, Request("the") with { Limit = 1 });
        var second = await SearchAsync(store, Request("the") with { Limit = 1, Offset = 1 });

        Assert.Single(first.Stories);
        Assert.True(first.HasMore);
        Assert.Single(second.Stories);
        Assert.Equal(all.Stories.Count > 2, second.HasMore);
        Assert.Empty(first.Stories.Select(s => s.StoryId).Intersect(second.Stories.Select(s => s.StoryId)));
    }

    [Fact]
    public async Task Runs_any_user_text_without_an_fts5_syntax_error()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl));
        string[] inputs = ["NEAR(a b) AND col:x ^y", "x\" OR \"y", "bridge*** OR* -", "title:\"old river\"*", "source:herald", "(((", "a:b:c", "ümlaut naïve 東京"];

        foreach (var input in inputs)
        {
            var parsed = SearchQuery.Parse(input);
            if (parsed.Query is { } query)
            {
                await SearchAsync(store, new SearchRequest(query));
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(parsed.Error));
            }
        }

        Assert.Equal("bridge-herald", Assert.Single((await SearchAsync(store, Request("source:herald"))).Stories).StoryId);
    }
}
