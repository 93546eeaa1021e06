using Storyfold.News;

namespace Storyfold.Tests.Support;

/// <summary>Articles already assigned to a story, for tests that write a store directly (no cleaning, no clustering).</summary>
public static class StoredArticles
{
    /// <summary>An article of <paramref name="storyId"/>; without <paramref name="text"/> its title and text name its id.</summary>
    public static Article Make(string id, string storyId, string? published, string source, string? text = null) => new()
    {
        Id = id,
        StoryId = storyId,
        Title = text is null ? $"Headline of {id}" : text[..30],
        DisplayTitle = text is null ? $"Headline of {id}" : text[..30],
        Published = PublicationDate.TryParseIso(published),
        Source = source,
        Language = text is null ? null : "en",
        Text = text ?? $"Text of {id}.",
        Original = text ?? $"Text of {id}.",
        ContentHash = $"hash-{id}",
    };
}
