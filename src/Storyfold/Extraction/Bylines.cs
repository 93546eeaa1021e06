using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Storyfold.Text;

namespace Storyfold.Extraction;

/// <summary>
/// Finds the article's authors: JSON-LD, meta tags, microdata author elements, a visible "By ..." line (or a "Written by"
/// label over a name) near the start, else a link to the writer's page on the site, else the first element the markup
/// classes as an author or byline that reads as a name.
/// </summary>
internal static partial class Bylines
{
    /// <summary>
    /// The article's authors. <paramref name="language"/> (an ISO 639-1 code) lets bylines in the page's language be
    /// read as well as English ones ("Von Anna Schmidt", "Par Jean Dupont et Marie Curie").
    /// </summary>
    public static IReadOnlyList<string> Authors(PageMeta meta, StructuredData structured, IHtmlDocument document, PageBlocks page, int firstBlock, string? siteName = null, string? language = null)
    {
        // The first source that names people wins. One that names only the site itself ("Cleveland Clinic" on
        // clevelandclinic.org) or only a login ("andrew.keaveney" in the meta tag, "Denise Everheart" on the byline)
        // gives way to a later one that names a person, and is kept when none does; placeholders (a numeric id,
        // "undefined") name nobody and are dropped.
        IReadOnlyList<string>? fallback = null;
        foreach (var source in Sources(meta, structured, document, page, firstBlock, language))
        {
            var names = source.Where(name => !IsPlaceholder(name)).ToList();
            if (names.Count == 0)
            {
                continue;
            }

            if (!names.All(name => IsHandle(name) || (siteName is not null && NamesSite(name, siteName))))
            {
                return names;
            }

            fallback ??= names;
        }

        return fallback ?? [];
    }

    /// <summary>The authors each source gives, in the order they are trusted.</summary>
    private static IEnumerable<IReadOnlyList<string>> Sources(PageMeta meta, StructuredData structured, IHtmlDocument document, PageBlocks page, int firstBlock, string? language)
    {
        if (structured.Authors.Count > 0)
        {
            yield return Clean(structured.Authors);
        }

        foreach (var key in (string[])["author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author", "cxenseparse:author", "citation_author", "twitter:creator"])
        {
            var value = meta.Get(key);
            // An address or a profile handle ("@jane", "/jane") names an account, not a writer.
            if (value?.TrimStart() is { } written && !written.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !written.StartsWith('@') && !written.StartsWith('/'))
            {
                // Scholarly metadata writes one author a tag, family name first ("Roy, Aniruddha").
                yield return key == "citation_author" && FamilyFirst().Match(PageExtractor.Normalise(value)) is { Success: true } turned
                    ? Clean([$"{turned.Groups["given"].Value} {turned.Groups["family"].Value}"])
                    : Clean(Split(value));
            }
        }

        // Yoast's reading-time card for Twitter: twitter:label1 "Written by", twitter:data1 the name.
        for (var n = 1; n <= 4; n++)
        {
            if (meta.Get($"twitter:label{n}") is { } label && BylineLabel().IsMatch(label) && meta.Get($"twitter:data{n}") is { } writer)
            {
                yield return Clean(Split(writer));
            }
        }

        if (meta.AuthorElements.Count > 0)
        {
            yield return Clean(meta.AuthorElements.SelectMany(Split));
        }

        // Bylines near the article's start, then (after links to the writer's page) labelled ones anywhere else outside
        // comment threads: "Written by John Crenshaw" in an author box after the article, an "Author" heading over the
        // name in a sidebar. Far from the start a bare "By ..." is as often a photo credit or another story's byline.
        var from = Math.Max(0, firstBlock - 12);
        var to = Math.Min(page.Blocks.Count, firstBlock + 4);
        for (var i = from; i < to; i++)
        {
            foreach (var names in BylinesAt(page, i, labelledOnly: false, language))
            {
                yield return names;
            }
        }

        yield return AuthorLinked(meta.Links, document.Body ?? document.DocumentElement, meta.Canonical ?? meta.Get("og:url"));
        for (var i = 0; i < page.Blocks.Count; i++)
        {
            if (i >= from && i < to)
            {
                continue;
            }

            foreach (var names in BylinesAt(page, i, labelledOnly: true, language))
            {
                if (!InCommentThread(page, i))
                {
                    yield return names;
                }
            }
        }

        yield return AuthorClassed(meta.AuthorClassed);
        yield return Introduced(page);
    }

