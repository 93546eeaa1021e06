using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Storyfold.Ingest;
using Storyfold.Text;

namespace Storyfold.Extraction;

/// <summary>Bytes of a web page as text, or why they are not one.</summary>
/// <param name="Html">The decoded page; null when <paramref name="Problem"/> says why there is none.</param>
/// <param name="Encoding">The web name of the encoding used, for diagnostics.</param>
public sealed record DecodedHtml(string? Html, string Encoding, string? Problem);

/// <summary>
/// Decodes a page's bytes the way browsers do in spirit: a byte-order mark wins, then a declared charset
/// (<c>&lt;meta charset&gt;</c> or <c>http-equiv</c>), then UTF-8 when the bytes are valid UTF-8, else the legacy charset of
/// the page's declared language when the bytes read in it (GB18030 for Chinese, windows-1251 for Russian, windows-1250
/// for Polish, ...), else the legacy charset the bytes themselves point to (<see cref="LegacyCharsets.Guess"/>: pages
/// without a language or with a template's wrong one), else windows-1252.
/// A declaration that the bytes contradict (valid UTF-8 with multi-byte sequences labelled as a single-byte charset, or
/// labelled as Shift_JIS, GBK and the like with many of them) is not believed.
/// </summary>
public static partial class HtmlDecoding
{
    /// <summary>How far into the page a charset declaration is looked for (the HTML standard's prescan uses 1024 bytes; real pages put it later).</summary>
    private const int PrescanBytes = 8192;

    private static readonly Lazy<bool> CodePages = new(() =>
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static DecodedHtml Decode(ReadOnlySpan<byte> bytes)
    {
        _ = CodePages.Value;
        if (TextDecoding.IsBlank(bytes))
        {
            return new DecodedHtml(null, "", "empty file");
        }

        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return Text(new UTF8Encoding(false).GetString(bytes[3..]), "utf-8");
        }

        if (bytes is [0xFF, 0xFE, ..])
        {
            return Text(System.Text.Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return Text(System.Text.Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        }

        if (LooksBinary(bytes))
        {
            return new DecodedHtml(null, "", "not an HTML page (binary data)");
        }

        var declared = DeclaredEncoding(bytes);
        var validUtf8 = Utf8.IsValid(bytes);
        Encoding encoding;
        if (declared is null || declared.CodePage is 65001 or 1200 or 1201 or 12000 or 12001)
        {
            // Undeclared (or an impossible UTF-16 label on ASCII-compatible bytes): the bytes decide.
            encoding = validUtf8 ? new UTF8Encoding(false) : LanguageCharset(bytes) ?? LegacyCharsets.Guess(bytes) ?? Windows1252;
        }
        else if (validUtf8 && (IsSingleByte(declared) ? 1 : MultiByteLabelOverruled) is var overruling && Utf8Sequences(bytes, overruling) >= overruling)
        {
            // Real pages often keep an old charset label after moving to UTF-8; mojibake would be worse than ignoring it.
            // Text in a multi-byte charset (Shift_JIS, GBK, EUC-KR) passes for UTF-8 by chance over a character or two
            // at most, so such a label gives way only to bytes that read as UTF-8 many times over.
            encoding = new UTF8Encoding(false);
        }
        else
        {
            encoding = declared;
        }

        return Text(encoding.GetString(bytes), encoding.WebName);
    }

    /// <summary>How much of a page is sampled to tell markup from binary data.</summary>
    internal const int BinarySample = 4096;

    /// <summary>
    /// True for bytes that are not a page: a file format's signature (PDF, PNG, JPEG, GIF, ZIP, gzip) or a sample thick
    /// with NUL and control bytes. A page served with a few stray NULs (a broken template, a truncated upload) is
    /// still a page and is read as well as it can be; UTF-16 without a byte-order mark, half NULs, is not taken for one.
    /// </summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF-"u8) || bytes.StartsWith("GIF8"u8) || bytes.StartsWith("PK\x03\x04"u8) ||
            bytes is [0x89, (byte)'P', (byte)'N', (byte)'G', ..] or [0xFF, 0xD8, 0xFF, ..] or [0x1F, 0x8B, ..])
        {
            return true;
        }

        var sample = bytes[..Math.Min(bytes.Length, BinarySample)];
        var (nuls, controls) = TextDecoding.ControlCodes(sample);
        return IsBinaryShare(sample.Length, nuls, controls);
    }

