using System.Collections.Concurrent;
using Storyfold.Brief;
using Storyfold.News;
using Storyfold.Storage;

namespace Storyfold.Server.Views;

/// <summary>The stories as a reader sees them, listed once per store version and shared by every request.</summary>
public sealed record StoryList(long Version, IReadOnlyList<StoryInfo> Stories, IReadOnlyDictionary<string, StoryInfo> ById);

/// <summary>A story with its articles and brief, as the story page and the API show it.</summary>
public sealed record StoryDetail(StoryInfo Info, IReadOnlyList<Article> Articles, StoryBrief Brief);

/// <summary>
/// Read views over the store, cached by store version: the version moves on every write (by any process), so a cached
/// view is exact, and the hot paths (story lists, briefs) cost one version read while nothing changes.
/// </summary>
public sealed class StoryViews(IArticleStore store, StoreVersion version, BriefProvider briefs)
{
    private const int MaxCachedDetails = 512;

    private readonly SemaphoreSlim _listing = new(1, 1);
    private readonly ConcurrentDictionary<string, StoryDetail> _details = new(StringComparer.Ordinal);
    private StoryList? _list;
    private long _detailsVersion = -1;

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
            if (Volatile.Read(ref _list) is { } fresh && fresh.Version == current)
            {
                return fresh;
            }

            var stories = await store.ListStoriesAsync(cancellationToken);
            var byId = new Dictionary<string, StoryInfo>(stories.Count, StringComparer.Ordinal);
            foreach (var story in stories)
            {
                byId[story.StoryId] = story;
            }

            var list = new StoryList(current, stories, byId);
            Volatile.Write(ref _list, list);
            return list;
        }
        finally
        {
            _listing.Release();
        }
    }

    /// <summary>The story with its articles and brief, or null when there is no such story.</summary>
    public async Task<StoryDetail?> StoryAsync(string storyId, CancellationToken cancellationToken)
    {
        var list = await StoriesAsync(cancellationToken);
        if (Interlocked.Exchange(ref _detailsVersion, list.Version) != list.Version)
        {
            _details.Clear();
        }

        if (_details.TryGetValue(storyId, out var cached))
        {
            return cached;
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

        _details[storyId] = detail;
        return detail;
    }
}