    /// <summary>
    /// The writer an "About the author" label introduces with a bio that opens with the name ("About the Author:" /
    /// "Juliette Carreiro is a skilled content creator ..."). A name over a bio without the label is as often one of the
    /// people an article profiles (a lawyer's card, a product's maker) as its writer.
    /// </summary>
    private static IReadOnlyList<string> Introduced(PageBlocks page)
    {
        for (var i = 0; i + 1 < page.Blocks.Count; i++)
        {
            if (BylineLabel().IsMatch(page.Blocks[i].Text) && BioOpening().Match(page.Blocks[i + 1].Text) is { Success: true } bio &&
                PersonName(bio.Groups["name"].Value) is { } name && !InCommentThread(page, i))
            {
                return [name];
            }
        }

        return [];
    }

    // A bio's opening: two to five words of a name, then what the person is or does ("Juliette Carreiro is a skilled ...").
    [GeneratedRegex(@"^(?<name>\p{Lu}[\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){1,4}?)\s+(?:is|was|has|writes|covers|leads|works)\s")]
    private static partial Regex BioOpening();

    /// <summary>
    /// The byline block <paramref name="i"/> gives: a "By ..." line, or a label on a line of its own ("Written by",
    /// "Author") over the name on the next one; with <paramref name="labelledOnly"/>, a line needs its label ("Written by").
    /// </summary>
    private static IEnumerable<IReadOnlyList<string>> BylinesAt(PageBlocks page, int i, bool labelledOnly, string? language)
    {
        var block = page.Blocks[i];
        if (!labelledOnly && CjkWireAuthors(block.Text) is { Count: > 0 } wire)
        {
            yield return wire;
        }

        if (!labelledOnly && KoreanAuthors(block.Text) is { Count: > 0 } korean)
        {
            yield return korean;
        }

        if (block.Words > 20)
        {
            yield break;
        }

        if ((!labelledOnly || LabelledByLine().IsMatch(block.Text)) && ByLine().Match(block.Text) is { Success: true } match)
        {
            // The date often follows the name on the byline ("By Sofia Gonzalez December 3, 2025", "by BeauHD on Friday").
            yield return Clean(BeforeRole(Split(TrailingDateWords().Replace(match.Groups["names"].Value, ""))));
        }

        // In the page's own language: "Von Anna Schmidt", "Par Jean Dupont et Marie Curie", "di Marco Rossi".
        if (!labelledOnly && OtherLanguageByline(block.Text, language) is { Count: > 0 } inLanguage)
        {
            yield return inLanguage;
        }

        // A label and the names on one line: "Author: Jane Doe", "Contributors: Janet Loughrey", "Autorin: Anna Schmidt".
        if (LabelledNames().Match(block.Text) is { Success: true } labelled &&
            Clean(Split(TextDates.WithoutDates(labelled.Groups["names"].Value), language)) is [var lead, ..] listed && PersonName(lead) is not null)
        {
            yield return listed;
        }

        if (BylineLabel().IsMatch(block.Text) && i + 1 < page.Blocks.Count && (PersonName(page.Blocks[i + 1].Text) ?? TeamName(page.Blocks[i + 1].Text)) is { } named)
        {
            yield return [named];
        }

        if (CjkAuthors(block.Text) is { Count: > 0 } cjk)
        {
            yield return cjk;
        }
    }

    /// <summary>
    /// The writers a Chinese byline names: "作者：王小明", "记者 王小明 李华", "新华社记者：王小明、李华", "文/张三", each name two to
    /// four Han characters (or a transliterated one with its dot, "阿卜杜拉·艾力"). Editors ("责任编辑：张三") are not the
    /// writers; a label word after the names ("来源") is not a name.
    /// </summary>
    internal static IReadOnlyList<string> CjkAuthors(string text)
    {
        if (!ArticleText.FitsCjkByline(text) || CjkByline().Match(text) is not { Success: true } match)
        {
            return [];
        }

        return CjkNames(match.Groups["names"].Value);
    }

    /// <summary>
    /// The reporters a Chinese agency's dateline names at the head of the story: "新华社北京2月28日电（记者王小明、李华）国家主席……",
    /// "中新网3月1日电 (记者 张伟)": the brackets after 电 (the dispatch) close the names, so no separator is needed
    /// after 记者. Empty when the text does not open so.
    /// </summary>
    internal static IReadOnlyList<string> CjkWireAuthors(string text)
    {
        if (text.Length < 8 || CjkWireDateline().Match(text.Length > 80 ? text[..80] : text) is not { Success: true } match)
        {
            return [];
        }

        return CjkNames(match.Groups["names"].Value);
    }

    /// <summary>The names a Chinese byline lists, split at 、, commas or spaces; a label word among them ("来源") is not a name.</summary>
    private static IReadOnlyList<string> CjkNames(string names) =>
        Clean(CjkNameSeparator().Split(names).Where(name => name.Length >= 2 && !CjkLabelWords.Contains(name)));

    [GeneratedRegex(@"^[^。！？]{2,40}?电\s*[（(]\s*(?:记者|記者)\s*[:：]?\s*(?<names>" + HanName + @"(?:(?:\s*[、，,]\s*|\s+)" + HanName + @"){0,5})\s*[）)]")]
    private static partial Regex CjkWireDateline();

