using System.Text;
using Microsoft.AspNetCore.Mvc;
using Storyfold.Search;
using Storyfold.Server.Api;
using Storyfold.Storage;

namespace Storyfold.Server.Web;

/// <summary>The web UI's routes: front page, story, article, search, add, and the two embedded assets.</summary>
public static class WebEndpoints
{
    private const string HtmlType = "text/html; charset=utf-8";

    public static void Map(WebApplication app)
    {
        var web = app.MapGroup("").ExcludeFromDescription();
        web.MapGet("/", (HttpContext http, ConditionalReads reads, PageRenderer pages, [FromQuery] string? cursor) =>
        {
            var (page, problem) = Page.Parse(null, cursor, PageRenderer.StoriesPerPage, PageRenderer.StoriesPerPage);
            if (problem is not null)
            {
                page = new Page(PageRenderer.StoriesPerPage, 0);
            }

            return reads.ServeAsync(http, HtmlType, async ct => ReadOutcome.Of(Encode(await pages.FrontPageAsync(page, ct))));
        });
        web.MapGet("/stories/{id}", (HttpContext http, ConditionalReads reads, PageRenderer pages, string id) =>
            reads.ServeAsync(http, HtmlType, async ct => await pages.StoryPageAsync(id, ct) is { } html
                ? ReadOutcome.Of(Encode(html))
                : ReadOutcome.Fail(NotFound(http, $"There is no story with id “{id}”."))));
        web.MapGet("/articles/{id}", (HttpContext http, ConditionalReads reads, PageRenderer pages, IArticleStore store, string id) =>
            reads.ServeAsync(http, HtmlType, async ct => await pages.ArticlePageAsync(await store.GetArticleAsync(id, ct), ct) is { } html
                ? ReadOutcome.Of(Encode(html))
                : ReadOutcome.Fail(NotFound(http, $"There is no article with id “{id}”."))));
        web.MapGet("/search", (HttpContext http, ConditionalReads reads, PageRenderer pages, IArticleSearch search,
            [FromQuery] string? q, [FromQuery] string? source, [FromQuery] string? language,
            [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? cursor) =>
            reads.ServeAsync(http, HtmlType, async ct =>
            {
                var form = new SearchFormValues(q, source, language, from, to, cursor);
                if (string.IsNullOrWhiteSpace(q))
                {
                    return ReadOutcome.Of(Encode(pages.SearchPage(form, null, null)));
                }

                var (request, _) = ApiEndpoints.ParseSearch(q, source, language, from, to, null, cursor);
                if (request is null)
                {
                    var error = SearchQuery.Parse(q).Error ?? "Check the dates (YYYY-MM-DD) and try again.";
                    return ReadOutcome.Of(Encode(pages.SearchPage(form, null, error)));
                }

                return ReadOutcome.Of(Encode(pages.SearchPage(form, await search.SearchAsync(request, ct), null)));
            }));
        web.MapGet("/add", (PageRenderer pages) => Results.Content(pages.AddPage(), HtmlType));
        web.MapGet("/assets/site.css", (HttpContext http) => Asset(http, WebAssets.Css, "text/css; charset=utf-8"));
        web.MapGet("/assets/site.js", (HttpContext http) => Asset(http, WebAssets.Script, "text/javascript; charset=utf-8"));
    }

    public static IResult NotFound(HttpContext http)
    {
        var pages = http.RequestServices.GetRequiredService<PageRenderer>();
        return Results.Content(pages.NotFoundPage($"Nothing lives at {http.Request.Path}."), HtmlType, Encoding.UTF8, StatusCodes.Status404NotFound);
    }

    private static IResult NotFound(HttpContext http, string what)
    {
        var pages = http.RequestServices.GetRequiredService<PageRenderer>();
        return Results.Content(pages.NotFoundPage(what), HtmlType, Encoding.UTF8, StatusCodes.Status404NotFound);
    }

    private static byte[] Encode(string html) => Encoding.UTF8.GetBytes(html);

    private static IResult Asset(HttpContext http, byte[] content, string contentType)
    {
        // Pages link assets with ?v=<content hash>, so a cached copy can never be stale.
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(content, contentType);
    }
}
