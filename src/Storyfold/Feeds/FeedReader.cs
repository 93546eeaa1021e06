using System.IO.Compression;
using System.Runtime.CompilerServices;
using Storyfold.Ingest;
using Storyfold.News;

namespace Storyfold.Feeds;

/// <summary>
/// Reads a saved feed file (RSS, Atom, JSON Feed) as one article an item. <c>.rss</c> and <c>.atom</c> are taken by
/// name; <c>.xml</c> and <c>.json</c> only when their content is a feed, so other XML and JSON stay with other readers.
/// </summary>
public sealed class FeedReader : IArticleReader
{
    /// <summary>Feed files larger than this are cut, with a warning, as over HTTP.</summary>
    public long MaxBytes { get; init; } = 32L * 1024 * 1024;

    public bool Accepts(InputFile file)
    {
        if (file.HasExtension(".rss") || file.HasExtension(".atom"))
        {
            return true;
        }

        if (!file.HasExtension(".xml") && !file.HasExtension(".json"))
        {
            return false;
        }

        try
        {
            using var stream = file.Open();
            using var source = file.IsGzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            var head = new byte[FeedSniffer.SniffLength];
            var length = source.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return FeedSniffer.Detect(head.AsSpan(0, length)) is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Let the reader report the problem when it opens the file for real.
            return true;
        }
    }

    public async IAsyncEnumerable<ReadItem> ReadAsync(InputFile file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        byte[] bytes;
        var truncated = false;
        SourceProblem? problem = null;
        try
        {
            await using var stream = file.Open();
            await using var source = file.IsGzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            (bytes, truncated) = await BoundedRead.ReadAsync(source, MaxBytes, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            bytes = [];
            problem = new SourceProblem(file.Name, null, $"cannot read: {e.Message}");
        }

        if (problem is not null)
        {
            yield return ReadItem.Of(problem);
            yield break;
        }

        if (truncated)
        {
            yield return ReadItem.Of(SourceProblem.Warning(file.Name, null, $"larger than {MaxBytes:N0} bytes; read the first {MaxBytes:N0}"));
        }

        foreach (var item in Read(file.Name, bytes, null))
        {
            yield return item;
        }
    }

    /// <summary>Parses feed bytes into read items: warnings, then one article an item (none on a fatal problem).</summary>
    public static IEnumerable<ReadItem> Read(string origin, byte[] bytes, Uri? documentUrl)
    {
        var result = FeedParser.Parse(bytes, null, documentUrl);
        foreach (var warning in result.Warnings)
        {
            yield return ReadItem.Of(SourceProblem.Warning(origin, null, warning));
        }

        if (result.Feed is not { } feed)
        {
            yield return ReadItem.Of(new SourceProblem(origin, null, result.Error ?? "not a feed"));
            yield break;
        }

        if (feed.Items.Count == 0)
        {
            yield return ReadItem.Of(SourceProblem.Warning(origin, null, "the feed has no items"));
        }

        var index = 0;
        foreach (var item in feed.Items)
        {
            index++;
            var identity = FeedItemIdentity.Of(item, documentUrl?.AbsoluteUri);
            var input = FeedArticles.ToInput(item, identity, origin, feed);
            yield return input is null
                ? ReadItem.Of(SourceProblem.Warning(origin, item.Line, $"item {index} has no title, text or link; skipped"))
                : ReadItem.Of(input);
        }
    }
}
