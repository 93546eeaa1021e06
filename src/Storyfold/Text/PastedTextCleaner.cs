using System.Globalization;
using System.Text.RegularExpressions;
using Storyfold.News;

namespace Storyfold.Text;

/// <summary>The parts of a pasted article once boilerplate is out: title, body paragraphs, captions and a dateline date.</summary>
public sealed record CleanedText(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Captions, PublicationDate? Dateline);

/// <summary>
/// Cleans text as people paste it from news sites: finds the headline and dateline, drops presenter bylines,
/// "Read more" link lists, section labels, app and comment prompts and stray dateline pieces, and sets captions apart.
/// Works on line-level features (length, punctuation, position, patterns), not on known strings.
/// </summary>
public static partial class PastedTextCleaner
{
    public static CleanedText Clean(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Select(NormaliseSpaces)
            .ToList();

        var kept = new List<string>();
        var captions = new List<string>();
        PublicationDate? dateline = null;
        var inLinkList = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (inLinkList)
            {
                if (LooksLikeLinkHeadline(line))
                {
                    continue;
                }

                inLinkList = false;
            }

            if (ReadMoreLine().IsMatch(line))
            {
                // "Read more:" alone heads a list of link headlines; "Read more: headline" is one link.
                inLinkList = ReadMoreHeaderOnly().IsMatch(line);
                continue;
            }

            if (ParseDateline(line) is { } date)
            {
                dateline ??= date;
                continue;
            }

            if (PresenterByline().IsMatch(line) || IsPrompt(line))
            {
                continue;
            }

            if (IsCaption(line))
            {
                captions.Add(line);
                continue;
            }

            kept.Add(line);
        }

        TrimStrayPieces(kept);
        var title = "";
        if (kept.Count > 1 && LooksLikeHeadline(kept[0]))
        {
            title = kept[0];
            kept.RemoveAt(0);
        }

