namespace Storyfold.News;

/// <summary>One story as listed: its headline, size and time span.</summary>
public sealed record StoryInfo(
    string StoryId,
    string Headline,
    int Articles,
    int Sources,
    PublicationDate? FirstPublished,
    PublicationDate? LastPublished)
{
    /// <summary>The latest publication's sort key (null when no article is dated): the listing's first order.</summary>
    internal string? LastSortKey { get; init; }

    /// <summary>The latest ingest sequence number among the story's articles: the listing's tie-break.</summary>
    internal long LastSequence { get; init; }

    /// <summary>Most recently active first: the latest publication, undated stories last, then the latest ingest.</summary>
    internal static int ByActivity(StoryInfo a, StoryInfo b)
    {
        if ((a.LastSortKey is null) != (b.LastSortKey is null))
        {
            return a.LastSortKey is null ? 1 : -1;
        }

        var byDate = string.CompareOrdinal(b.LastSortKey, a.LastSortKey);
        return byDate != 0 ? byDate : b.LastSequence.CompareTo(a.LastSequence);
    }
}
