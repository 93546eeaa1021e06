namespace Storyfold.News;

/// <summary>One story as listed: its headline, size and time span.</summary>
public sealed record StoryInfo(
    string StoryId,
    string Headline,
    int Articles,
    int Sources,
    PublicationDate? FirstPublished,
    PublicationDate? LastPublished);
