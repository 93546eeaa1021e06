using System.Buffers;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;
using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Ingest;

/// <summary>Reads JSON Lines: one article a line with <c>id</c> and <c>text</c> or <c>html</c>; other fields are ignored.</summary>
public sealed class JsonLinesReader : IArticleReader
{
    public bool Accepts(InputFile file) => file.HasExtension(".jsonl") || file.HasExtension(".ndjson") || file.Name == InputFile.StdinName;

    public async IAsyncEnumerable<ReadItem> ReadAsync(InputFile file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Stream stream;
        SourceProblem? openProblem = null;
        try
        {
            stream = file.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream = Stream.Null;
            openProblem = new SourceProblem(file.Name, null, $"cannot read: {e.Message}");
        }

        if (openProblem is not null)
        {
            yield return ReadItem.Of(openProblem);
            yield break;
        }

        await using var owned = stream;
        await using var source = file.IsGzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        var lineNumber = 0;
        var sawContent = false;
        await foreach (var line in LineSplitter.ReadLinesAsync(source, cancellationToken))
        {
            lineNumber++;
            using (line)
            {
                var bytes = line.Span.TrimEnd((byte)'\r');
                if (lineNumber == 1 && bytes.StartsWith("\uFEFF"u8))
                {
                    bytes = bytes[3..];
                }

                if (IsBlank(bytes))
                {
                    continue;
                }

                sawContent = true;
                yield return ParseLine(file.Name, lineNumber, bytes);
            }
        }

        if (!sawContent)
        {
            yield return ReadItem.Of(new SourceProblem(file.Name, null, "empty file"));
        }
    }

    /// <summary>Reads one line; every way it can be wrong becomes a problem naming the line.</summary>
    public static ReadItem ParseLine(string origin, int lineNumber, ReadOnlySpan<byte> bytes)
    {
        if (TextDecoding.LooksBinary(bytes))
        {
            return ReadItem.Of(new SourceProblem(origin, lineNumber, "binary data, not a JSON line"));
        }

        if (!Utf8.IsValid(bytes))
        {
            return ReadItem.Of(new SourceProblem(origin, lineNumber, "invalid UTF-8"));
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return ReadItem.Of(new SourceProblem(origin, lineNumber, $"malformed JSON: {FirstSentence(e.Message)}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ReadItem.Of(new SourceProblem(origin, lineNumber, "expected a JSON object"));
            }

            var id = StringField(root, "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                return ReadItem.Of(new SourceProblem(origin, lineNumber, "missing \"id\""));
            }

            var text = StringField(root, "text");
            var html = StringField(root, "html");
            if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
            {
                return ReadItem.Of(new SourceProblem(origin, lineNumber, $"article \"{id}\" has neither \"text\" nor \"html\""));
            }

            var publishedText = StringField(root, "published");
            var published = DateParsing.Parse(publishedText);
            return ReadItem.Of(new ArticleInput
            {
                Id = id.Trim(),
                Origin = origin,
                Line = lineNumber,
                Text = string.IsNullOrWhiteSpace(text) ? null : text,
                Html = string.IsNullOrWhiteSpace(html) ? null : html,
                Title = StringField(root, "title"),
                Published = published,
                Url = StringField(root, "url"),
                Source = StringField(root, "source"),
                Language = StringField(root, "language"),
                Author = StringField(root, "author"),
            });
        }
    }

    private static string? StringField(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}

/// <summary>Splits a stream into lines without decoding it, so a bad line can be reported on its own.</summary>
internal static class LineSplitter
{
    public sealed class Line(byte[] buffer, int length) : IDisposable
    {
        public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }

    public static async IAsyncEnumerable<Line> ReadLinesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new byte[1 << 16];
        var pending = ArrayPool<byte>.Shared.Rent(1 << 16);
        var pendingLength = 0;
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var newline = Array.IndexOf(chunk, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                Append(ref pending, ref pendingLength, chunk.AsSpan(start, end - start));
                if (newline < 0)
                {
                    break;
                }

                yield return new Line(pending, pendingLength);
                pending = ArrayPool<byte>.Shared.Rent(Math.Max(1 << 12, pendingLength));
                pendingLength = 0;
                start = newline + 1;
            }
        }

        if (pendingLength > 0)
        {
            yield return new Line(pending, pendingLength);
        }
        else
        {
            ArrayPool<byte>.Shared.Return(pending);
        }
    }

    private static void Append(ref byte[] buffer, ref int length, ReadOnlySpan<byte> bytes)
    {
        if (length + bytes.Length > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + bytes.Length));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }
}