    /// <summary>
    /// The reporters a Korean byline names: a short line "김철수 기자" (with an address or "=" after it, several names
    /// joined by "·"), or the head of an agency's story "(서울=연합뉴스) 김철수 기자 = ...", where the bracketed place and
    /// agency open the text. The name stands before 기자 (reporter) with a space and nothing joins the word after it, so
    /// "한 기자가 ..." (a reporter ...) names no one. Empty otherwise.
    /// </summary>
    internal static IReadOnlyList<string> KoreanAuthors(string text)
    {
        var match = KoreanWireByline().Match(text.Length > 120 ? text[..120] : text);
        if (!match.Success && IsKoreanBylineShape(text))
        {
            match = KoreanByline().Match(text);
        }

        return match.Success ? Clean(KoreanNameSeparator().Split(match.Groups["names"].Value)) : [];
    }

    /// <summary>True for a line of its own that is a Korean byline ("김철수 기자 kim@example.com"), not a story's agency head.</summary>
    internal static bool IsKoreanByline(string text) => IsKoreanBylineShape(text) && KoreanByline().IsMatch(text);

    /// <summary>Short and closing no sentence with "다.", as a byline line is.</summary>
    private static bool IsKoreanBylineShape(string text) => text.Length <= KoreanBylineLength && !text.Contains("다.", StringComparison.Ordinal);

    /// <summary>A Korean byline line is short; longer, and it is a sentence about a reporter.</summary>
    private const int KoreanBylineLength = 60;

    private const string HangulName = @"[가-힣]{2,4}";

    [GeneratedRegex(@"^\s*[(\[【][^)\]】=]{1,20}=[^)\]】]{1,20}[)\]】]\s*(?<names>" + HangulName + @"(?:\s*[·ㆍ,]\s*" + HangulName + @")*)\s*기자\s*=")]
    private static partial Regex KoreanWireByline();

    [GeneratedRegex(@"(?:^|[\s\[(])(?<names>" + HangulName + @"(?:\s*[·ㆍ,]\s*" + HangulName + @")*)\s+기자(?![가-힣])")]
    private static partial Regex KoreanByline();

    [GeneratedRegex(@"\s*[·ㆍ,]\s*")]
    private static partial Regex KoreanNameSeparator();

    /// <summary>Words of a byline's labels that can stand where a name does ("记者 王小明 来源：新华网").</summary>
    private static readonly HashSet<string> CjkLabelWords = new(StringComparer.Ordinal)
    {
        "来源", "來源", "作者", "记者", "記者", "编辑", "編輯", "责任编辑", "責任編輯", "责编", "責編", "摄影", "攝影", "通讯员", "通訊員", "发布", "發布",
    };

    private const string HanName = @"\p{IsCJKUnifiedIdeographs}{2,4}(?:[·・]\p{IsCJKUnifiedIdeographs}{1,8})?";

    [GeneratedRegex(@"(?:^|[\s\u3000|｜·•（(【\[])(?:(?:作者|撰文)\s*[:：/／]?|\p{IsCJKUnifiedIdeographs}{0,6}?(?:记者|記者)(?:\s*[:：]|\s)|文\s*[/／])\s*(?<names>" + HanName + @"(?:(?:\s*[、，,]\s*|\s+)" + HanName + @"){0,5})(?=$|[\s\u3000)）】\]|｜,，;；])")]
    private static partial Regex CjkByline();

    [GeneratedRegex(@"\s*[、，,]\s*|\s+")]
    private static partial Regex CjkNameSeparator();

    private static bool InCommentThread(IElement element) => element.Closest(CommentThread) is not null;

    private static bool InCommentThread(PageBlocks page, int block) => InCommentThread(page.Boxes[page.Blocks[block].Owner].Element);

    /// <summary>Elements of a comment thread, whose names are commenters, not the article's authors.</summary>
    private const string CommentThread = "[class*=comment i], [id*=comment i]";

