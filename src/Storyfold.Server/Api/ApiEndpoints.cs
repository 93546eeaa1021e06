using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Storyfold.Search;
using Storyfold.Server.Views;
using Storyfold.Storage;

namespace Storyfold.Server.Api;

/// <summary>The HTTP API of the contract: stories, briefs, articles, search and article intake.</summary>
public static class ApiEndpoints
{
    private const string Json = "application/json; charset=utf-8";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Storyfold");
        api.MapGet("/stories", ListStoriesAsync)
            .WithSummary("Stories, most recently active first; paged with limit and cursor (the Link header names the next page)");
        api.MapGet("/stories/{id}", GetStoryAsync).WithSummary("One story with its articles");
        api.MapGet("/stories/{id}/brief", GetBriefAsync).WithSummary("The story's brief: summary, entities, timeline, claims, framing");
        api.MapGet("/articles/{id}", GetArticleAsync).WithSummary("One article with its cleaned text");
        api.MapGet("/search", SearchAsync)
            .WithSummary("Full-text search grouped by story: words, \"phrases\", prefix*, OR, -excluded; filters source, language, from, to");
        api.MapPost("/articles", PostArticlesAsync)
            .WithSummary("Ingest articles: one JSON object in the JSON Lines shape, an array of them, or JSON Lines");
    }

    private static Task<IResult> ListStoriesAsync(
        HttpContext http, ConditionalReads reads, StoryViews views, [FromQuery] string? limit, [FromQuery] string? cursor)
    {
        var (page, problem) = Page.Parse(limit, cursor, 50, 500);
        if (problem is not null)
        {
            return Task.FromResult(problem);
        }

        return reads.ServeAsync(http, Json, async cancellationToken =>
        {
            var list = await views.StoriesAsync(cancellationToken);
            var items = list.Stories.Skip(page.Offset).Take(page.Limit).Select(ApiJson.Story).ToList();
            var next = page.Offset + page.Limit < list.Stories.Count
                ? $"</api/stories?limit={page.Limit}&cursor={Page.Cursor(page.Offset + page.Limit)}>; rel=\"next\""
                : null;
            return ReadOutcome.Of(ApiJson.Encode(items), next);
        });
    }

    private static Task<IResult> GetStoryAsync(HttpContext http, ConditionalReads reads, StoryViews views, string id)
    {
        if (Problems.CheckId("story", id) is { } problem)
        {
            return Task.FromResult(problem);
        }

        return reads.ServeAsync(http, Json, async cancellationToken =>
        {
            if (await views.StoryAsync(id, cancellationToken) is not { } story)
            {
                return ReadOutcome.Fail(() => Problems.NotFound($"there is no story with id '{id}'"));
            }

            var body = new
            {
                story_id = story.Info.StoryId,
                headline = story.Info.Headline,
                articles = story.Info.Articles,
                sources = story.Info.Sources,
                first_published = story.Info.FirstPublished?.ToIso(),
                last_published = story.Info.LastPublished?.ToIso(),
                items = story.Articles.Select(ApiJson.ArticleLine).ToList(),
                brief_url = $"/api/stories/{Uri.EscapeDataString(id)}/brief",
            };
            return ReadOutcome.Of(ApiJson.Encode(body));
        });
    }

    private static Task<IResult> GetBriefAsync(HttpContext http, ConditionalReads reads, StoryViews views, string id)
    {
        if (Problems.CheckId("story", id) is { } problem)
        {
            return Task.FromResult(problem);
        }

        return reads.ServeAsync(http, Json, async cancellationToken =>
            await views.StoryAsync(id, cancellationToken) is { } story
                ? ReadOutcome.Of(ApiJson.Encode(story.Brief))
                : ReadOutcome.Fail(() => Problems.NotFound($"there is no story with id '{id}'")));
    }

    private static Task<IResult> GetArticleAsync(HttpContext http, ConditionalReads reads, IArticleStore store, string id)
    {
        if (Problems.CheckId("article", id) is { } problem)
        {
            return Task.FromResult(problem);
        }

        return reads.ServeAsync(http, Json, async cancellationToken =>
            await store.GetArticleAsync(id, cancellationToken) is { } article
                ? ReadOutcome.Of(ApiJson.Encode(ApiJson.Article(article)))
                : ReadOutcome.Fail(() => Problems.NotFound($"there is no article with id '{id}'")));
    }

    /// <summary>Reads the search parameters shared by the API and the search page.</summary>
    internal static (SearchRequest? Request, IResult? Problem) ParseSearch(
        string? q, string? source, string? language, string? from, string? to, string? limit, string? cursor)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return (null, Problems.BadParameter("q", "is required: the words to search for"));
        }

        var parsed = SearchQuery.Parse(q);
        if (parsed.Query is null)
        {
            return (null, Problems.BadParameter("q", parsed.Error!));
        }

        var (page, problem) = Page.Parse(limit, cursor, 20, 100);
        if (problem is not null)
        {
            return (null, problem);
        }

        DateOnly? fromDay = null, toDay = null;
        foreach (var (name, text) in new[] { ("from", from), ("to", to) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return (null, Problems.BadParameter(name, $"'{(text.Length > 40 ? text[..40] : text)}' is not a date; use YYYY-MM-DD"));
            }

            if (name == "from")
            {
                fromDay = day;
            }
            else
            {
                toDay = day;
            }
        }

        if (fromDay > toDay)
        {
            return (null, Problems.BadParameter("from", "is after 'to'"));
        }

        return (new SearchRequest(parsed.Query)
        {
            Source = source, Language = language, From = fromDay, To = toDay, Limit = page.Limit, Offset = page.Offset,
        }, null);
    }

    private static Task<IResult> SearchAsync(
        HttpContext http, ConditionalReads reads, IArticleSearch search, MemorySearchIndex index,
        [FromQuery] string? q, [FromQuery] string? source, [FromQuery] string? language,
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? limit, [FromQuery] string? cursor)
    {
        var (request, problem) = ParseSearch(q, source, language, from, to, limit, cursor);
        if (problem is not null)
        {
            return Task.FromResult(problem);
        }

        // Which index answers: the in-memory one once built, FTS5 before (the same results); benchmarks wait for it.
        http.Response.Headers["X-Search-Index"] = index.IsReady ? "memory" : "fts5";
        return reads.ServeAsync(http, Json, async cancellationToken =>
        {
            var results = await search.SearchAsync(request!, cancellationToken);
            string? next = null, link = null;
            if (results.HasMore)
            {
                next = Page.Cursor(request!.Offset + request.Limit);
                var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value);
                query["cursor"] = next;
                link = $"</api/search{Microsoft.AspNetCore.Http.QueryString.Create(query)}>; rel=\"next\"";
            }

            return ReadOutcome.Of(ApiJson.EncodeSearch(results, next), link);
        });
    }

    private static async Task<IResult> PostArticlesAsync(HttpContext http, ServerOptions options, ArticleIntake intake)
    {
        if (CheckWriteAccess(http, options) is { } denied)
        {
            return denied;
        }

        var contentType = http.Request.ContentType ?? "";
        var jsonLines = contentType.Contains("ndjson", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("jsonl", StringComparison.OrdinalIgnoreCase);
        if (!jsonLines && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType(http.Request.ContentType);
        }

        var body = await ReadBodyAsync(http, options.MaxBodyBytes);
        if (body is null)
        {
            return Problems.TooLarge(options.MaxBodyBytes);
        }

        var (lines, _, error) = ArticleIntake.ToJsonLines(body, jsonLines);
        if (lines is null)
        {
            return Problems.BadRequest(error!);
        }

        var result = await intake.IngestAsync(lines, http.RequestAborted);
        var report = result.Report;
        var problems = report.Problems.Select(p => new { line = p.Line, message = p.Message, warning = p.IsWarning }).ToList();
        if (report.Added == 0 && report.Unchanged == 0 && report.HasErrors)
        {
            var errors = report.Problems.Where(p => !p.IsWarning)
                .GroupBy(p => p.Line is { } line ? $"articles[{line - 1}]" : "body")
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
            return Problems.BadRequest("no article could be stored", errors);
        }

        var response = new
        {
            read = report.Read,
            added = report.Added,
            unchanged = report.Unchanged,
            rejected = result.Articles.Count(a => a.Status == "rejected"),
            articles = result.Articles.Select(a => new
            {
                id = a.Id,
                status = a.Status,
                story_id = a.StoryId,
                url = a.StoryId is null ? null : $"/api/articles/{Uri.EscapeDataString(a.Id)}",
                story_url = a.StoryId is null ? null : $"/api/stories/{Uri.EscapeDataString(a.StoryId)}",
            }).ToList(),
            problems,
        };
        if (report.Added == 0)
        {
            return Results.Json(response, ApiJson.Options);
        }

        var first = result.Articles.FirstOrDefault(a => a.StoryId is not null);
        return Results.Json(response, ApiJson.Options, statusCode: StatusCodes.Status201Created) is var created && first is not null
            ? new LocatedResult(created, $"/api/articles/{Uri.EscapeDataString(first.Id)}")
            : created;
    }

    private static IResult? CheckWriteAccess(HttpContext http, ServerOptions options)
    {
        if (options.ApiKey is { } key)
        {
            var header = http.Request.Headers.Authorization.ToString();
            const string Scheme = "Bearer ";
            if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Problems.Unauthorized("this server needs 'Authorization: Bearer KEY' to add articles");
            }

            var given = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
            var expected = Encoding.UTF8.GetBytes(key);
            if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(given), SHA256.HashData(expected)))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return Problems.Unauthorized("the API key is not the one this server was started with");
            }

            return null;
        }

        return options.AllowAnonymousWrites
            ? null
            : Problems.Forbidden("this server is read-only: start it with --api-key KEY (or STORYFOLD_API_KEY) or --allow-anonymous-writes");
    }

    /// <summary>The body, or null when it is larger than the limit (checked as it arrives, not only by Content-Length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, long limit)
    {
        if (http.Request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    /// <summary>A result with a Location header.</summary>
    private sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
