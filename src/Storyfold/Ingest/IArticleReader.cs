using Storyfold.News;

namespace Storyfold.Ingest;

/// <summary>One thing a reader found: an article, or a problem with part of the input.</summary>
public readonly record struct ReadItem(ArticleInput? Article, SourceProblem? Problem)
{
    public static ReadItem Of(ArticleInput article) => new(article, null);

    public static ReadItem Of(SourceProblem problem) => new(null, problem);
}

/// <summary>Reads articles from one input format.</summary>
public interface IArticleReader
{
    /// <summary>True when this reader handles the file, judged by its name.</summary>
    bool Accepts(InputFile file);

    IAsyncEnumerable<ReadItem> ReadAsync(InputFile file, CancellationToken cancellationToken);
}
