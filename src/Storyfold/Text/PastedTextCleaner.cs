using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Storyfold.News;

namespace Storyfold.Text;

/// <summary>The parts of a pasted article once boilerplate is out: title, body paragraphs, captions and a dateline date.</summary>
public sealed record CleanedText(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Captions, PublicationDate? Dateline)
{
    /// <summary>The author named by a <c>By ...</c> line, if the paste had one.</summary>
    public string? Byline { get; init; }

    /// <summary>The outlet that signs the story: the agency in its dateline or an outlet's name among its labels.</summary>
    public string? Outlet { get; init; }
}

/// <summary>
/// Cleans text as people paste it from news sites: finds the headline and dateline, drops presenter bylines,
/// "Read more" link lists, section labels, app/newsletter/comment prompts and stray dateline pieces, and sets
/// captions apart. Works on line-level features (length, closing punctuation, position, shapes of page furniture),
/// not on known strings; a line that reads as a sentence of the story is kept.
/// </summary>
public static partial class PastedTextCleaner
{
    /// <summary>What one line is, judged on its own.</summary>
    private enum LineKind
    {
        Body,
        Drop,
        ReadMoreHeader,
        Dateline,
        Byline,
        Caption,
    }

    public static CleanedText Clean(string text)
    {
        var kept = new List<string>();
        var captions = new List<string>();
        PublicationDate? dateline = null;
        string? byline = null;
        var inLinkList = false;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = NormaliseSpaces(raw);
            if (line.Length == 0)
            {
                continue;
            }

            // The link headlines listed under a bare "Read more:" belong to other stories.
            if (inLinkList)
            {
                if (LooksLikeLinkHeadline(line))
                {
                    continue;
                }

                inLinkList = false;
            }

            switch (Classify(line, out var date))
            {
                case LineKind.ReadMoreHeader:
                    inLinkList = true;
                    break;
                case LineKind.Dateline:
                    dateline ??= date;
                    break;
                case LineKind.Byline:
                    byline ??= BylineName(line);
                    break;
                case LineKind.Caption:
                    captions.Add(line);
                    break;
                case LineKind.Body:
                    kept.Add(line);
                    break;
                case LineKind.Drop:
                default:
                    break;
            }
        }

