using Storyfold.News;

namespace Storyfold.Clustering;

/// <summary>A batch with its stories decided, and the stories that merged while deciding them (stored together).</summary>
public sealed record StoryAssignment(IReadOnlyList<Article> Articles, IReadOnlyList<StoryMerge> Merges);

/// <summary>Decides, as articles arrive, which story each joins and whether it duplicates an earlier copy.</summary>
public interface IStoryAssigner
{
    /// <summary>
    /// Returns the batch, in the order it should be stored, with <see cref="Article.StoryId"/> (and
    /// <see cref="Article.DuplicateOf"/> where it applies) set, plus any story merges to record with it.
    /// </summary>
    Task<StoryAssignment> AssignAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="AssignAsync"/>, for the batch that follows <paramref name="saving"/> (what the previous call
    /// returned) while that batch is still being stored: the assigner counts it as stored, so assigning one batch and
    /// storing the one before can overlap. Optional; by default the same as <see cref="AssignAsync"/>.
    /// </summary>
    Task<StoryAssignment> AssignNextAsync(IReadOnlyList<Article> articles, StoryAssignment saving, CancellationToken cancellationToken) =>
        AssignAsync(articles, cancellationToken);

    /// <summary>
    /// Does the part of assigning that needs no story state (reading each article's features), on any thread and ahead
    /// of <see cref="AssignAsync"/>, so that it overlaps with the assignment of the batch before; optional.
    /// </summary>
    void Prepare(IReadOnlyList<Article> articles)
    {
    }

    /// <summary>Gets the story state ready now (a server does this at start), so the first batch does not wait for it; optional.</summary>
    Task WarmAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Every article a story of its own (for tests and tools that want no clustering).</summary>
public sealed class OwnStoryAssigner : IStoryAssigner
{
    public Task<StoryAssignment> AssignAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken) =>
        Task.FromResult(new StoryAssignment(articles.Select(a => a with { StoryId = a.Id }).ToList(), []));
}
