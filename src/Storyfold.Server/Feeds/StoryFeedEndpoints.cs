using System.Text;
using Storyfold.Feeds;
using Storyfold.Server.Api;
using Storyfold.Server.Views;
using Storyfold.Storage;

namespace Storyfold.Server.Feeds;

/// <summary>
/// The stories as feeds for people's own readers: <c>/feeds/stories.atom</c> and <c>.json</c> (an entry a story) and
/// <c>/feeds/stories/{id}.atom</c> and <c>.json</c> (an entry an article of one story). ETags let readers poll cheaply.
/// </summary>
public static class StoryFeedEndpoints
{
    /// <summary>How many of the most recently active stories the stories feed lists.</summary>
    public const int StoriesInFeed = 50;

    private const string AtomType = "application/atom+xml; charset=utf-8";
    private const string JsonFeedType = "application/feed+json; charset=utf-8";

    public static IEndpointRouteBuilder MapStoryFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").WithTags("Feeds");
        feeds.MapGet("/stories.atom", (HttpContext http, ConditionalReads reads, IArticleStore store, StoryViews views, TimeProvider time) =>
                StoriesAsync(http, reads, store, views, time, atom: true))
            .WithSummary("The most recently active stories as an Atom feed");
        feeds.MapGet("/stories.json", (HttpContext http, ConditionalReads reads, IArticleStore store, StoryViews views, TimeProvider time) =>
                StoriesAsync(http, reads, store, views, time, atom: false))
            .WithSummary("The most recently active stories as a JSON Feed");
        feeds.MapGet("/stories/{file}", StoryAsync)
            .WithSummary("One story's articles as a feed: {id}.atom or {id}.json");
        return app;
    }

    private static Task<IResult> StoriesAsync(HttpContext http, ConditionalReads reads, IArticleStore store, StoryViews views, TimeProvider time, bool atom) =>
        reads.ServeAsync(http, atom ? AtomType : JsonFeedType, async cancellationToken =>
        {
            var list = await views.StoriesAsync(cancellationToken);
            var stories = await StoryFeedSource.RecentAsync(store, list.Stories, StoriesInFeed, cancellationToken);
            var site = Site(http);
            var now = time.GetUtcNow();
            var body = atom ? StoryFeeds.StoriesAtom(stories, site, now) : StoryFeeds.StoriesJson(stories, site, now);
            return ReadOutcome.Of(Encoding.UTF8.GetBytes(body));
        });

    private static Task<IResult> StoryAsync(HttpContext http, ConditionalReads reads, IArticleStore store, StoryViews views, TimeProvider time, string file)
    {
        var atom = file.EndsWith(".atom", StringComparison.OrdinalIgnoreCase);
        if (!atom && !file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(Problems.NotFound($"no feed at {http.Request.Path}: ask for {{story id}}.atom or {{story id}}.json"));
        }

        var id = file[..^5]; // ".atom" and ".json" are both five characters
        if (Problems.CheckId("story", id) is { } problem)
        {
            return Task.FromResult(problem);
        }

        return reads.ServeAsync(http, atom ? AtomType : JsonFeedType, async cancellationToken =>
        {
            var list = await views.StoriesAsync(cancellationToken);
            if (await StoryFeedSource.StoryAsync(store, list.ById, id, cancellationToken) is not { } story)
            {
                return ReadOutcome.Fail(() => Problems.NotFound($"there is no story with id '{id}'"));
            }

            var site = Site(http);
            var now = time.GetUtcNow();
            var body = atom ? StoryFeeds.StoryAtom(story, site, now) : StoryFeeds.StoryJson(story, site, now);
            return ReadOutcome.Of(Encoding.UTF8.GetBytes(body));
        });
    }

    /// <summary>Links in the feeds point back at the address the reader used.</summary>
    private static StoryFeedSite Site(HttpContext http)
    {
        var request = http.Request;
        return new StoryFeedSite(new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/"));
    }
}
