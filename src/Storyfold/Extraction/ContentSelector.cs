using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Storyfold.Text;

namespace Storyfold.Extraction;

/// <summary>
/// Finds the article in a page's blocks. Each block is judged on its own (length, link density, sentence punctuation);
/// then the element is chosen that holds the most article-like words for the least boilerplate words, which keeps
/// an article whole when ads or share bars interrupt it and leaves out menus, teasers and comment threads around it.
/// Inside that element, blocks that are boilerplate by their hints or their measures are dropped.
/// </summary>
internal static partial class ContentSelector
{
    /// <summary>Cost of one boilerplate word against one article word when choosing the container.</summary>
    private const double BoilerplateCost = 1.0;

    /// <summary>
    /// Cost of a word in an element named outright as boilerplate (comments, share bars, footers) inside a candidate
    /// container: such elements are dropped from the output whatever the container, so they weigh little against it.
    /// Weakly named ones (cards, teasers) keep their full cost: those names are often wrong.
    /// </summary>
    private const double DroppedCost = 0.2;

    /// <summary>A hinted element (class "related", tag aside) is believed to be boilerplate only while it holds less than this share of the page's article-like words.</summary>
    private const double HintedShareLimit = 0.45;

    /// <summary>An element at least this long whose text repeats an earlier element's word for word is a rendering variant.</summary>
    private const int VariantWords = 40;

    public static IReadOnlyList<PageBlock> Select(PageBlocks page, Func<PageBlock, bool>? matchesStructuredBody) =>
        Select(page, matchesStructuredBody, null);

    /// <summary>As <see cref="Select(PageBlocks, Func{PageBlock, bool}?)"/>, describing the decision to <paramref name="explain"/> when given.</summary>
    public static IReadOnlyList<PageBlock> Select(PageBlocks page, Func<PageBlock, bool>? matchesStructuredBody, List<string>? explain) =>
        Select(page, matchesStructuredBody, explain, []);

    /// <summary>
    /// As <see cref="Select(PageBlocks, Func{PageBlock, bool}?, List{string}?)"/>, knowing the page's <paramref name="descriptions"/>
    /// (meta and Open Graph): a summary over the body that repeats one is the template's, not the writer's lead.
    /// </summary>
    public static IReadOnlyList<PageBlock> Select(PageBlocks page, Func<PageBlock, bool>? matchesStructuredBody, List<string>? explain, IReadOnlyList<string> descriptions)
    {
        var boxes = page.Boxes;
        var blocks = page.Blocks;
        if (blocks.Count == 0)
        {
            return [];
        }

        // 1. Judge blocks on their own, and total article-like words bottom-up (children come after parents).
        var value = new double[blocks.Count];
        var matched = new bool[blocks.Count];
        foreach (var block in blocks)
        {
            value[block.Index] = LocalValue(block);
            if (matchesStructuredBody is not null && matchesStructuredBody(block))
            {
                matched[block.Index] = true;
                value[block.Index] = Math.Max(value[block.Index], block.Words);
            }
        }

        Accumulate(page, value, ignoreBoilerplate: false, null);

        // 2. Hints mark boilerplate subtrees, unless the hinted element holds much of the page's text.
        var total = Math.Max(1, boxes[0].Good);
        var named = new bool[boxes.Count];
        var partHeaders = PartHeaders(boxes);
        var best = ChooseContainer(page, value, total, named, trustedClass: null, partHeaders);

        // A class name the chosen container carries is not boilerplate on this page, whatever it sounds like ("nav" in
        // "content-nav-section"): the other parts of the article carry it too, and were wrongly set aside.
        if (boxes[best].Hint < 0 && boxes[best].Element.GetAttribute("class") is { Length: > 0 } ownClass &&
            boxes.Any(b => b != boxes[best] && b.Boilerplate && b.Element.GetAttribute("class") == ownClass))
        {
            best = ChooseContainer(page, value, total, named, ownClass, partHeaders);
        }

        var chosen = best;
        best = NamedContent(boxes, best);
        best = EnclosingArticle(boxes, best);

        if (explain is not null)
        {
            for (var i = 0; i < boxes.Count; i++)
            {
                var box = boxes[i];
                if (box.Good > 0.1 * total || i == best || (box.Boilerplate && box.Parent >= 0 && !boxes[box.Parent].Boilerplate && box.Words > 50))
                {
                    explain.Add($"{(i == best ? "*" : " ")} box {i} <{box.Tag} class='{box.Element.GetAttribute("class")}' id='{box.Element.GetAttribute("id")}'> parent {box.Parent} hint {box.Hint} good {box.Good:0} bad {box.Bad:0} boiler {box.Boilerplate}");
                }
            }
        }

        // 4. The container's blocks, without boilerplate.
        var inside = new bool[boxes.Count];
        inside[best] = true;
        foreach (var answers in AnswersBeside(page, chosen, best))
        {
            inside[answers] = true;
        }

        for (var i = best + 1; i < boxes.Count; i++)
        {
            var parent = boxes[i].Parent;
            inside[i] |= parent >= 0 && inside[parent];
        }

        var repeated = RepeatedVariants(page, inside);
        var teasers = TeaserCards(page, inside, boxes[best].Words);
        var promos = PromoBoxes(page, inside, best);
        var signups = SignupBoxes(page, inside, best);
        var trailing = SectionsAfterBody(page, best);
        var leftOut = new LeftOut[blocks.Count];
        var kept = new List<PageBlock>();
        foreach (var block in blocks)
        {
            var owner = block.Owner;
            leftOut[block.Index] =
                !inside[owner] ? LeftOut.OutsideContainer :
                repeated[owner] ? LeftOut.RepeatedVariant :
                teasers[owner] ? LeftOut.TeaserCard :
                promos[owner] ? LeftOut.PromoBox :
                signups[owner] ? LeftOut.SignupBox :
                matched[block.Index] ? LeftOut.None :
                boxes[owner].Boilerplate ? LeftOut.Hinted :
                trailing[owner] ? LeftOut.AfterBody : LeftOut.None;
            if (leftOut[block.Index] == LeftOut.None)
            {
                kept.Add(block);
            }
        }

        // The article's prose runs from its first paragraph to its last; a list of links between them is one of its lists.
        var firstProse = kept.FirstOrDefault(b => value[b.Index] > 0 && !IsLinkList(b))?.Index ?? int.MaxValue;
        var lastProse = kept.LastOrDefault(b => value[b.Index] > 0 && !IsLinkList(b))?.Index ?? -1;
        var selected = new List<PageBlock>();
        for (var k = 0; k < kept.Count; k++)
        {
            var block = kept[k];
            if (IsLinkList(block) && !matched[block.Index] && !IsRunningListItem(page, block, firstProse, lastProse, boxes[best].Good) &&
                !IsDataRow(block, boxes[block.Owner].Element) &&
                !(block.Index > firstProse && k + 1 < kept.Count && IsLinkedItemName(block, kept[k + 1])))
            {
                leftOut[block.Index] = LeftOut.LinkList;
                continue;
            }

            selected.Add(block);
        }

        foreach (var block in CardRemains(page, selected, leftOut))
        {
            leftOut[block.Index] = LeftOut.CardRemains;
            selected.Remove(block);
        }

        foreach (var block in IntroAboveBody(page, selected, boxes[best].Good))
        {
            leftOut[block.Index] = LeftOut.None;
            selected.Insert(selected.FindIndex(b => b.Index > block.Index) is var at and >= 0 ? at : selected.Count, block);
        }

        foreach (var block in LeadAboveBody(page, selected, descriptions))
        {
            leftOut[block.Index] = LeftOut.None;
            selected.Insert(selected.FindIndex(b => b.Index > block.Index) is var at and >= 0 ? at : selected.Count, block);
        }

        if (explain is not null)
        {
            Explain(page, value, leftOut, trailing, explain);
        }

        return selected;
    }

