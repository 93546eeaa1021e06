using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Storyfold.Text;

namespace Storyfold.Extraction;

/// <summary>The article's text as blocks become paragraphs: the headline, bylines and stray labels at its edges left out, captions apart.</summary>
internal static partial class ArticleText
{
    public readonly record struct Composed(string Text, IReadOnlyList<string> Captions, int FirstBlock);

    public static Composed Compose(PageBlocks page, IReadOnlyList<PageBlock> selected, string title) => Compose(page, selected, title, null);

    /// <summary>
    /// As <see cref="Compose(PageBlocks, IReadOnlyList{PageBlock}, string)"/>, saying in <paramref name="explain"/> which
    /// selected blocks were left out and why; <paramref name="language"/> (ISO 639-1) lets bylines in the page's language
    /// be told as well as English ones.
    /// </summary>
    public static Composed Compose(PageBlocks page, IReadOnlyList<PageBlock> selected, string title, List<string>? explain, string? language = null)
    {
        void LeaveOut(string why, IEnumerable<PageBlock> blocks)
        {
            foreach (var block in blocks)
            {
                explain?.Add($"- {why} [{block.Owner} {block.Kind} w{block.Words}] {(block.Text.Length > 70 ? block.Text[..70] : block.Text).Replace('\n', ' ')}");
            }
        }

        var kept = new List<PageBlock>(selected.Count);
        var captions = new List<string>();
        var normalisedTitle = PageExtractor.Normalise(title);
        var titleAt = -1;
        var wordsBefore = 0;
        var wordsAfter = selected.Sum(b => b.Words);
        var recirculation = RecirculationBoxes(selected);
        foreach (var block in selected)
        {
            wordsAfter -= block.Words;
            if (block.Kind == BlockKind.Caption || IsPictureCredit(block))
            {
                if (block.Words > 0 && !captions.Contains(block.Text))
                {
                    captions.Add(block.Text);
                }

                LeaveOut("caption", [block]);
                continue;
            }

            if (block.Kind == BlockKind.Heading && normalisedTitle.Length > 0 &&
                (PageExtractor.Normalise(block.Text) == normalisedTitle || (block.HeadingLevel == 1 && TitleFinder.Similarity(block.Text, title) > 0.9)))
            {
                titleAt = kept.Count;
                LeaveOut("headline", [block]);
                continue;
            }

            // A line that is only a date sits by the byline or at the foot; deep inside the text it is one of the article's
            // own (a timeline's, an events list's, "As of July 31, 2025, ...").
            var atEdge = wordsBefore < DateEdgeWords || wordsAfter < DateEdgeWords;
            if (Label(block, atEdge, language) is { } label)
            {
                LeaveOut(label, [block]);
                continue;
            }

            if (IsPitchWithButton(page, block))
            {
                LeaveOut("pitch-button", [block]);
                continue;
            }

            if (kept.Count > 0 && kept[^1].Text == block.Text)
            {
                LeaveOut("duplicate", [block]);
                continue;
            }

            kept.Add(block);
            wordsBefore += block.Words;
        }

        // A list of the article's own headings before them, in their order, is its table of contents: built without links
        // (a linked one is left out when the content is chosen), it still tells where the text goes, not what it says.
        foreach (var (start, count) in ContentsLists(kept))
        {
            LeaveOut("contents-list", kept.Skip(start).Take(count));
            kept.RemoveRange(start, count);
        }

        // What comes before the headline inside the container is a kicker, breadcrumb or label, unless it is long.
        if (titleAt > 0 && kept.Take(titleAt).Sum(b => b.Words) < 40)
        {
            LeaveOut("before-headline", kept.Take(titleAt));
            kept.RemoveRange(0, titleAt);
        }

        // The author's bio under the article ("About the author" and what follows) describes the writer, not the story.
        var bio = kept.FindLastIndex(b => b.Words <= 6 && AuthorSection().IsMatch(b.Text));
        if (bio > 0 && kept.Count - bio <= BioBlocks && kept.Skip(bio + 1).Sum(b => b.Words) <= BioWords)
        {
            LeaveOut("author-section", kept.Skip(bio));
            kept.RemoveRange(bio, kept.Count - bio);
        }

        // What follows a closing section label in the last half of the text ("References", "Related articles", "Join the
        // conversation", "More from ...", "Share this") is the page's apparatus around the story, not the story.
        var total = kept.Sum(b => b.Words);
        var tail = kept.FindIndex(kept.Count / 2, b => b.Words <= TailLabelWords && TailSection().IsMatch(b.Text) && !IsInlineLabel(b, kept));
        if (tail > 0 && kept.Skip(tail).Sum(b => b.Words) <= TailShare * total)
        {
            var end = SectionEnd(kept, tail);
            LeaveOut("tail-section", kept.Skip(tail).Take(end - tail));
            kept.RemoveRange(tail, end - tail);
        }

        // An appeal to the reader for support in the last half ("Enjoyed this piece? We need your help", "This story is
        // funded by readers like you") closes the article: it and what follows speak for the publisher, not the story.
        // Some sites set the appeal's opening sentence as a heading; a heading of the article's own is no sentence, and
        // does not thank readers for paying for it ("This story is funded by readers like you").
        var appeal = kept.FindIndex(kept.Count / 2, b => b.Words <= AppealWords &&
            (b.Kind != BlockKind.Heading || b.Text.TrimEnd().EndsWith('.') || ReadersLikeYou().IsMatch(b.Text)) && SupportAppeal().IsMatch(b.Text));
        if (appeal > 0)
        {
            // The short line over it ("A message from our founder:") is part of the appeal.
            var start = kept[appeal - 1].Words <= 10 && !kept[appeal - 1].Text.TrimEnd().EndsWith('.') ? appeal - 1 : appeal;
            if (start > 0 && kept.Skip(start).Sum(b => b.Words) <= TailShare * kept.Sum(b => b.Words))
            {
                LeaveOut("support-appeal", kept.Skip(start));
                kept.RemoveRange(start, kept.Count - start);
            }
        }

        // A paywall's notice in the last half ("This article is exclusive to subscribers", "Become a paid subscriber to
        // unlock this piece") ends what the page shows of the story: it and what follows (the offer's terms, what a
        // subscription includes) sell the site, not the story.
        var paywall = kept.FindIndex(kept.Count / 2, b => b.Words <= PaywallWords && b.Kind != BlockKind.Heading && Paywall().IsMatch(b.Text));
        if (paywall > 0 && kept.Skip(paywall).Sum(b => b.Words) <= TailShare * kept.Sum(b => b.Words))
        {
            LeaveOut("paywall", kept.Skip(paywall));
            kept.RemoveRange(paywall, kept.Count - paywall);
        }

        // Recirculation boxes go after the closing sections are cut: their labels mark where those begin.
        kept.RemoveAll(recirculation.Contains);

        while (kept.Count > 0 && IsStray(kept[0], leading: true))
        {
            LeaveOut("stray-at-edge", [kept[0]]);
            kept.RemoveAt(0);
        }

        while (kept.Count > 0 && IsStray(kept[^1], leading: false))
        {
            LeaveOut("stray-at-edge", [kept[^1]]);
            kept.RemoveAt(kept.Count - 1);
        }

        var numbered = new HashSet<IElement>();
        var positions = new Dictionary<IElement, int>();
        var text = string.Join("\n\n", kept.Select(b => WithListNumber(page, b, numbered, positions)));
        return new Composed(text, captions, kept.Count > 0 ? kept[0].Index : (selected.Count > 0 ? selected[0].Index : 0));
    }

