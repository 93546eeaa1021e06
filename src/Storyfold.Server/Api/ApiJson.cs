using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Storyfold.News;
using Storyfold.Search;

namespace Storyfold.Server.Api;

/// <summary>The API's JSON: the contract's snake_case shapes, shared with the CLI's <c>--json</c> output.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Encode<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static object Story(StoryInfo story) => new
    {
        story_id = story.StoryId,
        headline = story.Headline,
        articles = story.Articles,
        sources = story.Sources,
        first_published = story.FirstPublished?.ToIso(),
        last_published = story.LastPublished?.ToIso(),
    };

    /// <summary>
    /// An article as <c>storyfold export</c> lists it. <c>title</c> is the source's own headline (empty when it had
    /// none, as the contract says); <c>display_title</c> is what to show.
    /// </summary>
    public static object ArticleLine(Article article) => new
    {
        id = article.Id,
        story_id = article.StoryId,
        duplicate_of = article.DuplicateOf,
        title = article.Title,
        published = article.Published?.ToIso(),
        source = article.Source,
        language = article.Language,
        url = article.Url,
        display_title = article.DisplayTitle,
        published_inferred = article.PublishedInferred,
    };

    /// <summary>An article as <c>storyfold article ID --json</c> and <c>GET /api/articles/{id}</c> show it.</summary>
    public static object Article(Article article) => new
    {
        id = article.Id,
        story_id = article.StoryId,
        title = article.Title,
        published = article.Published?.ToIso(),
        source = article.Source,
        language = article.Language,
        url = article.Url,
        text = article.Text,
        captions = article.Captions,
        display_title = article.DisplayTitle,
        published_inferred = article.PublishedInferred,
        duplicate_of = article.DuplicateOf,
        author = article.Author,
    };

    /// <summary>
    /// The same document as <see cref="Search"/>, written straight to UTF-8: search answers are rarely cached, so this
    /// is on the path of every search request, where the reflection-based serializer cost a fifth of a millisecond.
    /// </summary>
    public static byte[] EncodeSearch(SearchResults results, string? nextCursor = null)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder, SkipValidation = true }))
        {
            json.WriteStartObject();
            json.WriteString("query", results.Request.Query.Text);
            json.WriteNumber("matching_articles", results.MatchingArticles);
            json.WriteBoolean("matching_articles_capped", results.MatchingArticlesCapped);
            json.WriteStartArray("stories");
            foreach (var story in results.Stories)
            {
                json.WriteStartObject();
                json.WriteString("story_id", story.StoryId);
                json.WriteString("headline", story.Headline);
                json.WriteNumber("articles", story.StoryArticles);
                json.WriteStartArray("matches");
                foreach (var hit in story.Articles)
                {
                    json.WriteStartObject();
                    json.WriteString("id", hit.ArticleId);
                    json.WriteString("title", hit.Title);
                    json.WriteString("source", hit.Source);
                    json.WriteString("language", hit.Language);
                    json.WriteString("published", hit.Published?.ToIso());
                    json.WriteString("snippet", hit.SnippetText);
                    json.WriteStartArray("highlights");
                    var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var part in hit.Snippet)
                    {
                        if (part.Matched && seen.Add(part.Text))
                        {
                            json.WriteStringValue(part.Text);
                        }
                    }

                    json.WriteEndArray();
                    json.WriteNumber("score", Math.Round(hit.Score, 4));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteBoolean("has_more", results.HasMore);
            json.WriteString("next_cursor", nextCursor);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static object Search(SearchResults results, string? nextCursor = null) => new
    {
        query = results.Request.Query.Text,
        matching_articles = results.MatchingArticles,
        matching_articles_capped = results.MatchingArticlesCapped,
        stories = results.Stories.Select(story => new
        {
            story_id = story.StoryId,
            headline = story.Headline,
            articles = story.StoryArticles,
            matches = story.Articles.Select(hit => new
            {
                id = hit.ArticleId,
                title = hit.Title,
                source = hit.Source,
                language = hit.Language,
                published = hit.Published?.ToIso(),
                snippet = hit.SnippetText,
                highlights = hit.Snippet.Where(p => p.Matched).Select(p => p.Text).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                score = Math.Round(hit.Score, 4),
            }).ToList(),
        }).ToList(),
        has_more = results.HasMore,
        next_cursor = nextCursor,
    };
}
