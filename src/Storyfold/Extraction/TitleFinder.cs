using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Storyfold.Text;

namespace Storyfold.Extraction;

/// <summary>
/// Picks the headline: the page's own heading when it agrees with what the metadata calls the title (the metadata
/// often carries an SEO variant), else the metadata title with a trailing <c>| Site</c> or <c>- Site</c> removed.
/// </summary>
internal static partial class TitleFinder
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " ~ ", " // ", " » ", " « "];

    /// <summary>
    /// The headline twice: <see cref="Headline.Shown"/> in the characters the page shows it in, to find it among the
    /// page's blocks; <see cref="Headline.Written"/> as the article's title, with the quote marks the declared titles give
    /// it and full-width punctuation written plainly (only the output takes these).
    /// </summary>
    public static Headline Find(PageBlocks page, PageMeta meta, StructuredData structured, string? siteName, int articleStart = -1, int articleEnd = -1)
    {
        var declared = Declared(meta, structured);
        // Headings are compared with the declared titles as given and without their site suffix; so are quote marks.
        var comparable = declared.Concat(declared.Select(t => RemoveSiteSuffix(t, siteName))).Distinct(StringComparer.Ordinal).ToList();
        var mastheads = Mastheads(page, declared, siteName);
        var shown = NamedOverSentence(Choose(page, declared, comparable, siteName, mastheads, articleStart, articleEnd), meta.TitleElement, siteName);
        var written = WithDeclaredCount(OnOneLine(shown, page, declared, siteName), comparable);
        return new Headline(shown, WithoutLabelAfterDash(WithoutFullWidthForms(WithDeclaredQuotes(written, comparable))));
    }

    /// <summary>
    /// The title element's headline when the chosen one is a sentence closed by a full stop ("Marketing made to meet your
    /// business goals.", "Make the most of your stay with these 10 travel hacks .") and the title element words the page
    /// otherwise: headlines are not punctuated as sentences, slogans and calls to action are, and the title element names
    /// the page. The same words without the stop keep the heading's form. Not the headline, the heading is a line of
    /// the page's text like any other.
    /// </summary>
    internal static string NamedOverSentence(string title, string? titleElement, string? siteName)
    {
        if (string.IsNullOrWhiteSpace(titleElement) || !EndsAsSentence(title))
        {
            return title;
        }

        var named = RemoveSiteSuffix(PageExtractor.Normalise(titleElement), siteName);
        return Words(named) >= 3 && !EndsAsSentence(named) && Dice(named, title) < 0.8 ? named : title;
    }

    /// <summary>
    /// True when the text ends in one full stop after a word that is not an abbreviation: none with a stop inside
    /// ("U.S."), none of three letters or fewer that opens with a capital ("Inc.", "Co.", "Jr.").
    /// </summary>
    private static bool EndsAsSentence(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.Length < 2 || trimmed[^1] != '.' || trimmed[^2] == '.')
        {
            return false;
        }

        var last = trimmed[..^1].TrimEnd().Split(' ').Last();
        return last.Length >= 2 && !last.Contains('.') && last.Any(char.IsLower) && !(char.IsUpper(last[0]) && last.Length <= 3);
    }

    /// <summary>A headline as the page shows it and as the article's title writes it (see <see cref="Find"/>).</summary>
    public readonly record struct Headline(string Shown, string Written);

    /// <summary>
    /// Full-width letters and punctuation ("Work？") as their plain forms when the title has no CJK text: they belong to
    /// CJK typesetting, and in another script's headline they are a slip of a CJK input method.
    /// </summary>
    internal static string WithoutFullWidthForms(string title)
    {
        if (!title.Any(c => Scripts.IsFullWidthForm(c) || c == '\u3000') || title.Any(Scripts.IsCjk))
        {
            return title;
        }

        return string.Create(title.Length, title, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                span[i] = Scripts.IsFullWidthForm(c) ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            }
        });
    }

    private static readonly string[] Dashes = [" - ", " – ", " — "];

    /// <summary>
    /// The title without a short label set after a dash ("... – Part 1", " - Infographic", " — Strength Training"): a
    /// few words in headline case, none of them a function word and no sentence punctuation, after a headline of three
    /// words or more. It tags the headline as a site tags it after a bar (see <see cref="RemoveSiteSuffix"/>); a tail
    /// that goes on as a sentence ("– and why it matters", " - A Beginner's Guide", " – My Favorites!") is the headline's.
    /// </summary>
    internal static string WithoutLabelAfterDash(string title)
    {
        foreach (var (_, head, tail) in LastSplits(title, Dashes))
        {
            if (Words(head) >= 3 && (char.IsLetterOrDigit(head[^1]) || head[^1] is ')' or ']') && IsLabel(tail))
            {
                return head;
            }
        }

        return title;
    }

    /// <summary>
    /// One to five words, each opening with a capital or a digit, no function word, no "I" (a clause: " - I Tried 11
    /// Services"), no sentence punctuation.
    /// </summary>
    private static bool IsLabel(string tail)
    {
        var words = tail.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 5 && tail.IndexOfAny([',', '.', '!', '?', ':', ';', '(', '"', '\u201C']) < 0 &&
               words.All(w => w == "&" || ((char.IsUpper(w[0]) || char.IsAsciiDigit(w[0])) && w != "I" && !MinorWords.Contains(w.ToLowerInvariant())));
    }

    /// <summary>
    /// The most characters a declared title can have. No headline comes near it (the longest among the 711 pages of
    /// wcxb-dev has 175); a title element or attribute left open on a broken page runs on over the markup after it.
    /// </summary>
    internal const int LongestDeclared = 1_000;

    /// <summary>The text normalised, when that is no longer than <see cref="LongestDeclared"/>; null otherwise.</summary>
    internal static string? AsDeclaredTitle(string text) =>
        text.Length <= 4 * LongestDeclared && PageExtractor.Normalise(text) is { Length: <= LongestDeclared } title ? title : null;

    /// <summary>The titles the page declares in its metadata, normalised: og, Twitter, JSON-LD, the title element.</summary>
    private static List<string> Declared(PageMeta meta, StructuredData structured)
    {
        var declared = new List<string>();
        foreach (var candidate in (string?[])[meta.Get("og:title"), meta.Get("twitter:title"), structured.Headline, meta.TitleElement, meta.Get("title"), meta.Get("headline")])
        {
            if (!string.IsNullOrWhiteSpace(candidate) && AsDeclaredTitle(candidate) is { } title)
            {
                declared.Add(title);
            }
        }

        return declared;
    }

    private static string Choose(PageBlocks page, List<string> declared, List<string> comparable, string? siteName, List<string> mastheads, int articleStart, int articleEnd)
    {
        foreach (var level in (int[])[1, 2])
        {
            string? bestHeading = null;
            string? bestDeclared = null;
            var bestSimilarity = 0.0;
            var bestIndex = -1;
            foreach (var block in page.Blocks)
            {
                if (block.Kind != BlockKind.Heading || block.HeadingLevel != level || block.Words is < 1 or > 40)
                {
                    continue;
                }

                var heading = PageExtractor.Normalise(block.Text);
                if (IsMasthead(heading, mastheads))
                {
                    // The masthead is often an h1 on every page of a site; it names the site, not the article.
                    continue;
                }

                if (IsBannerLine(page, block, heading, comparable))
                {
                    continue;
                }

                foreach (var title in comparable)
                {
                    // A second-level heading with the title's words in another order is a section that rephrases it.
                    var similarity = level == 1 || InSameOrder(heading, title) ? Dice(heading, title) : 0;
                    if (similarity > bestSimilarity + 0.01)
                    {
                        bestSimilarity = similarity;
                        bestHeading = heading;
                        bestDeclared = title;
                        bestIndex = block.Index;
                    }
                }
            }

            // A second-level heading is taken only with the declared title's very words in their order: pages set their
            // headline in an h2 now and then, but most h2s near the declared title are a section or a teaser that reworded it.
            if (bestHeading is not null && (bestSimilarity >= (level == 1 ? 0.5 : 0.999) || (level == 1 && IsShortFormOf(bestHeading, comparable))))
            {
                if (bestSimilarity < 0.8 && articleStart >= 0 && bestIndex > articleStart + FarBelow &&
                    HeadlineAbove(page, articleStart, articleEnd, siteName, mastheads, comparable) is { } above)
                {
                    // A heading that only half agrees with the declared title, far down the page, heads another story
                    // (a teaser after the article); the article's own headline stands right above its text.
                    return above;
                }

                return RemoveSiteSuffix(Reconcile(bestHeading, bestDeclared!), siteName);
            }
        }

        if (HeadlineAbove(page, articleStart, articleEnd, siteName, mastheads, comparable) is { } headline)
        {
            // No heading agrees with the declared title, but the article opens under a headline of its own: the page's
            // metadata often carries an older or search-tuned title, and readers see the headline.
            return headline;
        }

        if (declared.Count > 0)
        {
            // The shortest clean form among the declared titles that still says something.
            return declared.Select(t => WithoutLeadingHost(RemoveSiteSuffix(t, siteName), mastheads)).FirstOrDefault(t => t.Length > 0) ?? "";
        }

        var h1 = page.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading && b.HeadingLevel == 1 && b.Words >= 2);
        return h1 is null ? "" : PageExtractor.Normalise(h1.Text);
    }

    /// <summary>
    /// The names the site goes by on this page, which a heading can show as its masthead: the declared site name; what
    /// the title element adds before or after another declared title ("Data Blog: Small models" beside og:title "Small
    /// models"), which is the site's name as the page writes it when no site name is declared; and a heading that is a
    /// bare host name ("example.com"), which names a site and never heads an article.
    /// </summary>
    private static List<string> Mastheads(PageBlocks page, List<string> declared, string? siteName)
    {
        var names = new List<string>();
        if (!string.IsNullOrWhiteSpace(siteName))
        {
            names.Add(siteName);
        }

        foreach (var longer in declared)
        {
            foreach (var shorter in declared)
            {
                if (AffixAround(longer, shorter) is { } affix)
                {
                    names.Add(affix);
                }
            }
        }

        foreach (var block in page.Blocks)
        {
            if (block.Kind == BlockKind.Heading && block.HeadingLevel <= 2 && PageExtractor.Normalise(block.Text) is var text && IsDomainName(text))
            {
                names.Add(text);
            }
        }

        return names;
    }

    /// <summary>True when the heading reads as one of the site's names, whatever its case, spacing and punctuation.</summary>
    private static bool IsMasthead(string heading, List<string> mastheads) =>
        Squash(heading) is var squashed && mastheads.Any(name => squashed == Squash(name));

    private static readonly string[] AffixSeparators = [.. Separators, ": "];

    /// <summary>
    /// What <paramref name="longer"/> adds to <paramref name="shorter"/> on one side of a separator ("Site: Title",
    /// "Title | Site"), when that is a name of one to five words; null when the two differ otherwise.
    /// </summary>
    internal static string? AffixAround(string longer, string shorter)
    {
        if (shorter.Length < 8 || longer.Length <= shorter.Length)
        {
            return null;
        }

        foreach (var separator in AffixSeparators)
        {
            string? affix = null;
            if (longer.EndsWith(separator + shorter, StringComparison.Ordinal))
            {
                affix = longer[..^(separator.Length + shorter.Length)].Trim();
            }
            else if (longer.StartsWith(shorter + separator, StringComparison.Ordinal))
            {
                affix = longer[(shorter.Length + separator.Length)..].Trim();
            }

            if (affix is { Length: > 0 } && Words(affix) <= 5 && !Separators.Any(s => affix.Contains(s, StringComparison.Ordinal)))
            {
                return affix;
            }
        }

        return null;
    }

    /// <summary>
    /// The title without a host name in front of it ("example.com Vibe Coding") when the page shows that host name as its
    /// masthead: the site set its name before the headline with no separator between.
    /// </summary>
    internal static string WithoutLeadingHost(string title, IReadOnlyList<string> mastheads)
    {
        var space = title.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || Words(title[(space + 1)..]) < 1)
        {
            return title;
        }

        var first = title[..space];
        return IsDomainName(first) && mastheads.Any(name => string.Equals(name, first, StringComparison.OrdinalIgnoreCase)) ? title[(space + 1)..].Trim() : title;
    }

    /// <summary>
    /// The declared title for a headline the page sets on two lines of its h1, headline over a deck ("Top MBA Programs of
    /// 2025 (US)", line break, "Your Guide to the Best Business Schools"): run together the two read as one sentence
    /// that neither line is, and the declared title that agrees with them is the headline the site writes on one line.
    /// </summary>
    private static string OnOneLine(string shown, PageBlocks page, List<string> declared, string? siteName)
    {
        if (declared.Count == 0 || !page.Blocks.Any(b => b.Kind == BlockKind.Heading && b.HeadingLevel == 1 && b.Text.Contains('\n') && PageExtractor.Normalise(b.Text) == shown))
        {
            return shown;
        }

        var (best, similarity) = declared.Select(t => RemoveSiteSuffix(t, siteName)).Select(t => (t, Dice(shown, t))).MaxBy(p => p.Item2);
        return similarity >= 0.5 ? best : shown;
    }

    /// <summary>
    /// The declared title when it is the headline with a count in front or a year after it ("8 Recent Trends in
    /// Photography" over the heading "Recent Trends in Photography"; "... Platforms 2025", "... for Seniors in 2025"):
    /// the page's heading drops what the list counts or the year it covers, and the title the article declares keeps it.
    /// Other words the declared title adds ("15 Critical Tips", ", Tested and Reviewed") make it another wording, not
    /// the same headline in full.
    /// </summary>
    internal static string WithDeclaredCount(string title, IEnumerable<string> declared)
    {
        if (title.Length < 12)
        {
            return title;
        }

        foreach (var form in declared)
        {
            var at = form.IndexOf(title, StringComparison.Ordinal);
            if (at < 0 || form.Length == title.Length)
            {
                continue;
            }

            // What the declared form adds after a separator ("... - Flatworld Solutions") is the site's, not the headline's.
            var before = form[..at];
            var after = form[(at + title.Length)..];
            var suffix = Separators.Select(s => after.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(after.Length).Min();
            after = after[..suffix];
            if ((after.Length == 0 && CountInFront().IsMatch(before)) || (before.Length == 0 && YearAfter().IsMatch(after)))
            {
                return before + title + after;
            }
        }

        return title;
    }

    [GeneratedRegex(@"^[0-9]{1,3} $")]
    private static partial Regex CountInFront();

    [GeneratedRegex(@"^(?: (?:in|of|for) | \(| \[| )(?:19|20)[0-9]{2}\)?\]?$")]
    private static partial Regex YearAfter();

    private static readonly char[] CurlyQuotes = ['\u2018', '\u2019', '\u201C', '\u201D'];

    /// <summary>
    /// The title with straight quote marks when every declared title of the same text gives them straight: the metadata
    /// holds the marks as the author typed them, where the page's typography turns them curly in the headline it shows
    /// (WordPress and similar do that to the body only). One declared form with curly marks keeps the headline's.
    /// </summary>
    internal static string WithDeclaredQuotes(string title, IEnumerable<string> declared)
    {
        if (title.IndexOfAny(CurlyQuotes) < 0)
        {
            return title;
        }

        var plain = StraightenQuotes(title);
        string? typed = null;
        foreach (var form in declared)
        {
            if (StraightenQuotes(form) != plain)
            {
                continue;
            }

            if (form.IndexOfAny(CurlyQuotes) >= 0)
            {
                return title;
            }

            typed = form;
        }

        return typed ?? title;
    }

    private static string StraightenQuotes(string text) =>
        text.Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201C', '"').Replace('\u201D', '"');

    /// <summary>The h1 right above the article's first block (or its first line), when it reads like a headline.</summary>
    private static string? HeadlineAbove(PageBlocks page, int articleStart, int articleEnd, string? siteName, List<string> mastheads, List<string> comparable)
    {
        if (articleStart < 0)
        {
            return null;
        }

        var blocks = page.Blocks;
        // The article's text may open with a short line or two over its headline (a date, a category): the h1 right
        // under them still heads the article.
        var first = articleStart;
        while (first < Math.Min(articleEnd, articleStart + LinesOverHeadline) && blocks[first].Kind != BlockKind.Heading && blocks[first].Words <= 4)
        {
            first++;
        }

        if (first > articleStart && blocks[first].Kind == BlockKind.Heading && blocks[first].HeadingLevel == 1)
        {
            articleStart = first;
        }

        if ((NearHeadingAbove(page, articleStart) ?? OnlyHeadingFarAbove(page, articleStart)) is not { } at)
        {
            return null;
        }

        var block = blocks[at];
        var heading = PageExtractor.Normalise(block.Text);
        // Words as the reader counts them, between spaces: "M&A Updates" is a two-word section label, not a headline.
        var words = heading.Split(" ", StringSplitOptions.RemoveEmptyEntries).Length;
        // A heading in capitals that disagrees with the title is a section label more often than a headline.
        var shouting = !heading.Any(char.IsLower);
        // Further h1s inside the article's text make this one a section heading like them, not the article's headline
        // (teasers for other stories after the article are h1s too on some sites; those do not count).
        var sectionsBelow = blocks.Take(articleEnd + 1).Skip(articleStart + 1).Count(b => b.Kind == BlockKind.Heading && b.HeadingLevel == 1);
        return words is >= 3 and <= 25 && block.LinkDensity < 0.5 && !shouting && !IsSiteName(heading, siteName) &&
               !IsMasthead(heading, mastheads) && !IsBannerLine(page, block, heading, comparable) && sectionsBelow < SectionHeadings ? heading : null;
    }

    /// <summary>
    /// True for a heading set in type its author chose by hand (see <see cref="IsHandFormatted"/>) that words the page
    /// otherwise than every declared title: a banner line typed into the page's body in an editor or page builder ("Video
    /// Production Trends to Watch in 2025" in bold over the declared "Latest Trends in Video Production 2025 for Brands").
    /// Templates set the article's headline from its title field in their own plain type, and that field is what the
    /// metadata declares.
    /// </summary>
    private static bool IsBannerLine(PageBlocks page, PageBlock block, string heading, List<string> comparable) =>
        comparable.Count > 0 && IsHandFormatted(page.Boxes[block.Owner].Element) && !comparable.Any(title => Dice(heading, title) >= 0.999);

    /// <summary>
    /// True when all of the heading's text sits inside one bold element (<c>&lt;h1&gt;&lt;b&gt;...&lt;/b&gt;&lt;/h1&gt;</c>)
    /// or one element other than a link with an inline style (<c>&lt;span style="color: #fff"&gt;</c>), through any single wrappers: the
    /// marks a rich-text editor leaves when its user formats a line by hand.
    /// </summary>
    internal static bool IsHandFormatted(IElement heading)
    {
        var at = heading;
        for (var depth = 0; depth < 4; depth++)
        {
            IElement? only = null;
            foreach (var node in at.ChildNodes)
            {
                if (node is IElement element)
                {
                    if (only is not null)
                    {
                        return false;
                    }

                    only = element;
                }
                else if (node is IText text && !string.IsNullOrWhiteSpace(text.Data))
                {
                    return false;
                }
            }

            if (only is null)
            {
                return false;
            }

            // A link's inline style is a template's as often as an editor's (colour: inherit on a headline's link).
            // Bold type, which a template's heading style does without, or a style set on the element itself.
            if (only.LocalName is "b" or "strong" || (only.LocalName != "a" && only.GetAttribute("style")?.Any(char.IsLetter) == true))
            {
                return true;
            }

            at = only;
        }

        return false;
    }

    /// <summary>The nearest h1 at or above the article's first block, at most <see cref="HeadlineReach"/> blocks up.</summary>
    private static int? NearHeadingAbove(PageBlocks page, int articleStart)
    {
        for (var i = articleStart; i >= Math.Max(0, articleStart - HeadlineReach); i--)
        {
            if (page.Blocks[i].Kind == BlockKind.Heading && page.Blocks[i].HeadingLevel == 1)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// The page's only h1 when it stands above the article further than <see cref="HeadlineReach"/> blocks but with few
    /// words of reading between (tags, a lead-in, a byline; link lists do not count): the page shows no other heading
    /// that could head the article, and so little reading between ties it to the article's text below.
    /// </summary>
    private static int? OnlyHeadingFarAbove(PageBlocks page, int articleStart)
    {
        var h1s = page.Blocks.Where(b => b.Kind == BlockKind.Heading && b.HeadingLevel == 1).Take(2).ToList();
        if (h1s is not [var only] || only.Index >= articleStart)
        {
            return null;
        }

        var between = page.Blocks.Skip(only.Index + 1).Take(articleStart - only.Index - 1).Sum(b => b.Words * (1 - b.LinkDensity));
        return between <= WordsOverArticle ? only.Index : null;
    }

    /// <summary>How many words, links not counted, may stand between a page's only h1 and its article's text.</summary>
    private const int WordsOverArticle = 100;

    /// <summary>How many h1s below the article's start mark a page that heads its sections with h1.</summary>
    private const int SectionHeadings = 2;

    /// <summary>How many blocks below the article's first one a heading stands to be taken for another story's.</summary>
    private const int FarBelow = 20;

    /// <summary>How many blocks above the article's first one its headline may stand (bylines, dates, captions between).</summary>
    private const int HeadlineReach = 6;

    /// <summary>How many short lines the article's text may open with above its headline.</summary>
    private const int LinesOverHeadline = 2;

    /// <summary>
    /// The heading, unless the declared title is the same headline in better form: the heading in capitals
    /// (a style, not the text) or the declared title inside a heading that adds a date or label around it.
    /// </summary>
    private static string Reconcile(string heading, string declared)
    {
        if (heading.Any(char.IsLetter) && !heading.Any(char.IsLower) &&
            (string.Equals(heading, declared, StringComparison.OrdinalIgnoreCase) || (declared.Any(char.IsLower) && Dice(heading, declared) >= 0.8)))
        {
            // Also when the capitals set a close variant of it ("BEST DRIP COFFEE MAKER IN 2026: ..." over "Best Drip
            // Coffee Maker 2026: ..."): the heading's case is lost, the declared title has the words as written.
            return declared;
        }

        if (IsGarbledForm(heading, declared) || Dashes.Any(d => declared.Contains(d, StringComparison.Ordinal) && declared.Replace(d, " ", StringComparison.Ordinal) == heading))
        {
            // Also when the heading is the declared title run together where that one sets a dash between headline and
            // subtitle: the page shows the two on lines of their own, and the text loses the break between them.
            return declared;
        }

        if (heading != declared && string.Equals(heading, declared, StringComparison.OrdinalIgnoreCase) &&
            (char.IsLower(heading.FirstOrDefault(char.IsLetter)) || (!IsTitleCase(heading) && IsTitleCase(declared))))
        {
            // The same words, and the heading is set in lower or sentence case ("How much should I pay ...") where the
            // declared title capitalises them as a headline: the case is the page's styling, the declared one its title.
            return declared;
        }

        if (char.IsLower(heading.FirstOrDefault(char.IsLetter)) && declared.Length > heading.Length &&
            declared.StartsWith(heading, StringComparison.OrdinalIgnoreCase) && Separators.Any(s => declared.AsSpan(heading.Length).StartsWith(s, StringComparison.Ordinal)))
        {
            // The same for a heading in lower case that opens the declared title before its subtitle or keywords
            // ("history of coffee" over "History of coffee | Origin, Spread, Facts"): the declared one has its case.
            return declared[..heading.Length];
        }

        if (declared.Length >= 12 && heading.Length > declared.Length && heading.IndexOf(declared, StringComparison.Ordinal) is var at and >= 0 &&
            PageBlocks.CountWords(heading) - PageBlocks.CountWords(declared) is >= 1 and <= 4 &&
            IsLabelAround(heading[..at], heading[(at + declared.Length)..]))
        {
            return declared;
        }

        return heading;
    }

    /// <summary>
    /// True when the heading is the declared title with characters lost to a broken encoding: each question mark or
    /// replacement character in the heading stands where the title has one to three other characters ("Beginner? Guide"
    /// for "Beginner's Guide"), and the rest is the same.
    /// </summary>
    internal static bool IsGarbledForm(string heading, string declared)
    {
        if (heading.IndexOfAny(['?', '\uFFFD']) < 0 || heading == declared)
        {
            return false;
        }

        var h = 0;
        var d = 0;
        var lost = false;
        while (h < heading.Length && d < declared.Length)
        {
            if (heading[h] == declared[d])
            {
                h++;
                d++;
                continue;
            }

            if (heading[h] is not ('?' or '\uFFFD'))
            {
                return false;
            }

            // The lost characters run up to where the heading picks up again.
            var next = h + 1 < heading.Length ? heading[h + 1] : '\0';
            var resume = -1;
            for (var skip = 1; skip <= 3 && d + skip <= declared.Length; skip++)
            {
                if (d + skip == declared.Length ? next == '\0' : declared[d + skip] == next)
                {
                    resume = d + skip;
                    break;
                }
            }

            if (resume < 0)
            {
                return false;
            }

            lost = true;
            h++;
            d = resume;
        }

        return lost && h == heading.Length && d == declared.Length;
    }

    /// <summary>
    /// True when what a heading adds around the headline is a label or a date set apart from it ("Live: ", " (2024)",
    /// " | Opinion"), not words of the headline itself ("The ", a word the metadata cut short).
    /// </summary>
    private static bool IsLabelAround(string before, string after)
    {
        if ((before.Length > 0 && char.IsLetterOrDigit(before[^1])) || (after.Length > 0 && char.IsLetterOrDigit(after[0])))
        {
            return false;
        }

        // A bare number in front ("2025 Software Price Guide", "8 Recent Trends") is the headline's own count or year.
        if (after.Length == 0 && before.TrimEnd().Length > 0 && before.TrimEnd().All(char.IsAsciiDigit))
        {
            return false;
        }

        // Words that carry on the sentence in lower case ("... Trends from KBIS 2025") finish the headline; a label stands apart.
        if (after.TrimStart().FirstOrDefault() is var next && char.IsLower(next))
        {
            return false;
        }

        var added = before + after;
        return added.Any(char.IsAsciiDigit) || added.IndexOfAny([':', '|', '-', '–', '—', '(', '[', '·', '•']) >= 0;
    }

    /// <summary>True when every word that starts in lower case is a short function word ("of", "and", "to").</summary>
    internal static bool IsTitleCase(string title)
    {
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var first = word.FirstOrDefault(char.IsLetterOrDigit);
            if (char.IsLower(first) && !MinorWords.Contains(word.Trim(',', ':', ';', '.', '?', '!', '(', ')', '"', '“', '”').ToLowerInvariant()))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Words a headline in title case leaves in lower case.</summary>
    private static readonly HashSet<string> MinorWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on", "per",
        "to", "up", "via", "with", "from", "into", "onto", "over", "vs", "vs.", "than", "if",
    };

    /// <summary>
    /// True when the two titles run the same words in the same order, or differ only by one word the longer one says
    /// twice ("Best of the best ..." beside "Best of the ..."): the same headline, not a rewording of it.
    /// </summary>
    internal static bool InSameOrder(string a, string b)
    {
        var wa = WordList(a);
        var wb = WordList(b);
        var (shorter, longer) = wa.Count <= wb.Count ? (wa, wb) : (wb, wa);
        if (longer.Count == shorter.Count)
        {
            return shorter.SequenceEqual(longer, StringComparer.Ordinal);
        }

        if (longer.Count - shorter.Count > 1)
        {
            return false;
        }

        for (var i = 0; i < longer.Count; i++)
        {
            if (longer.Count(w => w == longer[i]) > 1 && longer.Take(i).Concat(longer.Skip(i + 1)).SequenceEqual(shorter, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a heading of two words or more says the declared title in short: each of its words is in every declared
    /// form ("Affordable nutrition" over "Affordable food: Nutrition for low-income families"). A site's name is in the
    /// forms that carry a site suffix only, so a masthead heading is not taken for the headline; a heading that is a
    /// part of a declared form set off by a separator ("Live updates" of "Live updates: Storm hits the coast") is the
    /// label or the site's name that form carries, not the headline.
    /// </summary>
    private static bool IsShortFormOf(string heading, List<string> declared)
    {
        var words = WordList(heading);
        return words.Count >= 2 && declared.Count > 0 &&
               declared.All(title => WordList(title).ToHashSet(StringComparer.Ordinal) is var all && words.All(all.Contains)) &&
               !declared.Any(title => title.Split(AffixSeparators, StringSplitOptions.TrimEntries).Any(part => string.Equals(part, heading, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Dice overlap of two titles' word sets: 1 for the same words, 0 for none shared.</summary>
    internal static double Dice(string a, string b)
    {
        var wa = WordList(a).ToHashSet(StringComparer.Ordinal);
        var wb = WordList(b).ToHashSet(StringComparer.Ordinal);
        if (wa.Count == 0 || wb.Count == 0)
        {
            return 0;
        }

        var shared = wa.Count(wb.Contains);
        return 2.0 * shared / (wa.Count + wb.Count);
    }

    /// <summary>Drops a trailing (or leading) site name: "Title | Site", "Title - Site", "Site: Title" when Site is known.</summary>
    internal static string RemoveSiteSuffix(string title, string? siteName)
    {
        if (title.Any(Scripts.IsCjk) && WithoutCjkSiteSuffix(title, siteName) is { } cut)
        {
            return RemoveSiteSuffix(cut, siteName);
        }

        foreach (var (separator, head, tail) in LastSplits(title, Separators))
        {
            if (IsSiteName(tail, siteName) || IsDomainName(tail) || (separator == " | " && Words(tail) <= 4 && Words(head) >= 3))
            {
                return RemoveSiteSuffix(head, siteName);
            }

            var first = title.IndexOf(separator, StringComparison.Ordinal);
            var lead = title[..first].Trim();
            if (IsSiteName(lead, siteName))
            {
                return RemoveSiteSuffix(title[(first + separator.Length)..].Trim(), siteName);
            }
        }

        return title;
    }

    /// <summary>
    /// A Chinese portal's title without the channel and site it appends, unspaced: "标题_新闻中心_新浪网" (an underscore never
    /// sits inside a headline, so all after the first goes), "标题-新华网", "标题--国际--人民网", "标题|央视网": after a
    /// hyphen or bar, only a short tail that is the site's name or reads as an outlet's (ending in 网, 报, 社, 台, 新闻,
    /// 频道, 客户端: site, paper, agency, station, news, channel, app). Null when the title has none.
    /// </summary>
    private static string? WithoutCjkSiteSuffix(string title, string? siteName)
    {
        var underscore = title.IndexOf('_', StringComparison.Ordinal);
        if (underscore >= 4 && title[..underscore].Trim() is { } head && head.Any(Scripts.IsCjk))
        {
            return head;
        }

        var cut = title.LastIndexOfAny(['-', '|', '｜', '－']);
        if (cut < 4)
        {
            return null;
        }

        var tail = title[(cut + 1)..].Trim();
        var rest = title[..cut].TrimEnd('-', '－', ' ');
        if (rest.Length < 4 || tail.Length is < 2 or > 12 || tail.Contains(' ') || !(IsSiteName(tail, siteName) || CjkOutlet().IsMatch(tail)))
        {
            return null;
        }

        // People's Daily and others chain the channel with a double hyphen: "标题--国际--人民网".
        if (title[cut - 1] == '-')
        {
            while (rest.LastIndexOf("--", StringComparison.Ordinal) is var channel and >= 4 && rest[(channel + 2)..].Trim() is { Length: >= 1 and <= 6 } name && !name.Contains(' '))
            {
                rest = rest[..channel].TrimEnd();
            }
        }

        return rest;
    }

    /// <summary>How an outlet's name ends: 网, 报, 社, 台, 客户端 (site, paper, agency, station, app).</summary>
    private const string CjkOutletEnding = "网|網|报|報|社|台|客户端|客戶端";

    /// <summary>A title's tail that is an outlet's name or a channel's (新闻, 频道: news, channel).</summary>
    [GeneratedRegex("(?:" + CjkOutletEnding + "|新闻|新聞|频道|頻道)$")]
    private static partial Regex CjkOutlet();

    /// <summary>
    /// The outlet's name a Chinese portal's title ends in ("标题_新闻中心_新浪网": 新浪网, "标题--国际--人民网": 人民网, "标题|央视网"):
    /// its last part after an underscore, hyphen or bar when that reads as an outlet's name (ending in 网, 报, 社, 台 or
    /// 客户端: site, paper, agency, station, app; a channel's 新闻 or 频道 names a section). Null otherwise.
    /// </summary>
    internal static string? CjkSiteName(string title)
    {
        var cut = title.LastIndexOfAny(['_', '-', '|', '｜', '－']);
        if (cut < 4 || !title[..cut].Any(Scripts.IsCjk))
        {
            return null;
        }

        var tail = title[(cut + 1)..].Trim();
        return tail.Length is >= 2 and <= 12 && !tail.Contains(' ') && tail.Any(Scripts.IsCjk) && CjkOutletName().IsMatch(tail) ? tail : null;
    }

    [GeneratedRegex("(?:" + CjkOutletEnding + ")$")]
    private static partial Regex CjkOutletName();

    /// <summary>The title cut at the last occurrence of each separator it holds, in the separators' order, both sides trimmed.</summary>
    private static IEnumerable<(string Separator, string Head, string Tail)> LastSplits(string title, string[] separators)
    {
        foreach (var separator in separators)
        {
            var cut = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (cut > 0)
            {
                yield return (separator, title[..cut].Trim(), title[(cut + separator.Length)..].Trim());
            }
        }
    }

    /// <summary>A host name standing for the site ("Newegg.com", "www.example.co.uk").</summary>
    internal static bool IsDomainName(string part) =>
        part.Length is >= 4 and <= 60 && !part.Contains(' ') && part.Contains('.') && part[^1] != '.' &&
        part.Split('.') is var labels && labels[^1].Length is >= 2 and <= 6 && labels[^1].All(char.IsAsciiLetter) &&
        labels.All(l => l.Length > 0 && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));

    private static bool IsSiteName(string part, string? siteName)
    {
        if (siteName is null || part.Length == 0)
        {
            return false;
        }

        var a = Squash(part);
        var b = Squash(siteName);
        return a.Length > 0 && b.Length > 0 && (a == b || (a.Length >= 4 && (b.Contains(a, StringComparison.Ordinal) || a.Contains(b, StringComparison.Ordinal))));
    }

    private static string Squash(string text)
    {
        var s = SiteNames.Squash(text);
        foreach (var suffix in (string[])["com", "org", "net", "couk"])
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > suffix.Length + 3)
            {
                s = s[..^suffix.Length];
                break;
            }
        }

        return s.StartsWith("www", StringComparison.Ordinal) ? s[3..] : s;
    }

    private static int Words(string text) => PageBlocks.CountWords(text);

    /// <summary>Share of the shorter title's words found in the longer one.</summary>
    internal static double Similarity(string a, string b)
    {
        var wa = WordList(a);
        var wb = WordList(b);
        if (wa.Count == 0 || wb.Count == 0)
        {
            return 0;
        }

        var (small, large) = wa.Count <= wb.Count ? (wa, wb) : (wb, wa);
        var set = new HashSet<string>(large, StringComparer.Ordinal);
        var shared = small.Count(set.Contains);
        var overlap = shared / (double)small.Count;
        // A one-word heading that happens to appear in the title is not the headline.
        return small.Count < 3 && large.Count > 4 ? overlap * 0.5 : overlap * Math.Min(1, small.Count / (0.35 * large.Count));
    }

    private static List<string> WordList(string text) => Tokens.Runs(text).Select(word => word.ToLowerInvariant()).ToList();
}