    /// <summary>
    /// The runs of at least <see cref="ContentsItems"/> short list items whose every item is, case and punctuation aside, a
    /// heading that follows the run, each further down than the one before; last run first, so removing one leaves the
    /// others' places as they were.
    /// </summary>
    private static List<(int Start, int Count)> ContentsLists(List<PageBlock> kept)
    {
        var runs = new List<(int Start, int Count)>();
        Dictionary<string, List<int>>? headings = null;
        var i = 0;
        while (i < kept.Count)
        {
            var end = i;
            while (end < kept.Count && kept[end].Kind == BlockKind.ListItem && kept[end].Words is > 0 and <= ContentsItemWords)
            {
                end++;
            }

            // A list the writer introduces ("The tools I tested were:") names what the sections cover; it is the writer's.
            var leadIn = i > 0 && kept[i - 1].Words >= ContentSelector.LeadInWords && kept[i - 1].Text.TrimEnd().EndsWith(':');
            if (end - i >= ContentsItems && !leadIn && ListsHeadingsBelow(kept, i, end, headings ??= HeadingPlaces(kept)))
            {
                runs.Add((i, end - i));
            }

            i = Math.Max(end, i + 1);
        }

        runs.Reverse();
        return runs;
    }

    /// <summary>Where each heading's words stand among the kept blocks, in order: a heading's words, lower case, as the key.</summary>
    private static Dictionary<string, List<int>> HeadingPlaces(List<PageBlock> kept)
    {
        var places = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < kept.Count; i++)
        {
            if (kept[i].Kind == BlockKind.Heading)
            {
                var key = WordsKey(kept[i].Text);
                if (!places.TryGetValue(key, out var at))
                {
                    places[key] = at = [];
                }

                at.Add(i);
            }
        }

