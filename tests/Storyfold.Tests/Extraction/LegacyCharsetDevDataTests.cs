using System.Text;
using System.Text.Json;
using Storyfold.Extraction;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Extraction;

/// <summary>
/// Real news and articles (the dev corpora) written as pages that declare neither charset nor language, in the legacy charset of
/// their script, decode to the very page: Chinese in GB18030 is read as such, Western text in windows-1252 is never
/// taken for another charset.
/// </summary>
public sealed partial class LegacyCharsetDevDataTests(ITestOutputHelper output)
{
    [Fact]
    public void Undeclared_legacy_pages_of_real_news_decode_to_the_page()
    {
        var texts = Texts(SharedData.Require("data/clustering/mmds-dev.jsonl"), "text")
            .Concat(Texts(SharedData.Require("data/clustering/ecbplus-dev.jsonl"), "text"))
            .Concat(NeusTexts(SharedData.Require("data/summaries/neus-val.jsonl")))
            .Concat(Texts(SharedData.Require("data/extraction/wcxb-dev/ground-truth.jsonl"), "text"))
            .ToList();
        var gb18030 = HtmlDecoding.ForLabel("gb18030")!;
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
        var counts = new Dictionary<string, (int Pages, int Right)>();
        var westernWithEvidence = 0;
        var wrong = new List<string>();
        foreach (var text in texts)
        {
            var chinese = text.Count(c => c is >= '\u4E00' and <= '\u9FFF') * 5 > text.Length;
            var page = "<html><head><title>News</title></head><body>" +
                       string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>")) +
                       "</body></html>";
            byte[] bytes;
            try
            {
                bytes = chinese ? gb18030.GetBytes(page) : windows1252.GetBytes(page);
            }
            catch (EncoderFallbackException)
            {
                // Western text with a character windows-1252 lacks (Cyrillic names, emoji) has no such page.
                continue;
            }

            if (!chinese && !bytes.Any(b => b >= 0x80))
            {
                continue;
            }

            // Pages with a couple of dozen bytes beyond ASCII or more are the ones whose charset is guessed at all.
            westernWithEvidence += !chinese && bytes.Count(b => b >= 0x80) >= 24 ? 1 : 0;
            var decoded = HtmlDecoding.Decode(bytes);
            var kind = chinese ? "gb18030" : "windows-1252";
            var (pages, right) = counts.GetValueOrDefault(kind);
            var ok = decoded.Html == page;
            counts[kind] = (pages + 1, right + (ok ? 1 : 0));
            if (!ok)
            {
                wrong.Add($"{kind} page read as {decoded.Encoding}: {text[..Math.Min(80, text.Length)]}");
            }
        }

        foreach (var (kind, (pages, right)) in counts)
        {
            output.WriteLine($"{kind}: {right} of {pages} undeclared pages decoded to the page");
        }

        output.WriteLine($"windows-1252 pages with 24 bytes beyond ASCII or more: {westernWithEvidence}");
        Assert.True(westernWithEvidence >= 150, "enough Western pages reach the guess");
        Assert.True(counts.GetValueOrDefault("gb18030").Pages >= 30, "the MMDS dev set holds Chinese news");
        Assert.True(counts.GetValueOrDefault("windows-1252").Pages >= 1_000, "the dev sets hold Western news beyond ASCII");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(10)));
    }

    [Fact]
    public void Real_pages_written_in_undeclared_windows_1252_are_read_as_windows_1252()
    {
        // Whole pages, with their scripts and markup: the wcxb-dev pages with their charset and language declarations
        // taken out, written in windows-1252 ('?' for what it lacks), where that leaves them no longer UTF-8.
        var folder = SharedData.Require("data/extraction/wcxb-dev/html");
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback)!;
        var pages = 0;
        var wrong = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.html.gz").Order(StringComparer.Ordinal).Take(300))
        {
            using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            var html = HtmlTag().Replace(CharsetDeclaration().Replace(reader.ReadToEnd(), ""), tag => LanguageAttribute().Replace(tag.Value, ""), 1);
            var bytes = windows1252.GetBytes(html);
            if (System.Text.Unicode.Utf8.IsValid(bytes))
            {
                continue;
            }

            pages++;
            var decoded = HtmlDecoding.Decode(bytes);
            var expected = Storyfold.Text.MojibakeRepair.Repair(windows1252.GetString(bytes));
            if (decoded.Html != expected)
            {
                var read = decoded.Html ?? "";
                var at = Enumerable.Range(0, Math.Min(read.Length, expected.Length)).FirstOrDefault(i => read[i] != expected[i]);
                wrong.Add($"{Path.GetFileName(file)} read as {decoded.Encoding}: {read.Substring(Math.Max(0, at - 30), Math.Min(60, read.Length - Math.Max(0, at - 30)))}");
            }
        }

        output.WriteLine($"{pages - wrong.Count} of {pages} real pages in undeclared windows-1252 read as windows-1252 reads them");
        Assert.True(pages >= 250, $"only {pages} pages");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [System.Text.RegularExpressions.GeneratedRegex("<meta[^>]*charset[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CharsetDeclaration();

    [System.Text.RegularExpressions.GeneratedRegex(@"<html\b[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex HtmlTag();

    [System.Text.RegularExpressions.GeneratedRegex("""\blang\s*=\s*["'][^"']*["']""", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex LanguageAttribute();

    private static IEnumerable<string> Texts(string path, string field) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty(field).GetString() ?? "");

    private static IEnumerable<string> NeusTexts(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0)
            .SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("text").GetString() ?? ""));
}
