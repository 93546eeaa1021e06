namespace Storyfold.News;

/// <summary>A story that turned out to be part of another: <paramref name="MergedId"/> now resolves to <paramref name="SurvivorId"/>.</summary>
public sealed record StoryMerge(string MergedId, string SurvivorId);
