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
    public async Task Ranks_by_score_not_by_age_across_pages()
    {
        // Twelve unrelated reports that each mention a lighthouse once; the first stored (oldest) is about it.
        string[] topics = ["harbour dredging", "school budget", "rail strike", "flood barrier", "wind farm", "fishing quotas",
            "ferry timetable", "museum reopening", "bus lanes", "coastal erosion", "marathon route", "library hours"];
        var lines = new List<string>
        {
            """{"id":"lighthouse-story","title":"Lighthouse keeper retires after lighthouse is automated","published":"2023-01-02","text":"The lighthouse on the point is now automated, and its last lighthouse keeper retired on Friday after forty years of lighthouse duty."}""",
        };
        lines.AddRange(topics.Select((topic, i) =>
            $$"""{"id":"report-{{i}}","title":"Council debates {{topic}}","published":"2024-02-{{i + 10}}","text":"Councillors argued for hours about {{topic}} plans; one noted the old lighthouse as a landmark, and the vote was postponed until {{topic}} costs are known."}"""));
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(await TestStore.CreateAsync(temp, string.Join("\n", lines)));

        var all = await SearchAsync(store, Request("lighthouse"));
        var paged = new List<StoryHit>();
        for (var offset = 0; ; offset += 4)
        {
            var page = await SearchAsync(store, Request("lighthouse") with { Limit = 4, Offset = offset });
            paged.AddRange(page.Stories);
            if (!page.HasMore)
            {
                break;
            }
        }

        Assert.Equal("lighthouse-story", all.Stories[0].Articles[0].ArticleId);
        Assert.Equal(13, all.MatchingArticles);
        var scores = all.Stories.Select(story => story.Articles[0].Score).ToList();
        Assert.Equal(scores.OrderByDescending(score => score), scores);
        Assert.Equal(all.Stories.Select(s => s.StoryId), paged.Select(s => s.StoryId));
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

    /// <summary>Two Chinese reports written by us, one English: Chinese words sit inside long runs of Han characters.</summary>
    private const string ChineseNewsJsonl =
        """
        {"id":"robbery-zh","title":"金文泰发生抢劫伤人案 男子被捕","published":"2024-05-22","source":"早报","language":"zh","text":"警方在接到报案三小时内，逮捕涉及一起抢劫伤人案的42岁男子。初步调查显示，这名男子抢走一名受害人的手提袋。"}
        {"id":"quake-zh","title":"印尼苏门答腊发生强烈地震","published":"2024-06-01","source":"早报","language":"zh","text":"印尼苏门答腊岛今天发生强烈地震，当局说暂时没有人员伤亡的报告，警方正在灾区巡逻。"}
        {"id":"quake-en","title":"Strong earthquake shakes Sumatra","published":"2024-06-01","source":"Wire","language":"en","text":"A strong earthquake struck the Indonesian island of Sumatra on Saturday; no casualties were reported."}
        """;

    [Fact]
    public async Task Finds_chinese_words_inside_runs_of_han_characters()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(await TestStore.CreateAsync(temp, ChineseNewsJsonl));

        Assert.Equal("robbery-zh", Assert.Single((await SearchAsync(store, Request("金文泰"))).Stories).Articles[0].ArticleId);
        Assert.Equal("robbery-zh", Assert.Single((await SearchAsync(store, Request("抢劫"))).Stories).Articles[0].ArticleId);
        Assert.Equal("quake-zh", Assert.Single((await SearchAsync(store, Request("地震"))).Stories).Articles[0].ArticleId);
        Assert.Equal("quake-zh", Assert.Single((await SearchAsync(store, Request("苏门答腊 地震"))).Stories).Articles[0].ArticleId);
        var police = (await SearchAsync(store, Request("警方"))).Stories.SelectMany(s => s.Articles).Select(a => a.ArticleId).Order();
        Assert.Equal(["quake-zh", "robbery-zh"], police);
        Assert.Equal("quake-zh", Assert.Single((await SearchAsync(store, Request("警方 -抢劫"))).Stories).Articles[0].ArticleId);
        Assert.Equal("robbery-zh", Assert.Single((await SearchAsync(store, Request("title:被捕"))).Stories).Articles[0].ArticleId);
        Assert.Equal("robbery-zh", Assert.Single((await SearchAsync(store, Request("捕"))).Stories).Articles[0].ArticleId);
        Assert.Equal("quake-en", Assert.Single((await SearchAsync(store, Request("earthquake"))).Stories).Articles[0].ArticleId);
    }

    [Fact]
    public async Task Does_not_find_a_chinese_word_whose_characters_are_only_apart_or_across_punctuation()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(await TestStore.CreateAsync(temp, ChineseNewsJsonl));

        // 内逮 spans "三小时内，逮捕": the characters stand on either side of a comma.
        Assert.Empty((await SearchAsync(store, Request("内逮"))).Stories);
        Assert.Empty((await SearchAsync(store, Request("金泰"))).Stories);
        Assert.Empty((await SearchAsync(store, Request("北京"))).Stories);
    }

    [Fact]
    public async Task Marks_the_chinese_words_in_the_snippet()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(await TestStore.CreateAsync(temp, ChineseNewsJsonl));

        var hit = Assert.Single((await SearchAsync(store, Request("逮捕"))).Stories).Articles[0];

        Assert.Equal(["逮捕"], hit.Snippet.Where(p => p.Matched).Select(p => p.Text));
        Assert.Contains("逮捕涉及一起抢劫伤人案", hit.SnippetText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finds_chinese_articles_stored_before_the_han_columns_existed()
    {
        using var temp = new TempDirectory();
        var path = await TestStore.CreateAsync(temp, ChineseNewsJsonl);
        // A store from before the bigram migration: drop its record so the migration runs again over stored articles.
        await TestStore.ExecuteAsync(
            path,
                """
                DROP TRIGGER articles_fts_on_insert; DROP TRIGGER articles_fts_on_delete; DROP TRIGGER articles_fts_on_update;
                DROP TABLE articles_fts; DROP VIEW articles_fts_content;
                ALTER TABLE articles DROP COLUMN han_title; ALTER TABLE articles DROP COLUMN han_text;
                CREATE VIRTUAL TABLE articles_fts USING fts5(display_title, text, source, content = 'articles', content_rowid = 'seq');
                CREATE TRIGGER articles_fts_on_insert AFTER INSERT ON articles BEGIN SELECT 1; END;
                CREATE TRIGGER articles_fts_on_delete AFTER DELETE ON articles BEGIN SELECT 1; END;
                CREATE TRIGGER articles_fts_on_update AFTER UPDATE OF display_title, text, source ON articles BEGIN SELECT 1; END;
                DELETE FROM schema_migrations WHERE name IN ('search-2-han-bigrams', 'search-3-stored-han-columns');
                """);

        await using var store = SqliteArticleStore.Open(path);

        Assert.Equal("quake-zh", Assert.Single((await SearchAsync(store, Request("地震"))).Stories).Articles[0].ArticleId);
        // The stored bigram columns were filled with what the index holds: FTS5 finds the index and its content equal.
        await AssertIndexMatchesContentAsync(path);
    }

    [Fact]
    public async Task Keeps_the_index_in_step_when_a_stored_chinese_article_is_edited()
    {
        using var temp = new TempDirectory();
        var path = await TestStore.CreateAsync(temp, ChineseNewsJsonl);
        await using var store = SqliteArticleStore.Open(path);
        var quake = (await store.GetArticleAsync("quake-zh", TestContext.Current.CancellationToken))!;

        await store.UpdateArticlesAsync([quake with { Text = "印尼苏门答腊岛今天发生海啸，当局正在沿海疏散居民。" }], TestContext.Current.CancellationToken);

        Assert.Empty((await SearchAsync(store, Request("地震 -title:地震"))).Stories);
        Assert.Equal("quake-zh", Assert.Single((await SearchAsync(store, Request("海啸"))).Stories).Articles[0].ArticleId);
        await AssertIndexMatchesContentAsync(path);
    }

    [Fact]
    public async Task Another_program_can_write_articles_without_storyfolds_functions()
    {
        using var temp = new TempDirectory();
        var path = await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl);
        // A plain connection, as the sqlite3 shell or a script would open: no function of Storyfold's is registered.
        await TestStore.ExecuteAsync(
            path,
                """
                INSERT INTO articles (id, story_id, title, display_title, text, captions, original, content_hash, ingested_at)
                VALUES ('ferry-script', 'ferry-script', 'Ferry service resumes', 'Ferry service resumes',
                        'The harbour ferry resumed service on Tuesday. 渡轮 恢复', '[]', '', 'x1', '2024-03-06T00:00:00Z');
                UPDATE articles SET text = 'The harbour ferry resumed its full timetable on Wednesday.' WHERE id = 'ferry-script';
                """);

        await using var store = SqliteArticleStore.Open(path);
        Assert.Equal("ferry-script", Assert.Single((await SearchAsync(store, Request("timetable"))).Stories).Articles[0].ArticleId);
        Assert.Empty((await SearchAsync(store, Request("Tuesday"))).Stories);
        await AssertIndexMatchesContentAsync(path);
    }

    /// <summary>FTS5's own check that every indexed row matches what its content view reads from the articles table.</summary>
    private static Task AssertIndexMatchesContentAsync(string path) =>
        TestStore.ExecuteAsync(path, "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");

    [Fact]
    public async Task Marks_words_in_snippets_ignoring_case_and_accents_and_extending_prefixes()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl + "\n" +
            """{"id":"cafe-news","title":"Café reopens by the river","text":"The riverside CAFÉ reopened on Friday, and its owner thanked the engineers who repaired the quay."}"""));

        var cafe = Assert.Single((await SearchAsync(store, Request("cafe"))).Stories).Articles[0];
        Assert.Equal(["CAFÉ"], cafe.Snippet.Where(p => p.Matched).Select(p => p.Text));

        var prefix = (await SearchAsync(store, Request("engin*"))).Stories.SelectMany(s => s.Articles).ToList();
        Assert.All(prefix, hit => Assert.Contains(hit.Snippet, p => p.Matched && p.Text.StartsWith("engineer", StringComparison.OrdinalIgnoreCase)));
    }
}
