using Storyfold.News;

namespace Storyfold.Clustering;

/// <summary>Decides, as articles arrive, which story each joins and whether it duplicates an earlier copy.</summary>
public interface IStoryAssigner
{
    /// <summary>Returns the batch with <see cref="Article.StoryId"/> (and <see cref="Article.DuplicateOf"/> where it applies) set.</summary>
    Task<IReadOnlyList<Article>> AssignAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken);
}

/// <summary>Until clustering is in place: every article is a story of its own.</summary>
public sealed class OwnStoryAssigner : IStoryAssigner
{
    public Task<IReadOnlyList<Article>> AssignAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Article>>(articles.Select(a => a with { StoryId = a.Id }).ToList());
}