    /// <summary>
    /// The text of the first link to a writer's own page (<c>rel="author"</c>, or a path such as <c>/author/jane-doe/</c>,
    /// <c>/staff/…/brian-truitt/</c>, <c>/contributors/jane</c>) that reads as a name, outside menus and comment threads:
    /// publishing systems link the byline to the author's archive, and its text is the name the site shows for them
    /// ("Brian Truitt", "The Upwork Team", "crazy lennys"), where labels of the same links ("Full Bio", "View all posts",
    /// "Meet the Team") are left alone. A link to another site (a credit, a staff page at a university, a social profile)
    /// names someone else.
    /// </summary>
    private static IReadOnlyList<string> AuthorLinked(List<IElement> links, IElement root, string? pageUrl)
    {
        var pageHost = ArticleCleaner.WebHost(pageUrl);
        for (var i = 0; i < links.Count; i++)
        {
            if (LinkedName(links[i], pageHost) is not { } first)
            {
                continue;
            }

            // Co-authors are linked on the same line, joined by a comma or "and" ("Adrien Ramirez and Joanna Nelius"); a
            // reviewer linked after other words ("Cort Honey · Reviewed by Gene Petrino") is not one.
            var names = new List<string>(Split(first));
            var line = LineOf(links[i], root);
            var previous = links[i];
            for (var j = i + 1; j < links.Count && j <= i + MaxCoAuthorLinks && line.Contains(links[j]); j++)
            {
                if (LinkedName(links[j], pageHost) is not { } more)
                {
                    continue;
                }

                if (!JoinedByList(previous, links[j]))
                {
                    break;
                }

                names.AddRange(Split(more));
                previous = links[j];
            }

            return Clean(names);
        }

        return [];
    }

    /// <summary>A byline names a handful of people; further links on its line (a list of all the site's writers) are not read.</summary>
    private const int MaxCoAuthorLinks = 24;

