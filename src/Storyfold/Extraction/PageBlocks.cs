using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Storyfold.Text;

namespace Storyfold.Extraction;

/// <summary>What a run of text is, judged by the element that holds it.</summary>
internal enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Quote,
    Preformatted,
    TableRow,
    Caption,
    Other,
}

/// <summary>One element of the page as the scorer sees it: where it sits and what its class, id, tag and role hint.</summary>
internal sealed class PageBox
{
    public required int Parent { get; init; }

    public required string Tag { get; init; }

    public required Element Element { get; init; }

    /// <summary>Positive for names such as article/content/story, negative for share/related/comment/nav.</summary>
    public int Hint { get; init; }

    /// <summary>article, main, itemprop=articleBody: the page says this is the content.</summary>
    public bool Semantic { get; init; }

    public double Good { get; set; }

    public double Bad { get; set; }

    public int Words { get; set; }

    /// <summary>True when this element, or one above it, is boilerplate by its hints.</summary>
    public bool Boilerplate { get; set; }
}

/// <summary>A run of text between block boundaries, with the measures the scorer uses.</summary>
internal sealed class PageBlock
{
    public required int Owner { get; init; }

    public required string Text { get; init; }

    public required BlockKind Kind { get; init; }

    public int HeadingLevel { get; init; }

    public required int Words { get; init; }

    /// <summary>Share of the block's characters inside links.</summary>
    public required double LinkDensity { get; init; }

    /// <summary>Sentence punctuation marks (. ! ? and their CJK forms) in the block.</summary>
    public required int Sentences { get; init; }

    public int Index { get; init; }
}

/// <summary>
/// Walks the page once, iteratively (deep markup cannot overflow the stack), and cuts it into boxes (elements)
/// and blocks (runs of text between block boundaries), skipping what is never article text.
/// </summary>
internal sealed partial class PageBlocks
{
    /// <summary>Boxes deeper than this are folded into their ancestor: real article markup is never this deep.</summary>
    private const int MaxBoxDepth = 400;

    public List<PageBox> Boxes { get; } = [];

    public List<PageBlock> Blocks { get; } = [];

    /// <summary>Runs of script, data or markup shown as text, left out as no block (see <see cref="IsSourceText"/>).</summary>
    public int SourceTextRuns { get; private set; }

    private readonly StringBuilder _text = new();
    private int _linkChars;
    private int _anchorDepth;
    private int _preDepth;

    /// <summary>True right after an inline element opened or closed, until text follows.</summary>
    private bool _atInlineEdge;

    /// <summary>False reads what pages hide until a script reveals it (streamed server rendering, preloaders).</summary>
    private bool _honourHidden = true;

    /// <summary>Ids that a word names as its description, gathered once a page when a tooltip box first asks.</summary>
    private HashSet<string>? _describedIds;

    /// <summary>The page's elements by id (the first with each), gathered once a page when a toggle first names its panel.</summary>
    private Dictionary<string, IElement>? _elementsById;

    /// <summary>The element with this id, as the document's lookup finds it, without a walk of the page for each lookup.</summary>
    private IElement? ElementById(IElement from, string id)
    {
        _elementsById ??= FirstById(from.Owner?.QuerySelectorAll("[id]") ?? Enumerable.Empty<IElement>());
        return _elementsById.GetValueOrDefault(id);
    }

    /// <summary>
    /// The elements by id, the first in document order with each, as the document's lookup by id finds it: one pass
    /// instead of a walk of the page for each lookup.
    /// </summary>
    internal static Dictionary<string, IElement> FirstById(IEnumerable<IElement> elements)
    {
        var byId = new Dictionary<string, IElement>(StringComparer.Ordinal);
        foreach (var element in elements)
        {
            byId.TryAdd(element.Id!, element);
        }

        return byId;
    }

    public static PageBlocks Read(IElement body, bool honourHidden = true)
    {
        var page = new PageBlocks { _honourHidden = honourHidden };
        // Every element of AngleSharp's DOM is an Element: through the class, the walk's many calls go straight to it
        // instead of through an interface that dozens of element types implement.
        page.Walk((Element)body);
        return page;
    }

