using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Server;

public sealed class ApiEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    /// <summary>An RFC 9457 problem document with a useful detail, and no trace of the server's internals.</summary>
    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Lists_stories_most_recent_first_in_the_cli_shape_with_paging()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = host.CreateClient();

        var all = await JsonAsync(await client.GetAsync("/api/stories", Ct));
        Assert.Equal(["harvest-times", "bridge-gazette", "bridge-herald"], all.EnumerateArray().Select(s => s.GetProperty("story_id").GetString()));
        var first = all[0];
        foreach (var field in new[] { "story_id", "headline", "articles", "sources", "first_published", "last_published" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }

        var page = await client.GetAsync("/api/stories?limit=2", Ct);
        Assert.Equal(2, (await JsonAsync(page)).GetArrayLength());
        var next = page.Headers.GetValues("Link").Single();
        Assert.Contains("rel=\"next\"", next, StringComparison.Ordinal);
        var nextUrl = next[(next.IndexOf('<') + 1)..next.IndexOf('>')];
        var rest = await JsonAsync(await client.GetAsync(nextUrl, Ct));
        Assert.Equal("bridge-herald", Assert.Single(rest.EnumerateArray()).GetProperty("story_id").GetString());
    }

    [Theory]
    [InlineData("/api/stories?limit=0", "limit")]
    [InlineData("/api/stories?limit=many", "limit")]
    [InlineData("/api/stories?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=%22unclosed", "q")]
    [InlineData("/api/search?q=bridge&from=yesterday", "from")]
    [InlineData("/api/search?q=bridge&from=2024-05-01&to=2024-01-01", "from")]
    public async Task Answers_bad_parameters_with_a_problem_naming_the_parameter(string url, string parameter)
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = host.CreateClient();

        var problem = await AssertProblemAsync(await client.GetAsync(url, Ct), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
        Assert.StartsWith(parameter + ":", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/stories/no-such-story")]
    [InlineData("/api/stories/no-such-story/brief")]
    [InlineData("/api/articles/no-such-article")]
    [InlineData("/api/nothing-here")]
    public async Task Answers_unknown_ids_and_paths_with_not_found_problems(string url)
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = host.CreateClient();

        await AssertProblemAsync(await client.GetAsync(url, Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rejects_ids_that_cannot_be_ids()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = host.CreateClient();

        await AssertProblemAsync(await client.GetAsync("/api/articles/" + new string('x', 400), Ct), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.GetAsync("/api/stories/a%01b", Ct), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Serves_a_story_its_brief_and_an_article()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = host.CreateClient();

        var story = await JsonAsync(await client.GetAsync("/api/stories/bridge-herald", Ct));
        Assert.Equal("bridge-herald", story.GetProperty("story_id").GetString());
        Assert.Equal("bridge-herald", story.GetProperty("items")[0].GetProperty("id").GetString());

        var brief = await JsonAsync(await client.GetAsync("/api/stories/bridge-herald/brief", Ct));
        Assert.Equal("bridge-herald", brief.GetProperty("story_id").GetString());
        foreach (var field in new[] { "headline", "articles", "summary", "entities", "timeline", "claims", "framing" })
        {
            Assert.True(brief.TryGetProperty(field, out _), field);
        }

        foreach (var sentence in brief.GetProperty("summary").EnumerateArray())
        {
            Assert.All(sentence.GetProperty("sources").EnumerateArray(), id => Assert.Equal("bridge-herald", id.GetString()));
        }

        var article = await JsonAsync(await client.GetAsync("/api/articles/bridge-herald", Ct));
        Assert.Equal("City Herald", article.GetProperty("source").GetString());
        Assert.Equal("https://herald.example/bridge", article.GetProperty("url").GetString());
        Assert.Contains("supporting piers", article.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, article.GetProperty("captions").ValueKind);
    }

    [Fact]
    public async Task Searches_with_highlights_filters_and_story_groups()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = host.CreateClient();

        var results = await JsonAsync(await client.GetAsync("/api/search?q=crack*&source=Valley%20Gazette", Ct));

        Assert.Equal(1, results.GetProperty("matching_articles").GetInt32());
        var story = Assert.Single(results.GetProperty("stories").EnumerateArray());
        var match = story.GetProperty("matches")[0];
        Assert.Equal("bridge-gazette", match.GetProperty("id").GetString());
        Assert.Contains("cracks", match.GetProperty("highlights").EnumerateArray().Select(h => h.GetString()));
    }

    [Fact]
    public async Task Answers_304_while_the_store_is_unchanged_and_200_after_a_write()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl, o => o with { AllowAnonymousWrites = true });
        using var client = host.CreateClient();

        var first = await client.GetAsync("/api/stories", Ct);
        var etag = first.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/stories");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional, Ct)).StatusCode);

        var posted = await client.PostAsync("/api/articles", Json("""{"id":"new-one","title":"Council approves new tram line","text":"The council approved a new tram line to the harbour on Tuesday after a long debate."}"""), Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/stories");
        again.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("new-one", await changed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_writes_without_a_key_unless_anonymous_writes_are_allowed()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = host.CreateClient();

        var problem = await AssertProblemAsync(
            await client.PostAsync("/api/articles", Json("""{"id":"x","text":"Some text that is long enough to store."}"""), Ct), HttpStatusCode.Forbidden);

        Assert.Contains("--api-key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/articles/x", Ct)).StatusCode);
    }

    [Fact]
    public async Task Needs_the_bearer_key_when_one_is_set()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl, o => o with { ApiKey = "k3y-for-tests" });
        using var client = host.CreateClient();
        const string Article = """{"id":"keyed","title":"Library extends opening hours","text":"The central library will open until ten in the evening from next month, the city said."}""";

        await AssertProblemAsync(await client.PostAsync("/api/articles", Json(Article), Ct), HttpStatusCode.Unauthorized);
        using (var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = Json(Article) })
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");
            await AssertProblemAsync(await client.SendAsync(wrong, Ct), HttpStatusCode.Unauthorized);
        }

        using var right = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = Json(Article) };
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "k3y-for-tests");
        var created = await client.SendAsync(right, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/articles/keyed", created.Headers.Location?.OriginalString);
        var body = await JsonAsync(created);
        Assert.Equal(1, body.GetProperty("added").GetInt32());
        Assert.Equal("keyed", body.GetProperty("articles")[0].GetProperty("story_id").GetString());
        var found = await JsonAsync(await client.GetAsync("/api/search?q=library", Ct));
        Assert.Equal("keyed", found.GetProperty("stories")[0].GetProperty("story_id").GetString());
    }

    [Fact]
    public async Task Takes_an_array_and_reports_the_bad_elements_by_position()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl, o => o with { AllowAnonymousWrites = true });
        using var client = host.CreateClient();

        var response = await client.PostAsync("/api/articles", Json("""
            [{"id":"good-one","title":"Museum reopens","text":"The city museum reopened on Saturday after a two-year renovation of its halls."},
             {"title":"no id here","text":"This article has no id and cannot be stored."},
             {"id":"bridge-herald","text":"The Old River bridge will close for six weeks after engineers found cracks in two supporting piers, the city council said on Monday.\n\nCommuters are advised to use the northern ring road while repairs continue."}]
            """), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(1, body.GetProperty("added").GetInt32());
        Assert.Equal(1, body.GetProperty("unchanged").GetInt32());
        Assert.Equal(1, body.GetProperty("rejected").GetInt32());
        Assert.Equal(2, Assert.Single(body.GetProperty("problems").EnumerateArray()).GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Answers_unusable_bodies_with_problems()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl, o => o with { AllowAnonymousWrites = true, MaxBodyBytes = 2048 });
        using var client = host.CreateClient();

        await AssertProblemAsync(await client.PostAsync("/api/articles", Json("{not json"), Ct), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.PostAsync("/api/articles", Json("42"), Ct), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.PostAsync("/api/articles", Json("[]"), Ct), HttpStatusCode.BadRequest);
        var allBad = await AssertProblemAsync(await client.PostAsync("/api/articles", Json("""[{"id":"no-text"}]"""), Ct), HttpStatusCode.BadRequest);
        Assert.True(allBad.GetProperty("errors").TryGetProperty("articles[0]", out _));
        await AssertProblemAsync(
            await client.PostAsync("/api/articles", new StringContent("id,text", Encoding.UTF8, "text/csv"), Ct), HttpStatusCode.UnsupportedMediaType);
        var large = $$"""{"id":"big","text":"{{new string('a', 4000)}}"}""";
        await AssertProblemAsync(await client.PostAsync("/api/articles", Json(large), Ct), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Accepts_json_lines_bodies()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl, o => o with { AllowAnonymousWrites = true });
        using var client = host.CreateClient();
        var lines = """
            {"id":"line-1","text":"Snow closed the mountain pass overnight and ploughs worked until dawn to reopen it."}
            {"id":"line-2","text":"The football club named a new coach on Friday, ending weeks of speculation about the post."}
            """;

        var response = await client.PostAsync("/api/articles", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, (await JsonAsync(response)).GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task Limits_each_client_to_its_request_rate()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl, o => o with { RateLimitPerSecond = 3 });
        using var client = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 12 && limited is null; i++)
        {
            var response = await client.GetAsync("/api/stories", Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        await AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task Publishes_an_openapi_document_of_the_api()
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = host.CreateClient();

        var document = await JsonAsync(await client.GetAsync("/openapi/v1.json", Ct));

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/stories", "/api/stories/{id}", "/api/stories/{id}/brief", "/api/articles/{id}", "/api/search", "/api/articles" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.False(paths.TryGetProperty("/", out _));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/stories/bridge-herald")]
    [InlineData("/articles/bridge-gazette")]
    [InlineData("/search?q=bridge")]
    [InlineData("/search?q=%22broken")]
    [InlineData("/add")]
    public async Task Serves_the_web_ui_pages_as_html(string url)
    {
        await using var host = await TestServerHost.StartAsync(TestStore.SmallNewsJsonl);
        using var client = host.CreateClient();

        var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("//cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Escapes_article_text_in_pages()
    {
        await using var host = await TestServerHost.StartAsync(
            """{"id":"xss","title":"<script>alert(1)</script> headline","text":"A paragraph with <b>markup</b> and <img src=x onerror=alert(1)> inside it, long enough to keep."}""");
        using var client = host.CreateClient();

        foreach (var url in new[] { "/", "/stories/xss", "/articles/xss", "/search?q=paragraph" })
        {
            var html = await client.GetStringAsync(url, Ct);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        }
    }
}
