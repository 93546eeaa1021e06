using Storyfold.News;

namespace Storyfold.Storage;

/// <summary>The stories, most recently active first, as the store held them at <paramref name="Mark"/> of its story log.</summary>
public sealed record StoryListing(long Mark, IReadOnlyList<StoryInfo> Stories)
{
    /// <summary>
    /// The stories listed again since the listing this one was refreshed from (some may be gone, merged or emptied);
    /// null when every story was listed.
    /// </summary>
    public IReadOnlyCollection<string>? Relisted { get; init; }

    /// <summary>Those of <see cref="Relisted"/> that still have articles, as listed now (empty for a full listing).</summary>
    public IReadOnlyList<StoryInfo> RelistedStories { get; init; } = [];
}
