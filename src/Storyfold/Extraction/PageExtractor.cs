using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Extraction;

/// <summary>
/// Turns a web page into an article: main text without navigation, ads, related links or comments, plus title,
/// authors, publication date, language and site name. Thread-safe; one instance serves any number of pages.
/// </summary>
public sealed class PageExtractor
{
    /// <summary>Larger pages are refused: no article needs this much markup, and parsing it would cost gigabytes.</summary>
    public const int MaxPageChars = 64 * 1024 * 1024;

    /// <summary>Elements nested deeper than this are kept as siblings at this depth, as the parser allows.</summary>
    private const int MaxNesting = 512;

    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsKeepingSourceReferences = false,
        SkipComments = true,
        SkipProcessingInstructions = true,
        SkipCDATA = true,
        DisableElementPositionTracking = true,
        MaximumDepth = MaxNesting,
    };

    /// <summary>Decodes the page's bytes (BOM, declared charset, else UTF-8 or windows-1252), then extracts.</summary>
    public ExtractionResult Extract(ReadOnlySpan<byte> bytes, string? url = null)
    {
        if (bytes.Length > MaxPageChars)
        {
            return ExtractionResult.Fail($"page too large ({bytes.Length / (1024 * 1024)} MB; the limit is {MaxPageChars / (1024 * 1024)} MB)");
        }

        var decoded = HtmlDecoding.Decode(bytes);
        return decoded.Html is null ? ExtractionResult.Fail(decoded.Problem ?? "cannot decode") : Extract(decoded.Html, url);
    }

    public ExtractionResult Extract(string html, string? url = null)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return ExtractionResult.Fail("empty file");
        }

        if (html.Length > MaxPageChars)
        {
            return ExtractionResult.Fail($"page too large ({html.Length / (1024 * 1024)} M characters; the limit is {MaxPageChars / (1024 * 1024)} M)");
        }

        if (!LooksLikeText(html))
        {
            return ExtractionResult.Fail("not an HTML page (binary data)");
        }

        var parser = new HtmlParser(ParserOptions);
        using var document = parser.ParseDocument(html);
        return Extract(document, url);
    }

    private static ExtractionResult Extract(IHtmlDocument document, string? fetchedUrl)
    {
        var body = document.Body ?? document.DocumentElement;
        if (body is null)
        {
            return ExtractionResult.Fail("no page content");
        }

        var meta = PageMeta.Read(document);
        var structured = StructuredData.Read(meta.JsonLd);
        var url = FirstUrl(meta.Canonical, meta.Get("og:url"), structured.Url, fetchedUrl);
        var page = PageBlocks.Read(body);

        var bodyWords = structured.ArticleBody is { Length: > 200 } articleBody ? WordSet(articleBody) : null;
        Func<PageBlock, bool>? matches = bodyWords is null ? null : block => Matches(block, bodyWords);
        var selected = ContentSelector.Select(page, matches);

        var siteName = SiteName(meta, structured, url);
        var title = TitleFinder.Find(page, meta, structured, siteName);
        var content = ArticleText.Compose(page, selected, title);
        if (content.Text.Length == 0 && structured.ArticleBody is { Length: > 0 } fallbackBody)
        {
            content = content with { Text = ArticleText.FromPlainText(fallbackBody) };
        }

        if (content.Text.Length == 0 && title.Length == 0)
        {
            return ExtractionResult.Fail("no article text found");
        }

        var published = PublishedDate(meta, structured, url, page, content.FirstBlock);
        var authors = Bylines.Authors(meta, structured, document, page, content.FirstBlock);
        var language = Language(meta, structured, title, content.Text);
        return ExtractionResult.Ok(new ExtractedPage
        {
            Title = title,
            Authors = authors,
            Published = published,
            Language = language,
            SiteName = siteName,
            Url = url,
            Text = content.Text,
            Captions = content.Captions,
        });
    }

    private static string? FirstUrl(params string?[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate is not null && Uri.TryCreate(candidate.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri.ToString();
            }
        }

        return null;
    }

    private static PublicationDate? PublishedDate(PageMeta meta, StructuredData structured, string? url, PageBlocks page, int firstBlock)
    {
        foreach (var value in (string?[])[structured.DatePublished, .. meta.PublishedValues(), structured.DateCreated])
        {
            if (TextDates.ParseValue(value) is { } date)
            {
                return date;
            }
        }

        foreach (var time in meta.TimeValues)
        {
            if (TextDates.ParseValue(time) is { } date)
            {
                return date;
            }
        }

        if (TextDates.FromUrl(url) is { } fromUrl)
        {
            return fromUrl;
        }

        // A visible byline near the start of the article.
        var from = Math.Max(0, firstBlock - 12);
        var to = Math.Min(page.Blocks.Count, firstBlock + 6);
        for (var i = from; i < to; i++)
        {
            var block = page.Blocks[i];
            if (block.Words <= 30 && TextDates.FindInText(block.Text) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static string? SiteName(PageMeta meta, StructuredData structured, string? url)
    {
        var name = meta.Get("og:site_name") ?? structured.WebsiteName ?? structured.Publisher ?? meta.Get("application-name") ??
                   meta.Get("apple-mobile-web-app-title");
        if (!string.IsNullOrWhiteSpace(name))
        {
            return Normalise(name);
        }

        return ArticleCleaner.SourceFromUrl(url);
    }

    private static string? Language(PageMeta meta, StructuredData structured, string title, string text)
    {
        foreach (var declared in (string?[])[meta.HtmlLang, meta.Get("content-language"), meta.Get("og:locale"), structured.Language])
        {
            if (LanguageCode(declared) is { } code)
            {
                return code;
            }
        }

        return LanguageDetector.Detect(title + "\n" + text);
    }

    /// <summary>The primary subtag of a BCP 47 tag or POSIX locale: <c>en-US</c> and <c>en_GB</c> give <c>en</c>.</summary>
    internal static string? LanguageCode(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Trim().Split('-', '_', ',', ';', ' ')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) && primary is not ("und" or "mul" or "zxx") ? primary : null;
    }

    private static bool Matches(PageBlock block, HashSet<string> bodyWords)
    {
        if (block.Words < 4)
        {
            return false;
        }

        int total = 0, found = 0;
        foreach (var word in Words(block.Text))
        {
            total++;
            if (bodyWords.Contains(word))
            {
                found++;
            }
        }

        return total > 0 && found >= 0.8 * total;
    }

    private static HashSet<string> WordSet(string text) => [.. Words(System.Net.WebUtility.HtmlDecode(text))];

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    internal static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in System.Net.WebUtility.HtmlDecode(text))
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    private static bool LooksLikeText(string html)
    {
        var sample = html.AsSpan(0, Math.Min(html.Length, 4096));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return false;
            }

            if (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        return control * 20 <= sample.Length;
    }
}