    /// <summary>
    /// True when the second link names a co-author of the first: only list punctuation or "and" stands between them
    /// ("Rui Ma, Heba Ledwon"), or the second opens a line of its own after the first's role or bio ("Adrien Ramirez,
    /// 4+ years covering hardware" / "Joanna Nelius, senior editor"). Another role named between them ("Reviewed by")
    /// makes the second someone else.
    /// </summary>
    private static bool JoinedByList(IElement before, IElement after)
    {
        var between = new System.Text.StringBuilder();
        var newLine = false;
        var steps = 0;
        for (var node = NextInTree(before); node is not null && node != after; node = node.HasChildNodes ? node.FirstChild : NextInTree(node))
        {
            // Nodes between two names of one byline are few; a step to a sibling is a search of the parent's children.
            if (++steps > 200)
            {
                return false;
            }

            if (node is IText text && !string.IsNullOrWhiteSpace(text.Data))
            {
                between.Append(text.Data);
                newLine = false;
            }
            else if (node is IElement { LocalName: "br" })
            {
                newLine = true;
            }

            if (between.Length > 300)
            {
                return false;
            }
        }

        var joint = between.ToString();
        return (joint.Length <= 20 && ListJoint().IsMatch(joint)) || (newLine && !OtherRole().IsMatch(joint) && !joint.Contains(" by ", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The node after this one and all it holds, in document order.</summary>
    private static INode? NextInTree(INode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.NextSibling is { } next)
            {
                return next;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[\s,;&]*(?:and\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ListJoint();

    /// <summary>The text of a link to a writer's page on this site when it reads as a name; null otherwise.</summary>
    private static string? LinkedName(IElement link, string? pageHost)
    {
        var href = link.GetAttribute("href") ?? "";
        var rel = link.GetAttribute("rel") ?? "";
        if (!rel.Contains("author", StringComparison.OrdinalIgnoreCase) && !AuthorPath().IsMatch(href))
        {
            return null;
        }

        if (ArticleCleaner.WebHost(href) is { } linkHost && (pageHost is not null ? linkHost != pageHost : SocialHosts.Contains(linkHost)))
        {
            return null;
        }

        if (link.Closest("nav, [role=menu], [role=menubar], [class*=menu i], " + CommentThread) is not null)
        {
            return null;
        }

        // The link may set the name over the writer's role ("Harry Rabinowitz" / "Tech Reporter"): the name is its first line.
        var text = WithoutBy(FirstLine(link));
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return text.Length is < 2 or > 60 || words.Length > 6 || !text.Any(char.IsLetter) ||
               text.Any(c => char.IsDigit(c) || c is '@' or '?' or '!' or '(') || words.Any(w => LinkLabels.Contains(w.ToLowerInvariant()))
            ? null
            : text;
    }

    /// <summary>Networks where a profile link leads to someone's account, not to the site's page for its writer.</summary>
    private static readonly HashSet<string> SocialHosts = new(StringComparer.Ordinal)
    {
        "bsky.app", "twitter.com", "x.com", "facebook.com", "linkedin.com", "instagram.com", "threads.net", "threads.com",
        "mastodon.social", "youtube.com", "tiktok.com", "github.com", "pinterest.com", "reddit.com",
    };

    /// <summary>Words of the labels that author links carry instead of a name.</summary>
    private static readonly HashSet<string> LinkLabels = new(StringComparer.Ordinal)
    {
        "more", "about", "view", "posts", "articles", "stories", "read", "all", "see", "full", "bio", "profile", "login",
        "log", "sign", "member", "meet", "our", "contributors", "authors", "author", "staff", "people", "follow", "contact",
        "reviews", "bluesky", "twitter", "facebook", "linkedin", "instagram", "threads", "mastodon", "youtube", "email",
        "website", "home", "menu",
    };

    /// <summary>
    /// A value that names nobody: a numeric account id, a template's empty placeholder ("undefined", "null") or the
    /// default account of a blog engine or site ("admin", "webmaster"). A user handle ("aawoods", "sara.r.peter") is the
    /// name the site shows for its writer and is kept when no source gives a name (see <see cref="IsHandle"/>).
    /// </summary>
    private static bool IsPlaceholder(string name) =>
        !name.Any(char.IsLetter) || name.ToLowerInvariant() is "undefined" or "null" or "admin" or "administrator" or "webmaster" ||
        TemplateKey().IsMatch(name);

    // A template's key left unrendered: "page.head.extra.author", "{{ author }}", "${author}", "%author%".
    [GeneratedRegex(@"^[\w-]+(?:\.[\w-]+)*\.(?:author|authors|byline|writer|creator)$|\{\{|\}\}|\$\{|^%\w+%$", RegexOptions.IgnoreCase)]
    private static partial Regex TemplateKey();

    /// <summary>
    /// True for an account's login rather than a name: one lower-case Latin word, with digits, dots, hyphens or underscores
    /// ("kffnirmitap", "andrew.keaveney"). Names in scripts without letter case ("王小明") are not logins.
    /// </summary>
    private static bool IsHandle(string name) => name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-');

    /// <summary>True when the name is the site's, or holds it ("Help Net Security Sponsored"), whatever the case and spacing.</summary>
    private static bool NamesSite(string name, string siteName) =>
        SiteNames.Squash(siteName) is { Length: > 0 } site && SiteNames.Squash(name).Contains(site, StringComparison.Ordinal);

    /// <summary>
    /// The first element the page's markup calls an author or byline (<c>class="author-name"</c>, <c>"post-author"</c>,
    /// <c>"c-byline__author"</c>) whose text reads as a person's name, outside comment threads: templates mark the
    /// byline so without saying it in microdata.
    /// </summary>
    private static IReadOnlyList<string> AuthorClassed(List<IElement> classed)
    {
        foreach (var element in classed)
        {
            if (InCommentThread(element))
            {
                continue;
            }

            // The date often shares the line with the name ("Andrew Gerrand 4 August 2010", "Dec 17, 2025 Julian K. Arni"),
            // and so does whom the writer speaks for ("Niko Matsakis on behalf of the Rust Project").
            if (PersonName(OnBehalf().Replace(TextDates.WithoutDates(FirstLine(element)), "")) is { } name)
            {
                return [name];
            }
        }

        return [];
    }

    /// <summary>
    /// The text as a person's name when it reads as one: two to five words, each capitalised (or a particle: "de",
    /// "van"), letters and name punctuation only, after an optional "By"; null for anything else ("Read more", a bio).
    /// </summary>
    internal static string? PersonName(string text)
    {
        var name = WithoutBy(text);
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (name.Length > 50 || words.Length is < 2 or > 5 || !NameWords().IsMatch(name) ||
            words.Any(w => NotNames.Contains(w.ToLowerInvariant())))
        {
            return null;
        }

        return words.All(w => char.IsUpper(w[0]) || Particles.Contains(w)) && char.IsUpper(words[0][0]) ? name : null;
    }

    /// <summary>
    /// The text as the name of a site's team when it reads as one, for a line under a byline label: up to six words, the
    /// last of them "Team", "Staff", "Editors" or "Desk" ("The Meetingnotes Team", "Podium Staff"); null otherwise.
    /// </summary>
    private static string? TeamName(string text)
    {
        var name = WithoutBy(text);
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 6 && NameWords().IsMatch(name) && char.IsUpper(name[0]) &&
               words[^1] is "Team" or "Staff" or "Editors" or "Desk" ? name : null;
    }

    /// <summary>The text without a leading "By" (or "Written by") and the punctuation a byline sets around a name.</summary>
    private static string WithoutBy(string text) => LeadingBy().Replace(PageExtractor.Normalise(text), "").Trim(' ', ',', '|', '-', '·', ':');

    /// <summary>
    /// The element's first line of text: an author box sets the name over a role or a bio on lines of their own
    /// ("Rachel MacDonald" / "Writer"), and only the first is the name.
    /// </summary>
    private static string FirstLine(IElement element)
    {
        var line = new System.Text.StringBuilder();
        IElement? owner = null;
        foreach (var text in element.Descendants<IText>())
        {
            if (string.IsNullOrWhiteSpace(text.Data))
            {
                continue;
            }

            var lineOf = LineOf(text, element);
            if (owner is not null && lineOf != owner)
            {
                break;
            }

            owner = lineOf;
            line.Append(text.Data).Append(' ');
        }

        return line.ToString();
    }

    /// <summary>The nearest element at or under <paramref name="root"/> that sets a node on a line of its own.</summary>
    private static IElement LineOf(INode node, IElement root)
    {
        for (var parent = node.ParentElement; parent is not null && parent != root; parent = parent.ParentElement)
        {
            // The page's own block elements (see PageBlocks), and a table's cells, which set a byline's parts side by side.
            if (PageBlocks.BlockTags.Contains(parent.LocalName) || parent.LocalName is "td" or "th")
            {
                return parent;
            }
        }

        return root;
    }

    /// <summary>Words a name never holds but the labels, links and roles around a byline do.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "more", "about", "view", "posts", "articles", "read", "follow", "share", "comments", "contact", "subscribe", "all",
        "author", "authors", "written", "by", "profile", "bio", "latest", "recent", "related", "our", "the", "and", "of",
        "for", "with", "in", "on", "to", "your", "my", "this", "min", "updated", "published", "posted", "reviewed", "edited",
        "writer", "editor", "contributor", "reporter", "correspondent", "columnist",
    };

    /// <summary>Lower-case particles in names ("Ludwig van Beethoven", "Ana de Armas").</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "de", "van", "von", "der", "den", "da", "di", "la", "le", "du", "bin", "al", "dos", "del" };

    /// <summary>
    /// The names up to the writer's role that a byline runs on into after a comma ("Paul Frew, Home and Digital Security
    /// Expert" splits into "Paul Frew", "Home", "Digital Security Expert"): a single word that is not a credential
    /// ("MD", "Ph.D.") is no one's name, nor words with a lower-case one that is not a particle ("Head of Marketing").
    /// </summary>
    private static IEnumerable<string> BeforeRole(IEnumerable<string> names) =>
        names.TakeWhile((name, i) => i == 0 || (name.Contains(' ') && !HasLowerWord(name)) || !name.Any(char.IsLower) || name.Contains('.'));

    private static bool HasLowerWord(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => char.IsLower(word[0]) && !Particles.Contains(word));

    private static IEnumerable<string> Split(string names) =>
        SplitPattern().Split(PageExtractor.Normalise(names));

    /// <summary>The names split as <see cref="Split(string)"/> does, and at the page's language's "and" ("und", "et", "y").</summary>
    private static IEnumerable<string> Split(string names, string? language) =>
        language is not null && OtherLanguages.TryGetValue(language, out var words)
            ? Split(names).SelectMany(name => words.Joint.Split(name))
            : Split(names);

    /// <summary>
    /// The names a byline in the page's language gives ("Von Anna Schmidt und Max Weber", "Par Jean Dupont", "Por João
    /// Silva e Ana Souza", "di Marco Rossi", "Door Jan de Vries"), or null when the line is not one. The word for "by"
    /// opens the line and capitalised names follow; after them the line ends, goes on after a separator ("| 28. Februar
    /// 2023") or gives a date after a comma. A sentence that opens with the same word goes on in lower case ("Par
    /// ailleurs, ...", "Di Maio ha detto ...") and is not one. A label with a colon does as well ("Autorin: Anna
    /// Schmidt", "Автор: Иван Петров"). Only the page's language is tried: "Door" and "Par" open English lines too.
    /// </summary>
    internal static IReadOnlyList<string>? OtherLanguageByline(string text, string? language)
    {
        if (language is null || !OtherLanguages.TryGetValue(language, out var words) || text.Length > 200 ||
            words.Line.Match(PageExtractor.Normalise(text)) is not { Success: true } match)
        {
            return null;
        }

        var names = match.Groups["names"].Value;
        var rest = match.Groups["rest"].Value;
        if (!EndsByline(rest.Trim()) && names.LastIndexOf(',') is > 0 and var comma)
        {
            // The names may have taken in a role after a comma as one more name ("Anna Schmidt, Korrespondentin").
            (names, rest) = (names[..comma], names[comma..] + rest);
        }

        // An agency that signs with the writer is no writer: "Autor: Jan Kowalski, PAP" (ČTK, MTI, УНІАН).
        return EndsByline(rest.Trim()) ? Clean(Split(names, language).Where(name => !IsAgencyCode(name.Trim()))) : null;
    }

    /// <summary>An agency's code: one word of two to six capital letters ("PAP", "ČTK", "УНІАН").</summary>
    private static bool IsAgencyCode(string name) => name.Length is >= 2 and <= 6 && name.All(char.IsUpper);

    /// <summary>
    /// True when what follows the names on a byline is the byline's: nothing, a part after a separator ("| 28. Februar
    /// 2023"), or after a comma a date, an agency ("dpa") or a few words of a role or place that open with a capital
    /// ("Korrespondentin in Peking", "Berlin"). A sentence goes on in lower case ("Por Dios, qué visita").
    /// </summary>
    private static bool EndsByline(string rest)
    {
        if (rest.Length == 0 || rest[0] is '|' or '·' or '•' or '–' or '—' or '/' or '-')
        {
            return true;
        }

        if (rest[0] != ',')
        {
            return false;
        }

        var words = rest[1..].TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TextDates.FindInText(rest) is not null ||
               (words.Length is >= 1 and <= 5 && (char.IsUpper(words[0][0]) || Agencies.Contains(words[0])) && rest[1..].TrimEnd('.').IndexOfAny(['.', '?', '!', ';']) < 0);
    }

    /// <summary>News agencies that sign in lower case.</summary>
    private static readonly HashSet<string> Agencies = new(StringComparer.Ordinal) { "dpa", "afp", "apa", "sda", "kna", "epd", "efe", "ansa", "ap", "rtr" };

    /// <summary>A language's byline: its line pattern and its "and" between names.</summary>
    private sealed record OtherLanguageWords(Regex Line, Regex Joint);

    /// <summary>
    /// "By" and "and" in the bylines of languages whose news Storyfold reads, by ISO 639-1 code. Slavic, Hungarian,
    /// Romanian and Turkish news labels its writers ("Autor:", "Tekst:", "Szerző:", "Yazar:") rather than opening with a
    /// "by": Romanian "de" and Polish "przez" open sentences too often to be taken alone.
    /// </summary>
    private static readonly Dictionary<string, OtherLanguageWords> OtherLanguages = new(StringComparer.Ordinal)
    {
        ["de"] = Words("von", "autor|autorin|autoren", "und"),
        ["fr"] = Words("par", "auteure?s?", "et"),
        ["es"] = Words("por", "autora?|autores", "y|e"),
        ["pt"] = Words("por", "autora?|autores", "e"),
        ["it"] = Words("(?:a cura )?di", "autore|autrice|autori", "e|ed"),
        ["nl"] = Words("door", "auteurs?", "en"),
        ["sv"] = Words("av", "författare", "och"),
        ["no"] = Words("av", "forfatter", "og"),
        ["nb"] = Words("av", "forfatter", "og"),
        ["nn"] = Words("av", "forfattar", "og"),
        ["da"] = Words("af", "forfatter", "og"),
        ["ru"] = Words(null, "автор|авторы", "и"),
        ["uk"] = Words(null, "автор|авторка|автори", "і|та|й"),
        ["be"] = Words(null, "аўтар|аўтарка|аўтары", "і"),
        ["bg"] = Words(null, "автор|автори", "и"),
        ["pl"] = Words(null, "autor|autorka|autorzy|tekst", "i|oraz"),
        ["cs"] = Words(null, "autor|autorka|autoři|text", "a"),
        ["sk"] = Words(null, "autor|autorka|autori|text", "a"),
        ["hu"] = Words(null, "szerző|szerzők", "és"),
        ["ro"] = Words(null, "autor|autoare|autori", "și|si"),
        ["tr"] = Words(null, "yazar|yazan|haber", "ve"),
    };

    /// <summary>A language's byline words: <paramref name="by"/> before the names (null where bylines use none), <paramref name="author"/> as a label with a colon, <paramref name="and"/> between names.</summary>
    private static OtherLanguageWords Words(string? by, string author, string and)
    {
        // A name is capitalised words, with the lower-case particles names carry ("Jan de Vries", "Ursula von der Leyen").
        const string Name = @"\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:de|da|di|del|dos|das|do|van|von|der|den|ter|le|la|du|zu)\s+)*\p{Lu}[\p{L}.'’-]*){0,3}";
        var joint = $@"(?:\s*[,&]\s*|\s+(?i:{and})\s+)";
        var opening = by is null ? $@"(?i:{author})\s*:\s*" : $@"(?:(?i:{by}):?\s+|(?i:{author})\s*:\s*)";
        var line = new Regex($@"^{opening}(?<names>{Name}(?:{joint}{Name}){{0,3}})(?<rest>(?!\p{{L}}).*)$", RegexOptions.CultureInvariant);
        return new OtherLanguageWords(line, new Regex($@"\s+(?i:{and})\s+", RegexOptions.CultureInvariant));
    }

    /// <summary>
    /// The names as the article's authors: "By" and stray punctuation trimmed, repeats dropped, and what a byline runs
    /// on with cut away: another role ("Updated by Jon Linkov", "DVM. Reviewed by Molly Price"), a link label ("More
    /// About MixmasterFred »", "View"), a social profile ("... on Facebook") and, after a person, the publication they
    /// write for ("Manoj Jain, The Commercial Appeal").
    /// </summary>
    private static List<string> Clean(IEnumerable<string> names)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in names)
        {
            var name = LeadingBy().Replace(PageExtractor.Normalise(raw), "");
            name = OtherRole().Replace(name, "");
            if (Publication().Match(name) is { Success: true } credited && PersonName(SplitPattern().Split(credited.Groups["people"].Value)[0]) is not null)
            {
                name = credited.Groups["people"].Value;
            }

            name = TrailingLinkLabel().Replace(name, "").Trim(' ', ',', '|', '-', '·');
            if (name.Length is < 2 or > 80 || name.StartsWith("http", StringComparison.OrdinalIgnoreCase) ||
                LinkLabel().IsMatch(name) || seen.Contains(name) ||
                (result.Count > 0 && name.StartsWith("The ", StringComparison.Ordinal) && PersonName(result[0]) is not null))
            {
                continue;
            }

            result.Add(name);
            seen.Add(name);
        }

        return result;
    }

    // Another person's role on the same line, to its end: "Updated by ...", "Reviewed by ...", "Fact checked by ...".
    [GeneratedRegex(@"(?:^|[.,;|]?\s+)(?:(?:medically\s+|expert\s+)?reviewed|updated|edited|fact[- ]checked|illustrat(?:ed|ions)|photo(?:graph)?s|photography|video)\s+by\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex OtherRole();

    [GeneratedRegex(@"(?<=\S)\s+on\s+behalf\s+of\b.*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex OnBehalf();

    // People and then the publication they write for: "Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal".
    [GeneratedRegex(@"^(?<people>.+?),\s+The\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4}$")]
    private static partial Regex Publication();

    // A link label the name runs into: "A. J. Neal View", "Jane Doe View profile".
    [GeneratedRegex(@"\s+(?:View|View (?:profile|posts|all posts|bio))\s*»?$")]
    private static partial Regex TrailingLinkLabel();

    // A link or a social profile instead of a name: "More About MixmasterFred »", "View all posts", "... on Facebook".
    [GeneratedRegex(@"^(?:more\s+(?:about|from|by)|view|see|read|follow)\b|»|\bon\s+(?:facebook|twitter|x|linkedin|instagram|threads|bluesky|mastodon|youtube|tiktok)$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkLabel();

    /// <summary>
    /// The words a byline's label puts before "by": "Written by", "Authored by", "Posted by", "Text by", and the credit
    /// line a site puts in a guest's post or an author box: "This post was written by", before a capital (a sentence
    /// that goes on "... written by the team" or "by hand" names no one).
    /// </summary>
    private const string ByLabel = @"(?:written|authored|posted|words|story|article|text|reported|(?:this|the)\s+(?:guest\s+)?(?:post|article|story|piece|blog\s+post)\s+(?:was|is)\s+(?:written|authored|contributed)(?=\s+by:?\s+(?-i:\p{Lu})))";

    [GeneratedRegex(@"^\s*(?:" + ByLabel + @"\s+)?by:?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingBy();

    [GeneratedRegex(@"^\s*" + ByLabel + @"\s+by\b", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledByLine();

    [GeneratedRegex(@"^\W*(?:" + ByLabel + @" by|by|authors?|author\(s\)|about the author)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex BylineLabel();

    [GeneratedRegex(@"^\W*(?:authors?|author\(s\)|contributors?|writers?|autor|autorin|autoren|auteure?s?|autore|autrice|autori|autora|autores|författare|forfatter|автор|авторы)\s*:\s*(?<names>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledNames();

    // A writer's own page: /author/jane-doe, /authors/jane, /staff/2648209001/brian-truitt/, /contributors/jane-doe/.
    [GeneratedRegex(@"/(?:authors?|writers?|contributors?|columnists?|reporters?|experts?|people|staff|team|profiles?)/[^/?#\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorPath();

    [GeneratedRegex(@"^[\p{L}.'’ -]+$")]
    private static partial Regex NameWords();

    // Date words after the names, or in their place ("Written By Feb 11, 2019"); the lower-case "on"/"at" only
    // ("Audiophile On" is a name).
    [GeneratedRegex(@"(?:(?:^|\s+)(?:(?-i:on|at)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?,?)+$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingDateWords();

    [GeneratedRegex(@"^(?<family>\p{Lu}[\p{L}'’-]+),\s*(?<given>\p{Lu}[\p{L}.'’ -]*)$")]
    private static partial Regex FamilyFirst();

    [GeneratedRegex(@"\s*(?:,\s*and\s+|,|\band\b|&|;)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SplitPattern();

    /// <summary>A word of a name on a byline: any case (logins are lower-case), never the "and" that joins two names.</summary>
    private const string NameWord = @"(?!and\b)\p{Lu}[\p{L}.'’-]+";

    [GeneratedRegex(@"^(?:" + ByLabel + @"\s+)?by:?\s+(?<names>" + NameWord + @"(?:\s+" + NameWord + @"){0,3}(?:\s*(?:,|and|&)\s*" + NameWord + @"(?:\s+" + NameWord + @"){0,3}){0,3})", RegexOptions.IgnoreCase)]
    private static partial Regex ByLine();
}
