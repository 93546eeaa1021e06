using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using Storyfold.Extraction;
using Storyfold.News;

namespace Storyfold.Ingest;

/// <summary>Reads a saved web page (<c>.html</c>, <c>.htm</c>, optionally gzipped) as one article for the extractor.</summary>
public sealed class HtmlReader : IArticleReader
{
    /// <summary>Compressed or not, no page is read beyond this: a larger one is refused rather than filling memory.</summary>
    public const long MaxBytes = PageExtractor.MaxPageChars;

    public bool Accepts(InputFile file) => IsHtml(file);

    public static bool IsHtml(InputFile file) => file.HasExtension(".html") || file.HasExtension(".htm") || file.HasExtension(".xhtml");

    public async IAsyncEnumerable<ReadItem> ReadAsync(InputFile file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var loaded = await Task.Run(() => Load(file), cancellationToken);
        if (loaded.Problem is { } problem)
        {
            yield return ReadItem.Of(problem);
            yield break;
        }

        yield return ReadItem.Of(new ArticleInput { Id = file.Id, Origin = file.Name, Html = loaded.Html });
    }

    /// <summary>A page's bytes, decompressed when gzipped, decoded by its BOM or declared charset; or why that failed.</summary>
    public static (string? Html, SourceProblem? Problem) Load(InputFile file)
    {
        var bytes = ReadBytes(file, out var error);
        if (bytes is null)
        {
            return (null, new SourceProblem(file.Name, null, error!));
        }

        var decoded = HtmlDecoding.Decode(bytes);
        return decoded.Html is null
            ? (null, new SourceProblem(file.Name, null, decoded.Problem ?? "cannot decode"))
            : (decoded.Html, null);
    }

    /// <summary>The raw bytes of a page, gunzipped when the name or the magic number says so.</summary>
    public static byte[]? ReadBytes(InputFile file, out string? error)
    {
        error = null;
        try
        {
            using var stream = file.Open();
            var head = new byte[2];
            var headLength = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
            var gzipped = headLength == 2 && head[0] == 0x1F && head[1] == 0x8B;
            using var buffer = new MemoryStream(SizeHint(stream, gzipped));
            if (!gzipped)
            {
                buffer.Write(head, 0, headLength);
                CopyLimited(stream, buffer);
                return Contents(buffer);
            }

            using var rest = new ConcatenatedStream(head, stream);
            using var gzip = new GZipStream(rest, CompressionMode.Decompress);
            CopyLimited(gzip, buffer);
            return Contents(buffer);
        }
        catch (PageTooLargeException)
        {
            error = $"page too large (over {MaxBytes / (1024 * 1024)} MB)";
        }
        catch (InvalidDataException e)
        {
            error = $"cannot read: not valid gzip data ({e.Message.TrimEnd('.')})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read: {e.Message}";
        }

        return null;
    }

    /// <summary>
    /// How many bytes the page will likely take, to size the buffer once (a page grown by doubling was copied four or
    /// five times, then once more into an array of its size): a file's length, or for gzip the size its trailer records,
    /// trusted only up to 100 times the compressed size (HTML packs 5 to 10 times) and the page limit. 0 when unknown.
    /// </summary>
    private static int SizeHint(Stream stream, bool gzipped)
    {
        if (!stream.CanSeek)
        {
            return 0;
        }

        var length = stream.Length;
        if (!gzipped)
        {
            return (int)Math.Min(length, MaxBytes);
        }

        if (length < 18)
        {
            return 0;
        }

        var position = stream.Position;
        Span<byte> trailer = stackalloc byte[4];
        stream.Seek(-4, SeekOrigin.End);
        var read = stream.ReadAtLeast(trailer, 4, throwOnEndOfStream: false);
        stream.Seek(position, SeekOrigin.Begin);
        return read == 4 ? (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(trailer), Math.Min(100 * length, MaxBytes)) : 0;
    }

    /// <summary>The bytes written, without a copy when they fill the buffer exactly (the size hint was right).</summary>
    private static byte[] Contents(MemoryStream buffer) =>
        buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();

    private static void CopyLimited(Stream source, MemoryStream target)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (target.Length + read > MaxBytes)
            {
                throw new PageTooLargeException();
            }

            target.Write(chunk, 0, read);
        }
    }

    private sealed class PageTooLargeException : Exception;

    /// <summary>The two sniffed bytes put back in front of the rest of the stream.</summary>
    private sealed class ConcatenatedStream(byte[] head, Stream rest) : Stream
    {
        private int _headPosition;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_headPosition < head.Length)
            {
                var n = Math.Min(count, head.Length - _headPosition);
                Array.Copy(head, _headPosition, buffer, offset, n);
                _headPosition += n;
                return n;
            }

            return rest.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
