using System.Text;
using System.Text.RegularExpressions;

namespace Storyfold.Feeds;

/// <summary>
/// Turns feed bytes into text, trusting a byte order mark, then the document's own declaration, then the server's
/// charset; bytes that contradict the label (invalid UTF-8, or UTF-8 labelled as Latin-1) are read as what they are.
/// </summary>
public static partial class FeedTextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The decoded text and, when the label was wrong or missing, a warning saying what was done.</summary>
    public readonly record struct Decoded(string Text, string? Warning);

    public static Decoded Decode(ReadOnlySpan<byte> bytes, string? httpCharset)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            return Utf8OrFallback(bytes[3..], "UTF-8 (byte order mark)");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return new Decoded(Encoding.Unicode.GetString(bytes[2..]), null);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return new Decoded(Encoding.BigEndianUnicode.GetString(bytes[2..]), null);
        }

        var head = Encoding.Latin1.GetString(bytes.Length > 512 ? bytes[..512] : bytes);
        var declared = XmlEncoding().Match(head) is { Success: true } m ? m.Groups["enc"].Value : null;
        var label = declared ?? (string.IsNullOrWhiteSpace(httpCharset) ? null : httpCharset.Trim().Trim('"'));
        if (label is null || IsUtf8Label(label))
        {
            return Utf8OrFallback(bytes, label ?? "UTF-8 (undeclared)");
        }

        var encoding = Lookup(label);
        if (encoding is null)
        {
            var decoded = Utf8OrFallback(bytes, label);
            return decoded with { Warning = decoded.Warning ?? $"unknown encoding '{label}', read as UTF-8" };
        }

        // A single-byte label on text that is valid UTF-8 with multi-byte characters is almost always a mislabel.
        if (encoding.IsSingleByte && HasMultiByteUtf8(bytes) && IsValidUtf8(bytes))
        {
            return new Decoded(StrictUtf8.GetString(bytes), $"declared as {label} but is UTF-8; read as UTF-8");
        }

        return new Decoded(encoding.GetString(bytes), null);
    }

    private static Decoded Utf8OrFallback(ReadOnlySpan<byte> bytes, string label)
    {
        if (IsValidUtf8(bytes))
        {
            return new Decoded(StrictUtf8.GetString(bytes), null);
        }

        // Undeclared or mislabelled legacy text in feeds from the wild is nearly always Windows-1252, unless its bytes
        // point to another legacy charset (a Chinese feed in GB18030, a Russian one in windows-1251).
        if (Storyfold.Text.LegacyCharsets.Guess(bytes) is { } guessed)
        {
            return new Decoded(guessed.GetString(bytes), $"labelled {label} but not valid UTF-8; read as {guessed.WebName}, which its bytes point to");
        }

        var windows1252 = Lookup("windows-1252") ?? Encoding.Latin1;
        return new Decoded(windows1252.GetString(bytes), $"labelled {label} but not valid UTF-8; read as Windows-1252");
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static bool HasMultiByteUtf8(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    private static bool IsUtf8Label(string label) =>
        label.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || label.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static Encoding? Lookup(string label)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(label) ?? Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\A\s*<\?xml[^>]*?\bencoding\s*=\s*[""'](?<enc>[A-Za-z0-9._:-]+)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncoding();
}