        return places;
    }

    private static bool ListsHeadingsBelow(List<PageBlock> kept, int start, int end, Dictionary<string, List<int>> headings)
    {
        var after = end - 1;
        for (var item = start; item < end; item++)
        {
            if (!headings.TryGetValue(WordsKey(kept[item].Text), out var at) || at[^1] <= after)
            {
                return false;
            }

            after = at.First(place => place > after);
        }

        return true;
    }

    private static string WordsKey(string text) => string.Join(' ', Tokens.Runs(text)).ToLowerInvariant();

    /// <summary>A table of contents lists at least this many of the article's headings.</summary>
    private const int ContentsItems = 3;

    /// <summary>An entry of a table of contents is a heading's words, at most this many.</summary>
    private const int ContentsItemWords = 20;

    /// <summary>
    /// An item of an ordered list keeps its number ("3. Fold it flat."): steps, rankings and timelines are read by it, and
    /// the page shows it though the markup only implies it. The number goes before the item's first block only, counts
    /// from the list's start attribute, and is left out when the item's text already opens with one. A site's style
    /// sheet can hide the numbers; the markup alone does not say so, and a number shown where none was is a smaller
    /// fault than a step without its number.
    /// </summary>
    private static string WithListNumber(PageBlocks page, PageBlock block, HashSet<IElement> numbered, Dictionary<IElement, int> positions)
    {
        IElement? item = page.Boxes[block.Owner].Element;
        for (var up = 0; item is not null && item.LocalName != "li" && up < ListItemDepth; up++)
        {
            item = item.ParentElement;
        }

        if (item is null || item.LocalName != "li" || item.ParentElement is not { LocalName: "ol" } list || !numbered.Add(item) ||
            NumberedAlready().IsMatch(block.Text))
        {
            return block.Text;
        }

        if (!positions.ContainsKey(item))
        {
            // Each item's place among the list's items, counted once a list: stepping back through siblings item by item
            // is a search of the parent's children each step in AngleSharp, which made a 10,000-item list take minutes.
            var children = list.ChildNodes;
            for (int k = 0, counted = 0; k < children.Length; k++)
            {
                if (children[k] is IElement { LocalName: "li" } entry)
                {
                    positions[entry] = counted++;
                }
            }
        }

        var number = (int.TryParse(list.GetAttribute("start"), out var start) ? start : 1) + positions[item];
        return $"{number}. {block.Text}";
    }

    /// <summary>Elements between a list item and the block inside it that carries its text (li > p, li > div > p).</summary>
    private const int ListItemDepth = 2;

    /// <summary>An item that numbers itself: "2. ", "(b) ", "iv) ", or a number standing alone or before the text ("1", "3 Know the costs").</summary>
    [GeneratedRegex(@"^(\(?(\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.):](\s|$)|\d{1,3}(\s|$))")]
    private static partial Regex NumberedAlready();

    /// <summary>
    /// The blocks of a box that sends the reader to other stories, set between paragraphs: a lone label ("Related", "Read
    /// Next", "Also in the news") and the teasers under it (linked headlines, excerpts cut off with an ellipsis, and the
    /// short lines between them such as a section name or a date). Often the teasers were left out already as links and
    /// the label stands alone; the article's own text after it is kept.
    /// </summary>
    private static HashSet<PageBlock> RecirculationBoxes(IReadOnlyList<PageBlock> selected)
    {
        var boxed = new HashSet<PageBlock>();
        for (var i = 0; i < selected.Count; i++)
        {
            if (!IsRecirculationLabel(selected[i]))
            {
                continue;
            }

            // The box runs to its last teaser, across short lines; a run without a teaser is the article's own.
            var end = i;
            for (var j = i + 1; j < selected.Count && (IsTeaser(selected[j]) || IsShortLine(selected[j])); j++)
            {
                end = IsTeaser(selected[j]) ? j : end;
            }

            for (var j = i; j <= end; j++)
            {
                boxed.Add(selected[j]);
            }

            i = end;
        }

        return boxed;
    }

    /// <summary>A label of a few words without sentence punctuation that names a list of other stories.</summary>
    private static bool IsRecirculationLabel(PageBlock block) =>
        block.Words <= RecirculationLabelWords && (block.Sentences == 0 || (block.Sentences == 1 && block.Text.TrimEnd().EndsWith(':'))) &&
        RecirculationLabel().IsMatch(block.Text);

    /// <summary>A recirculation box's label is a few words; longer, and it is a heading of the article's.</summary>
    private const int RecirculationLabelWords = 4;

    /// <summary>A teaser: a linked headline, or an excerpt cut off with an ellipsis.</summary>
    private static bool IsTeaser(PageBlock block) =>
        (block.LinkDensity >= 0.5 && block.Words <= TeaserHeadlineWords) ||
        (block.Words <= TeaserExcerptWords && (block.Text.EndsWith("...", StringComparison.Ordinal) || block.Text.EndsWith('…')));

    /// <summary>A teaser's headline is a line; longer, and it is a linked sentence.</summary>
    private const int TeaserHeadlineWords = 25;

    /// <summary>A teaser's excerpt is a sentence or two.</summary>
    private const int TeaserExcerptWords = 60;

    /// <summary>A short line without a sentence: a teaser's section name, date or writer.</summary>
    private static bool IsShortLine(PageBlock block) => block.Words <= 6 && block.Sentences == 0;

    /// <summary>
    /// A label with a colon set between paragraphs ("Related:", "Read more:") over a link or two to other stories, with the
    /// article's prose going on after it: it points away in the middle of the story and does not close it. A label of the
    /// article's own apparatus ("Sources:") does close it, whatever its entries read like.
    /// </summary>
    private static bool IsInlineLabel(PageBlock label, List<PageBlock> kept)
    {
        if (label.Kind == BlockKind.Heading || !label.Text.TrimEnd().EndsWith(':') || !PointsAway().IsMatch(label.Text))
        {
            return false;
        }

        var at = kept.IndexOf(label);
        return kept.Skip(at + 1).Any(b => b.Words >= InlineLabelProseWords && b.LinkDensity < 0.3 && b.Sentences > 0 && b.Kind == BlockKind.Paragraph);
    }

    /// <summary>A paragraph of the story that goes on after an inline label is at least this long.</summary>
    private const int InlineLabelProseWords = 30;

    /// <summary>What kind of line the site prints around the story the block is (a byline, a notice, a label), or null when it is none.</summary>
    private static string? Label(PageBlock block, bool atEdge, string? language) =>
        IsByline(block, atEdge, language) ? "byline" :
        IsTaxonomy(block, atEdge) ? "taxonomy" :
        IsHouseNotice(block) ? "house-notice" :
        IsCallToAct(block) ? "call-to-act" :
        IsShopLabel(block) ? "shop-label" :
        IsRelatedLink(block) ? "related-link" :
        IsAdLabel(block) ? "ad-label" :
        IsCaptionToggle(block) ? "caption-toggle" :
        IsSiteAppeal(block) ? "site-appeal" :
        block.Words <= 4 && ContentsLabel().IsMatch(block.Text) ? "contents-label" :
        IsPlaceholder(block) ? "placeholder" : null;

    /// <summary>
    /// The text without the writer's bio at its foot: a paragraph among the last few that opens with an author's name
    /// and says who they are ("Jane Doe is a senior editor ...", "Jane has covered ..."), what follows it, and the short
    /// label just above it (the name, a job title, "Contributing Writer"). Sites print it under every article they
    /// publish; it describes the writer, not the story.
    /// </summary>
    public static string WithoutAuthorBio(string text, IReadOnlyList<string> authors)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var paragraphs = text.Split("\n\n");
        var writers = Writers(authors);
        for (var i = Math.Max(1, paragraphs.Length - BioParagraphs); i < paragraphs.Length; i++)
        {
            // The name the bio opens with is the byline's, or the name printed over it (perhaps with a job title between):
            // an author box shows the writer's name above the bio, and pages that print no byline still print that box.
            var nameAt = i > 1 && IsLabel(paragraphs[i - 1]) && IsPersonName(paragraphs[i - 2]) ? i - 2 : i - 1;
            var opening = NicknameFirst().Replace(paragraphs[i], "$2");
            var boxed = IsPersonName(paragraphs[nameAt]) && OpensWithBio(opening, paragraphs[nameAt]);
            var unlabelled = AuthorLabel().Replace(opening, "");
            if ((!boxed && !writers.Any(writer => OpensWithBio(unlabelled, writer))) || IsAboutCompany(paragraphs[i]))
            {
                continue;
            }

            var start = boxed && nameAt > 0 ? nameAt : i > 1 && IsLabel(paragraphs[i - 1]) ? i - 1 : i;
            var cut = paragraphs.Skip(start).Sum(p => PageBlocks.CountWords(p));
            if (cut > BioWords || cut > BioShare * paragraphs.Sum(p => PageBlocks.CountWords(p)))
            {
                return text;
            }

            return string.Join("\n\n", paragraphs.Take(start));
        }

        return text;
    }

    /// <summary>
    /// Each writer of the byline: a shared byline ("Jane Doe and John Roe", "Jane Doe &amp; John Roe (Harbour Times)") prints
    /// one bio per writer at the foot, each opening with its writer's name.
    /// </summary>
    private static List<string> Writers(IReadOnlyList<string> authors) =>
        authors.SelectMany(author => WriterSeparator().Split(Parenthesis().Replace(author, " ")))
            .Select(name => name.Trim())
            .Where(name => name.Length >= 3)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"\s+(?:and|&)\s+|[,;]")]
    private static partial Regex WriterSeparator();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesis();

    /// <summary>
    /// A bio that opens with the writer's given name and, in parentheses, the name they go by ("Ludovic (Ludo) Martin is"),
    /// under an author box that prints the name they go by ("Ludo Martin"): the name the bio opens with, read as that one.
    /// </summary>
    [GeneratedRegex(@"^(\p{Lu}[\p{L}'’-]+) \((\p{Lu}[\p{L}'’-]+)\)")]
    private static partial Regex NicknameFirst();

    /// <summary>The label a bio may open with on its own line's start: "About the author: ", "About the Author ".</summary>
    [GeneratedRegex(@"^\W*about the (?:authors?|writers?)\b\W*", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorLabel();

    /// <summary>
    /// True when the paragraph opens with the author's full name, or a first name of a full one, then a verb that
    /// introduces a bio, perhaps after the writer's job set off by commas ("Jane Doe, Editor, Harbour Desk, studied ...");
    /// or when the writer greets the reader with the name ("Hi there! I'm Jane, and I started this blog ...").
    /// </summary>
    private static bool OpensWithBio(string paragraph, string author)
    {
        var name = author.Trim();
        if (name.Length < 3)
        {
            return false;
        }

        // A byline may print the name all in lower case ("by acme"); the bio opens a sentence with it capitalised.
        var comparison = name.Any(char.IsUpper) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (paragraph.StartsWith(name, comparison) && IntroducesBio(paragraph.AsSpan(name.Length)))
        {
            return true;
        }

        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var firstName = space >= 3 ? name[..space] : name;
        if (space >= 3 && paragraph.StartsWith(name[..(space + 1)], StringComparison.Ordinal) && IntroducesBio(paragraph.AsSpan(space)))
        {
            return true;
        }

        var greeting = Greeting().Match(paragraph);
        return greeting.Success && paragraph.AsSpan(greeting.Length).StartsWith(firstName, StringComparison.Ordinal) &&
            !char.IsLetter(paragraph.ElementAtOrDefault(greeting.Length + firstName.Length));
    }

    /// <summary>
    /// A paragraph about a company, not a person: it says "we", "our" or "us" and never "he", "she" or "I". A firm that signs
    /// its own blog closes the post by saying what it offers ("Acme is dedicated to ... Our engineers"), which is the
    /// post's last word, not a writer's bio.
    /// </summary>
    private static bool IsAboutCompany(string paragraph) =>
        CompanyVoice().IsMatch(paragraph) && !PersonPronoun().IsMatch(paragraph);

    /// <summary>"We", "our", "us" in any case but "US", which names the country.</summary>
    [GeneratedRegex(@"\b(?:[Ww][Ee]|[Oo][Uu][Rr]|[Uu]s)\b")]
    private static partial Regex CompanyVoice();

    [GeneratedRegex(@"\b(?:he|she|his|her|him|hers|i|my|me)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonPronoun();

    /// <summary>A bio's verb right after the name, or after the writer's job set off by commas.</summary>
    private static bool IntroducesBio(ReadOnlySpan<char> afterName) =>
        BioVerb().IsMatch(afterName) || JobThenBioVerb().IsMatch(afterName);

    /// <summary>The writer's job between commas after the name, then a bio's verb: ", Editor, Running Reviews, studied".</summary>
    [GeneratedRegex(@"^,(?: [^,.;:]{1,40},){1,2}\s+(?:is|was|has|have|brings|leads|holds|serves|works|writes|joined|covers|specializes|specialises|lives|teaches|reports|started|founded|co-founded|studied|graduated)\b")]
    private static partial Regex JobThenBioVerb();

    /// <summary>How a writer greets the reader before their name in an author box: "Hi there! I'm ", "Hello, I am ".</summary>
    [GeneratedRegex(@"^(?:hi|hello|hey)(?: there| everyone| friends?)?\W{1,3}(?:i'm|i’m|i am|my name is) ", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    /// <summary>A line that is only a person's name: two or three capitalised words, nothing else.</summary>
    private static bool IsPersonName(string paragraph) => PersonName().IsMatch(paragraph);

    [GeneratedRegex(@"^\p{Lu}[\p{L}'’-]+(?: \p{Lu}\.?)?(?: \p{Lu}[\p{L}'’-]+){1,2}$")]
    private static partial Regex PersonName();

    /// <summary>A line that labels what follows (a name, a job title): a few words and no sentence.</summary>
    private static bool IsLabel(string paragraph) =>
        PageBlocks.CountWords(paragraph) <= 6 && !paragraph.TrimEnd().EndsWith('.') && !paragraph.Contains('\n', StringComparison.Ordinal);

    /// <summary>
    /// A short line that credits a picture. The credit that ends a caption is looked for only on lines with a colon,
    /// " by " or "courtesy" in them; a line that is only a credit ("Getty Images / Jane Doe", "Image from Reuters") is
    /// looked for only on a line of a few words.
    /// </summary>
    private static bool IsPictureCredit(PageBlock block) =>
        block.Words <= CreditedCaptionWords && block.Kind != BlockKind.Heading &&
        ((block.Words <= CreditLineWords && PictureCreditLine().IsMatch(block.Text)) ||
         ((block.Text.Contains(':', StringComparison.Ordinal) || block.Text.Contains(" by ", StringComparison.OrdinalIgnoreCase) ||
           block.Text.Contains("courtesy", StringComparison.OrdinalIgnoreCase)) &&
          PictureCredit().IsMatch(block.Text)));

    /// <summary>A caption is a sentence or two; a longer paragraph that ends with a source is article text citing it.</summary>
    private const int CreditedCaptionWords = 30;

    /// <summary>A line that is only a credit names a source and perhaps a photographer; longer, and it is a sentence about a picture.</summary>
    private const int CreditLineWords = 12;

    /// <summary>The bio opens among the last this many paragraphs.</summary>
    private const int BioParagraphs = 4;

    /// <summary>A bio is at most this share of the text; more, and the paragraph is the article speaking of its writer.</summary>
    private const double BioShare = 0.35;

    /// <summary>An author's bio at the foot of an article is a few short blocks; more than this after the label is article text.</summary>
    private const int BioBlocks = 12;

    /// <summary>A paywall's notice is a sentence or two; a longer paragraph that speaks of subscribers is article text.</summary>
    private const int PaywallWords = 30;

    /// <summary>The words of a paywall's notice: the story is for subscribers, and subscribing unlocks the rest of it.</summary>
    [GeneratedRegex(@"\bunlock (?:this|the(?: full)?|the rest of (?:this|the)) (?:article|story|piece|post)\b|\b(?:this|the) (?:article|story|piece|post|content) is (?:exclusive(?:ly)?|only) (?:to|for) [\w+ ]{0,20}\b(?:subscribers|members)\b|\bto (?:read|continue reading) the rest of (?:this|the) (?:story|article|piece|post)\b|\b(?:paid|premium) subscriber to (?:unlock|read|continue)\b|\bsubscribe (?:now )?to (?:continue|keep) reading\b", RegexOptions.IgnoreCase)]
    private static partial Regex Paywall();

    /// <summary>An appeal for support is a sentence or two; a longer paragraph that speaks of donations is article text.</summary>
    private const int AppealWords = 40;

    /// <summary>A closing section (references, related links, the readers' comments) is at most this share of the text; more, and the label heads a part of the article.</summary>
    private const double TailShare = 0.25;

    /// <summary>
    /// Where the closing section that a heading at <paramref name="label"/> opens ends: at the next heading of its level or
    /// above that a paragraph of prose follows, where the writer takes up the article again ("References" set between two
    /// of its sections); else at the text's end. A label that is no heading, or headings under it, open nothing new.
    /// </summary>
    private static int SectionEnd(List<PageBlock> kept, int label)
    {
        if (kept[label].Kind != BlockKind.Heading || kept[label].HeadingLevel <= 0)
        {
            return kept.Count;
        }

        for (var i = label + 1; i + 1 < kept.Count; i++)
        {
            if (kept[i].Kind == BlockKind.Heading && kept[i].HeadingLevel > 0 && kept[i].HeadingLevel <= kept[label].HeadingLevel &&
                kept[i + 1].Kind == BlockKind.Paragraph && kept[i + 1].Words >= ResumedProseWords && kept[i + 1].Sentences > 0)
            {
                return i;
            }
        }

        return kept.Count;
    }

    /// <summary>
    /// A closing section's label is a line ("If you liked this post you might also like:", "Related articles from the
    /// Harbour blog", "You may be interested in the following topics as well:"); the label's words must match the pattern
    /// whole, so a longer line is a sentence that mentions them.
    /// </summary>
    private const int TailLabelWords = 10;

    /// <summary>The article is taken up again by a paragraph of at least this many words.</summary>
    private const int ResumedProseWords = 25;

    /// <summary>Words a bio runs to at most.</summary>
    private const int BioWords = 250;

    /// <summary>Plain text with paragraphs on their own lines (as JSON-LD articleBody gives it) in the article's text form.</summary>
    public static string FromPlainText(string text)
    {
        var paragraphs = System.Net.WebUtility.HtmlDecode(text)
            .Replace("\r\n", "\n")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("\n\n", paragraphs.Select(PageExtractor.Normalise).Where(p => p.Length > 0));
    }

    private static bool IsByline(PageBlock block, bool atEdge, string? language) =>
        block.Words <= 14 && block.Kind != BlockKind.Heading &&
        ((BylinePattern().IsMatch(block.Text) && !MeansSentence().IsMatch(block.Text)) || (atEdge && IsOnlyDate(block.Text)) ||
         (block.Words <= ReadingTimeWords && ReadingTime().IsMatch(block.Text)) || IsCjkByline(block.Text) ||
         Bylines.OtherLanguageByline(block.Text, language) is not null || Bylines.IsKoreanByline(block.Text));

    /// <summary>
    /// A Chinese news page's line of particulars by the headline or under the story: "2023年02月25日 18:32 来源：新华网 记者
    /// 王小明", "责任编辑：张三", "文/李华". Its labels take a colon (or a slash, or a space after 记者), so a sentence that
    /// opens with the word ("记者从外交部获悉，……") is not one, and it closes no sentence with 。.
    /// </summary>
    internal static bool IsCjkByline(string text) =>
        FitsCjkByline(text) && text.Any(Scripts.IsCjk) && CjkBylineLabel().IsMatch(text);

    /// <summary>A line short enough for a Chinese byline and closing no sentence with 。 (see <see cref="IsCjkByline"/>).</summary>
    internal static bool FitsCjkByline(string text) => text.Length <= 80 && !text.Contains('。');

    /// <summary>
    /// The site's filing of the article at the start or end of its text ("Tags: harbour, council", "Filed under: Local",
    /// "Category: News") or the writer box's link to their other posts ("Latest posts by Jane Doe (see all)"): it indexes
    /// the story on the site, it is not part of it.
    /// </summary>
    private static bool IsTaxonomy(PageBlock block, bool atEdge) =>
        block.Words <= TaxonomyWords && ((atEdge && Taxonomy().IsMatch(block.Text)) || LatestPosts().IsMatch(block.Text));

    /// <summary>A taxonomy line lists a few names; longer, and it is a sentence that opens with the word.</summary>
    private const int TaxonomyWords = 30;

    /// <summary>A line that is only a date lies within this many words of the text's start or end when it dates the article.</summary>
    private const int DateEdgeWords = 100;

    /// <summary>A reading-time label is the time and a name or two ("Newsroom Team | 5 min read"); longer, and it is a sentence.</summary>
    private const int ReadingTimeWords = 8;

    /// <summary>
    /// A short line the site puts on every article, not the article: an affiliate or commission disclosure, or a call to
    /// sign up for its newsletter or to follow it or its writer ("follow us on Facebook", "Get Jane Doe's stories in
    /// your inbox").
    /// </summary>
    private static bool IsHouseNotice(PageBlock block) =>
        block.Kind != BlockKind.Heading &&
        ((block.Words <= HouseNoticeWords && (HouseNotice().IsMatch(block.Text) || HouseNoticeOpening().IsMatch(block.Text) || IsDisclosure(block.Text))) ||
         (block.Words <= LabelledDisclosureWords && DisclosureLabel().IsMatch(block.Text) && IsDisclosure(block.Text)));

    /// <summary>
    /// An affiliate or commission disclosure: it speaks of affiliate links or commissions and of the page or its writer
    /// ("This post contains affiliate links", "we may earn a commission"). An article about affiliate marketing speaks of
    /// them too ("Streamers earn a commission when viewers buy via affiliate links"), but not of itself.
    /// </summary>
    private static bool IsDisclosure(string text) =>
        (AffiliateTerms().IsMatch(text) || (Commission().IsMatch(text) && CommissionOn().IsMatch(text))) && SpeaksForPage().IsMatch(text);

    /// <summary>Disclosures and sign-up calls are a sentence or two; a paragraph that mentions commissions is article text.</summary>
    private const int HouseNoticeWords = 40;

    /// <summary>
    /// A disclosure under its label ("Disclosure: As an affiliate I earn from qualifying purchases. If you click ...")
    /// runs to a few sentences; the label says what it is.
    /// </summary>
    private const int LabelledDisclosureWords = 80;

    /// <summary>
    /// A paragraph that is a line of pitch, which exclaims, and on a line of its own under it its button: a link of a few
    /// words and the paragraph's only link ("Step up your style with bold Puma footwear!" / "Shop Puma Today"). A sentence of
    /// the article with a link in it reads on; a plain line over a link ("Best for: ..." / "LEARN MORE") is the article's
    /// own note on a product.
    /// </summary>
    private static bool IsPitchWithButton(PageBlocks page, PageBlock block)
    {
        var lastLine = block.Text.LastIndexOf('\n');
        if (block.Kind != BlockKind.Paragraph || block.Words > PitchWords || block.LinkDensity <= 0 || lastLine < 0)
        {
            return false;
        }

        var button = block.Text[(lastLine + 1)..].Trim();
        if (button.Length == 0 || PageBlocks.CountWords(button) > ButtonWords || !block.Text[..lastLine].TrimEnd().EndsWith('!'))
        {
            return false;
        }

        var links = page.Boxes[block.Owner].Element.QuerySelectorAll("a");
        return links.Length == 1 && links[0].TextContent.Trim() == button;
    }

    /// <summary>A pitch with its button is a sentence or two; longer, and it is a paragraph of the article.</summary>
    private const int PitchWords = 40;

    /// <summary>A button's label is a few words ("Shop Nike with Fastarz"); longer, and the link is a title or a sentence.</summary>
    private const int ButtonWords = 5;

    /// <summary>
    /// A short line that tells the reader to act on an offer ("Sign up now!", "Start your free trial", "Get started today",
    /// "Buy now from ...", "Deal alert: ...", "30 day free trial, no credit card required", "Get the FREE eBook!"): it sells something beside the story. Only a line of its own that opens with
    /// the call; a sentence in the article that speaks of signing up runs longer or opens otherwise.
    /// </summary>
    private static bool IsCallToAct(PageBlock block) =>
        block.Words <= CallToActWords && block.Kind != BlockKind.Heading && CallToAct().IsMatch(block.Text);

    /// <summary>A call to act is a few words; longer, and it is a sentence that tells of one.</summary>
    private const int CallToActWords = 12;

    /// <summary>
    /// A label of a product box set in the article ("Best Prices Today:", "Where to buy", "Starting at $20.00", "Read
    /// reviews", "Loading prices for your region…"): the shop's furniture around a product, or the text of a price widget
    /// that had not loaded, not something the writer wrote.
    /// </summary>
    private static bool IsShopLabel(PageBlock block) =>
        block.Words <= ShopLabelWords && ShopLabel().IsMatch(block.Text);

    /// <summary>A product box's label is a few words; longer, and it is a sentence.</summary>
    private const int ShopLabelWords = 8;

    /// <summary>
    /// A link to another of the site's articles set between paragraphs, under a label and a colon ("See also: A Brief
    /// History of Photography", "Related: PPE Inspections", "READ MORE: ...", "You might also like:"): it points away
    /// from the story. The label alone without a colon, or a sentence that opens with the words, is not one. Some sites set
    /// it as a heading; a heading of the article's own that opens so ("Related: what the port pays") is not a link.
    /// </summary>
    private static bool IsRelatedLink(PageBlock block) =>
        block.Words <= RelatedLinkWords && (block.Kind != BlockKind.Heading || block.LinkDensity >= LinkedHeading) &&
        RelatedLink().IsMatch(block.Text);

    /// <summary>A heading that is a link to another story has most of its text in the link.</summary>
    private const double LinkedHeading = 0.5;

    /// <summary>A related link is a label and an article's title; longer, and it is a paragraph.</summary>
    private const int RelatedLinkWords = 16;

    /// <summary>
    /// The label of an ad slot between paragraphs ("Advertisement", "Sponsored", "Story continues below", "Advertisement:
    /// New AI Book!"): what it labels is not the story, and when the ad did not load the label is all that is left.
    /// </summary>
    private static bool IsAdLabel(PageBlock block) =>
        block.Words <= AdLabelWords && AdLabel().IsMatch(block.Text);

    /// <summary>An ad slot's label is a word or two, or a short ad's title after "Advertisement:"; longer, and it is a sentence.</summary>
    private const int AdLabelWords = 8;

    /// <summary>
    /// A short line that speaks for the site to its readers, not for the story: a call to follow it on social networks
    /// ("Follow us on Instagram, YouTube and X"), a paywall's "Already have an account? Log in", an offer to republish.
    /// </summary>
    private static bool IsSiteAppeal(PageBlock block) =>
        block.Words <= SiteAppealWords && block.Kind != BlockKind.Heading && (SiteAppeal().IsMatch(block.Text) || SocialAppeal().IsMatch(block.Text));

    /// <summary>Such a line is a sentence or two; longer, and it is a paragraph about the site.</summary>
    private const int SiteAppealWords = 25;

    /// <summary>
    /// The button that shows or hides a picture's caption ("Show Caption", "Hide Caption"): a control of the page, whose
    /// words are neither the story nor the caption.
    /// </summary>
    private static bool IsCaptionToggle(PageBlock block) =>
        block.Words <= 3 && CaptionToggle().IsMatch(block.Text);

    /// <summary>
    /// The filler text of a page template ("Lorem ipsum dolor sit amet, ..."), left in a box the site never filled: it
    /// stands where no one has written anything; or a widget's message that its lookup found nothing ("Sorry, we couldn't
    /// find a match for this location. Please try again."), which the page prints ready for the reader's search.
    /// </summary>
    private static bool IsPlaceholder(PageBlock block) =>
        block.Text.StartsWith("Lorem ipsum", StringComparison.OrdinalIgnoreCase) ||
        (block.Words <= NothingFoundWords && NothingFound().IsMatch(block.Text));

    /// <summary>A widget's nothing-found message is a sentence or two; longer, and it is the writer telling of a search.</summary>
    private const int NothingFoundWords = 20;

    /// <summary>How a widget's nothing-found message opens: see <see cref="IsPlaceholder"/>.</summary>
    [GeneratedRegex(@"^\W*(?:sorry,? (?:we|I) (?:couldn['’]?t|could not|can['’]?t|cannot|were unable to) find\b|no (?:results|matches)(?: were)? found\b)", RegexOptions.IgnoreCase)]
    private static partial Regex NothingFound();

    /// <summary>A short line of only letters, digits and a date's separators that holds a date (the cheap shape test first).</summary>
    private static bool IsOnlyDate(string text) =>
        text.Length <= 60 && DateOnlyPattern().IsMatch(text) && TextDates.FindInText(text) is not null;

    private static bool IsStray(PageBlock block, bool leading)
    {
        if (block.Kind == BlockKind.Heading)
        {
            // A heading with nothing after it introduces something that was left out.
            return !leading;
        }

        if (block.Kind == BlockKind.ListItem && block.Sentences > 0)
        {
            return false;
        }

        // A label that opens onto what follows ("Rating:", "Date Last Reviewed:") and ends the text introduces something left out.
        return block.Words <= 4 && (block.Sentences == 0 || (!leading && block.Sentences == 1 && block.Text.TrimEnd().EndsWith(':')));
    }

    /// <summary>
    /// A line that credits a picture: it opens with "Photo:", "Image credit:" or "Credit:", or ends with the credit ("...
    /// Photo: Jane Doe", "| Photo by Jane Doe", "Photo by: 'Jane Doe'.", "Source: Agency", "Courtesy of the museum",
    /// "Photo courtesy the city"). Pages print it under an image when they do not mark it up as a caption.
    /// </summary>
    [GeneratedRegex(@"(?:^\W*(?:(?:photo|image|picture)s?(?: credits?)?\s*:|credits?\s*:\s*\S)|(?:\b(?:photo|image|photo credit|image credit|picture)s?\s*:\s*[^.:]{1,60}|\bphoto(?:graph)?s? by\s*:?\s*[^.:]{1,40}\.?|\bsource\s*:\s*[^.:]{1,50}|\b(?:courtesy of|photo(?:graph)?s? courtesy(?: of)?\s*:?)\s*[^.:]{1,50}\.?)\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex PictureCredit();

    /// <summary>
    /// A line that is only a picture's credit or the control over it: "Image from the March review", "Image provided by
    /// the museum", "Getty Images / Jane Doe", "Jane Doe/AFP via Getty Images", "Click to view image in full size".
    /// </summary>
    [GeneratedRegex(@"^\W*(?:(?:photo|image|picture)s?\s+(?:from|via|provided by|supplied by|used (?:under|with) (?:licen[cs]e|permission) from)\s+[^:]{1,60}$|(?:credits?\s*:\s*)?(?:[\w.'’/ -]{1,40}\s*(?:/|\bvia)\s*)?(?:getty images|shutterstock|istock(?:photo)?|alamy|unsplash|pexels|pixabay|adobe stock|dreamstime|depositphotos|reuters|afp|ap photo|associated press|epa)(?:\s*(?:/|via\b)\s*[\w.'’ -]{1,40})?\W*$|(?:press enter or )?(?:click|tap)(?: here)? (?:to|and) (?:view|see|enlarge|expand|zoom)\b[\w ]{0,30}\b(?:images?|photos?|pictures?|full[- ]?size|larger)\b[\w ]{0,20}\W*$)", RegexOptions.IgnoreCase)]
    private static partial Regex PictureCreditLine();

    /// <summary>A call to act on an offer, perhaps after a short question ("Ready to start? Get started today.").</summary>
    [GeneratedRegex(@"^(?:[^.?!]{0,60}\?\s*)?\W*(?:(?:sign up|subscribe)(?: now| today| for free| free| here)\b|sign up and\b|(?:sign up|subscribe)\W*$|start (?:your|a|my) (?:free|\d+[- ]day)(?: free)? trial|get started(?: (?:today|now|for free|free))?\W*$|(?:buy|shop|order)(?: it| yours| them| one)? now\b|deal alert\s*:|try (?:it|us|\w+) (?:for )?free\b|(?:\d+[- ]day )?(?:free trial\W*)?(?:no credit card (?:required|needed)|credit card not required)\W*$|(?:get|download|grab|claim) (?:the|your|my|our|a) free (?:[\w-]+ ){0,2}(?:e-?book|guide|checklist|template|workbook|report|copy)\W*$)", RegexOptions.IgnoreCase)]
    private static partial Regex CallToAct();

    /// <summary>A product box's label, the whole line: see <see cref="IsShopLabel"/>.</summary>
    [GeneratedRegex(@"^\W*(?:best prices? today|where to buy|check (?:the )?(?:latest )?prices?|see (?:the )?(?:latest )?(?:price|deal|offer)s?|view (?:the )?(?:deal|offer|price)s?|shop (?:now|the deal)|read (?:more|reviews?|(?:the |our )?full review)|active deal|starting at \$[\d.,]+|\$undefined|loading(?: (?:prices?|specifications?|specs|deals?|offers?|products?)\b[\w ]{0,30})?(?:…|\.\.\.))\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ShopLabel();

    /// <summary>A related link's label and colon: see <see cref="IsRelatedLink"/>.</summary>
    [GeneratedRegex(@"^\W*(?:(?:see also|related|read more|read|" + OtherLanguageLabels.Related + @")\s*:\s*\S|you (?:may|might) also (?:like|enjoy|check|read|be interested(?: in)?)\s*:)", RegexOptions.IgnoreCase)]
    private static partial Regex RelatedLink();

    /// <summary>An ad slot's label, the whole line or before a colon: see <see cref="IsAdLabel"/>.</summary>
    [GeneratedRegex(@"^\W*(?:(?:advertisements?|advertising|sponsored(?: (?:content|post|links?))?|ad|promoted|" + OtherLanguageLabels.Ad + @"|paid (?:content|post)|(?:story|article|content) continues (?:below|after (?:the )?(?:ad|advertisement))|continue reading below|scroll (?:down )?to continue(?: reading)?)\W*$|(?:advertisement|sponsored)\s*:\s*\S)", RegexOptions.IgnoreCase)]
    private static partial Regex AdLabel();

    /// <summary>How a site's appeal to its readers opens: see <see cref="IsSiteAppeal"/>.</summary>
    [GeneratedRegex(@"^\W*(?:follow (?:us|me|(?-i:[\p{Lu}@])[\w.]*(?: (?-i:\p{Lu})[\w.]*)?) on (?:" + SocialNetworkNames + @")\b|already have an account\?|republish (?:our|this) (?:articles?|story|stories)\b|" + OtherLanguageLabels.Follow + @")", RegexOptions.IgnoreCase)]
    private static partial Regex SiteAppeal();

    /// <summary>
    /// A call to meet the writer or the site on a social network anywhere in a short line ("Want more tips? Let's hang out
    /// on Instagram!", "Join me on TikTok", "Follow on social media: ...", "You can also connect with me here:").
    /// </summary>
    [GeneratedRegex(@"\b(?:follow(?:ing)?(?: (?:us|me|\w+))? on|(?:connect|hang out)(?: with (?:us|me))? on|join (?:us|me) on) (?:" + SocialNetworkNames + @"|telegram|whatsapp|social media|social)\b|\bconnect with (?:us|me) here\b", RegexOptions.IgnoreCase)]
    private static partial Regex SocialAppeal();

    /// <summary>The social networks a site asks its readers to follow it on, as alternatives for a pattern (<see cref="SiteAppeal"/>, <see cref="SocialAppeal"/>).</summary>
    private const string SocialNetworkNames = "facebook|twitter|x|instagram|youtube|tiktok|linkedin|threads|bluesky|mastodon|pinterest";

    [GeneratedRegex(@"^\W*(?:show|hide|toggle) captions?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionToggle();

    /// <summary>The label over a page's table of contents: it names the page's navigation, not a part of the story.</summary>
    [GeneratedRegex(@"^\W*(?:table of contents?|contents|on this page|jump to(?: section)?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentsLabel();

    /// <summary>
    /// The label of a recirculation box, the whole line: see <see cref="RecirculationBoxes"/>. A colon after it ("You might
    /// also like:") changes nothing: the words name other stories either way. ("See also:" introduces the writer's own list
    /// and is no such label.)
    /// </summary>
    [GeneratedRegex(@"^\W*(?:related(?:(?: \w+)? (?:articles?|posts?|stories|reading|reads|content|links|coverage|topics|news|videos))?|(?:what to )?read next|(?:the )?latest(?: news| stories| posts| articles| headlines)?|also in the news|in other news|more (?:stories|news|articles|posts|headlines)|recommended(?: reading| stories| articles| posts| for you)?|(?:most )?popular(?: stories| articles| posts| now)?|trending(?: now| stories)?|top stories|editors?'?s?'? picks|(?:you )?(?:may|might) also like|don'?t miss)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex RecirculationLabel();

    [GeneratedRegex(@"^\s+(?:is|was|has|have|brings|leads|holds|serves|works|writes|joined|covers|specializes|specialises|lives|teaches|reports|started|founded|co-founded)\b")]
    private static partial Regex BioVerb();

    /// <summary>A taxonomy label and the names after its colon: see <see cref="IsTaxonomy"/>.</summary>
    [GeneratedRegex(@"^\W*(?:tags?|tagged(?: with| in)?|filed (?:under|in)|categor(?:y|ies)|topics?|posted in)\s*:\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex Taxonomy();

    /// <summary>The writer box's link to their other posts, as a common blog plugin prints it.</summary>
    [GeneratedRegex(@"^\W*latest posts by [^()]{2,60}\(see all\)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex LatestPosts();

    /// <summary>"By" and a verb in -ing opens a sentence that says how ("By tracing the rings ..."), not a byline: names are capitalised.</summary>
    [GeneratedRegex(@"^[Bb]y\s+\p{Ll}+ing\b")]
    private static partial Regex MeansSentence();

    [GeneratedRegex(@"^(by|written by|words by|contributions? from|contributed by|posted( by| on)?|published( by| on)?|updated( on)?|last updated( on)?|reviewed by|medically reviewed by|fact[- ]checked by|edited by|reporting by|photo(graph)?s? by|image( credit)?:|credit:|source:)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BylinePattern();

    /// <summary>The labels of a Chinese byline or source line: see <see cref="IsCjkByline"/>.</summary>
    [GeneratedRegex(@"(?:^|[\s\u3000|｜·•（(【\[])(?:(?:来源|來源|稿源|作者|责任编辑|責任編輯|编辑|編輯|责编|責編|发布时间|發佈時間|發布時間|发布日期|發布日期|发表时间|發表時間|发表于|發表於|更新时间|更新時間|通讯员|通訊員|摄影|攝影)\s*[:：]|\p{IsCJKUnifiedIdeographs}{0,6}?(?:记者|記者)(?:[:：]|\s+\p{IsCJKUnifiedIdeographs})|(?:文|图|圖|撰文)\s*[/／])")]
    private static partial Regex CjkBylineLabel();

    /// <summary>The reading time a page prints by the byline: "8 min read", "3 MIN. READ", "Reading time: 5 minutes".</summary>
    [GeneratedRegex(@"(?:\b\d+\s*(?:min|mins|minutes?)\.?\s*(?:read|reading(?: time)?)|^\W*reading time\s*:?\s*\d+\s*(?:min|mins|minutes?)\.?)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadingTime();

    [GeneratedRegex(@"\b(?:earn|earns|receive|receives|get) (?:us |me )?(?:a |an )?(?:small )?(?:affiliate )?commissions?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Commission();

    /// <summary>What a commission disclosure is about: the page's links and what readers buy through them.</summary>
    [GeneratedRegex(@"\b(?:links?|purchases?|products?|buy|click|this (?:page|site|article|post))\b", RegexOptions.IgnoreCase)]
    private static partial Regex CommissionOn();

    /// <summary>The label a disclosure opens with: "Disclosure:", "Affiliate disclosure:", "Advertiser Disclosure -".</summary>
    [GeneratedRegex(@"^\W*(?:(?:affiliate|advertiser|advertising|ftc|full) )?disclosures?\s*[:\-–—]", RegexOptions.IgnoreCase)]
    private static partial Regex DisclosureLabel();

    /// <summary>The terms of an affiliate disclosure.</summary>
    [GeneratedRegex(@"\b(?:affiliate (?:links?|marketer|commissions?|partnerships?)\b|(?:from|on) qualifying purchases)", RegexOptions.IgnoreCase)]
    private static partial Regex AffiliateTerms();

    /// <summary>Words by which a disclosure speaks of the page or its writer: "I", "we", "our", "this post", "at no extra cost to you".</summary>
    [GeneratedRegex(@"\b(?:i|we|us|our|my|me)\b|\bthis (?:post|page|site|article|blog|website|story|review|guide|video)\b|\bat no (?:extra |additional )?cost\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpeaksForPage();

    [GeneratedRegex(@"\b(?:" + OtherLanguageLabels.Newsletter + @"|supported by (?:commissions|our readers|readers)|reader-supported|(?:sign[- ]?up|subscribe) (?:(?:now |today )?(?:to|for) )?(?:our |my |the )?(?:free |weekly |daily )?(?:e-?mail )?newsletters?\b|delivered (?:straight |right |directly )?to your inbox|(?:stories|posts|updates) in your inbox|get updates from this (?:writer|author)|follow (?:us|me) on (?:facebook|twitter|instagram|tiktok|linkedin|youtube|pinterest|threads|bluesky)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex HouseNotice();

    /// <summary>How a house notice opens: a call to join the newsletter, its terms or its "Thanks for signing up!", a copyright line, a "Like this:" bar. Kept apart from <see cref="HouseNotice"/> so that its search can still skip ahead to the words it looks for.</summary>
    [GeneratedRegex(@"^\W*(?:(?:join|subscribe to|get) (?:our|my|the)\b[\w' ]{0,30}\b(?:newsletter|mailing list)|by (?:subscribing|signing up)\b|copyright\b|©|like (?:this:|loading\W*$)|thanks? (?:you )?for (?:signing up|subscribing)\W*$)", RegexOptions.IgnoreCase)]
    private static partial Regex HouseNoticeOpening();

    [GeneratedRegex(@"^\W*(?:references?|citations?|(?:article )?sources|references (?:&|and) sources|works cited|bibliography|related(?: articles| posts| stories| reading| topics| content| links)?|further reading|recommended(?: reading| posts| articles| for you)?|(?:if you (?:liked|enjoyed) this(?: post| article| story)?,? )?you (?:may|might|will)(?: also)? (?:like|enjoy|love|be interested in)(?: these| this| reading| the following(?: \w+)?)?(?: as well| too)?|(?:other|more) (?:posts|articles|stories) you (?:may|might|will) (?:like|enjoy|love)|related (?:articles|posts|stories) (?:and links|from [\w ]{1,30})|more (?:from \w+(?: \w+)?|articles|stories|posts)|recent (?:posts|articles)|(?:most )?popular(?: posts| articles)?|(?:what to )?read next|up next|share(?: this| it)?(?: article| post| story)?(?: on| via| with)?|tags|join the (?:conversation|discussion)|(?:leave|post|add) a (?:reply|comment)|\d+ (?:comments|responses|replies)|comments \(\d+\))\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex TailSection();

    /// <summary>
    /// A publisher's call on its readers to pay for its work: help, support, donations, membership. "Want to support"
    /// counts before "us", "this" or a name ("If you want to support Idle Digest"), the name's capital read as written:
    /// "want to support the fishermen's families" is a story's own.
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:we|i) need your (?:help|support)|(?:we|i) have a (?:small |quick )?favou?r to ask|(?:ask|asking) (?:you )?for your support|" + ReadersLikeYouPattern + @"|support (?:our|independent|nonprofit|non-profit) (?:journalism|mission|work|newsroom|reporting)|consider (?:supporting (?:us|our work|this (?:site|blog|newsletter|podcast|publication|work))|becoming a (?:paid )?(?:member|patron|supporter))|please consider donating|kept alive by (?:reader |our readers' )?donations|want to support (?:us|this|(?-i:[A-Z])))", RegexOptions.IgnoreCase)]
    private static partial Regex SupportAppeal();

    /// <summary>A publisher's thanks to the readers who pay for its work: "funded by readers like you", "made possible by members like you".</summary>
    [GeneratedRegex(@"\b" + ReadersLikeYouPattern, RegexOptions.IgnoreCase)]
    private static partial Regex ReadersLikeYou();

    private const string ReadersLikeYouPattern = @"(?:funded|made possible|supported|paid for) by (?:readers|members|donors|people|supporters|listeners|viewers) like you\b";

    /// <summary>A label that points to other stories: "Related", "Recommended", "Read more", "See also".</summary>
    [GeneratedRegex(@"^\W*(?:related|recommended|read more|read next|see also)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointsAway();

    [GeneratedRegex(@"^\W*(?:about the (?:authors?|writers?|reviewers?|experts?|contributors?)|meet the (?:authors?|writers?)|author bio(?:graphy)?|written by)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorSection();

    // Only a date, perhaps with a time and a label: "March 3, 2024", "03.03.2024 10:00", "Mar 3, 2024 · 5 min read".
    [GeneratedRegex(@"^[\p{L}\s.,:|·•\-–—/\d()]*$")]
    private static partial Regex DateOnlyPattern();
}
