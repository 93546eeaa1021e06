using Storyfold.Feeds;

namespace Storyfold.Tests.Feeds;

public sealed class FeedWatcherTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task New_items_arrive_as_articles_on_the_next_poll()
    {
        await using var fixture = new WatchFixture();
        fixture.Server.Set("world.rss", new() { Body = FeedFixtures.Rss("World", 1, 2) });
        await fixture.AddAsync("world.rss");
        var watcher = fixture.Watcher();

        var first = await watcher.RunRoundAsync(null, false, Token);
        Assert.Equal(2, first.NewArticles);
        Assert.Equal(2, first.NewStories);

        fixture.Server.Set("world.rss", new() { Body = FeedFixtures.Rss("World", 1, 2, 3) });
        var early = await watcher.RunRoundAsync(null, false, Token);
        Assert.Equal(0, early.Polled); // not due yet: the interval is ten minutes

        fixture.Time.Advance(TimeSpan.FromMinutes(11));
        var second = await watcher.RunRoundAsync(null, false, Token);
        Assert.Equal(1, second.Polled);
        Assert.Equal(1, second.NewArticles);
        Assert.Equal(3, await fixture.ArticlesAsync());
        var feed = await fixture.FeedAsync("world.rss");
        Assert.Equal(3, feed.Items);
        Assert.Equal("World", feed.Title);
        Assert.Equal(fixture.Time.GetUtcNow(), feed.State.LastSuccessAt);
        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(10), feed.State.NextPollAt);
    }

    [Fact]
    public async Task Unchanged_feed_answers_304_and_nothing_is_ingested_again()
    {
        await using var fixture = new WatchFixture();
        fixture.Server.Set("a.rss", new() { Body = FeedFixtures.Rss("A", 1, 2, 3), ETag = "\"v1\"" });
        // A server that ignores validators and sends the same document again.
        fixture.Server.Set("b.rss", new() { Body = FeedFixtures.Rss("B", 4, 5) });
        await fixture.AddAsync("a.rss");
        await fixture.AddAsync("b.rss");
        var watcher = fixture.Watcher();
        Assert.Equal(5, (await watcher.RunRoundAsync(null, false, Token)).NewArticles);

        fixture.Time.Advance(TimeSpan.FromHours(1));
        var again = await watcher.RunRoundAsync(null, false, Token);

        Assert.Equal(2, again.Polled);
        Assert.Equal(1, again.NotModified);
        Assert.Equal(0, again.NewArticles);
        Assert.Equal(0, again.UpdatedArticles);
        Assert.Equal(5, await fixture.ArticlesAsync());
        var second = fixture.Server.RequestsFor("a.rss")[1];
        Assert.Equal("\"v1\"", second.IfNoneMatch);
        Assert.Equal(304, second.Status);
        Assert.Equal("\"v1\"", (await fixture.FeedAsync("a.rss")).State.ETag);
    }

    [Fact]
    public async Task A_feed_that_fails_five_times_backs_off_exponentially_with_a_cap()
    {
        await using var fixture = new WatchFixture();
        fixture.Server.Set("down.rss", new() { Status = 503, Body = "down", ContentType = "text/plain" });
        await fixture.AddAsync("down.rss");
        var options = WatchFixture.FastOptions with { MaxBackoff = TimeSpan.FromHours(2) };
        var watcher = fixture.Watcher(options);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            var report = await watcher.PollAsync(await fixture.FeedAsync("down.rss"), Token);
            Assert.Equal(FeedPollOutcome.Failed, report.Outcome);
            waits.Add(report.NextPollAt - fixture.Time.GetUtcNow());
            fixture.Time.Advance(report.NextPollAt - fixture.Time.GetUtcNow());
        }

        var feed = await fixture.FeedAsync("down.rss");
        Assert.Equal(6, feed.State.Failures);
        Assert.Contains("503", feed.State.LastError);
        Assert.Null(feed.State.LastSuccessAt);
        // 10, 20, 40, 80 minutes, then capped at two hours; each within the ±15% jitter.
        double[] expected = [10, 20, 40, 80, 120, 120];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.InRange(waits[i].TotalMinutes, expected[i] * 0.85, expected[i] * 1.15);
        }

        Assert.True(waits[4] > waits[0] * 8, "the fifth failure waits much longer than the first");

        // Once the server is back, one success resets the failures.
        fixture.Server.Set("down.rss", new() { Body = FeedFixtures.Rss("Back", 1) });
        var recovered = await watcher.PollAsync(await fixture.FeedAsync("down.rss"), Token);
        Assert.Equal(FeedPollOutcome.Updated, recovered.Outcome);
        Assert.Equal(0, (await fixture.FeedAsync("down.rss")).State.Failures);
    }

    [Fact]
    public async Task Jitter_comes_from_the_injected_random_source()
    {
        var options = WatchFixture.FastOptions;
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var a = new PollSchedule(options, new Random(1)).AfterFailure(now, 3, null);
        var b = new PollSchedule(options, new Random(1)).AfterFailure(now, 3, null);
        var c = new PollSchedule(options, new Random(2)).AfterFailure(now, 3, null);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public async Task Cache_control_max_age_and_retry_after_push_the_next_poll_out()
    {
        await using var fixture = new WatchFixture();
        fixture.Server.Set("cached.rss", new()
        {
            Body = FeedFixtures.Rss("Cached", 1),
            Headers = new Dictionary<string, string> { ["Cache-Control"] = "public, max-age=3600" },
        });
        fixture.Server.Set("busy.rss", new()
        {
            Status = 429, Body = "slow down", ContentType = "text/plain",
            Headers = new Dictionary<string, string> { ["Retry-After"] = "7200" },
        });
        var watcher = fixture.Watcher();

        var cached = await watcher.PollAsync(await fixture.AddAsync("cached.rss"), Token);
        var busy = await watcher.PollAsync(await fixture.AddAsync("busy.rss"), Token);

        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromHours(1), cached.NextPollAt);
        Assert.Equal(FeedPollOutcome.Failed, busy.Outcome);
        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromHours(2), busy.NextPollAt);
    }

    [Fact]
    public async Task A_feeds_own_ttl_spaces_out_its_polls()
    {
        await using var fixture = new WatchFixture();
        fixture.Server.Set("ttl.rss", new() { Body = FeedFixtures.Rss("Slow news", 1).Replace("<title>Slow news</title>", "<title>Slow news</title><ttl>90</ttl>", StringComparison.Ordinal) });

        var report = await fixture.Watcher().PollAsync(await fixture.AddAsync("ttl.rss"), Token);

        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(90), report.NextPollAt);
    }

    [Fact]
    public async Task A_slow_server_times_out_and_the_feed_is_marked_failed()
    {
        await using var fixture = new WatchFixture();
        fixture.Server.Set("slow.rss", new() { Body = FeedFixtures.Rss("Slow", 1), Delay = TimeSpan.FromSeconds(10) });
        fixture.Server.Set("fast.rss", new() { Body = FeedFixtures.Rss("Fast", 2) });
        await fixture.AddAsync("slow.rss");
        await fixture.AddAsync("fast.rss");
        var watcher = fixture.Watcher(WatchFixture.FastOptions with { RequestTimeout = TimeSpan.FromMilliseconds(400) });

        var started = System.Diagnostics.Stopwatch.StartNew();
        var round = await watcher.RunRoundAsync(null, false, Token);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(8), $"the round took {started.Elapsed}; the slow server answers after 10s");
        Assert.Equal(1, round.Failed);
        Assert.Equal(1, round.NewArticles);
        Assert.Contains("timed out", (await fixture.FeedAsync("slow.rss")).State.LastError);
    }

    [Fact]
    public async Task An_oversized_feed_is_cut_with_a_warning_and_the_items_before_the_cut_are_kept()
    {
        await using var fixture = new WatchFixture();
        var body = FeedFixtures.Rss("Big", Enumerable.Range(1, 40).ToArray());
        fixture.Server.Set("big.rss", new() { Body = body });
        var feed = await fixture.AddAsync("big.rss");
        var options = WatchFixture.FastOptions with { MaxFeedBytes = body.Length / 4 };

        var report = await fixture.Watcher(options).PollAsync(feed, Token);

        Assert.Equal(FeedPollOutcome.Updated, report.Outcome);
        Assert.Contains(report.Warnings, w => w.Contains("larger than", StringComparison.Ordinal));
        Assert.InRange(report.NewArticles, 3, 12);
        Assert.Equal(report.NewArticles, await fixture.ArticlesAsync());
    }

    [Fact]
    public async Task A_malformed_feed_gives_a_warning_and_the_other_feeds_still_update()
    {
        await using var fixture = new WatchFixture();
        fixture.Server.Set("garbage.rss", new() { Body = "<html><body>Oops, this is an error page</body></html>", ContentType = "text/html" });
        fixture.Server.Set("broken.rss", new() { Body = FeedFixtures.Rss("Broken", 1, 2).Replace("</item>\n</channel>", "</item>\n<item><title>cut", StringComparison.Ordinal) });
        fixture.Server.Set("good.rss", new() { Body = FeedFixtures.Rss("Good", 3, 4) });
        await fixture.AddAsync("garbage.rss");
        await fixture.AddAsync("broken.rss");
        await fixture.AddAsync("good.rss");
        var reports = new List<FeedPollReport>();

        var round = await fixture.Watcher().RunRoundAsync(new SyncProgress<FeedPollReport>(reports.Add), false, Token);

        Assert.Equal(3, round.Polled);
        Assert.Equal(1, round.Failed);
        var garbage = reports.Single(r => r.Feed.Url.EndsWith("garbage.rss", StringComparison.Ordinal));
        Assert.Contains("not a feed", garbage.Error);
        var broken = reports.Single(r => r.Feed.Url.EndsWith("broken.rss", StringComparison.Ordinal));
        Assert.Equal(FeedPollOutcome.Updated, broken.Outcome);
        Assert.Contains(broken.Warnings, w => w.Contains("not well-formed", StringComparison.Ordinal));
        Assert.Equal(2, broken.NewArticles);
        Assert.Equal(4, await fixture.ArticlesAsync());
    }

    [Fact]
    public async Task An_item_moved_to_another_feed_is_not_ingested_twice()
    {
        await using var fixture = new WatchFixture();
        fixture.Server.Set("first.rss", new() { Body = FeedFixtures.Rss("First", 1, 2) });
        var tracked = FeedFixtures.NewsItem(2) with { Guid = "other-feeds-own-id-2", Link = "https://NEWS.example.org:443/story/2?utm_source=rss&utm_medium=feed#top" };
        fixture.Server.Set("second.rss", new() { Body = FeedFixtures.Rss("Second", [tracked, FeedFixtures.NewsItem(5)]) });
        await fixture.AddAsync("first.rss");
        await fixture.AddAsync("second.rss");

        var round = await fixture.Watcher().RunRoundAsync(null, false, Token);

        Assert.Equal(3, round.NewArticles);
        Assert.Equal(3, await fixture.ArticlesAsync());
    }

    [Fact]
    public async Task A_feed_that_moved_for_good_is_followed_at_its_new_address_without_ingesting_twice()
    {
        await using var fixture = new WatchFixture();
        // Short GUIDs and no links: the items are known only by their GUIDs, scoped by the feed they came from.
        static FeedFixtures.Item Numbered(int n) => FeedFixtures.NewsItem(n) with { Guid = n.ToString(System.Globalization.CultureInfo.InvariantCulture), Link = null };
        fixture.Server.Set("old.rss", new() { Status = 301, Body = "moved", ContentType = "text/plain", Headers = new Dictionary<string, string> { ["Location"] = "/hop.rss" } });
        fixture.Server.Set("hop.rss", new() { Status = 308, Body = "moved", ContentType = "text/plain", Headers = new Dictionary<string, string> { ["Location"] = fixture.Server.Url("new.rss") } });
        fixture.Server.Set("new.rss", new() { Body = FeedFixtures.Rss("Moved", [Numbered(1), Numbered(2)]) });
        var subscribed = await fixture.AddAsync("old.rss");
        var watcher = fixture.Watcher();

        var first = await watcher.PollAsync(subscribed, Token);

        Assert.Equal(2, first.NewArticles);
        Assert.Contains(first.Warnings, w => w.Contains("moved permanently to " + fixture.Server.Url("new.rss"), StringComparison.Ordinal));
        var moved = (await fixture.Feeds.FindAsync(subscribed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Token))!;
        Assert.Equal(fixture.Server.Url("new.rss"), moved.Url);
        Assert.Equal(fixture.Server.Url("old.rss"), moved.IdentityUrl);

        fixture.Server.Set("old.rss", new() { Status = 410, Body = "gone", ContentType = "text/plain" });
        fixture.Server.Set("new.rss", new() { Body = FeedFixtures.Rss("Moved", [Numbered(1), Numbered(2), Numbered(3)]) });
        fixture.Time.Advance(TimeSpan.FromHours(1));
        var second = await watcher.PollAsync(moved, Token);

        Assert.Equal(FeedPollOutcome.Updated, second.Outcome);
        Assert.Equal(1, second.NewArticles);
        Assert.Equal(3, await fixture.ArticlesAsync());
        // Same text would be caught as a duplicate anyway; the item records show the items kept their identities.
        Assert.Equal(3, (await fixture.Feeds.FindAsync(fixture.Server.Url("new.rss"), Token))!.Items);
        Assert.Single(fixture.Server.RequestsFor("old.rss"));
        Assert.Empty(second.Warnings);
    }

    [Fact]
    public async Task A_temporary_redirect_is_followed_but_the_subscription_keeps_its_address()
    {
        await using var fixture = new WatchFixture();
        fixture.Server.Set("feed.rss", new() { Status = 302, Body = "elsewhere", ContentType = "text/plain", Headers = new Dictionary<string, string> { ["Location"] = "/mirror.rss" } });
        fixture.Server.Set("mirror.rss", new() { Body = FeedFixtures.Rss("Mirror", 1, 2) });
        var feed = await fixture.AddAsync("feed.rss");

        var report = await fixture.Watcher().PollAsync(feed, Token);

        Assert.Equal(2, report.NewArticles);
        Assert.Empty(report.Warnings);
        Assert.Equal(fixture.Server.Url("feed.rss"), (await fixture.FeedAsync("feed.rss")).Url);
    }

    [Fact]
    public async Task A_redirect_loop_fails_the_poll_with_a_reason()
    {
        await using var fixture = new WatchFixture();
        fixture.Server.Set("a.rss", new() { Status = 301, Body = "", ContentType = "text/plain", Headers = new Dictionary<string, string> { ["Location"] = "/b.rss" } });
        fixture.Server.Set("b.rss", new() { Status = 301, Body = "", ContentType = "text/plain", Headers = new Dictionary<string, string> { ["Location"] = "/a.rss" } });
        var feed = await fixture.AddAsync("a.rss");

        var report = await fixture.Watcher().PollAsync(feed, Token);

        Assert.Equal(FeedPollOutcome.Failed, report.Outcome);
        Assert.Contains("redirects", report.Error, StringComparison.Ordinal);
        Assert.Equal(fixture.Server.Url("a.rss"), (await fixture.FeedAsync("a.rss")).Url);
    }

    [Fact]
    public async Task An_edited_item_updates_its_article_and_keeps_its_story()
    {
        await using var fixture = new WatchFixture();
        fixture.Server.Set("live.rss", new() { Body = FeedFixtures.Rss("Live", 1) });
        var feed = await fixture.AddAsync("live.rss");
        var watcher = fixture.Watcher();
        await watcher.PollAsync(feed, Token);
        var before = await fixture.Store.ListArticlesAsync(Token).SingleAsync(Token);

        var edited = FeedFixtures.NewsItem(1) with
        {
            Title = "Report 1 (updated): terminal approved",
            Body = FeedFixtures.Body(1) + "\n\nUpdate: the minister confirmed the decision in a statement on Wednesday evening.",
        };
        fixture.Server.Set("live.rss", new() { Body = FeedFixtures.Rss("Live", [edited]) });
        var report = await watcher.PollAsync(await fixture.FeedAsync("live.rss"), Token);

        Assert.Equal(0, report.NewArticles);
        Assert.Equal(1, report.UpdatedArticles);
        var after = await fixture.Store.GetArticleAsync(before.Id, Token);
        Assert.NotNull(after);
        Assert.Equal("Report 1 (updated): terminal approved", after.Title);
        Assert.Contains("minister confirmed", after.Text, StringComparison.Ordinal);
        Assert.Equal(before.StoryId, after.StoryId);
        Assert.Equal(1, await fixture.ArticlesAsync());
    }

    [Fact]
    public async Task A_teaser_only_item_fetches_its_linked_page_with_a_descriptive_user_agent()
    {
        await using var fixture = new WatchFixture();
        var page = "<html><head><title>Dam inspection</title></head><body><article><h1>Dam inspection ordered</h1>" +
            "<p>Engineers will inspect the Upper Lake dam next week after residents reported cracks in the spillway, the water board said.</p>" +
            "<p>The board said the dam was safe but that it would publish the inspection report in full.</p></article></body></html>";
        fixture.Server.Set("pages/dam.html", new() { Body = page, ContentType = "text/html; charset=utf-8" });
        var teaser = new FeedFixtures.Item("dam-1", "Dam inspection ordered", "", fixture.Server.Url("pages/dam.html"),
            Summary: "Engineers will inspect the Upper Lake dam next week.");
        fixture.Server.Set("teasers.rss", new() { Body = FeedFixtures.Rss("Teasers", [teaser]) });
        var feed = await fixture.AddAsync("teasers.rss");

        var report = await fixture.Watcher().PollAsync(feed, Token);

        var fetched = Assert.Single(fixture.Server.RequestsFor("pages/dam.html"));
        Assert.StartsWith("Storyfold/", fetched.UserAgent, StringComparison.Ordinal);
        Assert.Contains("+http", fetched.UserAgent, StringComparison.Ordinal);
        Assert.Equal(1, report.NewArticles);
        var article = await fixture.Store.ListArticlesAsync(Token).SingleAsync(Token);
        Assert.Equal("Dam inspection ordered", article.Title);
        Assert.Contains("Upper Lake dam", article.Text, StringComparison.Ordinal);
        // The body comes from the page through the extractor, not from the one-line teaser.
        Assert.Contains("publish the inspection report in full", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linked_pages_are_capped_per_poll_and_the_waiting_teasers_come_on_the_next_poll()
    {
        await using var fixture = new WatchFixture();
        var teasers = new List<FeedFixtures.Item>();
        for (var n = 1; n <= 5; n++)
        {
            var body = FeedFixtures.Body(n);
            fixture.Server.Set($"pages/{n}.html", new()
            {
                Body = $"<html><head><title>Page {n}</title></head><body><article><h1>Page {n}</h1><p>{body.Replace("\n\n", "</p><p>", StringComparison.Ordinal)}</p></article></body></html>",
                ContentType = "text/html; charset=utf-8",
            });
            teasers.Add(new FeedFixtures.Item($"teaser-{n}", $"Page {n}", "", fixture.Server.Url($"pages/{n}.html"), Summary: $"Teaser {n}."));
        }

        fixture.Server.Set("teasers.rss", new() { Body = FeedFixtures.Rss("Teasers", teasers), ETag = "\"same\"" });
        var feed = await fixture.AddAsync("teasers.rss");
        var watcher = fixture.Watcher(WatchFixture.FastOptions with { MaxPagesPerPoll = 3 });

        var first = await watcher.PollAsync(feed, Token);

        Assert.Equal(3, first.NewArticles);
        Assert.Contains(first.Warnings, w => w.StartsWith("2 teaser items wait for the next poll", StringComparison.Ordinal));
        Assert.Equal(3, Enumerable.Range(1, 5).Count(n => fixture.Server.RequestsFor($"pages/{n}.html").Count > 0));

        fixture.Time.Advance(TimeSpan.FromHours(1));
        var second = await watcher.PollAsync(await fixture.FeedAsync("teasers.rss"), Token);

        // The feed did not change, yet it is read again in full (no If-None-Match) so the waiting items are not lost.
        Assert.Null(fixture.Server.RequestsFor("teasers.rss")[1].IfNoneMatch);
        Assert.Equal(2, second.NewArticles);
        Assert.Empty(second.Warnings);
        Assert.Equal(5, await fixture.ArticlesAsync());
        Assert.All(Enumerable.Range(1, 5), n => Assert.Single(fixture.Server.RequestsFor($"pages/{n}.html")));
        var texts = (await fixture.Store.ListArticlesAsync(Token).ToListAsync(Token)).Select(a => a.Text).ToList();
        Assert.All(texts, text => Assert.DoesNotContain("Teaser", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requests_to_one_host_are_limited_to_the_per_host_concurrency()
    {
        await using var fixture = new WatchFixture();
        for (var i = 0; i < 6; i++)
        {
            fixture.Server.Set($"f{i}.rss", new() { Body = FeedFixtures.Rss($"F{i}", 10 + i), Delay = TimeSpan.FromMilliseconds(150) });
            await fixture.AddAsync($"f{i}.rss");
        }

        var round = await fixture.Watcher(WatchFixture.FastOptions with { PerHostConcurrency = 2, MaxConcurrency = 6 }).RunRoundAsync(null, false, Token);

        Assert.Equal(6, round.NewArticles);
        Assert.InRange(fixture.Server.MaxInFlight, 1, 2);
    }

    [Fact]
    public async Task Poll_state_survives_a_restart_of_the_store()
    {
        await using var fixture = new WatchFixture();
        fixture.Server.Set("etag.rss", new() { Body = FeedFixtures.Rss("E", 1), ETag = "\"abc\"" });
        await fixture.AddAsync("etag.rss");
        await fixture.Watcher().RunRoundAsync(null, false, Token);

        await using var reopened = Storyfold.Storage.SqliteArticleStore.Open(fixture.DbPath, fixture.Time);
        var feed = (await new FeedStore(reopened).ListAsync(Token)).Single();

        Assert.Equal("\"abc\"", feed.State.ETag);
        Assert.Equal(1, feed.Items);
        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(10), feed.State.NextPollAt);
    }

    /// <summary>Reports synchronously, so the test sees every report before the round returns.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _lock = new();

        public void Report(T value)
        {
            lock (_lock)
            {
                report(value);
            }
        }
    }
}
