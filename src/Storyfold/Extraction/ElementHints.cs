using AngleSharp.Dom;
using Storyfold.Text;

namespace Storyfold.Extraction;

/// <summary>
/// What an element's tag, role, class and id say about it: words such as <c>article</c>, <c>story</c> or
/// <c>content</c> lean towards the article; <c>share</c>, <c>related</c>, <c>comment</c> or <c>newsletter</c> away from it.
/// Class names are split into words so that <c>post-share-bar</c> and <c>related_links</c> are read like people read them.
/// </summary>
internal static class ElementHints
{
    /// <summary>The hint of a word that names boilerplate outright (comments, share, related, newsletter); a weaker word gives -1.</summary>
    public const int Strong = 10;

    /// <summary>At or below this, an element's hints include a strong word whatever else they say.</summary>
    public const int StrongThreshold = -6;

    public static (int Hint, bool Semantic) Of(Element element, string tag)
    {
        var hint = 0;
        var semantic = false;
        switch (tag)
        {
            case "article" or "main":
                hint += 1;
                semantic = true;
                break;
            // A form asks the reader for something (a quote, a sign-up, a search); its labels are never the story. A form
            // that wraps the whole page (ASP.NET) holds most of its words and is not believed, as for any hinted element.
            case "footer" or "form":
                hint -= Strong;
                break;
            case "aside":
                hint -= 2;
                break;
            // A header inside a section of an article heads that section (HTML's sectioning), not the page.
            case "header" when !IsSectionHeading(element):
                hint -= 1;
                break;
            case "menu":
                hint -= 1;
                break;
        }

        var itemprop = element.GetAttribute("itemprop");
        if (itemprop is not null && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
        {
            hint += 2;
            semantic = true;
        }

        switch (element.GetAttribute("role"))
        {
            case "main" or "article":
                hint += 1;
                semantic = true;
                break;
            case "navigation" or "contentinfo" or "menu" or "menubar" or "dialog" or "alertdialog" or "toolbar" or "search":
                hint -= Strong;
                break;
            case "banner" or "complementary":
                hint -= 2;
                break;
        }

        hint += OfNames(element, heading: tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6");
        return (hint, semantic);
    }

    /// <summary>
    /// True for a header that holds nothing but the heading of a section of an article (a section element inside an
    /// article element): the article's own header (its h1, byline and date) and headers with more in them (a venue's
    /// address, a product's price) keep the tag's weak hint.
    /// </summary>
    private static bool IsSectionHeading(IElement header)
    {
        var section = header.ParentElement?.Closest("section");
        return section?.ParentElement?.Closest("article") is not null && header.QuerySelector("h1") is null &&
            header.QuerySelector("h2, h3, h4, h5, h6") is { } heading && heading.TextContent.Trim() == header.TextContent.Trim();
    }

    /// <summary>
    /// What the element's class and id alone say (see <see cref="Of"/>); tag, role and itemprop aside. On a
    /// <paramref name="heading"/> (h1-h6) the word "header" names the heading of a section ("et_pb_module_header",
    /// "recipe__tips-header"), never the page's header, which is a box around headings and is not one itself; and the word
    /// "toc" marks a heading the contents list is built from, not the list, which is links and is not a heading either. On a
    /// section (the tag, or the word "section" in the class) "toc" and "jump" ("toc-para", "cws-jump-section") name a part
    /// of the article the contents list jumps to, not the list.
    /// </summary>
    public static int OfNames(Element element, bool heading = false)
    {
        var id = element.GetAttribute("id");
        var section = element.LocalName == "section" || NamesSection(element.GetAttribute("class"));
        return Score(element.GetAttribute("class"), heading, section) + (IsAnchor(element, id, heading) ? 0 : Score(id, heading, section));
    }

    /// <summary>Whether the id is an anchor made from words the writer chose: a long one (<see cref="IsSectionAnchor"/>), or a heading's own text.</summary>
    private static bool IsAnchor(IElement element, string? id, bool heading) =>
        IsSectionAnchor(id) || (heading && !string.IsNullOrEmpty(id) && IsHeadingAnchor(id, element.TextContent));

    /// <summary>
    /// An id that spells the heading's own text ("harbour-promo" on "6. Harbour Promo", "h-social-media-video" on "Social
    /// Media Video"): editors make a heading's anchor from its words, so a word in it such as "promo" or "social" is what
    /// the section is about, not what the element is. Every word of the id but a short prefix ("h-") is one of the
    /// heading's, and they are most of its words; an id that names the element's role ("comments-title") is not.
    /// </summary>
    internal static bool IsHeadingAnchor(string? id, string text)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 200 || text.Length > 400)
        {
            return false;
        }

        var headingWords = new HashSet<string>(Tokens.Runs(text), StringComparer.OrdinalIgnoreCase);
        var matched = 0;
        foreach (var word in Tokens.Runs(id))
        {
            if (headingWords.Contains(word))
            {
                matched += word.Length >= AnchorWordLetters ? 1 : 0;
            }
            else if (word.Length >= AnchorWordLetters)
            {
                return false;
            }
        }

        return matched > 0 && 2 * matched >= headingWords.Count(w => w.Length >= AnchorWordLetters);
    }

