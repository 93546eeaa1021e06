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
public sealed partial class PageExtractor
{
    /// <summary>Larger pages are refused: no article needs this much markup, and parsing it would cost gigabytes.</summary>
    public const int MaxPageChars = 64 * 1024 * 1024;

    /// <summary>Elements nested deeper than this are kept as siblings at this depth, as the parser allows.</summary>
    private const int MaxNesting = 512;

    /// <summary>Below this many words the page is read again with hidden elements included.</summary>
    private const int ShortArticleWords = 150;

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

    public ExtractionResult Extract(string html, string? url = null) => Extract(html, url, null);

    /// <summary>Extracts, describing how the content was chosen (boxes and blocks with their scores) into <paramref name="explain"/>.</summary>
    public ExtractionResult Extract(string html, string? url, List<string>? explain)
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
        // The document keeps the prepared buffer as its source, so the buffer goes back to the pool only once the
        // extraction is done with it. The document itself is left to the collector: it holds nothing but memory (no
        // finalizer, no handles), and disposing it detached the tree node by node, a walk of its own over every element.
        using var prepared = MarkupDepth.FlattenPooled(html);
        var document = parser.ParseDocument(prepared.Buffer, prepared.Length);
        return Extract(document, url, explain, StreamedContent.MayHoldParts(html));
    }

    private static ExtractionResult Extract(IHtmlDocument document, string? fetchedUrl, List<string>? explain, bool streamed)
    {
        var body = document.Body ?? document.DocumentElement;
        if (body is null)
        {
            return ExtractionResult.Fail("no page content");
        }

        if (streamed)
        {
            StreamedContent.Place(document);
        }

        var meta = PageMeta.Read(document);
        var structured = StructuredData.Read(meta.JsonLd);
        var url = FirstUrl(meta.Canonical, meta.Get("og:url"), structured.Url, fetchedUrl);
        var bodyWords = structured.ArticleBody is { Length: > 200 } articleBody ? WordSet(articleBody) : null;
        Func<PageBlock, bool>? matches = bodyWords is null ? null : block => Matches(block, bodyWords);
        var page = PageBlocks.Read(body);
        var descriptions = new[] { meta.Get("description"), meta.Get("og:description") }.OfType<string>().ToList();
        var selected = ContentSelector.Select(page, matches, explain, descriptions);
        if (selected.Sum(b => b.Words) < ShortArticleWords)
        {
            // Little visible text: the article may be in markup that a script reveals (hidden streamed content, preloaders).
            var revealed = PageBlocks.Read(body, honourHidden: false);
            var revealedSelected = ContentSelector.Select(revealed, matches, explain, descriptions);
            if (revealedSelected.Sum(b => b.Words) > 2 * Math.Max(20, selected.Sum(b => b.Words)))
            {
                page = revealed;
                selected = revealedSelected;
            }
        }

        var declaredSite = DeclaredSiteName(meta, structured);
        var siteName = declaredSite ?? ArticleCleaner.SourceFromUrl(url);
        var headline = TitleFinder.Find(page, meta, structured, siteName, selected.Count > 0 ? selected[0].Index : -1, selected.Count > 0 ? selected.Max(b => b.Index) : -1);
        var title = headline.Shown;
        // The page's language as it declares it, else as its selected text reads, for bylines in that language.
        var bylineLanguage = DeclaredLanguage(meta, structured) ?? (selected.Count > 0 ? LanguageDetector.Detect(title + "\n" + string.Join('\n', selected.Select(b => b.Text))) : null);
        var content = ArticleText.Compose(page, selected, title, explain, bylineLanguage);
        if (content.Text.Length == 0 && structured.ArticleBody is { Length: > 0 } fallbackBody)
        {
            content = content with { Text = ArticleText.FromPlainText(fallbackBody) };
        }

        if (content.Text.Length == 0 && title.Length == 0)
        {
            return ExtractionResult.Fail("no article text found");
        }

        var published = PublishedDate(meta, structured, url, page, content.FirstBlock, title);
        var authors = Bylines.Authors(meta, structured, document, page, content.FirstBlock, siteName, bylineLanguage);
        var withoutBio = ArticleText.WithoutAuthorBio(content.Text, authors);
        if (explain is not null && page.SourceTextRuns > 0)
        {
            explain.Add($"- source-text: {page.SourceTextRuns} {(page.SourceTextRuns == 1 ? "run" : "runs")} of script, data or markup shown as text, left out before scoring");
        }

        if (explain is not null && withoutBio.Length < content.Text.Length)
        {
            explain.Add($"- author-bio: {PageBlocks.CountWords(content.Text.AsSpan(withoutBio.Length))} words at the text's foot");
        }

        // Damage written into the markup as entities ("&acirc;&euro;&trade;" for an apostrophe) survives the repair of
        // the raw page and shows once the entities are decoded.
        content = content with { Text = Storyfold.Text.MojibakeRepair.Repair(withoutBio) };
        var language = Language(meta, structured, title, content.Text);
        return ExtractionResult.Ok(new ExtractedPage
        {
            Title = Storyfold.Text.MojibakeRepair.Repair(headline.Written),
            Authors = authors,
            Published = published,
            Language = language,
            // The declared form (tagline and all) stays the one titles and bylines are compared with; the output names the site.
            SiteName = declaredSite is not null ? SiteNames.Named(declaredSite, url) : SiteNames.FromTitle(meta.TitleElement, headline.Written, url, page, document) ?? siteName,
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

    /// <summary>
    /// The publication date: what the page shows near its headline when the metadata confirms it (a page that says
    /// "Updated March 3" means that date), else the declared date (JSON-LD, meta tags, time elements), the URL, or
    /// else a visible date near the headline.
    /// </summary>
    private static PublicationDate? PublishedDate(PageMeta meta, StructuredData structured, string? url, PageBlocks page, int firstBlock, string title)
    {
        PublicationDate? declared = TextDates.ParseValue(structured.DatePublished);
        var declaredValue = structured.DatePublished;
        if (declared is null)
        {
            // Meta tags that disagree about the publication date: a page can be stamped again when it is re-issued
            // or moved, and never published earlier than its first date.
            foreach (var value in meta.PublishedValues())
            {
                if (TextDates.ParseValue(value) is { } date && (declared is null || date.Day < declared.Value.Day))
                {
                    declared = date;
                    declaredValue = value;
                }
            }
        }

        // Else the first of the creation date and the time elements that reads as a date.
        foreach (var value in (string?[])[structured.DateCreated, .. meta.TimeValues])
        {
            if (declared is null && TextDates.ParseValue(value) is { } date)
            {
                declared = date;
                declaredValue = value;
            }
        }

        var monthFirst = TextDates.MonthFirst(meta.HtmlLang);

        // A declared date written as numbers whose day and month could swap ("02-12-2025"): the page's own shown date
        // settles the order when it shows the other reading and not this one.
        if (declared is { } numeric && SwappedReading(declaredValue) is { } swapped && swapped.Day != numeric.Day &&
            !ShownAnywhere(page, numeric, monthFirst) && ShownAnywhere(page, swapped, monthFirst))
        {
            declared = swapped;
        }
        var visible = VisibleDates(page, firstBlock, title, monthFirst);
        var fromUrl = TextDates.FromUrl(url);
        var modified = TextDates.ParseValue(structured.DateModified ?? meta.Get("article:modified_time") ?? meta.Get("og:updated_time"));
        if (declared is { } published)
        {
            if (visible.Any(v => (v.Date.Day == published.Day || v.OtherReading?.Day == published.Day) && !v.Revision))
            {
                return published;
            }

            // The page shows its revision date by the headline as its date, unlabelled: readers take that as the date
            // of the article, when the page's JSON-LD states the publication and the revision both (the schema and the
            // byline agree on what the page calls its date). Labelled ("Updated May 3"), it is a revision of an article
            // published earlier. A page that declares its publication only in meta tags and shows the revision stamp
            // unlabelled keeps the declared date: such templates print their last-modified time where the date goes
            // (5 pages of wcxb-dev, none the other way).
            if (modified is { } revised && visible.Any(v => v.Date.Day == revised.Day && !v.Revision))
            {
                return structured.DatePublished is not null ? revised : published;
            }

            // A time stamp in UTC can fall on the next or previous calendar day from the one the publisher shows in
            // the URL or the byline: the day the reader sees is the local one.
            if (published.HasTime && published.Value.Offset == TimeSpan.Zero &&
                (fromUrl ?? (visible.Count > 0 ? visible[0].Date : null)) is { } local && Math.Abs(local.Day.DayNumber - published.Day.DayNumber) == 1)
            {
                return local;
            }

            // The page says outright when it was published ("Published Apr 26, 2023") and shows the declared date
            // nowhere: the metadata carries a later re-publication.
            if (PublishedOnPage(page, monthFirst) is { } labelled && !ShownAnywhere(page, published, monthFirst))
            {
                return labelled;
            }

            // The page shows a date of its own in a line by the headline, unlabelled, and the declared one nowhere: the
            // metadata was stamped by a re-publication or an import, and the date readers see is the article's.
            if (visible.Count > 0 && !visible[0].Revision && visible.FirstOrDefault(v => v.DateLine && !v.Revision) is { DateLine: true } shown &&
                !ShownAnywhere(page, published, monthFirst))
            {
                return shown.Date;
            }
        }

        // Of the dates shown by the headline, one in the page's own furniture (today's date in the masthead) comes last.
        var byHeadline = visible.Count == 0 ? (PublicationDate?)null : visible.FirstOrDefault(v => !page.Boxes[v.Owner].Boilerplate, visible[0]).Date;
        return declared ?? fromUrl ?? byHeadline ?? PublishedOnPage(page, monthFirst) ??
               BylineDate(page, monthFirst) ?? LabelledDate(page, monthFirst) ?? modified;
    }

    /// <summary>The other reading of a numeric date "dd-mm-yyyy" or "mm/dd/yyyy" whose first two parts could both be the month.</summary>
    private static PublicationDate? SwappedReading(string? value)
    {
        if (value is null || AmbiguousNumericDate().Match(value) is not { Success: true } match ||
            !int.TryParse(match.Groups["a"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var a) ||
            !int.TryParse(match.Groups["b"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var b) ||
            !int.TryParse(match.Groups["y"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var y) ||
            a is < 1 or > 12 || b is < 1 or > 12 || a == b)
        {
            return null;
        }

        // Both readings are candidates; the one the parser did not take is the one whose day differs from it.
        var first = new PublicationDate(new DateTimeOffset(y, a, b, 0, 0, 0, TimeSpan.Zero), HasTime: false);
        var second = new PublicationDate(new DateTimeOffset(y, b, a, 0, 0, 0, TimeSpan.Zero), HasTime: false);
        return TextDates.ParseValue(value)?.Day == first.Day ? second : first;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?<a>\d{1,2})[-/.](?<b>\d{1,2})[-/.](?<y>(?:19|20)\d{2})\s*$")]
    private static partial System.Text.RegularExpressions.Regex AmbiguousNumericDate();

    /// <summary>Dates shown in short lines around the headline and the start of the text (bylines, datelines), in page order.</summary>
    private static List<(PublicationDate Date, PublicationDate? OtherReading, bool Revision, bool DateLine, int Owner)> VisibleDates(PageBlocks page, int firstBlock, string title, bool monthFirst)
    {
        var blocks = page.Blocks;
        var titleAt = -1;
        if (title.Length > 0)
        {
            for (var i = 0; i < blocks.Count; i++)
            {
                if (blocks[i].Kind == BlockKind.Heading && Normalise(blocks[i].Text) == title)
                {
                    titleAt = i;
                    break;
                }
            }
        }

        var from = Math.Max(0, Math.Min(titleAt >= 0 ? titleAt - 4 : int.MaxValue, firstBlock - 12));
        var to = Math.Min(blocks.Count, Math.Max(firstBlock + 6, titleAt + 25));
        var dates = new List<(PublicationDate, PublicationDate?, bool, bool, int)>();
        for (var i = from; i < to; i++)
        {
            var block = blocks[i];
            if (block.Words <= 30 && TextDates.FindInText(block.Text, monthFirst) is { } date)
            {
                dates.Add((date, TextDates.OtherReading(block.Text, monthFirst), RevisionLabel().IsMatch(block.Text), IsDateLine(block), block.Owner));
            }
        }

        return dates;
    }

    /// <summary>
    /// A line that is mostly a date (a byline's date, "7 min read · Dec 30, 2013"), not a sentence, quote or list
    /// entry that mentions one.
    /// </summary>
    private static bool IsDateLine(PageBlock block) =>
        block.Words <= DateLineWords && block.Kind is not (BlockKind.Quote or BlockKind.Caption or BlockKind.Heading);

    /// <summary>At most this many words in a line that shows a date (the date itself takes three or four).</summary>
    private const int DateLineWords = 9;

    /// <summary>
    /// True when the page shows the date in a line of its own anywhere (a byline under the article, a side column),
    /// other than as the date of an update.
    /// </summary>
    private static bool ShownAnywhere(PageBlocks page, PublicationDate date, bool monthFirst)
    {
        foreach (var block in page.Blocks)
        {
            if (block.Words <= DateLineWords && block.Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0 &&
                TextDates.FindInText(block.Text, monthFirst) is { } shown && shown.Day == date.Day &&
                (!RevisionLabel().IsMatch(block.Text) || PublishedLabel().IsMatch(block.Text)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A date that the page labels as its publication or update date ("Published on 3 May 2024", "Last updated:
    /// 05/03/2024") anywhere on the page: some templates put it under the article or in a side column.
    /// </summary>
    private static PublicationDate? LabelledDate(PageBlocks page, bool monthFirst)
    {
        PublicationDate? monthOnly = null;
        foreach (var block in page.Blocks)
        {
            if (block.Words > 12 || !PublishLabel().IsMatch(block.Text))
            {
                continue;
            }

            if (TextDates.FindInText(block.Text, monthFirst) is { } date)
            {
                return date;
            }

            // "Last Updated: June 2022": a month is all the page gives; its first day stands for it.
            monthOnly ??= TextDates.FindMonthInText(block.Text);
        }

        return monthOnly;
    }

    /// <summary>
    /// A date in a byline anywhere on the page, or on the line right after it ("Written by Maria Lopez" / "April 8,
    /// 2024"): some templates put the author and date under the article rather than by the headline.
    /// </summary>
    private static PublicationDate? BylineDate(PageBlocks page, bool monthFirst) =>
        DateOnLabelledLine(page, monthFirst, BylineLabel(), maxWords: 15, maxLabelOnlyWords: 15);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:written|posted|published|reviewed)\s+)?by\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BylineLabel();

    /// <summary>
    /// A date the page labels as the publication date: a short line "Published Apr 26, 2023" (perhaps followed by an
    /// update date), or a label line followed by the date on the next.
    /// </summary>
    private static PublicationDate? PublishedOnPage(PageBlocks page, bool monthFirst) =>
        DateOnLabelledLine(page, monthFirst, PublishedLabel(), maxWords: 12, maxLabelOnlyWords: 3);

    /// <summary>
    /// The first date in a line of at most <paramref name="maxWords"/> words that <paramref name="label"/> opens, or in
    /// the short line after it when the labelled line has no date and at most <paramref name="maxLabelOnlyWords"/> words.
    /// </summary>
    private static PublicationDate? DateOnLabelledLine(PageBlocks page, bool monthFirst, System.Text.RegularExpressions.Regex label, int maxWords, int maxLabelOnlyWords)
    {
        var blocks = page.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Words > maxWords || block.Kind == BlockKind.Quote || !label.IsMatch(block.Text))
            {
                continue;
            }

            if (TextDates.FindInText(block.Text, monthFirst) is { } date)
            {
                return date;
            }

            if (block.Words <= maxLabelOnlyWords && i + 1 < blocks.Count && blocks[i + 1].Words <= DateLineWords &&
                TextDates.FindInText(blocks[i + 1].Text, monthFirst) is { } next)
            {
                return next;
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:first |originally )?(?:published|posted)(?: on)?(?:\b|(?-i:(?=[A-Z])))|" + OtherLanguageLabels.Published + @")", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PublishedLabel();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:(?:first |originally |last )?(?:published|posted|updated|modified|reviewed)(?: on)?|date)\b|" + OtherLanguageLabels.Published + "|" + OtherLanguageLabels.Updated + ")", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PublishLabel();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?:updated|modified|revised|reviewed|edited)(?:\b|(?-i:(?=[A-Z])))|\b" + OtherLanguageLabels.Updated, System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex RevisionLabel();

    /// <summary>The name the page declares for its site (og, JSON-LD, the web app's name); null when it declares none.</summary>
    private static string? DeclaredSiteName(PageMeta meta, StructuredData structured)
    {
        var name = meta.Get("og:site_name") ?? structured.WebsiteName ?? structured.Publisher ?? meta.Get("application-name") ??
                   meta.Get("apple-mobile-web-app-title");
        return string.IsNullOrWhiteSpace(name) ? null : Normalise(name);
    }

    private static string? Language(PageMeta meta, StructuredData structured, string title, string text) =>
        DeclaredLanguage(meta, structured) ?? LanguageDetector.Detect(title + "\n" + text);

    /// <summary>The language the page declares (html lang, Content-Language, og:locale, JSON-LD inLanguage), as ISO 639-1; null when it declares none.</summary>
    private static string? DeclaredLanguage(PageMeta meta, StructuredData structured)
    {
        foreach (var declared in (string?[])[meta.HtmlLang, meta.Get("content-language"), meta.Get("og:locale"), structured.Language])
        {
            if (LanguageCode(declared) is { } code)
            {
                return code;
            }
        }

        return null;
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

    /// <summary>The page's text start sampled as <see cref="HtmlDecoding.LooksBinary"/> samples bytes: a few stray NULs pass.</summary>
    private static bool LooksLikeText(string html)
    {
        var sample = html.AsSpan(0, Math.Min(html.Length, HtmlDecoding.BinarySample));
        var (nuls, controls) = Storyfold.Ingest.TextDecoding.ControlCodes(sample);
        return !HtmlDecoding.IsBinaryShare(sample.Length, nuls, controls);
    }
}
