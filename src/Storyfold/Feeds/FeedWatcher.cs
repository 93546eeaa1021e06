using Microsoft.Extensions.Logging;
using Storyfold.Clustering;
using Storyfold.News;
using Storyfold.Storage;
using Storyfold.Text;

namespace Storyfold.Feeds;

/// <summary>How one poll of one feed went.</summary>
public enum FeedPollOutcome
{
    Updated,
    NotModified,
    Failed,
}

/// <summary>What one poll of one feed did: new and updated articles, warnings, the error if it failed, and the next poll.</summary>
public sealed record FeedPollReport(
    FeedSubscription Feed,
    FeedPollOutcome Outcome,
    int NewArticles,
    int UpdatedArticles,
    IReadOnlyList<string> Warnings,
    string? Error,
    DateTimeOffset NextPollAt);

/// <summary>What one round of polling did across feeds.</summary>
public sealed record WatchRoundReport(int Polled, int NotModified, int Failed, int NewArticles, int UpdatedArticles, int NewStories)
{
    public static readonly WatchRoundReport Empty = new(0, 0, 0, 0, 0, 0);
}

/// <summary>
/// Polls feeds on their own schedules and ingests their items: new items become articles, edited items update theirs,
/// items seen before (here or in another feed) are skipped. Each feed's articles and poll state commit in one transaction.
/// </summary>
public sealed partial class FeedWatcher(
    FeedStore feeds,
    SqliteArticleStore store,
    ArticleCleaner cleaner,
    IStoryAssigner assigner,
    FeedFetcher fetcher,
    PollSchedule schedule,
    FeedPollingOptions options,
    TimeProvider time,
    ILogger<FeedWatcher> logger)
{
    // Ingest steps (look up, clean, assign, commit) run one feed at a time so two feeds carrying the same item cannot both add it.
    private readonly SemaphoreSlim _commitGate = new(1, 1);
    private readonly HostGates _hosts = new(options.PerHostConcurrency);

    /// <summary>Polls every due feed once (every feed when <paramref name="allFeeds"/>), reporting each as it finishes.</summary>
    public async Task<WatchRoundReport> RunRoundAsync(IProgress<FeedPollReport>? progress, bool allFeeds, CancellationToken cancellationToken)
    {
        var due = allFeeds ? await feeds.ListAsync(cancellationToken) : await feeds.DueAsync(time.GetUtcNow(), cancellationToken);
        if (due.Count == 0)
        {
            return WatchRoundReport.Empty;
        }

        var storiesBefore = await feeds.CountStoriesAsync(cancellationToken);
        using var slots = new SemaphoreSlim(options.MaxConcurrency);
        var reports = await Task.WhenAll(due.Select(async feed =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                var report = await PollAsync(feed, cancellationToken);
                progress?.Report(report);
                return report;
            }
            finally
            {
                slots.Release();
            }
        }));
        var storiesAfter = await feeds.CountStoriesAsync(cancellationToken);
        return new WatchRoundReport(
            reports.Length,
            reports.Count(r => r.Outcome == FeedPollOutcome.NotModified),
            reports.Count(r => r.Outcome == FeedPollOutcome.Failed),
            reports.Sum(r => r.NewArticles),
            reports.Sum(r => r.UpdatedArticles),
            Math.Max(0, storiesAfter - storiesBefore));
    }

    /// <summary>Polls round after round until cancelled, sleeping until the next feed is due (re-checking at least every <paramref name="recheck"/>).</summary>
    public async Task RunAsync(IProgress<FeedPollReport>? progress, Action<WatchRoundReport> onRound, TimeSpan recheck, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var round = await RunRoundAsync(progress, allFeeds: false, cancellationToken);
            if (round.Polled > 0)
            {
                onRound(round);
            }

            var next = await feeds.NextDueAsync(cancellationToken);
            var wait = next is { } due ? due - time.GetUtcNow() : recheck;
            // Re-check now and then: feeds added by another process while we sleep get polled promptly.
            wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > recheck ? recheck : wait;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }

    /// <summary>Polls one feed: fetch, parse, ingest what is new or changed, and record the outcome and next poll.</summary>
    public async Task<FeedPollReport> PollAsync(FeedSubscription feed, CancellationToken cancellationToken)
    {
        var host = HostOf(feed.Url);
        FetchResult fetch;
        using (await _hosts.EnterAsync(host, cancellationToken))
        {
            fetch = await fetcher.FetchFeedAsync(feed.Url, feed.State, cancellationToken);
        }

        var now = time.GetUtcNow();
        var polled = feed.State with { LastPolledAt = now, LastStatus = fetch.HttpStatus };
        var warnings = new List<string>();
        if (fetch.Status == FetchStatus.NotModified)
        {
            var state = Succeeded(polled, fetch, now);
            var moved = await MovedAsync(feed, fetch, warnings, cancellationToken);
            await feeds.CommitPollAsync(new FeedPollCommit(feed.Id, state, null, null, [], [], [], [], moved), now, cancellationToken);
            return new FeedPollReport(feed, FeedPollOutcome.NotModified, 0, 0, warnings, null, state.NextPollAt!.Value);
        }

        if (fetch.Status == FetchStatus.Failed)
        {
            return await FailAsync(feed, polled, fetch, fetch.Error ?? "failed", [], now, cancellationToken);
        }

        if (fetch.Truncated)
        {
            warnings.Add($"feed larger than {options.MaxFeedBytes:N0} bytes; read the first {options.MaxFeedBytes:N0}");
        }

        var parsed = FeedParser.Parse(fetch.Body, fetch.Charset, fetch.FinalUrl ?? new Uri(feed.Url));
        warnings.AddRange(parsed.Warnings);
        if (parsed.Feed is not { } document)
        {
            return await FailAsync(feed, polled, fetch, parsed.Error ?? "not a feed", warnings, now, cancellationToken);
        }

        var identities = document.Items.Select(i => FeedItemIdentity.Of(i, feed.ItemScope)).ToList();
        var known = await feeds.FindItemsAsync(identities, cancellationToken);
        var (pages, deferred) = await FetchPagesAsync(document, identities, known, warnings, cancellationToken);

        await _commitGate.WaitAsync(cancellationToken);
        try
        {
            // Look again under the gate: another feed may have brought the same item since.
            known = await feeds.FindItemsAsync(identities, cancellationToken);
            var (fresh, updated, records, merges) = await PrepareAsync(feed, document, identities, known, pages, deferred, warnings, cancellationToken);
            var state = Succeeded(polled, fetch, now, document.Ttl);
            if (deferred.Count > 0)
            {
                // Without validators the next poll gets the whole document again, so the waiting items are not lost to a 304.
                state = state with { ETag = null, LastModified = null };
            }

            var moved = await MovedAsync(feed, fetch, warnings, cancellationToken);
            await feeds.CommitPollAsync(new FeedPollCommit(feed.Id, state, document.Title, document.SiteUrl, fresh, updated, records, merges, moved), now, cancellationToken);
            LogPolled(logger, feed.Url, fresh.Count, updated.Count);
            return new FeedPollReport(feed, FeedPollOutcome.Updated, fresh.Count, updated.Count, warnings, null, state.NextPollAt!.Value);
        }
        finally
        {
            _commitGate.Release();
        }
    }

    private async Task<(List<Article> Fresh, List<Article> Updated, List<FeedItemRecord> Records, IReadOnlyList<StoryMerge> Merges)> PrepareAsync(
        FeedSubscription feed, ParsedFeed document, IReadOnlyList<FeedItemIdentity> identities, IReadOnlyList<KnownFeedItem?> known,
        IReadOnlyDictionary<int, string> pages, IReadOnlySet<int> deferred, List<string> warnings, CancellationToken cancellationToken)
    {
        var candidates = new List<Article>();
        var updated = new List<Article>();
        var records = new List<FeedItemRecord>();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Items.Count; i++)
        {
            var item = document.Items[i];
            var identity = identities[i];
            // The same item twice in one document counts once.
            if (identity.Keys.Any(k => !seenKeys.Add(k)))
            {
                continue;
            }

            var existing = known[i];
            if (deferred.Contains(i) || (existing is not null && existing.Fingerprint == identity.Fingerprint))
            {
                continue;
            }

            var articleId = existing?.ArticleId ?? identity.ArticleId;
            var article = Clean(item, identity with { ArticleId = articleId }, feed, document, pages.GetValueOrDefault(i), i + 1, warnings);
            records.Add(new FeedItemRecord(existing?.ItemId, articleId, identity.Fingerprint, identity.Keys));
            if (article is null)
            {
                continue;
            }

            if (existing is not null && await store.GetArticleAsync(articleId, cancellationToken) is { } storedArticle)
            {
                if (storedArticle.ContentHash != article.ContentHash || storedArticle.Title != article.Title)
                {
                    // An edit keeps the article in its story: the event it reports has not changed.
                    updated.Add(article with { StoryId = storedArticle.StoryId, DuplicateOf = storedArticle.DuplicateOf, Published = article.Published ?? storedArticle.Published });
                }

                continue;
            }

            candidates.Add(article);
        }

        // Drop what the store already has (same id, or the same text from another source) and repeats within this poll.
        var stored = await store.FindStoredAsync(candidates, cancellationToken);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var fresh = candidates.Where(a => !stored.Contains(a.Id) && hashes.Add(a.ContentHash) && ids.Add(a.Id)).ToList();
        if (fresh.Count == 0)
        {
            return ([], updated, records, []);
        }

        var assignment = await assigner.AssignAsync(fresh, cancellationToken);
        return ([.. assignment.Articles], updated, records, assignment.Merges);
    }

    /// <summary>Cleans an item into an article; a fetched page that cannot be read falls back to the feed's own text.</summary>
    private Article? Clean(FeedItem item, FeedItemIdentity identity, FeedSubscription feed, ParsedFeed document, string? page, int index, List<string> warnings)
    {
        if (page is not null && FeedArticles.ToInput(item, identity, feed.Url, document, page) is { } pageInput)
        {
            var fromPage = cleaner.Clean(pageInput);
            if (fromPage.Article is { } pageArticle)
            {
                return pageArticle;
            }

            warnings.Add($"item {index}: linked page unreadable ({fromPage.Problem?.Message}); used the feed's text");
        }

        if (FeedArticles.ToInput(item, identity, feed.Url, document) is not { } input)
        {
            warnings.Add($"item {index} has no title, text or link; skipped");
            return null;
        }

        var cleaned = cleaner.Clean(input);
        if (cleaned.Problem is { } problem)
        {
            warnings.Add($"item {index}: {problem.Message}");
        }

        return cleaned.Article;
    }

    /// <summary>
    /// Fetches the linked pages of new or changed teaser-only items, politely per host and at most
    /// <see cref="FeedPollingOptions.MaxPagesPerPoll"/> of them; the items left waiting are returned as deferred.
    /// </summary>
    private async Task<(IReadOnlyDictionary<int, string> Pages, IReadOnlySet<int> Deferred)> FetchPagesAsync(
        ParsedFeed document, IReadOnlyList<FeedItemIdentity> identities, IReadOnlyList<KnownFeedItem?> known,
        List<string> warnings, CancellationToken cancellationToken)
    {
        if (!options.FetchLinkedPages)
        {
            return (new Dictionary<int, string>(), new HashSet<int>());
        }

        var wanted = Enumerable.Range(0, document.Items.Count)
            .Where(i => (known[i] is null || known[i]!.Fingerprint != identities[i].Fingerprint) && FeedArticles.NeedsPage(document.Items[i]))
            .ToList();
        // Feeds list their newest items first: those are read now, the rest on later polls.
        var deferred = wanted.Skip(Math.Max(0, options.MaxPagesPerPoll)).ToHashSet();
        if (deferred.Count > 0)
        {
            warnings.Add($"{deferred.Count} teaser items wait for the next poll: at most {options.MaxPagesPerPoll} linked pages are fetched per poll");
            wanted = wanted.Take(options.MaxPagesPerPoll).ToList();
        }

        var fetched = await Task.WhenAll(wanted.Select(async i =>
        {
            var link = document.Items[i].Link!;
            FetchResult page;
            using (await _hosts.EnterAsync(HostOf(link), cancellationToken))
            {
                page = await fetcher.FetchPageAsync(link, cancellationToken);
            }

            if (page.Status != FetchStatus.Ok)
            {
                return (i, Html: (string?)null, Warning: (string?)$"item {i + 1}: cannot fetch the linked page {link}: {page.Error}; used the summary");
            }

            var warning = page.Truncated ? $"item {i + 1}: linked page larger than {options.MaxPageBytes:N0} bytes; read the first {options.MaxPageBytes:N0}" : null;
            return (i, Html: PageText.Decode(page.Body, page.Charset), Warning: warning);
        }));
        var pages = new Dictionary<int, string>();
        foreach (var (i, html, warning) in fetched)
        {
            if (warning is not null)
            {
                warnings.Add(warning);
            }

            if (html is not null)
            {
                pages[i] = html;
            }
        }

        return (pages, deferred);
    }

    /// <summary>The state after a good poll; the next poll waits for the longer of the server's max-age and the feed's own ttl.</summary>
    private FeedPollState Succeeded(FeedPollState polled, FetchResult fetch, DateTimeOffset now, TimeSpan? ttl = null) => polled with
    {
        ETag = fetch.ETag,
        LastModified = fetch.LastModified,
        LastSuccessAt = now,
        Failures = 0,
        NextPollAt = schedule.AfterSuccess(now, ttl is { } t && (fetch.MaxAge is null || t > fetch.MaxAge) ? t : fetch.MaxAge, fetch.RetryAfter),
    };

    private async Task<FeedPollReport> FailAsync(
        FeedSubscription feed, FeedPollState polled, FetchResult fetch, string error, IReadOnlyList<string> warnings, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var failures = polled.Failures + 1;
        var state = polled with
        {
            LastError = error,
            LastErrorAt = now,
            Failures = failures,
            NextPollAt = schedule.AfterFailure(now, failures, fetch.RetryAfter),
        };
        await feeds.CommitPollAsync(new FeedPollCommit(feed.Id, state, null, null, [], [], [], []), now, cancellationToken);
        LogFailed(logger, feed.Url, error, failures);
        return new FeedPollReport(feed, FeedPollOutcome.Failed, 0, 0, warnings, error, state.NextPollAt!.Value);
    }

    /// <summary>The feed's new address when it moved for good and no other subscription follows that address already.</summary>
    private async Task<string?> MovedAsync(FeedSubscription feed, FetchResult fetch, List<string> warnings, CancellationToken cancellationToken)
    {
        if (fetch.MovedPermanentlyTo?.AbsoluteUri is not { } moved || moved == feed.Url)
        {
            return null;
        }

        if (await feeds.FindAsync(moved, cancellationToken) is { } other && other.Id != feed.Id)
        {
            warnings.Add($"moved permanently to {moved}, which is already followed (feed {other.Id}); this subscription is left as it is");
            return null;
        }

        warnings.Add($"moved permanently to {moved}; following it there from now on");
        return moved;
    }

    private static string HostOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority.ToLowerInvariant() : url;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Polled {Url}: {New} new, {Updated} updated")]
    private static partial void LogPolled(ILogger logger, string url, int @new, int updated);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Poll of {Url} failed ({Failures} in a row): {Error}")]
    private static partial void LogFailed(ILogger logger, string url, string error, int failures);
}