    /// <summary>An open element: where the walk is among its children (by index: AngleSharp finds a next sibling by searching its parent's children).</summary>
    private struct Frame(Element element, INodeList children, int box, bool isBlock, bool isAnchor, bool isPre)
    {
        public readonly Element Element = element;
        public readonly INodeList Children = children;
        public readonly int Box = box;
        public readonly bool IsBlock = isBlock;
        public readonly bool IsAnchor = isAnchor;
        public readonly bool IsPre = isPre;
        public int Next;

        /// <summary>The last element child walked past: an accordion panel's toggle stands right before it.</summary>
        public Element? Previous;
    }

    private void Walk(Element root)
    {
        var stack = new List<Frame>();
        var rootBox = AddBox(root, -1);
        stack.Add(new Frame(root, ((INode)root).ChildNodes, rootBox, true, false, false));
        while (stack.Count > 0)
        {
            var top = stack.Count - 1;
            var frame = stack[top];
            if (frame.Next >= frame.Children.Length)
            {
                stack.RemoveAt(top);
                var following = stack.Count > 0 && stack[^1].Next < stack[^1].Children.Length ? stack[^1].Children[stack[^1].Next] : null;
                Exit(frame, following);
                continue;
            }

            var node = frame.Children[frame.Next];
            frame.Next++;
            stack[top] = frame;
            // Elements first: a class test is cheaper than the interface test text needs, and most nodes are elements.
            if (node is not Element element)
            {
                if (node is IText text)
                {
                    AppendText(text.Data);
                }

                continue;
            }

            var previous = frame.Previous;
            frame.Previous = element;
            stack[top] = frame;
            var tag = element.LocalName;
            if (tag == "br")
            {
                AppendBreak();
                continue;
            }

            if (IsSkipped(tag, element, previous))
            {
                if (tag is "img" && _text.Length > 0)
                {
                    _text.Append(' ');
                }

                continue;
            }

            var isBlock = BlockTags.Contains(tag);
            var box = frame.Box;
            if (isBlock)
            {
                Flush(box);
                if (stack.Count < MaxBoxDepth)
                {
                    box = AddBox(element, box);
                }
            }

            if (tag is "td" or "th" && _text.Length > 0)
            {
                _text.Append(" \u2003 ");
            }

            var isAnchor = tag == "a";
            var isPre = tag is "pre" or "textarea";
            _anchorDepth += isAnchor ? 1 : 0;
            _preDepth += isPre ? 1 : 0;
            if (!isBlock)
            {
                // A note mark (<sup>a</sup>) is set against the word it marks.
                _atInlineEdge = tag is not ("sup" or "sub");
                if (tag == "span" && IsStyledAsBlock(element))
                {
                    // A span the page's utility classes display as a block starts a line of its own, as a <br> would
                    // ("Headline<span class=\"block text-sm\">Deck</span>").
                    AppendBreak();
                }
            }

            stack.Add(new Frame(element, ((INode)element).ChildNodes, box, isBlock, isAnchor, isPre));
        }
    }

    private void Exit(Frame frame, INode? following)
    {
        if (frame.IsAnchor)
        {
            _anchorDepth--;
        }

        if (frame.IsPre)
        {
            _preDepth--;
        }

        if (!frame.IsBlock)
        {
            _atInlineEdge = frame.Element.LocalName is not ("sup" or "sub");
        }

        if (frame.IsBlock)
        {
            Flush(frame.Box);
        }
        else if (frame.Element.LocalName is "span" or "a" or "em" or "strong" or "b" or "i" && _text.Length > 0 &&
                 following is IElement next && BlockTags.Contains(next.LocalName))
        {
            // Inline elements styled as blocks (a span per line) still need a word gap; adjacent inline text does not.
            _text.Append(' ');
        }
    }

    private int AddBox(Element element, int parent)
    {
        var tag = element.LocalName;
        var (hint, semantic) = ElementHints.Of(element, tag);
        Boxes.Add(new PageBox { Parent = parent, Tag = tag, Element = element, Hint = hint, Semantic = semantic });
        return Boxes.Count - 1;
    }