        // The labels above the story go with the headline below, so the outlet is looked for first.
        var bodyStart = kept.FindIndex(IsBodySentence);
        var labels = kept.Take(bodyStart < 0 ? kept.Count : bodyStart);
        var outlet = NewsOutlets.FromLabels(labels) ?? (bodyStart >= 0 ? NewsOutlets.FromDateline(kept[bodyStart]) : null);
        var title = TakeHeadlineAndTrim(kept, bodyStart < 0 ? kept.Count : bodyStart);
        return new CleanedText(title, kept, captions, dateline) { Byline = byline, Outlet = outlet };
    }

    /// <summary>A title to show when the article has none: the lead sentence, shortened at a word boundary.</summary>
    public static string DisplayTitleFromLead(string lead, int maxLength = 110)
    {
        var sentenceEnd = SentenceEnd().Match(lead);
        var sentence = sentenceEnd.Success ? lead[..(sentenceEnd.Index + 1)] : lead;
        sentence = sentence.TrimEnd('.', ' ', '。');
        if (sentence.Length <= maxLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', maxLength);
        return sentence[..(cut > 40 ? cut : maxLength)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    private static LineKind Classify(string line, out PublicationDate? date)
    {
        date = null;
        if (!HasLetterOrDigit(line))
        {
            return LineKind.Drop;
        }

        var words = WordCount(line);
        if (words <= 30 && StartsLikeFurniture(line))
        {
            if (ReadMoreHeaderOnly().IsMatch(line))
            {
                return LineKind.ReadMoreHeader;
            }

            // The anchored patterns fail fast on the first word; the unanchored one only runs where its words occur.
            if (ReadMoreInline().IsMatch(line) || (words <= 12 && WholeLinePrompt().IsMatch(line)) || Credits().IsMatch(line))
            {
                return LineKind.Drop;
            }
        }

        // The unanchored pattern only runs where its words occur.
        if (words <= 40 && line.AsSpan().IndexOfAny(CallToActionWords) >= 0 && CallToAction().IsMatch(line))
        {
            return LineKind.Drop;
        }

        if (words <= 16 && DatelineParser.Parse(line) is { } parsed)
        {
            date = parsed;
            return LineKind.Dateline;
        }

        if (words <= 10 && char.IsAsciiDigit(FirstDigitOrSpace(line)) && PresenterByline().IsMatch(line))
        {
            return LineKind.Drop;
        }

        if (words <= 12 && line.Length > 4 && line.StartsWith("by ", StringComparison.OrdinalIgnoreCase) && char.IsUpper(line[3]) && !EndsSentence(line))
        {
            return LineKind.Byline;
        }

        if (words <= 60 && line.AsSpan().IndexOfAny(CaptionWords) >= 0 && (CaptionMarker().IsMatch(line) || PhotoCredit().IsMatch(line)))
        {
            return LineKind.Caption;
        }

        return LineKind.Body;
    }

    /// <summary>
    /// Before the first sentence of the body come the headline and the page's labels (section, place, agency, kicker).
    /// Picks the headline from there, drops the short labels around it, keeps a dek, and drops stray pieces at the end.
    /// </summary>
    /// <param name="lines">The kept lines, trimmed in place.</param>
    /// <param name="bodyStart">The first line that reads as a sentence of the story (the count when none does).</param>
    private static string TakeHeadlineAndTrim(List<string> lines, int bodyStart)
    {
        var headline = -1;
        for (var i = 0; i < bodyStart; i++)
        {
            if (IsHeadlineShaped(lines[i]) && !IsLabelShaped(lines[i]))
            {
                headline = i;
                break;
            }
        }

        if (headline < 0 && bodyStart > 0)
        {
            // Only label-shaped candidates: a short title-case headline comes after the section label, so take the last.
            headline = lines.FindLastIndex(bodyStart - 1, bodyStart, IsHeadlineShaped);
        }

        var title = "";
        var lead = new List<string>();
        for (var i = 0; i < bodyStart; i++)
        {
            var line = lines[i];
            if (i == headline)
            {
                title = line;
            }
            else if (i < headline ? WordCount(line) > 4 : !IsStrayPiece(line))
            {
                lead.Add(line);
            }
        }

        lines.RemoveRange(0, bodyStart);
        lines.InsertRange(0, lead);
        while (lines.Count > 0 && IsStrayPiece(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        // A headline with nothing under it is the text itself.
        if (title.Length > 0 && lines.Count == 0)
        {
            lines.Add(title);
            title = "";
        }

        return title;
    }

    private static bool IsBodySentence(string line) => EndsSentence(line) || WordCount(line) > 30 || InnerSentenceBreak().IsMatch(line);

    private static bool IsHeadlineShaped(string line)
    {
        var words = WordCount(line);
        return words is >= 3 and <= 30 && !EndsSentence(line) && line[^1] is not (',' or ':' or ';');
    }

    /// <summary>Section and breadcrumb labels: a few capitalised words (<c>Middle East &amp; Africa</c>, <c>World | Europe</c>).</summary>
    private static bool IsLabelShaped(string line) =>
        WordCount(line) <= 4 && line.Split(' ').All(w => w.Length == 0 || !char.IsLetter(w[0]) || char.IsUpper(w[0]) || w is "and" or "of" or "the");

    private static bool IsStrayPiece(string line) => !HasLetterOrDigit(line) || (WordCount(line) <= 3 && !EndsSentence(line));

    private static bool LooksLikeLinkHeadline(string line) =>
        WordCount(line) <= 20 && !EndsSentence(line) && Classify(line, out _) == LineKind.Body;

    private static string BylineName(string line)
    {
        var name = line[3..].Trim();
        var cut = name.IndexOfAny(['|', '—', '–', ',']);
        return (cut > 0 ? name[..cut] : name).Trim().TrimEnd(',');
    }

    /// <summary>Ends like a sentence: a full stop, question or exclamation mark, maybe inside closing quotes or brackets.</summary>
    private static bool EndsSentence(string line)
    {
        var end = line.AsSpan().TrimEnd("\"'”’»)]」』 ");
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or '…' or '。' or '！' or '？';
    }

    private static bool HasLetterOrDigit(string line)
    {
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static char FirstDigitOrSpace(string line)
    {
        var index = line.AsSpan().IndexOfAnyInRange('0', '9');
        return index < 0 ? ' ' : line[index];
    }

    /// <summary>Words separated by spaces; in Chinese and Japanese, where words are not spaced, two characters count as one word.</summary>
    internal static int WordCount(string line)
    {
        var count = 0;
        var cjk = 0;
        var inWord = false;
        foreach (var c in line)
        {
            if (c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF')
            {
                cjk++;
                inWord = false;
                continue;
            }

            var isWordChar = !char.IsWhiteSpace(c);
            if (isWordChar && !inWord)
            {
                count++;
            }

            inWord = isWordChar;
        }

        return count + (cjk + 1) / 2;
    }

    private static string NormaliseSpaces(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty)
        {
            return "";
        }

        if (line.IndexOfAny(UnusualSpaces) < 0 && !line.Contains("  ", StringComparison.Ordinal))
        {
            return line.ToString();
        }

        var builder = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static readonly SearchValues<char> UnusualSpaces = SearchValues.Create("\t\u00A0\u200B\uFEFF\u2009\u202F\u3000");

    /// <summary>True when the first word could open a furniture line (a label, a prompt, a link list, a credit).</summary>
    private static bool StartsLikeFurniture(string line)
    {
        if (!char.IsLetter(line[0]))
        {
            return line[0] is '(' or '©' || char.IsAsciiDigit(line[0]);
        }

        var end = 0;
        while (end < line.Length && end < 16 && (char.IsLetter(line[end]) || line[end] == '-'))
        {
            end++;
        }

        return FurnitureFirstWords.Contains(line.AsSpan(0, end));
    }

    private static readonly HashSet<string> FurnitureFirstWordSet = new(
        [
            "read", "see", "watch", "listen", "also", "related", "more", "recommended", "you", "further", "top", "most", "up",
            "trending", "exit", "advertisement", "ad", "sponsored", "story", "continue", "leave", "post", "comments", "comment",
            "show", "view", "share", "copy", "save", "print", "email", "e-mail", "skip", "cookie", "all", "reading", "back",
            "loading", "close", "menu", "home", "sign", "log", "login", "subscribe", "newsletter", "newsletters", "tags", "tag",
            "topics", "topic", "filed", "categories", "follow", "photo", "photos", "video", "videos", "gallery", "play",
            "published", "updated", "posted", "additional", "reporting", "writing", "editing", "compiled", "produced",
            "research", "graphics",
            // The same labels in other languages (see OtherLanguageLabels).
            "lesen", "mehr", "auch", "à", "a", "lire", "voir", "lea", "lee", "leer", "leggi", "lees", "leia", "читайте", "läs",
            "les", "læs", "anzeige", "werbung", "publicité", "publicidad", "publicidade", "pubblicità", "advertentie",
            "реклама", "annons", "annonse", "reklame",
        ],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FurnitureFirstWords =
        FurnitureFirstWordSet.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What every caption marker or photo credit contains.</summary>
    private static readonly SearchValues<string> CaptionWords = SearchValues.Create(
        ["pictured", "(", "photo", "image", "picture", "caption", "getty", "|"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Words that every call to act contains; lines without any skip that (unanchored, so costlier) pattern.</summary>
    private static readonly SearchValues<string> CallToActionWords = SearchValues.Create(
        [
            "follow us", "follow our", "google news", "twitter", "facebook", "instagram", "telegram", "whatsapp", "tiktok", "linkedin",
            "threads", "youtube", "bluesky", "mastodon", " on x", "sign up", "subscri", "register", "newsletter", " app ", " app.",
            " app,", "email address", "e-mail address", "click here", "tap here", "©", "(c)", "copyright", "rights reserved",
            "join the", "join our", "log in", "sign in", "to comment", "comments are", "comments have", "use cookies", "a tip",
            "news tip", "folgen sie", "folge uns", "suivez-nous", "síguenos", "seguici", "volg ons", "siga-nos", "följ oss",
            "følg os", "følg oss", "подписывайтесь", "nieuwsbrief", "boletín", "boletin", "рассылку",
        ],
        StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"[.!?。！？](\s|$)")]
    private static partial Regex SentenceEnd();

    // A full stop, then a space and a capital: two sentences on one line, so it is body, not a headline.
    [GeneratedRegex(@"\p{Ll}[.!?][""”’]?\s+[""“‘]?\p{Lu}")]
    private static partial Regex InnerSentenceBreak();

    // "Name Surname 1am - 4am", "Jane Doe 10:00am – 1pm": a radio or TV presenter with a show time.
    [GeneratedRegex(@"^(?-i:\p{Lu})[\p{L}'’.-]*(?:\s+(?-i:\p{Lu})[\p{L}'’.-]*){0,3}\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\s*(?:-|–|—|to)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)$", RegexOptions.IgnoreCase)]
    private static partial Regex PresenterByline();

    private const string ReadMoreLabel =
        @"(?:(?:read|see|watch|listen to)\s+(?:more|also|next)|also (?:read|see|watch)|related(?: articles?| stories| coverage| content| links| reading| news)?|more on this(?: story| topic)?|more (?:stories|news|coverage)(?: from [\p{L} ]{1,30})?|recommended(?: for you| reading| stories)?|you (?:may|might) also (?:like|be interested in)|further reading|top stories|most (?:read|popular|viewed)|up next|" + OtherLanguageLabels.Related + ")";

    [GeneratedRegex("^" + ReadMoreLabel + @"\s*[:»>–—-]?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadMoreHeaderOnly();

    // "Read more: A headline of another story", "Related | Another headline".
    [GeneratedRegex("^" + ReadMoreLabel + @"\s*[:»>|–—-]\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex ReadMoreInline();

    // Short lines that are page controls or labels, never story: "Trending", "Advertisement", "Listen to this article 4 min".
    [GeneratedRegex(@"^(?:" + OtherLanguageLabels.Ad + @"|trending(?: now| stories| topics)?|exit mobile version|advertisement|ad|sponsored(?: content| links?| stories)?|story continues below(?: advertisement)?|continue reading(?: below| the main story)?|leave a (?:reply|comment)|post a comment|comments?(?: \(?\d+\)?)?|\d+ comments?|(?:show|view|read) comments|share(?: this)?(?: article| story| page)?(?: on [\p{L} ]{1,20})?|share via [\p{L} ]{1,20}|copy link|save(?: article| story)?|print(?: article)?|e-?mail(?: this)?(?: article| story)?|skip to (?:main )?content|cookie (?:policy|settings|preferences)|all rights reserved|listen(?: to)?(?: this)?(?: article| story)?(?: \d+ min(?:ute)?s?)?|\d+ min(?:ute)?s? (?:read|listen)|reading time:? \d+ min(?:ute)?s?|back to top|loading|close|menu|home|sign (?:up|in)|log ?in|subscribe(?: now)?|newsletters?|(?:tags?|topics?|filed under|categories)\s*:.*|follow(?: us)?|photos?|videos?|gallery|play video|watch(?: video| now)?|(?:published|updated|posted)\b.{0,30}\bago)\s*[:.…]*$", RegexOptions.IgnoreCase)]
    private static partial Regex WholeLinePrompt();

    // Calls to act that belong to the page, not the story: follow, subscribe, download, comment, cookie notices.
    [GeneratedRegex(@"(?:^|\s)(?:" + OtherLanguageLabels.Follow + "|" + OtherLanguageLabels.Newsletter + @")|\bfollow (?:us|our [\p{L} ]{0,30}|(?-i:\p{Lu})[\p{L}.]*(?: (?-i:\p{Lu})[\p{L}.]*){0,3}) (?:on|via) (?:google news|twitter|x|facebook|instagram|telegram|whatsapp|tiktok|linkedin|threads|youtube|bluesky|mastodon)\b|\bfollow (?:us|our)\b.{0,60}\b(?:channel|app|page|account|updates|coverage|feed)\b|^(?:please )?(?:sign up|subscribe|register)\b.{0,60}\b(?:newsletters?|alerts?|updates|briefings?|inbox|emails?)\b|\b(?:sign up|subscribe)(?: now| today| here| free)? (?:to|for) (?:our|my)\b.{0,50}\b(?:newsletters?|alerts?|briefings?|emails?|updates)\b|\bnewsletters?\b.{0,60}\b(?:sign up|subscribe|inbox|straight to you)\b|\b(?:download|get|install) (?:our|the)(?: free)?(?: [\p{L}'’]+){0,4} app\b|\byour e-?mail address will not be published\b|\brequired fields are marked\b|\b(?:click|tap) here\b|^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|\bjoin (?:the|our) (?:conversation|discussion)\b|\b(?:log|sign) in to (?:comment|reply)\b|\bcomments? (?:are|have been) (?:closed|turned off|disabled)\b|\bwe (?:use|may use) cookies\b|\b(?:available|exclusive) (?:only )?to subscribers\b|\b(?:got|have) a (?:news )?tip\b.{0,40}\b(?:contact|e-?mail|send)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CallToAction();

    // Agency credit lines at the foot of a story: "Reporting by ...; Editing by ...".
    [GeneratedRegex(@"^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced|research|graphics) by\b", RegexOptions.IgnoreCase)]
    private static partial Regex Credits();

    [GeneratedRegex(@"\bpictured\s*:|\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|file photo|file|second (?:left|right)|far (?:left|right)|l|r)\)|^(?:photo|image|picture|caption|image caption|photograph|main image|top image|media caption|image source)\s*[:,]", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionMarker();

    // Photo credits: "(AP Photo/Jane Doe)", "Photo: Reuters", "| Getty Images", "Photograph: Jane Doe/AFP".
    [GeneratedRegex(@"\((?:ap|afp|reuters|epa|getty|xinhua|anadolu|upi|pa|aap)(?: photo)?(?:/|\s+via\b|\s+images\b)[^)]{0,80}\)\s*$|^\(?(?:ap|afp|epa|pa) photo/|\b(?:photo|image|photograph|picture)(?: credit)?\s*:\s*\p{L}|\|\s*(?:getty images|ap|afp|reuters|epa|shutterstock|alamy)\s*$|\bvia getty images\b|^getty images$", RegexOptions.IgnoreCase)]
    private static partial Regex PhotoCredit();
}