    /// <summary>
    /// True when NULs are more than 2% of a sample or control characters (NUL among them) more than 5%: markup has
    /// next to none, binary formats many, and a page with a handful of stray ones is still markup.
    /// </summary>
    internal static bool IsBinaryShare(int sampled, int nuls, int controls) => nuls * 50 > sampled || controls * 20 > sampled;

    /// <summary>
    /// For bytes that are not UTF-8 and name no other charset, the legacy charset of the language the page declares
    /// (<c>&lt;html lang&gt;</c>): Chinese, Japanese and Korean pages written before UTF-8 used GB18030 (GBK) or Big5,
    /// Shift_JIS or EUC-JP, and EUC-KR; Russian, Ukrainian, Bulgarian and Serbian ones windows-1251, Greek windows-1253,
    /// Hebrew windows-1255, Arabic and Persian windows-1256, Thai windows-874, Central European ones windows-1250,
    /// Turkish windows-1254, Baltic ones windows-1257, Vietnamese windows-1258 (the fallbacks browsers use in those
    /// languages' locales); windows-1252 turns them to mojibake. A charset is taken only when it reads the whole page
    /// without an invalid sequence and, for a script other than Latin, nearly all that it reads beyond ASCII is that
    /// script; null otherwise, and the bytes' statistics decide (see <see cref="Decode"/>).
    /// </summary>
    private static Encoding? LanguageCharset(ReadOnlySpan<byte> bytes)
    {
        if (LanguageDeclaration().Match(PrescanHead(bytes)) is not { Success: true } match)
        {
            return null;
        }

        var language = match.Groups["lang"].Value.ToLowerInvariant();
        string[] candidates = language switch
        {
            _ when language.StartsWith("zh", StringComparison.Ordinal) && (language.Contains("hant", StringComparison.Ordinal) ||
                language.Contains("-tw", StringComparison.Ordinal) || language.Contains("-hk", StringComparison.Ordinal) || language.Contains("-mo", StringComparison.Ordinal)) => ["big5", "gb18030"],
            _ when language.StartsWith("zh", StringComparison.Ordinal) => ["gb18030", "big5"],
            _ when language.StartsWith("ja", StringComparison.Ordinal) => ["shift_jis", "euc-jp"],
            _ when language.StartsWith("ko", StringComparison.Ordinal) => ["euc-kr"],
            _ => SingleByteCharsets.TryGetValue(PageExtractor.LanguageCode(language) ?? "", out var single) ? [single] : [],
        };

        foreach (var name in candidates)
        {
            var strict = System.Text.Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            try
            {
                if (ReadsAsScript(strict.GetString(bytes), name))
                {
                    return System.Text.Encoding.GetEncoding(name);
                }
            }
            catch (DecoderFallbackException)
            {
                // Not this charset: a byte sequence it does not define.
            }
        }

        return null;
    }

    /// <summary>The single-byte legacy charset of a language (ISO 639-1) whose pages used one before UTF-8.</summary>
    private static readonly Dictionary<string, string> SingleByteCharsets = new(StringComparer.Ordinal)
    {
        ["ru"] = "windows-1251", ["uk"] = "windows-1251", ["be"] = "windows-1251", ["bg"] = "windows-1251", ["mk"] = "windows-1251",
        ["sr"] = "windows-1251", ["el"] = "windows-1253", ["he"] = "windows-1255", ["ar"] = "windows-1256", ["fa"] = "windows-1256",
        ["ur"] = "windows-1256", ["th"] = "windows-874", ["pl"] = "windows-1250", ["cs"] = "windows-1250", ["sk"] = "windows-1250",
        ["hu"] = "windows-1250", ["sl"] = "windows-1250", ["hr"] = "windows-1250", ["bs"] = "windows-1250", ["ro"] = "windows-1250",
        ["tr"] = "windows-1254", ["az"] = "windows-1254", ["lt"] = "windows-1257", ["lv"] = "windows-1257", ["et"] = "windows-1257",
        ["vi"] = "windows-1258",
    };