    private void AppendText(string data)
    {
        if (_atInlineEdge && data.Length > 0 && !char.IsWhiteSpace(data[0]))
        {
            _atInlineEdge = false;

            // A word that ends in one element and a capital that opens the next ("workflows<strong>Cons:",
            // "<span>rumination</span>Meditation") are two words the page's styles set apart.
            if (_preDepth == 0 && char.IsUpper(data[0]) && _text.Length > 0 && char.IsLower(_text[^1]))
            {
                _text.Append(' ');
            }
        }
        else if (!string.IsNullOrWhiteSpace(data))
        {
            _atInlineEdge = false;
        }

        var start = _text.Length;
        if (_preDepth > 0)
        {
            _text.Append(data);
        }
        else
        {
            // Runs of text go in whole, with the single spaces between their words; any other space collapses into
            // the one before it, and the invisible marks drop.
            var run = 0;
            for (var i = 0; i < data.Length; i++)
            {
                var c = data[i];
                if ((c > ' ' && c < '\u007F') || (c == ' ' && i > run && data[i - 1] != ' ') ||
                    !(char.IsWhiteSpace(c) || c is '\u200B' or '\u00AD' or '\uFEFF'))
                {
                    continue;
                }

                _text.Append(data.AsSpan(run, i - run));
                run = i + 1;
                if (c is not ('\u200B' or '\u00AD' or '\uFEFF') && _text.Length > 0 && _text[^1] is not (' ' or '\n'))
                {
                    _text.Append(' ');
                }
            }

            _text.Append(data.AsSpan(run));
        }

        if (_anchorDepth > 0)
        {
            _linkChars += _text.Length - start;
        }
    }

    /// <summary>True for a class list with the display utility of Tailwind ("block") or Bootstrap ("d-block").</summary>
    private static bool IsStyledAsBlock(Element element) =>
        element.GetAttribute("class") is { } classes && classes.Contains("block", StringComparison.Ordinal) &&
        PageMeta.HoldsToken(classes, BlockDisplayClasses);

    /// <summary>The display utilities, matched case-sensitively as the DOM's class list matches them.</summary>
    private static readonly HashSet<string> BlockDisplayClasses = new(StringComparer.Ordinal) { "block", "d-block" };

    private void AppendBreak()
    {
        while (_text.Length > 0 && _text[^1] == ' ')
        {
            _text.Length--;
        }

        if (_text.Length > 0)
        {
            _text.Append('\n');
        }
    }

    private void Flush(int box)
    {
        if (_text.Length == 0)
        {
            _linkChars = 0;
            return;
        }

        var text = CleanBlockText(_text);
        var linkChars = _linkChars;
        _text.Clear();
        _linkChars = 0;
        if (text.Length == 0)
        {
            return;
        }

        var owner = Boxes[box];
        var (kind, level) = KindOf(owner.Tag, box);
        if (kind is BlockKind.Paragraph or BlockKind.Other && char.IsLower(text[0]) &&
            Blocks.Count > 0 && Blocks[^1] is { Text.Length: 1, Kind: BlockKind.Paragraph or BlockKind.Other } initial && char.IsUpper(initial.Text[0]))
        {
            // A drop cap set in a box of its own (<div class="first-letter">D</div><p>uring the ...): the capital is
            // the first letter of the paragraph after it, which goes on in lower case mid-word.
            text = initial.Text + text;
            Blocks.RemoveAt(Blocks.Count - 1);
        }

        if (kind != BlockKind.Preformatted && IsSourceText(text) && owner.Element.Closest("pre, code") is null && owner.Element.QuerySelector("code") is null)
        {
            // Script or markup shown as text: a page that starts inside a script, or one whose tag a broken byte or an
            // element left open (a stray <title>, <textarea>) turned into text. Code an article shows is set in <pre>
            // or <code>.
            SourceTextRuns++;
            return;
        }

        var words = CountWords(text);
        var sentences = 0;
        foreach (var c in text)
        {
            if (c is '.' or '!' or '?' or '。' or '！' or '？' or ';' or ':')
            {
                sentences++;
            }
        }

        Blocks.Add(new PageBlock
        {
            Owner = box,
            Text = text,
            Kind = kind,
            HeadingLevel = level,
            Words = words,
            LinkDensity = Math.Clamp(linkChars / (double)text.Length, 0, 1),
            Sentences = sentences,
            Index = Blocks.Count,
        });
    }

