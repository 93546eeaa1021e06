using System.Text;
using System.Text.RegularExpressions;

namespace Storyfold.Feeds;

/// <summary>Decodes a fetched web page: byte order mark, then the server's charset, then the page's meta charset, else UTF-8.</summary>
internal static partial class PageText
{
    public static string Decode(byte[] bytes, string? httpCharset)
    {
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        var label = httpCharset ?? (MetaCharset().Match(head) is { Success: true } m ? m.Groups["cs"].Value : null);
        var encoding = Lookup(label);
        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : (Lookup("windows-1252") ?? Encoding.Latin1).GetString(bytes);
        }

        return encoding.GetString(bytes);
    }

    private static Encoding? Lookup(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(label.Trim('"', ' ')) ?? Encoding.GetEncoding(label.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<cs>[A-Za-z0-9._:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
