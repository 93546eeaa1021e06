using Storyfold.Brief;
using Storyfold.News;

namespace Storyfold.Server.Views;

/// <summary>The one place the server gets a story's brief from: the brief engine, over the story's non-duplicate articles.</summary>
public sealed class BriefProvider
{
    private readonly StoryBriefBuilder _builder = new();

    public StoryBrief Build(string storyId, IReadOnlyList<Article> articles)
    {
        // A duplicate repeats its original word for word: counting it would make one outlet look like two sources.
        var distinct = articles.Where(a => a.DuplicateOf is null).ToList();
        return _builder.Build(storyId, distinct.Count > 0 ? distinct : articles, BriefOptions.Default);
    }
}
