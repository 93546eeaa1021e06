using Storyfold.News;

namespace Storyfold.Storage;

/// <summary>Where articles and their story assignments are kept.</summary>
public interface IArticleStore : IAsyncDisposable
{
    /// <summary>Of the given articles, those whose id or content is already stored (by id).</summary>
    Task<IReadOnlySet<string>> FindStoredAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken);

    /// <summary>Stores a batch in one transaction: all of it or, if the process dies, none of it.</summary>
    Task SaveBatchAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken) =>
        SaveBatchAsync(articles, [], cancellationToken);

    /// <summary>
    /// Stores a batch and the story merges decided with it in one transaction: merged stories' articles move to the
    /// survivor and the merged id is kept as an alias of it.
    /// </summary>
    Task SaveBatchAsync(IReadOnlyList<Article> articles, IReadOnlyList<StoryMerge> merges, CancellationToken cancellationToken);

    /// <summary>The store's latest ingest sequence number (0 when empty): it moves whenever anyone stores articles.</summary>
    Task<long> GetLastSequenceAsync(CancellationToken cancellationToken);

    /// <summary>The <paramref name="count"/> most recently stored articles, oldest first, in the order they were stored.</summary>
    IAsyncEnumerable<Article> ListRecentArticlesAsync(int count, CancellationToken cancellationToken);

    /// <summary>The story an id stands for now: itself, or the story it was merged into.</summary>
    Task<string> ResolveStoryIdAsync(string storyId, CancellationToken cancellationToken);

    /// <summary>Replaces the content of stored articles (an edited feed item), keeping their story and duplicate link.</summary>
    Task UpdateArticlesAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken);

    Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every article in publication order (undated last), then in ingest order.</summary>
    IAsyncEnumerable<Article> ListArticlesAsync(CancellationToken cancellationToken);

    Task<int> CountArticlesAsync(CancellationToken cancellationToken);

    /// <summary>Stories, most recently active first.</summary>
    Task<IReadOnlyList<StoryInfo>> ListStoriesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The stories, most recently active first: <paramref name="previous"/> itself when nothing changed since, else a new
    /// listing, refreshed from it by listing only the changed stories again where the store can say which those are.
    /// </summary>
    Task<StoryListing> RefreshStoriesAsync(StoryListing? previous, CancellationToken cancellationToken);

    /// <summary>The articles of a story (or of the story a merged-away id resolves to) in publication order; empty when there is no such story.</summary>
    Task<IReadOnlyList<Article>> GetStoryArticlesAsync(string storyId, CancellationToken cancellationToken);
}