    /// <summary>A word of an anchor with at least this many characters is one of the heading's; shorter ones are prefixes and counters ("h-", "2-").</summary>
    private const int AnchorWordLetters = 3;

    /// <summary>Whether the class holds the word "section" ("cws-jump-section"): the element is a part of the page, not a list.</summary>
    private static bool NamesSection(string? names) =>
        names is not null && AsciiCase.Contains(names, "section") && HoldsWord(names, SectionWords);

    private static readonly HashSet<string> SectionWords = new(StringComparer.OrdinalIgnoreCase) { "section" };

    /// <summary>Whether one of the words of a class or id (split as <see cref="NameWords"/> splits them) is in <paramref name="words"/>.</summary>
    private static bool HoldsWord(string? names, HashSet<string> words)
    {
        if (string.IsNullOrEmpty(names) || names.Length > 400)
        {
            return false;
        }

        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in new NameWords(names))
        {
            if (lookup.Contains(names.AsSpan(range)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An id that is a section's heading turned into an anchor ("menu-innovation-strategies-for-caterers"): it names
    /// what the section is about, so a word in it such as "menu" or "share" says nothing about the element's role.
    /// </summary>
    internal static bool IsSectionAnchor(string? id)
    {
        if (id is null || id.Length < 20)
        {
            return false;
        }

        // Words with a letter: a number ("sidebar-widget-area-2") is a counter, not a word of a heading.
        var words = 0;
        var inWord = false;
        foreach (var c in id)
        {
            if (char.IsAsciiLetterLower(c))
            {
                words += inWord ? 0 : 1;
                inWord = true;
            }
            else if (c is '-' or '_')
            {
                inWord = false;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return words >= SectionAnchorWords;
    }

    /// <summary>An id of this many words is read as a heading's anchor; names of page parts are shorter ("post-share-bar").</summary>
    private const int SectionAnchorWords = 5;

    /// <summary>
    /// True for an icon drawn by a font's ligature (class "material-icons", "material-symbols-outlined"): its text is the
    /// glyph's name ("chevron_right", "expand_more"), which the reader sees as an arrow, not as words.
    /// </summary>
    public static bool IsIconGlyph(Element element)
    {
        var classes = element.GetAttribute("class");
        if (classes is null || !AsciiCase.Contains(classes, "material-"))
        {
            return false;
        }

        foreach (var token in classes.Split(PageMeta.HtmlSpaces, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith("material-icons", StringComparison.OrdinalIgnoreCase) || token.StartsWith("material-symbols", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for classes that mean "not shown": screen-reader-only text, hidden toggles, and the blocks frameworks and site builders switch off by class (Bootstrap's "d-none", Webflow's "w-condition-invisible").</summary>
    public static bool IsHiddenByClass(Element element) => PageMeta.HoldsToken(element.GetAttribute("class"), HidingClasses);

    /// <summary>The utility classes that hide an element (Bootstrap's, WordPress's, Webflow's and the like), any case.</summary>
    private static readonly HashSet<string> HidingClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "hidden", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only", "d-none", "is-hidden",
        "hide", "invisible", "offscreen", "element-invisible", "u-hidden", "w-condition-invisible",
    };

    private static int Score(string? names, bool heading, bool section)
    {
        if (string.IsNullOrEmpty(names) || names.Length > 400)
        {
            return 0;
        }

        // A page repeats a few class names over thousands of elements ("menu-item menu-item-type-post_type"), and the
        // score depends on nothing else: remember it, within bounds, so a long run of pages keeps the same memory.
        // One table per way of reading (heading, section): keyed by the string alone, a table hashes it the fast way.
        var tables = t_scores ??= new Dictionary<string, int>[4];
        var scores = tables[(heading ? 2 : 0) + (section ? 1 : 0)] ??= new Dictionary<string, int>(ScoresKeptPerReading);
        if (scores.TryGetValue(names, out var known))
        {
            return known;
        }

        if (scores.Count >= ScoresKeptPerReading)
        {
            scores.Clear();
        }

        var score = ScoreWords(names, heading, section);
        scores[names] = score;
        return score;
    }

    /// <summary>Scores remembered for each of the four readings, 4,096 a thread in all.</summary>
    private const int ScoresKeptPerReading = 1024;

    [ThreadStatic]
    private static Dictionary<string, int>?[]? t_scores;

    private static int ScoreWords(string names, bool heading, bool section)
    {
        var positive = 0;
        var negative = 0;
        var strong = false;
        var writer = false;
        var profile = false;
        Span<char> lower = stackalloc char[32];
        var roles = RolesByWord.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in new NameWords(names))
        {
            var word = names.AsSpan(range);
            if (word.Length > lower.Length)
            {
                continue;
            }

            var n = word.ToLowerInvariant(lower);
            var w = lower[..n];
            if (!roles.TryGetValue(w, out var role))
            {
                // Most words of a class name none of the lists below: one look, and nothing more to weigh.
                continue;
            }

            writer |= (role & WordRole.Writer) != 0;
            profile |= (role & WordRole.Profile) != 0;
            if (IsNegated(names, range))
            {
                continue;
            }

            if ((role & WordRole.StrongNegative) != 0)
            {
                negative++;
                strong = true;
            }
            else if ((role & WordRole.Negative) != 0 && !(heading && (w.SequenceEqual("header") || w.SequenceEqual("toc"))) &&
                !(section && (w.SequenceEqual("toc") || w.SequenceEqual("jump"))) &&
                CountsAgainst(names, range, w))
            {
                negative++;
            }
            else if ((role & WordRole.Positive) != 0)
            {
                positive++;
            }
        }

        // The writer's box ("author-bio", "about-author", "author__info"): sites print it under every article they publish,
        // and its bio reads like article text, so the weak word "author" alone would not keep it out.
        strong |= writer && profile;
        negative += NamesCallToAction(names) ? 1 : 0;
        return Math.Min(positive, 2) - (strong ? Strong : negative > 0 ? 1 : 0);
    }

    /// <summary>
    /// Whether the only thing that sets the element aside is that it is a header: the header tag or the word "header" in
    /// its class or id, and no other word or role that leans away from the article.
    /// </summary>
    public static bool NamesOnlyHeader(IElement element, string tag)
    {
        if (tag is not ("header" or "div" or "section") || element.GetAttribute("role") is { Length: > 0 })
        {
            return false;
        }

        var header = tag == "header";
        foreach (var word in BoilerplateWords(element))
        {
            if (word is not ("header" or "hdr"))
            {
                return false;
            }

            header = true;
        }

        return header;
    }

    /// <summary>
    /// Whether the element's class or id names it as the article's introduction or abstract ("article-intro",
    /// "blog_intro", "abstract"): the writer's opening, which templates set in a field of its own above the body.
    /// </summary>
    public static bool NamesIntroduction(IElement element) =>
        HoldsWord(element.GetAttribute("class"), IntroductionWords) || HoldsWord(element.GetAttribute("id"), IntroductionWords);

    /// <summary>Words that name the article's opening. "lead" also names a lead picture or video, whose captions and credits are no sentences of prose and stay out.</summary>
    private static readonly HashSet<string> IntroductionWords = new(StringComparer.OrdinalIgnoreCase) { "intro", "introduction", "abstract", "standfirst", "lede", "lead" };

    /// <summary>
    /// A box that asks the reader to act ("call-to-action", "CallToActionLarge", "wprm-call-to-action"): the phrase is three
    /// words, or one run together, that the word list cannot hold; it is weak like "cta", as some sites so name a styled quote.
    /// </summary>
    private static bool NamesCallToAction(string names)
    {
        // "call-to-action", "call_to_action", "CallToAction": the letters in order, any case, with dashes and underscores between.
        const string CallToAction = "calltoaction";
        for (var start = 0; start + CallToAction.Length <= names.Length; start++)
        {
            var matched = 0;
            for (var i = start; i < names.Length && matched < CallToAction.Length; i++)
            {
                if (names[i] is '-' or '_')
                {
                    continue;
                }

                if (char.ToLowerInvariant(names[i]) != CallToAction[matched])
                {
                    break;
                }

                matched++;
            }

            if (matched == CallToAction.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the names hold the word "callout" ("kg-callout-card", "card-callout"): a note box the writer sets between the
    /// article's paragraphs ("As I write this, I own 94 books"), drawn as a card, so "card" there names its frame, not a teaser.
    /// </summary>
    private static bool NamesCallout(string names) => names.Contains("callout", StringComparison.OrdinalIgnoreCase);

    private static bool IsCard(ReadOnlySpan<char> word) => word.SequenceEqual("card") || word.SequenceEqual("cards");

    /// <summary>
    /// Whether a weak negative word of a class (lower case) counts against the element where it stands: not inside a
    /// layout setting ("kt-pane-header-alignment-left"), and "card" not on a callout, whose card is its frame.
    /// </summary>
    private static bool CountsAgainst(string names, Range range, ReadOnlySpan<char> word) =>
        !InLayoutSetting(names, range) && !(IsCard(word) && NamesCallout(names));

    /// <summary>The words of the element's class and id that lean away from the article, for --explain: which word made it boilerplate.</summary>
    public static IEnumerable<string> BoilerplateWords(IElement element)
    {
        var id = element.GetAttribute("id");
        var heading = element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
        foreach (var names in new[] { element.GetAttribute("class"), IsAnchor(element, id, heading) ? null : id })
        {
            if (string.IsNullOrEmpty(names) || names.Length > 400)
            {
                continue;
            }

            foreach (var range in new NameWords(names))
            {
                var word = names[range].ToLowerInvariant();
                if (IsNegated(names, range))
                {
                    continue;
                }

                if (StrongNegativeWords.Contains(word) ||
                    (NegativeWords.Contains(word) && CountsAgainst(names, range, word)))
                {
                    yield return word;
                }
            }

            if (NamesCallToAction(names))
            {
                yield return "call-to-action";
            }
        }
    }

    /// <summary>
    /// True when the word at <paramref name="word"/> lies in a class that names a layout setting of a block editor or theme
    /// ("kt-pane-header-alignment-left", "card-style-rounded"): such a class says how a part is drawn, not what it is, so
    /// a weak word in it ("header": the pane's title bar) is no sign of a page's header. Strong words still count.
    /// </summary>
    private static bool InLayoutSetting(string names, Range word)
    {
        var from = word.Start.GetOffset(names.Length);
        while (from > 0 && !char.IsWhiteSpace(names[from - 1]))
        {
            from--;
        }

        var to = word.End.GetOffset(names.Length);
        while (to < names.Length && !char.IsWhiteSpace(names[to]))
        {
            to++;
        }

        var token = names[from..to];
        var words = 0;
        var layout = false;
        foreach (var range in new NameWords(token))
        {
            words++;
            layout |= LayoutWords.Contains(token[range].ToLowerInvariant());
        }

        return layout && words >= LayoutSettingWords;
    }

    /// <summary>
    /// True when the word right before this one in the same class says the element is not that thing: "no-sidebar" (a
    /// page drawn without one), "has-no-toc", "hide-from-toc" (an article heading the contents list skips); or the words
    /// after it set it off: "sidebar-none", "sidebar-enabled--false" (a theme's setting on the article's own column).
    /// </summary>
    private static bool IsNegated(string names, Range word)
    {
        if (IsSwitchedOff(names, word.End.GetOffset(names.Length)))
        {
            return true;
        }

        var at = word.Start.GetOffset(names.Length) - 1;
        if (at < 0 || names[at] is not ('-' or '_'))
        {
            return false;
        }

        while (at >= 0 && names[at] is '-' or '_')
        {
            at--;
        }

        var end = at + 1;
        while (at >= 0 && char.IsAsciiLetter(names[at]))
        {
            at--;
        }

        return NegatingWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(names.AsSpan(at + 1, end - at - 1));
    }

    /// <summary>Whether the class goes on from <paramref name="at"/> with a value that sets the thing off ("-none", "-enabled--false").</summary>
    private static bool IsSwitchedOff(string names, int at)
    {
        var value = NextNameWord(names, ref at);
        if (value.Equals("enabled", StringComparison.OrdinalIgnoreCase))
        {
            value = NextNameWord(names, ref at);
        }

        return value.Length > 0 && (at == names.Length || names[at] is '-' or '_' || char.IsWhiteSpace(names[at])) &&
            OffWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value);
    }

    /// <summary>The run of letters after the dashes and underscores at <paramref name="at"/> in the same class; empty at its end.</summary>
    private static ReadOnlySpan<char> NextNameWord(string names, ref int at)
    {
        if (at >= names.Length || names[at] is not ('-' or '_'))
        {
            return [];
        }

        while (at < names.Length && names[at] is '-' or '_')
        {
            at++;
        }

        var start = at;
        while (at < names.Length && char.IsAsciiLetter(names[at]))
        {
            at++;
        }

        return names.AsSpan(start, at - start);
    }

    /// <summary>Values of a setting, right after a hint word in a class, that say the page has no such thing.</summary>
    private static readonly HashSet<string> OffWords = new(StringComparer.OrdinalIgnoreCase) { "none", "false", "disabled" };

    /// <summary>Words that, right before a hint word in a class, say the element is not that thing.</summary>
    private static readonly HashSet<string> NegatingWords = new(StringComparer.OrdinalIgnoreCase) { "no", "non", "not", "without", "from" };

    /// <summary>A layout setting names the part, the property and its value ("pane-header-alignment-left"): three words or more.</summary>
    private const int LayoutSettingWords = 3;

    /// <summary>Words that name how a part is drawn: its alignment, size, spacing or look.</summary>
    private static readonly HashSet<string> LayoutWords = new(StringComparer.Ordinal)
    {
        "align", "alignment", "aligned", "layout", "direction", "position", "width", "height", "size", "spacing", "padding",
        "margin", "gap", "color", "colour", "style",
    };

    /// <summary>
    /// The words of a class or id as people read them: runs of letters. Letters right after a digit are part of a
    /// generated id ("component_1ad269af0d", "08ad"), not a name, which starts with a letter; so are the letters of a hash
    /// a build tool makes up ("css-ad12f3": no advert).
    /// </summary>
    private struct NameWords(string names)
    {
        private int _next;

        public Range Current { get; private set; }

        public readonly NameWords GetEnumerator() => this;

        public bool MoveNext()
        {
            var start = -1;
            for (var i = _next; i <= names.Length; i++)
            {
                var isLetter = i < names.Length && char.IsAsciiLetter(names[i]);
                if (isLetter && start < 0)
                {
                    start = i;
                }
                else if (!isLetter && start >= 0)
                {
                    var afterDigit = start > 0 && char.IsAsciiDigit(names[start - 1]);
                    if (afterDigit || InHash(names, start, i))
                    {
                        start = -1;
                        continue;
                    }

                    _next = i;
                    Current = start..i;
                    return true;
                }
            }

            _next = names.Length + 1;
            return false;
        }
    }

    /// <summary>
    /// True when the letters from <paramref name="start"/> to <paramref name="end"/> lie in a run of letters and digits that
    /// reads as a hexadecimal hash (at least <see cref="HashLength"/> hex characters, digits among them): generated class names.
    /// </summary>
    private static bool InHash(string names, int start, int end)
    {
        var from = start;
        while (from > 0 && char.IsAsciiLetterOrDigit(names[from - 1]))
        {
            from--;
        }

        var to = end;
        while (to < names.Length && char.IsAsciiLetterOrDigit(names[to]))
        {
            to++;
        }

        if (to - from < HashLength)
        {
            return false;
        }

        var digits = false;
        for (var k = from; k < to; k++)
        {
            if (!char.IsAsciiHexDigit(names[k]))
            {
                return false;
            }

            digits |= char.IsAsciiDigit(names[k]);
        }

        return digits;
    }

    /// <summary>A hash in a generated class name is at least this long; shorter runs ("h2", "ad1") may be names.</summary>
    private const int HashLength = 5;

    /// <summary>Words that name the writer of the article in a class or id.</summary>
    private static readonly HashSet<string> WriterWords = new(StringComparer.Ordinal) { "author", "authors", "writer", "contributor" };

    /// <summary>Words that, next to a <see cref="WriterWords"/> word, name a box about the writer rather than the byline's name.</summary>
    private static readonly HashSet<string> ProfileWords = new(StringComparer.Ordinal)
    {
        "bio", "bios", "biography", "about", "box", "desc", "description", "profile", "summary", "tagline", "details", "info",
    };

    // "tweet": a post embedded from a social network ("twitter-tweet") is the network's text shown in the page, not the writer's.
    private static readonly HashSet<string> StrongNegativeWords = new(StringComparer.Ordinal)
    {
        "comment", "comments", "disqus", "share", "sharing", "sharebar", "social", "socials", "related", "recommended",
        "recommendation", "recommendations", "recirc", "newsletter", "newsletters", "subscribe", "subscription", "signup",
        "cookie", "cookies", "consent", "gdpr", "advert", "advertisement", "advertising", "ad", "ads", "adslot", "adunit",
        "dfp", "sponsor", "sponsored", "sidebar", "footer", "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs",
        "pagination", "pager", "popup", "modal", "outbrain", "taboola", "trending", "paywall", "copyright", "promo", "tweet",
    };

    private static readonly HashSet<string> NegativeWords = new(StringComparer.Ordinal)
    {
        "promotion", "overlay", "toolbar", "tags", "masthead", "login", "popular", "rail", "byline", "bylines", "author",
        "authors", "bio", "meta", "dateline", "timestamp", "skip", "banner", "toc", "print", "follow", "donate",
        "jump", "pullquote", "carousel", "slider", "teaser", "teasers", "card", "cards", "readmore", "next", "prev",
        "previous", "rating", "ratings", "reviews", "feedback", "search", "legal", "disclaimer",
        "affiliate", "shop", "cta", "header", "hdr", "ftr", "byl",
    };

    private static readonly HashSet<string> PositiveWords = new(StringComparer.Ordinal)
    {
        "article", "articlebody", "content", "entry", "post", "story", "body", "text", "main", "prose", "richtext", "rte",
        "blog", "copy", "storybody", "postbody", "markdown", "wysiwyg",
    };

    /// <summary>What a word of a class or id can say, as the lists above give it: one look a word in <see cref="ScoreWords"/>.</summary>
    [Flags]
    private enum WordRole : byte
    {
        None = 0,
        Writer = 1,
        Profile = 2,
        StrongNegative = 4,
        Negative = 8,
        Positive = 16,
    }

    private static readonly Dictionary<string, WordRole> RolesByWord = BuildRoles();

    private static Dictionary<string, WordRole> BuildRoles()
    {
        var roles = new Dictionary<string, WordRole>(StringComparer.Ordinal);
        foreach (var (words, role) in ((HashSet<string>, WordRole)[])[(WriterWords, WordRole.Writer), (ProfileWords, WordRole.Profile),
                     (StrongNegativeWords, WordRole.StrongNegative), (NegativeWords, WordRole.Negative), (PositiveWords, WordRole.Positive)])
        {
            foreach (var word in words)
            {
                roles[word] = roles.GetValueOrDefault(word) | role;
            }
        }

        return roles;
    }
}
