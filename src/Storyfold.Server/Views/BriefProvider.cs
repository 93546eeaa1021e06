using Storyfold.Brief;
using Storyfold.News;

namespace Storyfold.Server.Views;

/// <summary>The one place the server gets a story's brief from: the brief engine, over the story's non-duplicate articles.</summary>
public sealed class BriefProvider
{
    private readonly StoryBriefBuilder _builder = new();

    public StoryBrief Build(string storyId, IReadOnlyList<Article> articles) => _builder.BuildStored(storyId, articles, BriefOptions.Default);
}
