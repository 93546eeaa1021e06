using System.Collections.Concurrent;
using Storyfold.Brief;
using Storyfold.News;
using Storyfold.Storage;

namespace Storyfold.Server.Views;

/// <summary>The stories as a reader sees them, listed once per store version and shared by every request.</summary>
public sealed record StoryList(long Version, IReadOnlyList<StoryInfo> Stories, IReadOnlyDictionary<string, StoryInfo> ById)
{
    /// <summary>The store's listing this list shows, from which the next one is refreshed.</summary>
    internal StoryListing? Listing { get; init; }

    /// <summary>The version at which each story was last listed anew, where later than <see cref="ListedAt"/>.</summary>
    internal IReadOnlyDictionary<string, long> ChangedAt { get; init; } = new Dictionary<string, long>();

    /// <summary>The version at which every story was last listed.</summary>
    internal long ListedAt { get; init; }

    /// <summary>The version from which <paramref name="storyId"/>'s details are unchanged.</summary>
    internal long UnchangedSince(string storyId) => ChangedAt.TryGetValue(storyId, out var at) ? at : ListedAt;
}

/// <summary>A story with its articles and brief, as the story page and the API show it.</summary>
public sealed record StoryDetail(StoryInfo Info, IReadOnlyList<Article> Articles, StoryBrief Brief);

/// <summary>
/// Read views over the store, cached by store version: the version moves on every write (by any process), so a cached
/// view is exact, and the hot paths (story lists, briefs) cost one version read while nothing changes. After a write
/// only the stories it touched are listed again and lose their cached brief; the rest are kept.
/// </summary>
public sealed class StoryViews(IArticleStore store, StoreVersion version, BriefProvider briefs)
{
    private const int MaxCachedDetails = 512;

    private readonly SemaphoreSlim _listing = new(1, 1);
    private readonly ConcurrentDictionary<string, (StoryDetail Detail, long BuiltAt)> _details = new(StringComparer.Ordinal);
    private StoryList? _list;

    public long CurrentVersion() => version.Read();

    public async Task<StoryList> StoriesAsync(CancellationToken cancellationToken)
    {
        var current = version.Read();
        if (Volatile.Read(ref _list) is { } cached && cached.Version == current)
        {
            return cached;
        }

        // One request lists the stories while the others wait for its result, instead of all listing at once.
        await _listing.WaitAsync(cancellationToken);
        try
        {
            current = version.Read();
            var earlier = Volatile.Read(ref _list);
            if (earlier is not null && earlier.Version == current)
            {
                return earlier;
            }

            var listing = await store.RefreshStoriesAsync(earlier?.Listing, cancellationToken);
            var list = earlier is not null && ReferenceEquals(listing, earlier.Listing)
                ? earlier with { Version = current }
                : Listed(earlier, listing, current);
            Volatile.Write(ref _list, list);
            return list;
        }
        finally
        {
            _listing.Release();
        }
    }

    /// <summary>The list for a new listing: the earlier list's lookups with the relisted stories replaced, or all anew.</summary>
    private static StoryList Listed(StoryList? earlier, StoryListing listing, long version)
    {
        if (earlier is null || listing.Relisted is null)
        {
            var all = new Dictionary<string, StoryInfo>(listing.Stories.Count, StringComparer.Ordinal);
            foreach (var story in listing.Stories)
            {
                all[story.StoryId] = story;
            }

            return new StoryList(version, listing.Stories, all) { Listing = listing, ListedAt = version };
        }

        var byId = new Dictionary<string, StoryInfo>(earlier.ById, StringComparer.Ordinal);
        var changedAt = new Dictionary<string, long>(earlier.ChangedAt, StringComparer.Ordinal);
        foreach (var id in listing.Relisted)
        {
            byId.Remove(id);
            changedAt[id] = version;
        }

        foreach (var story in listing.RelistedStories)
        {
            byId[story.StoryId] = story;
        }

        return new StoryList(version, listing.Stories, byId) { Listing = listing, ListedAt = earlier.ListedAt, ChangedAt = changedAt };
    }

    /// <summary>The story with its articles and brief, or null when there is no such story.</summary>
    public async Task<StoryDetail?> StoryAsync(string storyId, CancellationToken cancellationToken)
    {
        var list = await StoriesAsync(cancellationToken);
        if (_details.TryGetValue(storyId, out var cached) && cached.BuiltAt >= list.UnchangedSince(storyId))
        {
            return cached.Detail;
        }

        if (!list.ById.TryGetValue(storyId, out var info))
        {
            return null;
        }

        var articles = await store.GetStoryArticlesAsync(storyId, cancellationToken);
        if (articles.Count == 0)
        {
            return null;
        }

        var detail = new StoryDetail(info, articles, briefs.Build(storyId, articles));
        if (_details.Count >= MaxCachedDetails)
        {
            _details.Clear();
        }

        // Read after the list, the articles are at least as new as its version; a later change to the story makes
        // its "unchanged since" later than that, and this entry is built again.
        _details[storyId] = (detail, list.Version);
        return detail;
    }
}