    /// <summary>
    /// What is left of a card once its linked title went out as a link: the short lines the card holds beside the title
    /// (a rating, a one-line blurb, a price), none of them a sentence. Cards that point to other pages or products are set
    /// in the article between its paragraphs; without their titles their lines read as stray fragments of the story.
    /// </summary>
    private static List<PageBlock> CardRemains(PageBlocks page, List<PageBlock> selected, LeftOut[] leftOut)
    {
        var boxes = page.Boxes;
        var remains = new List<PageBlock>();
        foreach (var title in page.Blocks)
        {
            if (leftOut[title.Index] != LeftOut.LinkList || title.LinkDensity < 0.9 || title.Words is < 2 or > TeaserTitleWords)
            {
                continue;
            }

            // The card is the nearest element above the title that holds kept blocks too.
            var up = boxes[title.Owner].Parent;
            for (var depth = 0; up >= 0 && depth < CardDepth; depth++, up = boxes[up].Parent)
            {
                var card = up;
                var inside = selected.Where(b => b.Owner == card || IsAncestor(boxes, card, b.Owner)).ToList();
                if (inside.Count == 0)
                {
                    continue;
                }

                if (inside.Count <= CardLines && inside.All(IsCardLine))
                {
                    remains.AddRange(inside);
                }

                break;
            }
        }

        return remains;
    }

    /// <summary>
    /// The article's lead (standfirst) when it is set apart from the body: templates put the headline, the lead and the
    /// byline in a header above the body's field, so the element chosen for the body leaves the lead out. Plain paragraphs
    /// (a <c>p</c> with no class, as the writer's editor sets them) of prose between the page's headline (h1) and the body's
    /// first block, outside any element named as boilerplate, are the writer's opening; labels, bylines and links between
    /// them are not taken. A template's summary field is set with a class of its own (excerpt, subtitle) or repeats the
    /// page's description, and stays out.
    /// </summary>
    private static List<PageBlock> LeadAboveBody(PageBlocks page, List<PageBlock> selected, IReadOnlyList<string> descriptions)
    {
        var lead = new List<PageBlock>();
        if (selected.Count == 0)
        {
            return lead;
        }

        var first = selected[0].Index;
        var headline = page.Blocks.Take(first).LastOrDefault(b => b.Kind == BlockKind.Heading && b.HeadingLevel == 1 && !page.Boxes[b.Owner].Boilerplate);
        if (headline is null)
        {
            return lead;
        }

        for (var i = headline.Index + 1; i < first; i++)
        {
            var block = page.Blocks[i];
            if (IsLeadParagraph(block) && !page.Boxes[block.Owner].Boilerplate && page.Boxes[block.Owner] is { Tag: "p" } owner &&
                string.IsNullOrWhiteSpace(owner.Element.GetAttribute("class")) && !descriptions.Any(d => RepeatsDescription(block.Text, d)))
            {
                lead.Add(block);
            }
        }

        return lead.Sum(b => b.Words) <= LeadWords ? lead : [];
    }

    /// <summary>
    /// The article's introduction or abstract where the page names it so (class or id "article-intro", "abstract") and
    /// sets it above the body's field: the writer's opening, however long and whatever the page's description repeats of
    /// it. Its sentences are taken (labels, links and captions stay out) when one of them is a paragraph of prose and all
    /// are fewer words than the body; a page's hero box that names itself an intro and outweighs the article is the page's.
    /// </summary>
    private static List<PageBlock> IntroAboveBody(PageBlocks page, List<PageBlock> selected, double bodyWords)
    {
        var intro = new List<PageBlock>();
        if (selected.Count == 0)
        {
            return intro;
        }

        var boxes = page.Boxes;
        var named = new Dictionary<int, bool>();
        for (var i = 0; i < selected[0].Index; i++)
        {
            var block = page.Blocks[i];
            if (IsIntroLine(block) && !boxes[block.Owner].Boilerplate && IsInIntro(boxes, block.Owner, named))
            {
                intro.Add(block);
            }
        }

        return intro.Any(IsLeadParagraph) && intro.Sum(b => b.Words) < bodyWords ? intro : [];
    }

    /// <summary>A line of the introduction: a sentence, short ones too (the writer's "Trust us, we know!"), not its links, labels or captions.</summary>
    private static bool IsIntroLine(PageBlock block) =>
        block.Kind is BlockKind.Paragraph or BlockKind.Heading or BlockKind.ListItem or BlockKind.Other && block.Words >= IntroLineWords &&
        block.LinkDensity <= 0.5 && EndsSentence().IsMatch(block.Text);

    /// <summary>A line of the introduction has at least this many words; fewer make a label ("Summary").</summary>
    private const int IntroLineWords = 3;

