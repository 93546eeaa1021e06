using System.Text;
using UtfUnknown;

namespace Storyfold.Text;

/// <summary>
/// The legacy charset that bytes declaring none, and not UTF-8, were most likely written in, as the Mozilla universal
/// charset detector (its UTF.Unknown port) reads their byte statistics: GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR,
/// windows-1251 or KOI8-R, the Greek, Hebrew, Arabic, Thai, Turkish and Central European charsets.
/// </summary>
public static class LegacyCharsets
{
    /// <summary>
    /// How many bytes of text the detector reads. Its answer settles within a few kilobytes of text, and it reads some
    /// 10 MB a second on Western text: a whole page of 300 KB would take longer than the rest of its extraction.
    /// </summary>
    private const int Sample = 64 * 1024;

    /// <summary>
    /// The least confidence taken. The detector answers windows-1252 at 0.5 when the bytes give it nothing to go on;
    /// its answers on a sentence of real text in the charsets above come at 0.6 and over.
    /// </summary>
    private const float LeastConfidence = 0.6f;

    /// <summary>
    /// The least confidence taken for a Latin charset other than windows-1252 (Central European, Turkish, Baltic, ...).
    /// These read Western text as letters too, and the detector names one of them for a page of Western text mixing a
    /// few languages at 0.6 to 0.69; Polish, Czech, Hungarian, Turkish and Lithuanian text comes at 0.7 and over (measured
    /// on sentences written for the purpose: none of 905 Western pages misread at 0.7, and all of 162 others read right).
    /// </summary>
    private const float LeastLatinConfidence = 0.7f;

    /// <summary>
    /// The fewest characters a Latin charset other than windows-1252 must read differently from it. An English page
    /// with curly quotes (alike in both) and one "Español" came out as windows-1250 at 0.73, which turned the "ñ" into
    /// "ń"; Polish, Czech or Turkish text differs in a handful of letters a sentence. On fewer the guess rests on too
    /// little, and windows-1252 gets only those few wrong if it is the wrong one.
    /// </summary>
    private const int LeastLatinEvidence = 8;

    /// <summary>
    /// The fewest bytes beyond ASCII the sample must hold: ten CJK characters, a few words of Cyrillic, a paragraph of
    /// Polish. On less the detector's confidence means little ("façade" reads as DOS Central European at 0.86, "Zürich"
    /// as Maltese at 0.84), and a page with so little text beyond ASCII loses little to windows-1252.
    /// </summary>
    private const int LeastEvidence = 24;

    /// <summary>
    /// The charset the bytes read as, or null for Western text (windows-1252, ISO-8859-1 and -15, which the callers'
    /// windows-1252 reads alike in practice) and when the bytes give too little to go on.
    /// </summary>
    public static Encoding? Guess(ReadOnlySpan<byte> bytes)
    {
        if (CountInRange(bytes, 0x80, 0xFF, LeastEvidence) < LeastEvidence)
        {
            return null;
        }

        var sample = TextSample(bytes);
        if (CharsetDetector.DetectFromBytes(sample).Detected is not { } detected || detected.Confidence < LeastConfidence ||
            WebName(detected.EncodingName) is not { } name || Named(name) is not { } encoding)
        {
            return null;
        }

        if (IsLatin(name))
        {
            return detected.Confidence >= LeastLatinConfidence && ReadDifferently(sample, encoding) >= LeastLatinEvidence ? encoding : null;
        }

        // Another script's letters stand in words of their own. Western text misread in a multi-byte charset pairs an
        // accented letter with the next ASCII letter into one character inside a Latin word ("P䤮ministerin"), and the
        // detector can be sure of it: Finnish read as GB18030 came at 1.0.
        var (beyondAscii, _, inLatinWords) = CountBeyondAscii(encoding.GetString(sample), static _ => true);
        return inLatinWords * 5 <= beyondAscii ? encoding : null;
    }

