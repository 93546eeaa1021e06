using Storyfold.Search;

namespace Storyfold.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("bridge", "(\"bridge\")")]
    [InlineData("old river", "(\"old\") AND (\"river\")")]
    [InlineData("\"old river\"", "(\"old river\")")]
    [InlineData("brid*", "(\"brid\" *)")]
    [InlineData("bridge OR tunnel repairs", "(\"bridge\" OR \"tunnel\") AND (\"repairs\")")]
    [InlineData("bridge -apple", "(\"bridge\") NOT \"apple\"")]
    [InlineData("title:bridge", "(display_title : \"bridge\")")]
    [InlineData("a & b", "(\"a\") AND (\"b\")")]
    [InlineData("Washington Post's", "(\"Washington\") AND (\"Post\")")]
    [InlineData("today’s", "(\"today\")")]
    [InlineData("\"Ocean's Eleven\"", "(\"Ocean's Eleven\")")]
    [InlineData("金文泰", "({han_title han_text} : \"金文 文泰\")")]
    [InlineData("火", "({han_title han_text} : \"火\" *)")]
    [InlineData("title:地震", "(han_title : \"地震\")")]
    [InlineData("iPhone手机", "((\"iPhone\" AND {han_title han_text} : \"手机\"))")]
    [InlineData("地震 -火灾", "({han_title han_text} : \"地震\") NOT {han_title han_text} : \"火灾\"")]
    public void Turns_user_syntax_into_quoted_fts5(string text, string fts)
    {
        var parsed = SearchQuery.Parse(text);
        Assert.Null(parsed.Error);
        Assert.Equal(fts, parsed.Query!.Fts);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("\"open phrase", "never closed")]
    [InlineData("OR bridge", "OR needs")]
    [InlineData("bridge OR", "OR needs")]
    [InlineData("-apple", "at least one word")]
    [InlineData("&& ||", "no words")]
    public void Explains_what_is_wrong_with_bad_syntax(string text, string message)
    {
        var parsed = SearchQuery.Parse(text);
        Assert.Null(parsed.Query);
        Assert.Contains(message, parsed.Error, StringComparison.Ordinal);
    }
}