    /// <summary>
    /// True when the text, as the charset reads it, is in the charset's script: at least 90% of its characters beyond
    /// ASCII (and at least four) are of it, and, for an alphabet, at most one in ten of those sits against an ASCII
    /// letter (Western text read as windows-1251 turns "Señor" into "Seсor": a word is written in one script). A Latin
    /// charset reads letters of the Latin script either way; the language alone chooses it.
    /// </summary>
    private static bool ReadsAsScript(string text, string charset)
    {
        Func<char, bool>? script = charset switch
        {
            "gb18030" or "big5" or "shift_jis" or "euc-jp" or "euc-kr" => c => Scripts.IsCjk(c) || Scripts.IsFullWidthForm(c),
            "windows-1251" => c => c is >= '\u0400' and <= '\u04FF',
            "windows-1253" => c => c is >= '\u0370' and <= '\u03FF',
            "windows-1255" => c => c is >= '\u0590' and <= '\u05FF',
            "windows-1256" => c => c is >= '\u0600' and <= '\u06FF',
            "windows-874" => c => c is >= '\u0E00' and <= '\u0E7F',
            _ => null,
        };
        if (script is null)
        {
            return true;
        }

        // The single-byte charsets here (windows-1251 to windows-874) write alphabets; CJK text sits against Latin words ("iPhone手机").
        var alphabet = charset.StartsWith("windows-", StringComparison.Ordinal);
        var (beyondAscii, inScript, inLatinWords) = LegacyCharsets.CountBeyondAscii(text, script);
        return inScript >= 4 && inScript * 10 >= beyondAscii * 9 && (!alphabet || inLatinWords * 10 <= inScript);
    }

    private static Encoding Windows1252 => System.Text.Encoding.GetEncoding(1252);

    // Pages that were double-encoded somewhere upstream are put right here, so title, text and metadata all read well.
    private static DecodedHtml Text(string html, string encoding) =>
        string.IsNullOrWhiteSpace(html) ? new DecodedHtml(null, encoding, "empty file") : new DecodedHtml(Storyfold.Text.MojibakeRepair.Repair(html), encoding, null);

    /// <summary>The page's first bytes, where declarations are looked for, one character a byte.</summary>
    private static string PrescanHead(ReadOnlySpan<byte> bytes) => System.Text.Encoding.Latin1.GetString(bytes.Length > PrescanBytes ? bytes[..PrescanBytes] : bytes);

    /// <summary>The encoding a page declares in its first bytes, or null when none or an unknown one.</summary>
    internal static Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var match = CharsetDeclaration().Match(PrescanHead(bytes));
        if (!match.Success)
        {
            return null;
        }

        return ForLabel(match.Groups["name"].Value);
    }

    /// <summary>The encoding for a charset label, with the web's aliases (latin1 and ascii mean windows-1252).</summary>
    public static Encoding? ForLabel(string label)
    {
        _ = CodePages.Value;
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        switch (name)
        {
            case "iso-8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "iso8859-1" or "iso_8859-1":
                return Windows1252;
            case "utf8" or "unicode-1-1-utf-8":
                return new UTF8Encoding(false);
            case "x-sjis" or "sjis" or "shift-jis":
                name = "shift_jis";
                break;
            case "gb2312" or "gbk" or "x-gbk":
                name = "gb18030";
                break;
        }

        try
        {
            var encoding = System.Text.Encoding.GetEncoding(name);
            return encoding.CodePage == 65001 ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsSingleByte(Encoding encoding) => encoding.IsSingleByte;

    /// <summary>How many UTF-8 multi-byte sequences overrule a declared multi-byte charset (see <see cref="Decode"/>).</summary>
    private const int MultiByteLabelOverruled = 8;

    /// <summary>The multi-byte sequences in bytes known to be valid UTF-8 (counted by their lead bytes), up to <paramref name="enough"/>.</summary>
    private static int Utf8Sequences(ReadOnlySpan<byte> bytes, int enough) => LegacyCharsets.CountInRange(bytes, 0xC2, 0xF4, enough);

    // <html lang="zh-CN">, the page's declared language.
    [GeneratedRegex("""<html\b[^>]*?\blang\s*=\s*["']?(?<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", RegexOptions.IgnoreCase)]
    private static partial Regex LanguageDeclaration();

    // <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x"> and the XML declaration.
    [GeneratedRegex("""<meta[^>]*?charset\s*=\s*["']?(?<name>[A-Za-z0-9._:-]+)|<\?xml[^>]*encoding\s*=\s*["'](?<name>[A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetDeclaration();
}