    /// <summary>
    /// The characters beyond ASCII in the text: how many there are, how many of them <paramref name="inScript"/> takes,
    /// and how many of those have an ASCII letter on either side (letters of another script set inside Latin words).
    /// </summary>
    internal static (int BeyondAscii, int InScript, int InLatinWords) CountBeyondAscii(string text, Func<char, bool> inScript)
    {
        var beyondAscii = 0;
        var inScriptCount = 0;
        var inLatinWords = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] < 0x80)
            {
                continue;
            }

            beyondAscii++;
            if (inScript(text[i]))
            {
                inScriptCount++;
                inLatinWords += (i > 0 && char.IsAsciiLetter(text[i - 1])) || (i + 1 < text.Length && char.IsAsciiLetter(text[i + 1])) ? 1 : 0;
            }
        }

        return (beyondAscii, inScriptCount, inLatinWords);
    }

    /// <summary>
    /// The stretches of text between tags that hold bytes beyond ASCII, one a line, up to <see cref="Sample"/> bytes:
    /// what the detector needs, without the scripts, styles and markup (all ASCII) that make up most of a page and
    /// most of the time it would spend on it. A stretch runs from a '&gt;' to a '&lt;', bytes that no multi-byte charset
    /// uses inside a character, so no character is cut in two (but the last, where the sample is full).
    /// </summary>
    internal static byte[] TextSample(ReadOnlySpan<byte> bytes)
    {
        var sample = new List<byte>(Math.Min(bytes.Length, Sample));
        var at = 0;
        while (sample.Count < Sample && bytes[at..].IndexOfAnyInRange((byte)0x80, (byte)0xFF) is var found and >= 0)
        {
            var high = at + found;
            var start = at + bytes[at..high].LastIndexOf((byte)'>') + 1;
            var end = bytes[high..].IndexOf((byte)'<') is var ahead and >= 0 ? high + ahead : bytes.Length;
            sample.AddRange(bytes[start..Math.Min(end, start + Sample - sample.Count)]);
            sample.Add((byte)'\n');
            at = end;
        }

        return [.. sample];
    }

    /// <summary>How many of the sample's characters a single-byte charset reads otherwise than windows-1252 does.</summary>
    private static int ReadDifferently(byte[] sample, Encoding encoding)
    {
        var western = (CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1).GetString(sample);
        var read = encoding.GetString(sample);
        return read.Length == western.Length ? read.Where((c, i) => c != western[i]).Count() : read.Length;
    }

    /// <summary>True for the charsets of the Latin script besides the Western ones (their names as <see cref="WebName"/> gives them).</summary>
    private static bool IsLatin(string name) =>
        name is "windows-1250" or "windows-1254" or "windows-1257" or "windows-1258" ||
        (name.StartsWith("iso-8859-", StringComparison.Ordinal) && name is not ("iso-8859-5" or "iso-8859-6" or "iso-8859-7" or "iso-8859-8" or "iso-8859-8-i"));

    private static Encoding? Named(string name)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            // A charset the detector knows and .NET does not (EUC-TW, VISCII, ISO-8859-16).
            return null;
        }
    }

    /// <summary>How many of the bytes lie in the range from <paramref name="low"/> to <paramref name="high"/>, up to <paramref name="enough"/>.</summary>
    internal static int CountInRange(ReadOnlySpan<byte> bytes, byte low, byte high, int enough)
    {
        var count = 0;
        for (var at = bytes.IndexOfAnyInRange(low, high); at >= 0 && count < enough; at = bytes.IndexOfAnyInRange(low, high))
        {
            count++;
            bytes = bytes[(at + 1)..];
        }

        return count;
    }

    /// <summary>
    /// The name the web reads a detected charset by (the WHATWG Encoding Standard's aliases: ISO-8859-9 is read as
    /// windows-1254, TIS-620 as windows-874), or null for Western text and for what is no legacy charset: ASCII, the
    /// UTF forms (a page without a byte-order mark in UTF-16 or -32 is taken for binary data before this), the 7-bit
    /// ISO-2022 and HZ forms, whose bytes are valid UTF-8 and never reach here, and the DOS and Mac code pages (IBM852,
    /// IBM866, x-mac-cyrillic), which web pages next to never used and which short Western text passes for.
    /// </summary>
    internal static string? WebName(string? detected)
    {
        var name = detected?.ToLowerInvariant();
        return name switch
        {
            null or "ascii" or "windows-1252" or "iso-8859-1" or "iso-8859-15" or "hz-gb-2312" => null,
            _ when name.StartsWith("utf-", StringComparison.Ordinal) || name.StartsWith("x-iso-10646", StringComparison.Ordinal) ||
                   name.StartsWith("iso-2022", StringComparison.Ordinal) || name.StartsWith("ibm", StringComparison.Ordinal) ||
                   name.StartsWith("x-mac", StringComparison.Ordinal) => null,
            "shift-jis" => "shift_jis",
            "iso-8859-9" => "windows-1254",
            "tis-620" or "iso-8859-11" => "windows-874",
            "gb2312" or "gbk" => "gb18030",
            _ => name,
        };
    }
}