    /// <summary>Whether the element or one of the few above it is named as the article's introduction.</summary>
    private static bool IsInIntro(List<PageBox> boxes, int box, Dictionary<int, bool> named)
    {
        for (var depth = 0; box >= 0 && depth < IntroDepth; depth++, box = boxes[box].Parent)
        {
            if (!named.TryGetValue(box, out var isIntro))
            {
                named[box] = isIntro = ElementHints.NamesIntroduction(boxes[box].Element);
            }

            if (isIntro)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A paragraph of the introduction is within this many elements of the element that names it.</summary>
    private const int IntroDepth = 3;

    /// <summary>A paragraph of the lead: a sentence or more of unlinked prose, not a caption or list.</summary>
    private static bool IsLeadParagraph(PageBlock block) =>
        block.Kind is BlockKind.Paragraph or BlockKind.Heading or BlockKind.Other && block.Words >= LeadParagraphWords &&
        block.LinkDensity < 0.2 && EndsSentence().IsMatch(block.Text);

    /// <summary>Whether a paragraph opens as the page's description does (descriptions are often cut short).</summary>
    private static bool RepeatsDescription(string text, string description)
    {
        var paragraph = PageExtractor.Normalise(text);
        var summary = PageExtractor.Normalise(description);
        var length = Math.Min(DescriptionMatchChars, Math.Min(paragraph.Length, summary.Length));
        return length >= DescriptionMatchChars / 2 && string.CompareOrdinal(paragraph, 0, summary, 0, length) == 0;
    }

    /// <summary>A paragraph repeats the description when their first this many characters agree.</summary>
    private const int DescriptionMatchChars = 60;

    /// <summary>A lead's paragraph has at least this many words; shorter lines over the body are labels and bylines.</summary>
    private const int LeadParagraphWords = 12;

    /// <summary>A lead is at most this many words; more above the body is a page section of its own.</summary>
    private const int LeadWords = 150;

    /// <summary>
    /// A card's line: a few unlinked words with no sentence end, such as a rating or a blurb. Items of lists and rows of
    /// tables are the article's own, whatever stands beside them.
    /// </summary>
    private static bool IsCardLine(PageBlock block) =>
        block.Words is >= CardLineMinWords and <= CardLineWords && block.Kind is BlockKind.Paragraph or BlockKind.Other &&
        block.LinkDensity < 0.05 && !EndsSentence().IsMatch(block.Text);

    /// <summary>A card's line says something (a rating, a blurb); a word alone is a label of the article's.</summary>
    private const int CardLineMinWords = 3;

    [GeneratedRegex(@"[.!?:…][""'”’)]?\s*$")]
    private static partial Regex EndsSentence();

    /// <summary>A card's linked title is a headline; longer, and the link is a sentence.</summary>
    private const int TeaserTitleWords = 25;

    /// <summary>A card is within this many elements above its title.</summary>
    private const int CardDepth = 3;

    /// <summary>A card holds at most this many lines beside its title; more, and it is a section of the article.</summary>
    private const int CardLines = 3;

    /// <summary>A card's line is at most this long.</summary>
    private const int CardLineWords = 15;

    /// <summary>Why a block was left out of the article, for --explain; the checks run in this order and the first that holds is given.</summary>
    private enum LeftOut
    {
        None,
        OutsideContainer,
        RepeatedVariant,
        TeaserCard,
        Hinted,
        AfterBody,
        LinkList,
        CardRemains,
        PromoBox,
        SignupBox,
    }

    /// <summary>
    /// One line a block: + kept, - left out and why; for a hinted block or a section after the body, the element whose
    /// name or place decided it, so that a wrong call can be traced to the word or the rule that made it.
    /// </summary>
    private static void Explain(PageBlocks page, double[] value, LeftOut[] leftOut, bool[] trailing, List<string> explain)
    {
        var boxes = page.Boxes;
        foreach (var block in page.Blocks)
        {
            var why = leftOut[block.Index] switch
            {
                LeftOut.None => "",
                LeftOut.OutsideContainer => " outside-container",
                LeftOut.RepeatedVariant => " repeated-variant",
                LeftOut.TeaserCard => " teaser-card",
                LeftOut.Hinted => " hinted by " + Describe(boxes[Topmost(boxes, block.Owner, b => boxes[b].Boilerplate)]),
                LeftOut.AfterBody => " after-body " + Describe(boxes[Topmost(boxes, block.Owner, b => trailing[b])]),
                LeftOut.CardRemains => " card-remains",
                LeftOut.PromoBox => " promo-box",
                LeftOut.SignupBox => " signup-box",
                _ => " link-list",
            };
            var text = block.Text.Length > 70 ? block.Text[..70] : block.Text;
            explain.Add($"{(leftOut[block.Index] == LeftOut.None ? "+" : "-")}{why} [{block.Owner} {block.Kind} w{block.Words} ld{block.LinkDensity:0.00} v{value[block.Index]:0}] {text.Replace('\n', ' ')}");
        }
    }

    /// <summary>The highest element from <paramref name="box"/> up for which <paramref name="holds"/> still holds.</summary>
    private static int Topmost(List<PageBox> boxes, int box, Func<int, bool> holds)
    {
        while (boxes[box].Parent >= 0 && holds(boxes[box].Parent))
        {
            box = boxes[box].Parent;
        }

        return box;
    }

    private static string Describe(PageBox box) =>
        $"<{box.Tag} class='{box.Element.GetAttribute("class")}' id='{box.Element.GetAttribute("id")}' role='{box.Element.GetAttribute("role")}'> hint {box.Hint} ({string.Join(' ', ElementHints.BoilerplateWords(box.Element).Distinct())})";

    /// <summary>
    /// Marks the sections that follow the article's body inside the container (and all inside them): when one child holds
    /// nearly all the container's article words it is the body, and the elements after it are what sites put under every
    /// article (related stories, newsletter boxes, comments, the writer's bio), whatever their names say. Elements of the
    /// body's own tag and class continue it (the next page of a split article) and stay. The test is made again inside the
    /// body, level by level, while one child holds nearly all its words.
    /// </summary>
    private static bool[] SectionsAfterBody(PageBlocks page, int container)
    {
        var boxes = page.Boxes;
        var answers = QuestionSections(page);
        var trailing = new bool[boxes.Count];
        while (container >= 0)
        {
            container = MarkAfterBody(boxes, container, trailing, answers);
        }

        for (var i = 1; i < boxes.Count; i++)
        {
            trailing[i] |= trailing[boxes[i].Parent];
        }

        return trailing;
    }

    /// <summary>
    /// Marks the boxes that answer questions: at least half their headings (and at least <see cref="QuestionHeadings"/>)
    /// ask one ("What's next?", a FAQ's "How much does it cost?"), and they hold article words. A question line set as a
    /// paragraph or toggle counts as a heading that asks. The writer answers the
    /// reader's questions after the body; sites do not ask questions in their boxes of links.
    /// </summary>
    private static bool[] QuestionSections(PageBlocks page)
    {
        var boxes = page.Boxes;
        var questions = new int[boxes.Count];
        var headings = new int[boxes.Count];
        foreach (var block in page.Blocks.Where(b => b.Kind == BlockKind.Heading || IsQuestionLine(b)))
        {
            var asks = block.Text.TrimEnd().EndsWith('?');
            for (var box = block.Owner; box >= 0; box = boxes[box].Parent)
            {
                headings[box]++;
                questions[box] += asks ? 1 : 0;
            }
        }

        var answers = new bool[boxes.Count];
        for (var i = 0; i < boxes.Count; i++)
        {
            answers[i] = questions[i] >= QuestionHeadings && 2 * questions[i] >= headings[i] &&
                boxes[i].Good >= AnswerWords * questions[i];
        }

        return answers;
    }

    /// <summary>
    /// A question on a line of its own, set as a paragraph or a toggle rather than a heading ("How long does the work
    /// take?"): one sentence of at most <see cref="QuestionLineWords"/> words that asks. FAQ blocks set their questions so.
    /// </summary>
    private static bool IsQuestionLine(PageBlock block) =>
        block.Words <= QuestionLineWords && block.Sentences == 1 && block.Text.TrimEnd().EndsWith('?');

    /// <summary>
    /// The questions and answers that follow the article inside the element first chosen, when a narrower element named
    /// as the content was taken instead: sites keep a FAQ in a field of its own beside the body field, and it is the
    /// writer's, as it is after the body (see <see cref="QuestionSections"/>).
    /// </summary>
    private static List<int> AnswersBeside(PageBlocks page, int chosen, int best)
    {
        var boxes = page.Boxes;
        var found = new List<int>();
        if (best == chosen || !IsAncestor(boxes, chosen, best))
        {
            return found;
        }

        var answers = QuestionSections(page);
        var end = best + 1;
        while (end < boxes.Count && IsAncestor(boxes, best, end))
        {
            end++;
        }

        var taken = new bool[boxes.Count];
        for (var i = end; i < boxes.Count && IsAncestor(boxes, chosen, i); i++)
        {
            taken[i] = taken[boxes[i].Parent] || (answers[i] && !boxes[i].Boilerplate && !IsPageSection(boxes, best, i));
            if (taken[i] && !taken[boxes[i].Parent])
            {
                found.Add(i);
            }
        }

        return found;
    }

    /// <summary>
    /// Whether <paramref name="section"/> is a section of the page beside the article, not a part of the article's column:
    /// the two meet only at the page's main element or its body. Sites set the same FAQ box under every page so.
    /// </summary>
    private static bool IsPageSection(List<PageBox> boxes, int article, int section)
    {
        var common = boxes[section].Parent;
        while (common >= 0 && !IsAncestor(boxes, common, article))
        {
            common = boxes[common].Parent;
        }

        return common < 0 || boxes[common].Tag is "main" or "body";
    }

    /// <summary>A question line is at most this many words; longer, and it is a paragraph that ends by asking.</summary>
    private const int QuestionLineWords = 20;

    /// <summary>A section after the body is the writer's questions and answers when it asks at least this many.</summary>
    private const int QuestionHeadings = 2;

    /// <summary>The writer answers each question in at least this many article words on average; a sales box asks and barely answers.</summary>
    private const int AnswerWords = 25;

    /// <summary>Marks the children of <paramref name="container"/> after its body child; returns the body child, or -1 when none holds <see cref="BodyShare"/> of its words.</summary>
    private static int MarkAfterBody(List<PageBox> boxes, int container, bool[] trailing, bool[] answers)
    {
        if (boxes[container].Good <= 0)
        {
            return -1;
        }

        // Boxes are in document order, so the container's descendants follow it in one run.
        var end = container + 1;
        while (end < boxes.Count && boxes[end].Parent >= container)
        {
            end++;
        }

        var body = -1;
        for (var i = container + 1; i < end; i++)
        {
            if (boxes[i].Parent == container && boxes[i].Good >= BodyShare * boxes[container].Good)
            {
                body = i;
                break;
            }
        }

        // A paragraph (or quote, item, table, figure) that holds most of the words is one part of the article's text, and
        // what follows it is the rest of that text (a lead-in and its list), not sections set after the body.
        if (body < 0 || IsTextPart(boxes[body].Tag))
        {
            return -1;
        }

        var tag = boxes[body].Tag;
        var name = boxes[body].Element.GetAttribute("class");
        for (var i = body + 1; i < end; i++)
        {
            if (boxes[i].Parent == container && !answers[i] && !(boxes[i].Tag == tag && boxes[i].Element.GetAttribute("class") == name))
            {
                trailing[i] = true;
            }
        }

        return body;
    }

    private static bool IsTextPart(string tag) => tag is "p" or "blockquote" or "pre" or "li" or "table" or "figure";

    /// <summary>A child holding at least this share of its parent's article words is the article's body.</summary>
    private const double BodyShare = 0.8;

    /// <summary>
    /// Responsive templates render the same section once per screen size and let style sheets hide all but one; a reader
    /// sees it once. Marks the elements (and all inside them) whose whole text repeats an earlier element's, unless one
    /// holds the other (a wrapper around a single child has the same text).
    /// </summary>
    private static bool[] RepeatedVariants(PageBlocks page, bool[] inside)
    {
        var boxes = page.Boxes;
        var hashes = new long[boxes.Count];
        var words = new int[boxes.Count];
        var lastBlock = new int[boxes.Count];
        var wordsBefore = new int[page.Blocks.Count + 1];
        foreach (var block in page.Blocks)
        {
            if (!inside[block.Owner])
            {
                continue;
            }

            long blockHash = string.GetHashCode(block.Text, StringComparison.Ordinal);
            for (var box = block.Owner; box >= 0 && inside[box]; box = boxes[box].Parent)
            {
                hashes[box] = (hashes[box] * 1_000_003) ^ blockHash;
                words[box] += block.Words;
            }
        }

        var repeated = new bool[boxes.Count];
        var first = new Dictionary<(long, int), int>();
        for (var i = 0; i < boxes.Count; i++)
        {
            var parent = boxes[i].Parent;
            if (parent >= 0 && repeated[parent])
            {
                repeated[i] = true;
                continue;
            }

            if (!inside[i] || words[i] < VariantWords)
            {
                continue;
            }

            if (!first.TryAdd((hashes[i], words[i]), i) && !IsAncestor(boxes, first[(hashes[i], words[i])], i))
            {
                repeated[i] = true;
            }
        }

        return repeated;
    }

    /// <summary>
    /// Marks teaser cards inside the container (and all inside them): runs of at least <see cref="TeaserRun"/> sibling
    /// elements of one kind (tag and class, numbers aside), each a linked headline with at most a short excerpt, as
    /// "also in the news" and "related stories" lists render them, when they are a minor part of the container.
    /// Listicle entries carry more text of their own.
    /// </summary>
    private static bool[] TeaserCards(PageBlocks page, bool[] inside, int containerWords)
    {
        var boxes = page.Boxes;
        var cards = new bool[boxes.Count];
        var groups = new Dictionary<(int Parent, string Kind), List<int>>();
        for (var i = 1; i < boxes.Count; i++)
        {
            var parent = boxes[i].Parent;
            if (inside[i] && inside[parent] && boxes[i].Tag is "article" or "div" or "section" or "li")
            {
                var key = (parent, boxes[i].Tag + " " + WithoutDigits(boxes[i].Element.GetAttribute("class") ?? ""));
                if (!groups.TryGetValue(key, out var members))
                {
                    groups[key] = members = [];
                }

                members.Add(i);
            }
        }

        var candidate = new int[boxes.Count];
        Array.Fill(candidate, -1);
        foreach (var members in groups.Values)
        {
            if (members.Count >= TeaserRun)
            {
                foreach (var member in members)
                {
                    candidate[member] = member;
                }
            }
        }

        // Each candidate's text: blocks, words, unlinked words and whether one block is a linked headline.
        var blockCount = new int[boxes.Count];
        var words = new int[boxes.Count];
        var lastBlock = new int[boxes.Count];
        var wordsBefore = new int[page.Blocks.Count + 1];
        var unlinked = new double[boxes.Count];
        var headline = new bool[boxes.Count];
        var titles = new int[boxes.Count];
        foreach (var block in page.Blocks)
        {
            wordsBefore[block.Index + 1] = wordsBefore[block.Index] + (inside[block.Owner] ? block.Words : 0);
            var linkedHeadline = block.LinkDensity >= 0.9 && block.Words is >= 3 and <= 25 && block.Kind is BlockKind.Heading or BlockKind.Other;
            var title = block.Kind == BlockKind.Heading && block.Words is >= 3 and <= 25;
            for (var b = block.Owner; b >= 0 && inside[b]; b = boxes[b].Parent)
            {
                if (candidate[b] >= 0)
                {
                    blockCount[b]++;
                    words[b] += block.Words;
                    lastBlock[b] = block.Index;
                    unlinked[b] += block.Words * (1 - block.LinkDensity);
                    headline[b] |= linkedHeadline;
                    titles[b] += title ? 1 : 0;
                }
            }
        }

        foreach (var members in groups.Values)
        {
            if (members.Count < TeaserRun)
            {
                continue;
            }

            var teasers = members.Where(m => (headline[m] || IsPictureTitle(boxes[m], blockCount[m], titles[m])) && blockCount[m] <= 6 && unlinked[m] <= TeaserExcerptWords &&
                !LinksWithinPage(boxes[m].Element)).ToList();
            // Cards that make up much of the container are what the page is (a gallery, a list of projects); cards with
            // the article's text still to come introduce it (chapters, a table of contents), save cards that give the reader
            // nothing to read but links to other pages, or a picture and a headline alone: those link to no part of it.
            var after = teasers.Count > 0 ? wordsBefore[^1] - wordsBefore[teasers.Max(t => lastBlock[t]) + 1] : 0;
            var leadNowhere = teasers.All(t => !headline[t] || unlinked[t] < 1);
            if (teasers.Count >= TeaserRun && !HasEntryBetween(members, teasers, words) && teasers.Sum(t => words[t]) <= TeaserShare * containerWords &&
                (after <= TeaserShare * containerWords || leadNowhere))
            {
                foreach (var teaser in teasers)
                {
                    cards[teaser] = true;
                }
            }
        }

        for (var i = 1; i < boxes.Count; i++)
        {
            cards[i] |= cards[boxes[i].Parent];
        }

        return cards;
    }

    /// <summary>
    /// Marks promotion boxes inside the container (and all inside them): a small box (at most <see cref="PromoWords"/>
    /// words, a line or two over a short pitch) whose last word is a button ("Get a quote now", "Start My LLC", "Learn
    /// More"). Sites set such boxes between an article's paragraphs to sell their own service; the article's text leads
    /// to a link in a sentence, never to a button of its own.
    /// </summary>
    private static bool[] PromoBoxes(PageBlocks page, bool[] inside, int best)
    {
        var boxes = page.Boxes;
        var found = new List<int>();
        for (var i = best + 1; i < boxes.Count; i++)
        {
            var box = boxes[i];
            if (inside[i] && box.Tag is "div" or "section" or "aside" && box.Words is > 0 and <= PromoWords &&
                !found.Any(f => IsAncestor(boxes, f, i)) && !HoldsCodeOrTable(box.Element) && EndsWithButton(box.Element))
            {
                found.Add(i);
            }
        }

        // Boxes of one kind that say different things are the entries of a list (courses, projects, webcams), each with
        // its link; one offer set twice on a page says the same thing twice.
        var promos = new bool[boxes.Count];
        foreach (var kind in found.GroupBy(f => KindOf(boxes[f])))
        {
            if (kind.Select(f => boxes[f].Element.TextContent.Trim()).Distinct().Count() > 1)
            {
                continue;
            }

            foreach (var f in kind)
            {
                promos[f] = true;
            }
        }

        for (var i = 1; i < boxes.Count; i++)
        {
            promos[i] |= promos[boxes[i].Parent];
        }

        return promos;
    }

    /// <summary>
    /// Marks sign-up boxes inside the container (and all inside them): the small element around a form that asks the
    /// reader to type something (an address, a phone number), which holds the form's pitch above it ("Be the first to
    /// know!") and its small print under it ("By signing up, you agree ..."). The form's own words are left out by its
    /// tag; without it, its pitch and small print read as stray lines of the story. The box is the highest element above
    /// the form that stays small; a table or code beside a form (a cost estimate asking for a postcode) is the article's.
    /// </summary>
    private static bool[] SignupBoxes(PageBlocks page, bool[] inside, int best)
    {
        var boxes = page.Boxes;
        var signups = new bool[boxes.Count];
        for (var i = best + 1; i < boxes.Count; i++)
        {
            if (!inside[i] || boxes[i].Tag != "form" || !AsksForEntry(boxes[i].Element))
            {
                continue;
            }

            var top = -1;
            for (var up = boxes[i].Parent; up > best && boxes[up].Words <= SignupWords && !HoldsCodeOrTable(boxes[up].Element); up = boxes[up].Parent)
            {
                top = up;
            }

            if (top >= 0)
            {
                signups[top] = true;
            }
        }

        for (var i = 1; i < boxes.Count; i++)
        {
            signups[i] |= signups[boxes[i].Parent];
        }

        return signups;
    }

    /// <summary>Whether a form has a field to type in; a form of buttons alone (a vote, a filter) asks for nothing.</summary>
    private static bool AsksForEntry(IElement form)
    {
        foreach (var field in form.QuerySelectorAll("input, textarea"))
        {
            if (field.LocalName == "textarea" || (field.GetAttribute("type") ?? "text").ToLowerInvariant() is "text" or "email" or "tel" or "number")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A sign-up box says at most this much around its form; more, and the element is a section of the article.</summary>
    private const int SignupWords = 100;

    /// <summary>An element's kind: its tag and class, numbers aside.</summary>
    private static string KindOf(PageBox box) =>
        box.Tag + " " + new string((box.Element.GetAttribute("class") ?? "").Where(c => !char.IsAsciiDigit(c)).ToArray());

    /// <summary>A promotion box says at most this much; more, and it is a section of the article that happens to end in a link.</summary>
    private const int PromoWords = 40;

    /// <summary>Whether the element's text ends with a button: a button element, or a link drawn as one (role, a class naming a button, a filled and padded style).</summary>
    private static bool EndsWithButton(IElement element)
    {
        var last = LastControl(element);
        if (last is null || !IsButton(last))
        {
            return false;
        }

        var text = element.TextContent.TrimEnd();
        var label = last.TextContent.Trim();
        return label.Length > 0 && PageBlocks.CountWords(label) <= 6 && text.EndsWith(label, StringComparison.Ordinal) &&
            PageBlocks.CountWords(text) > PageBlocks.CountWords(label);
    }

    /// <summary>The last link or button inside the element in document order, found by walking it from its end.</summary>
    private static IElement? LastControl(IElement element)
    {
        // Through the child list by index: AngleSharp finds a previous sibling by searching the parent's children.
        var children = element.ChildNodes;
        for (var k = children.Length - 1; k >= 0; k--)
        {
            if (children[k] is not IElement child)
            {
                continue;
            }

            // A child's own descendants come after it in document order.
            if (LastControl(child) is { } inner)
            {
                return inner;
            }

            if (child.LocalName is "a" or "button")
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>Whether the element holds code or a table (what a selector for "pre, code, table" finds), walked without parsing a selector.</summary>
    private static bool HoldsCodeOrTable(IElement element)
    {
        var children = element.ChildNodes;
        for (var k = 0; k < children.Length; k++)
        {
            if (children[k] is IElement child && (child.LocalName is "pre" or "code" or "table" || HoldsCodeOrTable(child)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The class list with its ASCII digits left out ("card-3" and "card-4" are one kind); the same string when it has none.</summary>
    private static string WithoutDigits(string classes)
    {
        var first = classes.AsSpan().IndexOfAnyInRange('0', '9');
        if (first < 0)
        {
            return classes;
        }

        var kept = new StringBuilder(classes.Length).Append(classes, 0, first);
        foreach (var c in classes.AsSpan(first))
        {
            if (!char.IsAsciiDigit(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>What sets the words of class names apart: HTML's spaces between names, hyphens and underscores inside them ("btn-primary").</summary>
    private static readonly char[] ClassWordBreaks = [.. PageMeta.HtmlSpaces, '-', '_'];

    private static bool IsButton(IElement control)
    {
        if (control.LocalName == "button" || control.GetAttribute("role") == "button")
        {
            return true;
        }

        var words = (control.GetAttribute("class") ?? "").ToLowerInvariant().Split(ClassWordBreaks, StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => w is "btn" or "button" or "cta"))
        {
            return true;
        }

        // Utility classes or an inline style that fill and pad the link draw a button.
        var classes = (control.GetAttribute("class") ?? "").Split(PageMeta.HtmlSpaces, StringSplitOptions.RemoveEmptyEntries);
        var filled = classes.Any(c => c.StartsWith("bg-", StringComparison.Ordinal)) && classes.Any(c => c.StartsWith("px-", StringComparison.Ordinal) || c.StartsWith("py-", StringComparison.Ordinal));
        var style = control.GetAttribute("style") ?? "";
        return filled || (style.Contains("background", StringComparison.OrdinalIgnoreCase) && style.Contains("padding", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether every link of a card goes to a place on the page itself (href "#q-1"): its headline opens an answer or
    /// jumps to a section (a FAQ's toggles, a list of chapters), where a teaser points to another page.
    /// </summary>
    private static bool LinksWithinPage(IElement card)
    {
        var links = 0;
        foreach (var link in card.QuerySelectorAll("a[href]"))
        {
            if (!link.GetAttribute("href")!.TrimStart().StartsWith('#'))
            {
                return false;
            }

            links++;
        }

        return links > 0;
    }

    /// <summary>
    /// A card that is a picture and a headline and nothing else: a teaser whose link the site sets on the picture or on
    /// the whole card by script. An entry of the article has text of its own under its heading.
    /// </summary>
    private static bool IsPictureTitle(PageBox card, int blocks, int titles) =>
        blocks == 1 && titles == 1 && card.Element.QuerySelector("img, picture, a[href]") is not null;

    /// <summary>
    /// Whether a card of the same kind that does not read as a teaser (a short name for a title, a longer text) stands
    /// between the teasers: a box of teasers is teasers throughout, where the entries of a list article (places, events,
    /// channels, chapters) differ from one to the next, and some of them only look like teasers.
    /// </summary>
    private static bool HasEntryBetween(List<int> members, List<int> teasers, int[] words)
    {
        var first = teasers.Min();
        var last = teasers.Max();
        return members.Any(m => m > first && m < last && words[m] > 0 && !teasers.Contains(m));
    }

    /// <summary>Teaser cards are at most this share of the container's words; more, and they are its content.</summary>
    private const double TeaserShare = 0.3;

    /// <summary>At least this many cards side by side make a teaser list.</summary>
    private const int TeaserRun = 3;

    /// <summary>
    /// A teaser's excerpt is at most about this many words (blogs cut their excerpts at 55 words, and an editor's blurb
    /// runs a little longer); an entry of a list article says more.
    /// </summary>
    private const int TeaserExcerptWords = 75;

    private static bool IsAncestor(List<PageBox> boxes, int ancestor, int box)
    {
        for (var b = boxes[box].Parent; b >= 0; b = boxes[b].Parent)
        {
            if (b == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The page's one article element (tag article or itemprop articleBody) around the chosen element, when it holds
    /// much more article text: the chosen element is then one section of the article, which lost to the whole only
    /// because of the link lists and widgets between its sections, and those are dropped from the output anyway.
    /// </summary>
    private static int EnclosingArticle(List<PageBox> boxes, int best)
    {
        // A page with several article elements lists teasers or comments in them; which one is the story is not clear.
        if (boxes.Count(IsArticleElement) != 1)
        {
            return best;
        }

        for (var b = boxes[best].Parent; b >= 0; b = boxes[b].Parent)
        {
            if (IsArticleElement(boxes[b]))
            {
                return !boxes[b].Boilerplate && boxes[b].Good >= ArticleGain * boxes[best].Good ? b : best;
            }
        }

        return best;
    }

    /// <summary>
    /// An element inside the chosen one that the page names as the article's content (two content words in its class or
    /// id: "article-content", "post-body", "entry-content") and that holds most of its article words. The rest of the
    /// chosen element is the page's other prose around the article (testimonials, teaser carousels, promotions, legal
    /// notes), which won the choice only because it is prose with few links.
    /// </summary>
    private static int NamedContent(List<PageBox> boxes, int best)
    {
        var inside = new bool[boxes.Count];
        inside[best] = true;
        var found = -1;
        for (var i = best + 1; i < boxes.Count && inside[boxes[i].Parent]; i++)
        {
            inside[i] = true;
            var box = boxes[i];
            if (!box.Boilerplate && box.Good >= NamedContentShare * boxes[best].Good && (found < 0 || box.Good > boxes[found].Good) &&
                ElementHints.OfNames(box.Element) >= ContentNameWords)
            {
                found = i;
            }
        }

        if (found < 0)
        {
            return best;
        }

        // An article that ads or widgets cut into parts wears the name on each part: the parts together are the article.
        var name = boxes[found].Element.GetAttribute("class");
        for (var i = best + 1; i < boxes.Count && inside[i]; i++)
        {
            if (i != found && name is not null && boxes[i].Element.GetAttribute("class") == name)
            {
                return best;
            }
        }

        return found;
    }

    /// <summary>An element named as the content is the article when it holds at least this share of the chosen element's article words.</summary>
    private const double NamedContentShare = 0.6;

    /// <summary>Content words a class or id needs to name the article's content ("post-body"); one ("content", "main") names many wrappers.</summary>
    private const int ContentNameWords = 2;

    private static bool IsArticleElement(PageBox box) =>
        box.Tag == "article" || (box.Element.GetAttribute("itemprop")?.Contains("articleBody", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>The enclosing article is taken when it holds at least this many times the chosen element's article words.</summary>
    private const double ArticleGain = 1.5;

    /// <summary>
    /// Marks hinted boilerplate (elements of <paramref name="trustedClass"/> excepted), totals the words again without it,
    /// and returns the element with the most article words for the least boilerplate.
    /// </summary>
    private static int ChooseContainer(PageBlocks page, double[] value, double total, bool[] named, string? trustedClass, bool[] partHeaders)
    {
        var boxes = page.Boxes;
        for (var i = 1; i < boxes.Count; i++)
        {
            var box = boxes[i];
            var parent = boxes[box.Parent];
            var hinted = IsHintedBoilerplate(boxes, i, total) && !partHeaders[i] && (trustedClass is null || box.Element.GetAttribute("class") != trustedClass);
            box.Boilerplate = parent.Boilerplate || hinted;
            named[i] = named[box.Parent] || (hinted && box.Hint <= ElementHints.StrongThreshold);
        }

        Accumulate(page, value, ignoreBoilerplate: true, named);

        // 3. The container: most article words for the least boilerplate.
        var best = 0;
        var bestScore = double.MinValue;
        for (var i = 0; i < boxes.Count; i++)
        {
            var box = boxes[i];
            if (box.Boilerplate || box.Good <= 0)
            {
                continue;
            }

            var score = box.Good - (BoilerplateCost * box.Bad);
            if (box.Semantic || box.Hint > 0)
            {
                score += 0.05 * box.Good;
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Marks the headers of the parts of a text: elements that only the word "header" (or the header tag) sets aside and
    /// whose tag and class recur at least <see cref="PartHeaderRun"/> times on the page ("accordion-item-header",
    /// "listicle-item-header", "product-header"). A page has one header, or one a screen size; the questions of a FAQ, the
    /// entries of a list article and the products of a review each carry one, and theirs name the part below them.
    /// </summary>
    private static bool[] PartHeaders(List<PageBox> boxes)
    {
        var headers = new bool[boxes.Count];
        var kinds = new Dictionary<string, List<int>>();
        for (var i = 1; i < boxes.Count; i++)
        {
            var box = boxes[i];
            if (box.Hint < 0 && box.Hint > ElementHints.StrongThreshold && ElementHints.NamesOnlyHeader(box.Element, box.Tag))
            {
                var kind = KindOf(box);
                if (!kinds.TryGetValue(kind, out var members))
                {
                    kinds[kind] = members = [];
                }

                members.Add(i);
            }
        }

        foreach (var members in kinds.Values.Where(m => m.Count >= PartHeaderRun))
        {
            foreach (var member in members)
            {
                headers[member] = true;
            }
        }

        return headers;
    }

    /// <summary>Headers of one kind that recur this often head the parts of a text, not the page.</summary>
    private const int PartHeaderRun = 3;

    /// <summary>
    /// Names are believed when the element is a minor part of the page; a weak name (header, card, meta) only when
    /// the element's own text does not read like article text either.
    /// </summary>
    private static bool IsHintedBoilerplate(List<PageBox> boxes, int index, double total)
    {
        var box = boxes[index];
        if (box.Hint >= 0 || (box.Good >= HintedShareLimit * total && !IsPageFooter(boxes, index, total)))
        {
            return false;
        }

        return box.Hint <= ElementHints.StrongThreshold || box.Good < 2 * box.Bad || box.Good < 60;
    }

    /// <summary>
    /// The page's own footer: a footer element outside any article or main element, while the page has article-like
    /// words outside it. Its legal notices and addresses can outweigh a short article, but they are never the article.
    /// </summary>
    private static bool IsPageFooter(List<PageBox> boxes, int index, double total)
    {
        var box = boxes[index];
        if (!NamesPageFooter(box.Element) || total - box.Good < PageFooterArticleWords)
        {
            return false;
        }

        for (var up = box.Parent; up >= 0; up = boxes[up].Parent)
        {
            if (boxes[up].Tag is "article" or "main")
            {
                return false;
            }
        }

        return true;
    }

    private static bool NamesPageFooter(IElement element) =>
        element.LocalName == "footer" || element.GetAttribute("role") == "contentinfo" ||
        (element.GetAttribute("id") ?? "").ToLowerInvariant() is "footer" or "site-footer" or "page-footer" or "colophon" ||
        PageMeta.HoldsToken(element.GetAttribute("class"), PageFooterClasses);

    /// <summary>The class names of a page's own footer, any case.</summary>
    private static readonly HashSet<string> PageFooterClasses = new(StringComparer.OrdinalIgnoreCase) { "site-footer", "page-footer", "global-footer", "footer" };

    /// <summary>Article-like words a page needs outside its footer for the footer to be set aside whatever its length.</summary>
    private const int PageFooterArticleWords = 40;

    /// <summary>Sums each block's article words and boilerplate words into its element and all elements above it.</summary>
    private static void Accumulate(PageBlocks page, double[] value, bool ignoreBoilerplate, bool[]? named)
    {
        var boxes = page.Boxes;
        foreach (var box in boxes)
        {
            box.Good = 0;
            box.Bad = 0;
            box.Words = 0;
        }

        foreach (var block in page.Blocks)
        {
            var box = boxes[block.Owner];
            var v = value[block.Index];
            var boiler = ignoreBoilerplate && box.Boilerplate;
            if (boiler)
            {
                box.Bad += (named is not null && named[block.Owner] ? DroppedCost : 1) * block.Words;
            }
            else if (v > 0)
            {
                box.Good += v;
                box.Bad += block.Words * block.LinkDensity;
            }
            else
            {
                box.Bad += -v;
            }

            box.Words += block.Words;
        }

        for (var i = boxes.Count - 1; i > 0; i--)
        {
            var box = boxes[i];
            var parent = boxes[box.Parent];
            parent.Good += box.Good;
            parent.Bad += box.Bad;
            parent.Words += box.Words;
        }
    }

    /// <summary>Positive: article words the block is worth; negative: boilerplate words it costs; zero: neutral (headings, short items).</summary>
    private static double LocalValue(PageBlock block)
    {
        var words = block.Words;
        var link = block.LinkDensity;
        if (block.Kind == BlockKind.Heading)
        {
            return link > 0.5 ? -words : 0;
        }

        if (link > 0.5)
        {
            return -words * link;
        }

        var unlinked = words * (1 - link);
        if (words >= 10 && block.Sentences > 0)
        {
            return unlinked;
        }

        if (words >= 25)
        {
            return unlinked * 0.8;
        }

        // Short lines: list items and labels. A bare label costs a little, a list item is neutral.
        if (block.Kind is BlockKind.ListItem or BlockKind.TableRow)
        {
            return link > 0.2 ? -words * link : 0.3 * unlinked;
        }

        return block.Sentences > 0 ? 0.5 * unlinked : -0.3 * words;
    }

    /// <summary>
    /// An item of a bulleted or numbered list between the article's paragraphs: the article lists what it links to (its
    /// sources, the products it compares), where menus and related links stand before or after the article's text.
    /// A long directory of links between sections is the site's, not the article's.
    /// </summary>
    private static bool IsRunningListItem(PageBlocks page, PageBlock block, int firstProse, int lastProse, double articleWords) =>
        page.Boxes is var boxes && block.Index > firstProse && block.Index < lastProse &&
        ListOf(boxes, block) is var list and >= 0 && boxes[list].Tag is "ul" or "ol" && boxes[list].Words <= RunningListShare * articleWords &&
        !(IsContentsList(boxes[list].Element) && !HasLeadIn(page, block, list));

    /// <summary>
    /// The list a list item's block stands in, or -1: the item's parent, or for a paragraph that is an item's text
    /// (<c>&lt;li&gt;&lt;p&gt;&lt;a&gt;</c>, as editors write items) the item's parent.
    /// </summary>
    private static int ListOf(List<PageBox> boxes, PageBlock block) =>
        block.Kind == BlockKind.ListItem ? boxes[block.Owner].Parent :
        block.Kind == BlockKind.Paragraph && boxes[block.Owner].Parent is var item and >= 0 && boxes[item].Tag == "li" ? boxes[item].Parent : -1;

    /// <summary>
    /// Whether a sentence of the writer's introduces the list ("Click to jump to the courses below:"), rather than a
    /// label ("Table of contents", "In this post:"): such a list is the writer's, whatever its links do.
    /// </summary>
    private static bool HasLeadIn(PageBlocks page, PageBlock block, int list)
    {
        for (var i = block.Index - 1; i >= 0; i--)
        {
            var before = page.Blocks[i];
            if (before.Owner != list && !IsAncestor(page.Boxes, list, before.Owner))
            {
                return before.Words >= LeadInWords && before.Text.TrimEnd().EndsWith(':');
            }
        }

        return false;
    }

    /// <summary>A list's lead-in is a sentence of at least this many words; shorter lines are labels.</summary>
    internal const int LeadInWords = 5;

    /// <summary>
    /// A table of contents: every link in the list goes to a place on one page (#history, page#history). The article's
    /// headings already say it, and the reader's copy has no use for the jump list.
    /// </summary>
    private static bool IsContentsList(IElement list)
    {
        string? page = null;
        var links = 0;
        foreach (var link in list.QuerySelectorAll("a[href]"))
        {
            var href = link.GetAttribute("href")!.Trim();
            var hash = href.IndexOf('#');
            if (hash < 0 || hash == href.Length - 1)
            {
                return false;
            }

            var target = href[..hash];
            page ??= target;
            if (target != page)
            {
                return false;
            }

            links++;
        }

        return links > 0;
    }

    /// <summary>A list of links in the article's text is at most this share of its article words.</summary>
    private const double RunningListShare = 0.3;

    /// <summary>
    /// A linked name over the paragraph that tells of it ("Quayside Builders to acquire Harbour Works" over "Quayside
    /// Builders has agreed to buy Harbour Works ..."): round-ups and reviews head each item with its name, linked to its
    /// source, in a paragraph of its own. The line is wholly a link and no sentence, and most of its names come back in the
    /// opening of the prose paragraph right after it; a line of links to other stories is followed by more links or by
    /// text about something else.
    /// </summary>
    private static bool IsLinkedItemName(PageBlock line, PageBlock next)
    {
        if (line.Kind != BlockKind.Paragraph || line.LinkDensity < 0.95 || line.Words > ItemNameWords || EndsSentence().IsMatch(line.Text) ||
            next.Kind != BlockKind.Paragraph || next.Words < ItemProseWords || next.LinkDensity >= 0.3 || next.Sentences == 0)
        {
            return false;
        }

        var opening = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Tokens.Runs(next.Text))
        {
            if (opening.Count >= ItemOpeningWords)
            {
                break;
            }

            opening.Add(word);
        }

        // The names: capitalised words and figures, spelt as the paragraph spells them again; "the" and "to" are in every
        // paragraph.
        int named = 0, found = 0;
        foreach (var word in Tokens.Runs(line.Text))
        {
            if (word.Length >= 3 && !char.IsLower(word[0]))
            {
                named++;
                found += opening.Contains(word) ? 1 : 0;
            }
        }

        return named > 0 && 2 * found >= named;
    }

    /// <summary>A linked name over an item is a line of at most this many words; longer, and it is a linked headline.</summary>
    private const int ItemNameWords = 15;

    /// <summary>The paragraph that tells of the linked item is prose of at least this many words.</summary>
    private const int ItemProseWords = 20;

    /// <summary>The item's name comes back within this many words of its paragraph's opening.</summary>
    private const int ItemOpeningWords = 40;

    /// <summary>
    /// A row of a data table that links its entries (a ranking's company names, a list's products) and sets their figures
    /// beside them in cells of their own ("Quanta Services Inc. | $7.7B"): a cell of unlinked text makes it a row of the
    /// article's table, where a row of links alone is a menu laid out as a table. The cell's text is the row's own, not
    /// a box of its own inside it (a rating badge the page judges apart).
    /// </summary>
    private static bool IsDataRow(PageBlock block, IElement row)
    {
        if (row.LocalName != "tr" || row.ChildElementCount < 2)
        {
            return false;
        }

        foreach (var cell in row.Children)
        {
            if (cell.LocalName is "td" or "th" && cell.QuerySelector("a") is null && PageExtractor.Normalise(cell.TextContent) is { Length: > 0 } text &&
                block.Text.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLinkList(PageBlock block) =>
        block.LinkDensity > 0.6 && block.Kind != BlockKind.Heading && !IsLinkedSentence(block);

    /// <summary>
    /// A whole sentence set in a link (a paragraph that points to its source, a linked note under the article): it reads as
    /// text, where a list of links is a line of short titles.
    /// </summary>
    private static bool IsLinkedSentence(PageBlock block) =>
        block.Words >= LinkedSentenceWords && block.Text.EndsWith('.');

    /// <summary>A linked line of at least this many words ending in a full stop is a sentence.</summary>
    private const int LinkedSentenceWords = 10;
}