    /// <summary>
    /// True for a long run of script, data or markup as a page's own source is written: braces, with semicolons, equals
    /// signs and parentheses at least every 25 characters and words only a script uses ("function", "return", "=>");
    /// braces, with a quoted key ("name":) every 80 characters; or start tags with attributes and end tags at least
    /// every 80 characters. Prose has neither braces nor such tags; a formula in TeX has braces but none of those words
    /// or keys; a sentence that names a tag names it bare ("&lt;h1&gt;").
    /// </summary>
    internal static bool IsSourceText(string text)
    {
        if (text.Length < 200)
        {
            return false;
        }

        var braces = 0;
        var code = 0;
        var angles = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{' or '}':
                    braces++;
                    code++;
                    break;
                case ';' or '=' or '(' or ')':
                    code++;
                    break;
                case '<':
                    angles++;
                    break;
            }
        }

        if (braces >= 4 && ((code * 25 >= text.Length && ScriptWords().Count(text) >= 2) || QuotedKeys(text) * 80 >= text.Length))
        {
            return true;
        }

        // Every tag opens with "<": most long blocks have too few for the tags' rate, and the pattern need not run on them.
        if (angles < 3 || angles * 80 < text.Length)
        {
            return false;
        }

        var tags = SourceTags().Count(text);
        return tags >= 3 && tags * 80 >= text.Length;
    }

    /// <summary>How many times a quote closes a key in JSON: <c>"name":</c>.</summary>
    private static int QuotedKeys(string text)
    {
        var keys = 0;
        for (var at = text.IndexOf("\":", StringComparison.Ordinal); at >= 0; at = text.IndexOf("\":", at + 2, StringComparison.Ordinal))
        {
            keys++;
        }

        return keys;
    }

    [GeneratedRegex(@"\b(?:function|return|var|const|let|typeof|undefined|null|this|document|window)\b|=>")]
    private static partial Regex ScriptWords();

    /// <summary>A start tag with an attribute or an end tag, as source has them; prose that names a tag writes "&lt;h1&gt;".</summary>
    [GeneratedRegex(@"<[a-zA-Z][a-zA-Z0-9-]*\s+[a-zA-Z][a-zA-Z0-9:-]*\s*=|</[a-zA-Z][a-zA-Z0-9]*\s*>")]
    private static partial Regex SourceTags();

    private (BlockKind Kind, int Level) KindOf(string tag, int box) => tag switch
    {
        "p" => InsideCaption(box) ? (BlockKind.Caption, 0) : (BlockKind.Paragraph, 0),
        "h1" => (BlockKind.Heading, 1),
        "h2" => (BlockKind.Heading, 2),
        "h3" => (BlockKind.Heading, 3),
        "h4" => (BlockKind.Heading, 4),
        "h5" => (BlockKind.Heading, 5),
        "h6" => (BlockKind.Heading, 6),
        "li" or "dt" or "dd" => (BlockKind.ListItem, 0),
        "blockquote" => (BlockKind.Quote, 0),
        "pre" => (BlockKind.Preformatted, 0),
        "tr" => (BlockKind.TableRow, 0),
        "figcaption" or "caption" => (BlockKind.Caption, 0),
        _ => InsideCaption(box) ? (BlockKind.Caption, 0) : (BlockKind.Other, 0),
    };

    /// <summary>
    /// True inside a figcaption, or an element a class names as a caption ("wp-caption-text", "image-caption"), a few
    /// levels up: pages set a caption's lines in paragraphs and style the box around them.
    /// </summary>
    private bool InsideCaption(int box)
    {
        for (var i = 0; i < 4 && box >= 0; i++)
        {
            if (Boxes[box].Tag == "figcaption" || NamesCaption(Boxes[box].Element.GetAttribute("class")))
            {
                return true;
            }

            box = Boxes[box].Parent;
        }

        return false;
    }

    /// <summary>A class token that ends in "caption" or "caption-text" ("photo-caption", "wp-caption-text"); "caption-large" is a type size.</summary>
    internal static bool NamesCaption(string? classes)
    {
        if (classes is null || !AsciiCase.Contains(classes, "caption"))
        {
            return false;
        }

        foreach (var token in classes.Split(PageMeta.HtmlSpaces, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = WithoutModuleHash(token);
            name = name.EndsWith("-text", StringComparison.OrdinalIgnoreCase) || name.EndsWith("_text", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
            if (name.EndsWith("caption", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The class name without the hash that CSS modules append to keep names apart ("ImageBlock_caption__AuqrJ" is
    /// "ImageBlock_caption"): the name before it still says what the element is.
    /// </summary>
    private static string WithoutModuleHash(string token)
    {
        var cut = token.LastIndexOf("__", StringComparison.Ordinal);
        if (cut <= 0 || token.Length - cut - 2 is < ModuleHashMin or > ModuleHashMax)
        {
            return token;
        }

        // A hash mixes in capitals or digits; a BEM element after "__" ("photo__caption") is a lower-case word.
        var mixed = false;
        foreach (var c in token.AsSpan(cut + 2))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return token;
            }

            mixed |= char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);
        }

        return mixed ? token[..cut] : token;
    }

    /// <summary>CSS modules hash a name into five characters by default; some setups use a few more.</summary>
    private const int ModuleHashMin = 5;

    private const int ModuleHashMax = 8;

    private static string CleanBlockText(StringBuilder text)
    {
        var s = text.ToString();
        if (s.Contains('\n'))
        {
            var lines = s.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                lines[i] = TrimBlank(lines[i]);
            }

            s = string.Join('\n', lines.Where(l => l.Length > 0));
        }

        return TrimBlank(s).Replace('\u00A0', ' ');
    }

    /// <summary>
    /// The text without white space at its edges, nor a joiner (U+200C, U+200D, U+2060): at an edge it joins nothing,
    /// and page builders leave one alone in an empty paragraph as a spacer, which would stand in the text as a paragraph.
    /// </summary>
    private static string TrimBlank(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && IsEdgeBlank(s[start]))
        {
            start++;
        }

        while (end > start && IsEdgeBlank(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    /// <summary>White space, or a joiner that joins nothing at a text's edge.</summary>
    private static bool IsEdgeBlank(char c) => char.IsWhiteSpace(c) || c is '\u200C' or '\u200D' or '\u2060';

    /// <summary>Words as people count them; a CJK character counts as half a word, about what a word is there.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var words = 0;
        var cjk = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c >= '\u3040' && (c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF'))
            {
                cjk++;
                inWord = false;
                continue;
            }

            var isWordChar = char.IsLetterOrDigit(c);
            if (isWordChar && !inWord)
            {
                words++;
            }

            inWord = isWordChar || (inWord && c is '\'' or '’' or '-');
        }

        return words + (cjk / 2);
    }

    private bool IsSkipped(string tag, Element element, Element? previous)
    {
        if (SkippedTags.Contains(tag))
        {
            // A toggle inside a heading (it says whether its section is expanded) is an accordion's: its label is the
            // heading's text. So is a toggle that holds the heading, or a question, over the panel it opens.
            return !(tag == "button" && (element.HasAttribute("aria-expanded") && IsInHeading(element) || IsAccordionToggle(element)));
        }

        return ElementHints.IsIconGlyph(element) ||
            (_honourHidden && ((IsHidden(tag, element) && !IsCollapsedPanel(element, previous)) || IsTooltip(element)));
    }

    /// <summary>
    /// The bubble a word's tooltip or footnote shows on hover (role tooltip, or a "tooltip" box that a word in the text
    /// names as its description): it sits inside the sentence in the markup, and read inline it splits the sentence with a
    /// glossary entry the reader sees only on pointing at the word.
    /// </summary>
    private bool IsTooltip(Element element)
    {
        if (element.GetAttribute("role") is "tooltip")
        {
            return true;
        }

        var classes = element.GetAttribute("class");
        if (string.IsNullOrEmpty(element.Id) || classes is null || !AsciiCase.Contains(classes, "tooltip") ||
            ((INode)element).Owner is not { } document)
        {
            return false;
        }

        _describedIds ??= DescribedIds(document);
        return _describedIds.Contains(element.Id);
    }

    /// <summary>Ids of the page that some element names in aria-describedby or aria-labelledby.</summary>
    private static HashSet<string> DescribedIds(IDocument document)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in document.QuerySelectorAll("[aria-describedby], [aria-labelledby]"))
        {
            foreach (var name in (string[])["aria-describedby", "aria-labelledby"])
            {
                if (word.GetAttribute(name) is { } names)
                {
                    ids.UnionWith(names.Split(PageMeta.HtmlSpaces, StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }

        return ids;
    }

    private static bool IsHidden(string tag, Element element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        if (tag != "span" && element.GetAttribute("aria-hidden") is "true")
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is not null && (AsciiCase.Contains(style, "display:none") || AsciiCase.Contains(style, "display: none") ||
                                  AsciiCase.Contains(style, "visibility:hidden") || AsciiCase.Contains(style, "visibility: hidden")))
        {
            return true;
        }

        return ElementHints.IsHiddenByClass(element);
    }

    /// <summary>
    /// A button that opens a panel (aria-expanded or aria-controls), labelled by a heading or a question, with the panel
    /// it opens (the element it names in aria-controls, or the one right after it or its wrapper) holding text: a FAQ's
    /// or an accordion's toggle, whose label is part of the article. A question with no panel beside it is left out (its
    /// answer is fetched on a click, and the page's text lacks it), and so is a menu's toggle, whose panel is links.
    /// </summary>
    private bool IsAccordionToggle(IElement button)
    {
        if (!(button.HasAttribute("aria-expanded") || button.HasAttribute("aria-controls")) ||
            (button.QuerySelector("h1, h2, h3, h4, h5, h6") is null && !button.TextContent.TrimEnd().EndsWith('?')))
        {
            return false;
        }

        var panel = button.GetAttribute("aria-controls") is { Length: > 0 } id ? ElementById(button, id) : null;
        panel ??= button.NextElementSibling;
        if (panel is null && button.ParentElement is { ChildElementCount: 1 } wrapper)
        {
            panel = wrapper.NextElementSibling;
        }

        if (panel is null || panel.QuerySelector("button") is not null)
        {
            return false;
        }

        // A menu's panel is its links; an answer is text.
        var text = panel.TextContent.Trim().Length;
        return text > 0 && panel.QuerySelectorAll("a").Sum(a => a.TextContent.Trim().Length) * 2 < text;
    }

    private static bool IsInHeading(IElement element)
    {
        var parent = element.ParentElement;
        for (var up = 0; up < 3 && parent is not null; up++, parent = parent.ParentElement)
        {
            if (IsHeadingTag(parent.LocalName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A panel of an accordion or tab set (role region or tabpanel, labelled by its toggle, or right after its toggle: an
    /// element that names it in aria-controls, or a heading or button that says whether it is expanded): the page folds
    /// it, the reader opens it with a click, and it is part of the article.
    /// </summary>
    private static bool IsCollapsedPanel(IElement element, IElement? previous) =>
        element.GetAttribute("role") is "region" or "tabpanel" ||
        (element.HasAttribute("aria-labelledby") && element.GetAttribute("role") is null && element.LocalName is "div" or "section") ||
        (previous is { } toggle && (toggle.HasAttribute("aria-expanded") || Controls(toggle, element.Id) ||
                                                         (IsHeadingTag(toggle.LocalName) && toggle.QuerySelector("[aria-expanded]") is not null)));

    /// <summary>True when the element or one inside it names the panel with this id as the one it opens and closes.</summary>
    private static bool Controls(IElement toggle, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        if (toggle.GetAttribute("aria-controls") == id)
        {
            return true;
        }

        foreach (var inner in toggle.QuerySelectorAll("[aria-controls]"))
        {
            if (inner.GetAttribute("aria-controls") == id)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHeadingTag(string tag) => tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "summary";

    private static readonly HashSet<string> SkippedTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
        "audio", "select", "option", "button", "input", "textarea", "nav", "head", "link", "meta", "img", "picture",
        "source", "map", "dialog", "title", "plaintext",
    };

    internal static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "figure", "figcaption", "caption", "header", "footer",
        "aside", "address", "details", "summary", "center", "form", "fieldset", "hr", "body", "html", "menu", "hgroup",
    };
}
