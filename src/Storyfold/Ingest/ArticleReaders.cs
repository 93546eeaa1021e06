namespace Storyfold.Ingest;

/// <summary>The readers ingest tries, in order; the first that accepts a file reads it.</summary>
public static class ArticleReaders
{
    public static IReadOnlyList<IArticleReader> Default() =>
    [
        new PlainTextReader(),
        new JsonLinesReader(),
        new HtmlReader(),
        new Feeds.FeedReader(),
    ];
}
