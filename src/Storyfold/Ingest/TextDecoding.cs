using System.IO.Compression;
using System.Text;
using Storyfold.News;

namespace Storyfold.Ingest;

/// <summary>Reads input bytes as UTF-8 text, refusing empty, binary and invalid input with a reason.</summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public readonly record struct Decoded(string? Text, SourceProblem? Problem);

    public static async Task<Decoded> ReadAllAsync(InputFile file, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            await using var stream = file.Open();
            await using var source = file.IsGzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            using var buffer = new MemoryStream();
            await source.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return new Decoded(null, new SourceProblem(file.Name, null, $"cannot read: {e.Message}"));
        }

        return Decode(file.Name, bytes);
    }

    public static Decoded Decode(string source, ReadOnlySpan<byte> bytes)
    {
        if (IsBlank(bytes))
        {
            return new Decoded(null, new SourceProblem(source, null, "empty file"));
        }

        if (LooksBinary(bytes))
        {
            return new Decoded(null, new SourceProblem(source, null, "binary file, not text"));
        }

        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        try
        {
            return new Decoded(StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException e)
        {
            var offset = e.Index >= 0 ? $" at byte {e.Index}" : "";
            var line = e.Index >= 0 ? LineAt(bytes, e.Index) : (int?)null;
            return new Decoded(null, new SourceProblem(source, line, $"invalid UTF-8{offset}"));
        }
    }

    /// <summary>How much of a text file is sampled to tell text from binary data.</summary>
    private const int BinarySample = 8192;

    /// <summary>
    /// A NUL byte, or more than one control character in ten, within the first <see cref="BinarySample"/> bytes mean
    /// this is not text. Web pages use their own bounds (see <c>HtmlDecoding.LooksBinary</c>).
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > BinarySample ? bytes[..BinarySample] : bytes;
        var (nuls, controls) = ControlCodes(sample);
        return nuls > 0 || controls * 10 > sample.Length;
    }

    /// <summary>
    /// The NULs in a sample of bytes or of characters, and its control codes (NULs among them; line breaks, tabs and form
    /// feeds are not).
    /// </summary>
    internal static (int Nuls, int Controls) ControlCodes<T>(ReadOnlySpan<T> sample)
        where T : System.Numerics.IBinaryInteger<T>
    {
        var nuls = 0;
        var controls = 0;
        foreach (var unit in sample)
        {
            var code = int.CreateTruncating(unit);
            if (code == 0)
            {
                nuls++;
            }

            if (code < 0x20 && code is not ('\n' or '\r' or '\t' or 0x0C))
            {
                controls++;
            }
        }

        return (nuls, controls);
    }

    /// <summary>True when the bytes hold nothing but spaces, tabs and line breaks.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \n\r\t"u8) < 0;

    private static int LineAt(ReadOnlySpan<byte> bytes, int index)
    {
        var line = 1;
        foreach (var b in bytes[..Math.Min(index, bytes.Length)])
        {
            if (b == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