        return new CleanedText(title, kept, captions, dateline);
    }

    /// <summary>A title to show when the article has none: the lead sentence, shortened at a word boundary.</summary>
    public static string DisplayTitleFromLead(string lead, int maxLength = 110)
    {
        var sentenceEnd = SentenceEnd().Match(lead);
        var sentence = sentenceEnd.Success ? lead[..(sentenceEnd.Index + 1)] : lead;
        sentence = sentence.TrimEnd('.', ' ');
        if (sentence.Length <= maxLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', maxLength);
        return sentence[..(cut > 40 ? cut : maxLength)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    /// <summary>Removes short fragments before the first and after the last real paragraph: section labels, dateline places, agency names, dashes.</summary>
    private static void TrimStrayPieces(List<string> lines)
    {
        while (lines.Count > 0 && IsStrayPiece(lines[0]))
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && IsStrayPiece(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }
    }

    private static bool IsStrayPiece(string line)
    {
        if (!line.Any(char.IsLetterOrDigit))
        {
            return true;
        }

        var words = WordCount(line);
        return words <= 3 && !EndsSentence(line);
    }

    private static bool LooksLikeHeadline(string line)
    {
        var words = WordCount(line);
        return words is >= 3 and <= 30 && !line.EndsWith('.') && !line.EndsWith(',') && !line.EndsWith(':');
    }

    private static bool LooksLikeLinkHeadline(string line) =>
        WordCount(line) <= 20 && !line.EndsWith('.') && !IsPrompt(line);

    private static bool IsCaption(string line) =>
        CaptionMarker().IsMatch(line) || (PhotoCredit().IsMatch(line) && WordCount(line) <= 40);

    private static bool IsPrompt(string line) => WordCount(line) <= 30 && PromptPattern().IsMatch(line);

    private static bool EndsSentence(string line) => line.Length > 0 && ".!?\"”’)。！？」）".Contains(line[^1]);

    private static int WordCount(string line)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in line)
        {
            var isWordChar = !char.IsWhiteSpace(c);
            // Chinese has no spaces: each Han character counts as a word, so a Chinese paragraph is not a "fragment".
            if (isWordChar && (!inWord || c is >= '\u4E00' and <= '\u9FFF'))
            {
                count++;
            }

            inWord = isWordChar;
        }

        return count;
    }

    private static string NormaliseSpaces(string line)
    {
        line = line.Replace('\u00A0', ' ').Replace('\u200B', ' ').Trim();
        return MultipleSpaces().Replace(line, " ");
    }

    /// <summary>Reads datelines such as <c>25 February 2023, 09:10 | Updated: ...</c> or <c>February 25, 2023 9:10 am</c>.</summary>
    internal static PublicationDate? ParseDateline(string line)
    {
        if (line.Length > 80)
        {
            return null;
        }

        var match = DatelinePattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var day = int.Parse(match.Groups["d1"].Success ? match.Groups["d1"].Value : match.Groups["d2"].Value, CultureInfo.InvariantCulture);
        var monthName = match.Groups["m1"].Success ? match.Groups["m1"].Value : match.Groups["m2"].Value;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = MonthNumber(monthName);
        if (month == 0 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        if (match.Groups["hh"].Success)
        {
            var hour = int.Parse(match.Groups["hh"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(match.Groups["mm"].Value, CultureInfo.InvariantCulture);
            var ampm = match.Groups["ampm"].Value.ToLowerInvariant();
            if (ampm.StartsWith('p') && hour < 12)
            {
                hour += 12;
            }
            else if (ampm.StartsWith('a') && hour == 12)
            {
                hour = 0;
            }

            if (hour < 24 && minute < 60)
            {
                return new PublicationDate(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero), true);
            }
        }

        return PublicationDate.FromDay(new DateOnly(year, month, day));
    }

    internal static int MonthNumber(string name)
    {
        if (name.Length < 3)
        {
            return 0;
        }

        var prefix = name[..3].ToLowerInvariant();
        var index = Array.IndexOf(MonthPrefixes, prefix);
        return index + 1;
    }

    private static readonly string[] MonthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex SentenceEnd();

    // "Name Surname 1am - 4am", "Jane Doe 10:00am – 1pm": a radio presenter with a show time.
    [GeneratedRegex(@"^\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){0,3}\s+\d{1,2}([:.]\d{2})?\s*(am|pm)\s*[-–—]\s*\d{1,2}([:.]\d{2})?\s*(am|pm)$", RegexOptions.IgnoreCase)]
    private static partial Regex PresenterByline();

    [GeneratedRegex(@"^(read|see|watch|listen)\s+(more|also|next)\b|^(also read|related( articles?| stories| coverage)?|more on this( story)?|recommended( for you)?|you may also like|further reading)\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex ReadMoreLine();

    [GeneratedRegex(@"^(read|see|watch|listen)\s+(more|also|next)\s*:?\s*$|^(also read|related( articles?| stories| coverage)?|more on this( story)?|recommended( for you)?|you may also like|further reading)\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadMoreHeaderOnly();

    [GeneratedRegex(@"\bpictured\s*:|\((pictured|left|right|centre|center|above|below|top|bottom|inset|file photo|file)\)|^(photo|image|picture|caption)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionMarker();

    [GeneratedRegex(@"(\b(photo|image|picture)\s*(credit)?\s*:|\|\s*(getty|ap|afp|reuters|epa|shutterstock)\b|\b(getty images|ap photo|afp via getty images|reuters/)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PhotoCredit();

    // Calls to act that belong to the page, not the story: follow, subscribe, download, comment, share.
    [GeneratedRegex(@"^(trending( now)?|exit mobile version|advertisement|sponsored( content)?|leave a (reply|comment)|comments?|share( this( article| story)?)?|most (read|popular|viewed)|skip to (main )?content|cookie (policy|settings)|all rights reserved.*)\s*$|\bfollow (us|our)\b.*\b(google news|twitter|facebook|instagram|telegram|whatsapp|channel|x)\b|\b(download|get) (our|the) .*\bapp\b|\bsign up\b.*\b(newsletter|alerts?|updates)\b|\bsubscribe (to|for|now)\b|\byour email address will not be published\b|\brequired fields are marked\b|\bclick here\b|\bcopyright\b.*\d{4}|^©|\bjoin (the|our) (conversation|discussion)\b|\b(log|sign) in to comment\b|\bthis (article|story) (was|has been) (updated|corrected)\b.*\b(subscribe|newsletter)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PromptPattern();

    [GeneratedRegex(@"^(?:(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?<m1>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?|(?<m2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?),?\s+(?<y>(?:19|20)\d{2})(?:,?\s*(?:at\s+)?(?<hh>\d{1,2})[:.](?<mm>\d{2})\s*(?<ampm>[ap]\.?m\.?)?)?(?:\s*(?:GMT|UTC|BST|EST|EDT|CET|[A-Z]{2,4}))?(?:\s*[|,–—-]\s*(?:updated|last updated|modified)\b.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DatelinePattern();
}
