using Storyfold.News;

namespace Storyfold.Storage;

/// <summary>Where articles and their story assignments are kept.</summary>
public interface IArticleStore : IAsyncDisposable
{
    /// <summary>Of the given articles, those whose id or content is already stored (by id).</summary>
    Task<IReadOnlySet<string>> FindStoredAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken);

    /// <summary>Stores a batch in one transaction: all of it or, if the process dies, none of it.</summary>
    Task SaveBatchAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken);

    /// <summary>Replaces the content of stored articles (an edited feed item), keeping their story and duplicate link.</summary>
    Task UpdateArticlesAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken);

    Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every article in publication order (undated last), then in ingest order.</summary>
    IAsyncEnumerable<Article> ListArticlesAsync(CancellationToken cancellationToken);

    Task<int> CountArticlesAsync(CancellationToken cancellationToken);

    /// <summary>Stories, most recently active first.</summary>
    Task<IReadOnlyList<StoryInfo>> ListStoriesAsync(CancellationToken cancellationToken);

    /// <summary>The articles of a story in publication order; empty when there is no such story.</summary>
    Task<IReadOnlyList<Article>> GetStoryArticlesAsync(string storyId, CancellationToken cancellationToken);
}
