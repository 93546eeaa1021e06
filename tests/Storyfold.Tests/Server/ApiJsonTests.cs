using System.Text;
using Storyfold.News;
using Storyfold.Search;
using Storyfold.Server.Api;

namespace Storyfold.Tests.Server;

public sealed class ApiJsonTests
{
    private static SearchResults Results()
    {
        var query = SearchQuery.Parse("\"bridge repairs\" 金文泰 harv*").Query!;
        IReadOnlyList<SnippetPart> snippet =
        [
            new("… the ", false), new("Bridge", true), new(" \"repairs\" began; the ", false), new("bridge", true),
            new(" <reopens> & ", false), new("金文泰", true), new(" said \u2028 late", false), new("…", false),
        ];
        var withSource = new ArticleHit(
            "a-1", "s-1", "Bridge repairs: \"phase two\"", "Valley Gazette", "en",
            PublicationDate.TryParseIso("2024-03-05T10:00:00Z"), snippet, 7.123456789);
        var withoutSource = new ArticleHit("a-2", "s-1", "Second report", null, null, null, [new("no match here", false)], 0.5);
        var other = new ArticleHit("a-3", "s-2", "金文泰 visits", "港闻", "zh", PublicationDate.TryParseIso("2019-07-01"), snippet, 12);
        return new SearchResults(
            new SearchRequest(query),
            10_000,
            [new StoryHit("s-1", "Bridge repairs begin", 14, [withSource, withoutSource]), new StoryHit("s-2", "金文泰 visits", 1, [other])],
            HasMore: true)
        {
            MatchingArticlesCapped = true,
        };
    }

    [Fact]
    public void Writes_search_results_exactly_as_the_serialized_shape()
    {
        var results = Results();

        var written = ApiJson.EncodeSearch(results, "bzIw");
        var serialized = ApiJson.Encode(ApiJson.Search(results, "bzIw"));

        Assert.Equal(Encoding.UTF8.GetString(serialized), Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void Writes_an_empty_result_with_a_null_cursor()
    {
        var empty = new SearchResults(new SearchRequest(SearchQuery.Parse("nothing").Query!), 0, [], HasMore: false);

        var written = Encoding.UTF8.GetString(ApiJson.EncodeSearch(empty));

        Assert.Equal(Encoding.UTF8.GetString(ApiJson.Encode(ApiJson.Search(empty))), written);
        Assert.Contains("\"next_cursor\":null", written, StringComparison.Ordinal);
    }
}
