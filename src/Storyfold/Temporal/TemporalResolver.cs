using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Storyfold.Temporal;

/// <summary>
/// Finds dates in news sentences and resolves them against the article's publication date: absolute dates, spans
/// ("from February 28 to March 2", "from Tuesday to Thursday"), weekdays in past or future tense, and relative words
/// ("yesterday", "next week", "in September last year", "earlier this month").
/// </summary>
public static partial class TemporalResolver
{
    private static readonly string[] MonthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "announced", "announces", "told", "stated", "reported", "confirmed", "declared", "added", "wrote",
        "tweeted", "posted", "statement", "briefing", "announcement", "disclosed", "revealed", "claimed",
    };

    // Words at least one of which every match of a pattern contains: a sentence without any skips that pattern's scan.
    private static readonly SearchValues<string> SpanWords = SearchValues.Create(["from", "between"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> WeekdayNames = SearchValues.Create(DayNames, StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> FullMonthNames = SearchValues.Create(MonthNames, StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> RelativeCues = SearchValues.Create(
        ["yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "week", "month", "year"], StringComparison.OrdinalIgnoreCase);

    private const string Month = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private const string Day = "(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?";
    private const string DayNumber = "(?:[12][0-9]|3[01]|0?[1-9])";
    private const string Weekday = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private const string Year = "(?:19|20)[0-9]{2}";
    private const string DayMonth = "(?:" + Month + "\\s+" + Day + "(?:,?\\s+" + Year + ")?|" + Day + "\\s+(?:of\\s+)?" + Month + "(?:,?\\s+" + Year + ")?)";

    /// <summary>Every date expression in <paramref name="sentence"/>; relative ones only when <paramref name="anchor"/> is known.</summary>
    public static IReadOnlyList<TemporalExpression> Find(string sentence, DateOnly? anchor)
    {
        if (!AnyDateWord().IsMatch(sentence))
        {
            return [];
        }

        // Most sentences hold few of the cues; one vectorised look per cue spares running the patterns that need it.
        var text = sentence.AsSpan();
        var digit = text.ContainsAnyInRange('0', '9');
        var span = text.ContainsAny(SpanWords);
        var weekday = text.ContainsAny(WeekdayNames);
        IEnumerable<Match> Scan(bool possible, Regex pattern) => possible ? pattern.Matches(sentence) : [];

        var found = new List<TemporalExpression>();
        var taken = new bool[sentence.Length];
        // Only a future cue before the date counts: "Speaking on Friday, he said: 'I am planning ...'" is past.
        bool FutureBefore(int index) => FutureCue().IsMatch(Unquoted().Replace(sentence[..index], ""));

        void Add(Match m, DateOnly start, DateOnly? end, DatePrecision precision, bool relative)
        {
            for (var i = m.Index; i < m.Index + m.Length; i++)
            {
                taken[i] = true;
            }

            var (reporting, anchorWord) = Context(sentence, m.Index, m.Length);
            found.Add(new TemporalExpression(start, end, precision, m.Value.Trim(), m.Index, relative, reporting, anchorWord));
        }

        bool Free(Match m)
        {
            for (var i = m.Index; i < m.Index + m.Length; i++)
            {
                if (taken[i])
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var m in Scan(span && digit, DayRange()))
        {
            var from = ParseDayMonth(m.Groups["a"].Value, anchor);
            var to = ParseDayMonth(m.Groups["b"].Value, anchor);
            if (from is { } a && to is { } b && Free(m))
            {
                if (b < a)
                {
                    b = b.AddYears(1);
                }

                Add(m, a, b, DatePrecision.Day, !YearIn(m.Value));
            }
        }

        foreach (var m in Scan(span && weekday, WeekdayRange()))
        {
            if (anchor is { } day && Free(m))
            {
                var tense = Tense(sentence, m.Index, FutureBefore(m.Index));
                var a = ResolveWeekday(Weekdays(m.Groups["a"].Value), day, tense);
                var b = a;
                while (b.DayOfWeek != Weekdays(m.Groups["b"].Value))
                {
                    b = b.AddDays(1);
                }

                Add(m, a, b, DatePrecision.Day, true);
            }
        }

        foreach (var m in Scan(digit, IsoDate()))
        {
            if (Free(m) && DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            {
                Add(m, iso, null, DatePrecision.Day, false);
            }
        }

        // Chinese dates: 2022年9月21日 (also with spaces, or 号 for 日), 9月21日 in the article's year, 2022年9月.
        foreach (var m in Scan(digit && text.Contains('月'), ChineseDate()))
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var stated = m.Groups["y"].Success;
            if (month is < 1 or > 12 || !Free(m) || (!stated && anchor is null))
            {
                continue;
            }

            var year = stated ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : Nearest(anchor!.Value, month);
            if (!m.Groups["d"].Success)
            {
                Add(m, new DateOnly(year, month, 1), null, DatePrecision.Month, !stated);
            }
            else if (int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) is var dayOfMonth && dayOfMonth >= 1 && dayOfMonth <= DateTime.DaysInMonth(year, month))
            {
                Add(m, new DateOnly(year, month, dayOfMonth), null, DatePrecision.Day, !stated);
            }
        }

        foreach (var m in Scan(digit, SingleDay()))
        {
            if (Free(m) && ParseDayMonth(m.Groups["d"].Value, anchor) is { } d)
            {
                Add(m, d, null, DatePrecision.Day, !YearIn(m.Value));
            }
        }

        foreach (var m in Scan(text.ContainsAny(FullMonthNames), MonthExpression()))
        {
            if (!Free(m))
            {
                continue;
            }

            var month = MonthNumber(m.Groups["m"].Value);
            if (month == 0 || (month == 5 && !m.Value.TrimStart().StartsWith("in", StringComparison.OrdinalIgnoreCase) && !m.Groups["y"].Success && !m.Groups["rel"].Success && !m.Groups["mod"].Success))
            {
                continue; // "may" is a verb far more often than a month
            }

            if (m.Groups["y"].Success)
            {
                Add(m, new DateOnly(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), month, 1), null, DatePrecision.Month, false);
                continue;
            }

            if (anchor is not { } day)
            {
                continue;
            }

            var rel = (m.Groups["rel"].Value + m.Groups["mod"].Value).ToLowerInvariant();
            int year;
            if (rel.Contains("last year", StringComparison.Ordinal))
            {
                year = day.Year - 1;
            }
            else if (rel.Contains("next year", StringComparison.Ordinal))
            {
                year = day.Year + 1;
            }
            else if (rel.Contains("this year", StringComparison.Ordinal))
            {
                year = day.Year;
            }
            else if (rel.StartsWith("last", StringComparison.Ordinal))
            {
                year = month < day.Month ? day.Year : day.Year - 1;
            }
            else if (rel.StartsWith("next", StringComparison.Ordinal))
            {
                year = month > day.Month ? day.Year : day.Year + 1;
            }
            else
            {
                year = Tense(sentence, m.Index, FutureBefore(m.Index)) switch
                {
                    1 => month >= day.Month ? day.Year : day.Year + 1,
                    -1 => month <= day.Month ? day.Year : day.Year - 1,
                    _ => Nearest(day, month),
                };
            }

            Add(m, new DateOnly(year, month, 1), null, DatePrecision.Month, true);
        }

        if (anchor is { } today)
        {
            foreach (var m in Scan(text.ContainsAny(RelativeCues), RelativeWords()))
            {
                if (!Free(m))
                {
                    continue;
                }

                var word = m.Groups["w"].Value.ToLowerInvariant();
                var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
                var monthStart = new DateOnly(today.Year, today.Month, 1);
                switch (word)
                {
                    case "yesterday": Add(m, today.AddDays(-1), null, DatePrecision.Day, true); break;
                    case "today" or "tonight" or "this morning" or "this afternoon" or "this evening": Add(m, today, null, DatePrecision.Day, true); break;
                    case "tomorrow": Add(m, today.AddDays(1), null, DatePrecision.Day, true); break;
                    case "last week": Add(m, monday.AddDays(-7), monday.AddDays(-1), DatePrecision.Day, true); break;
                    case "next week": Add(m, monday.AddDays(7), monday.AddDays(13), DatePrecision.Day, true); break;
                    case "this week" or "earlier this week" or "later this week": Add(m, monday, monday.AddDays(6), DatePrecision.Day, true); break;
                    case "last month": Add(m, monthStart.AddMonths(-1), null, DatePrecision.Month, true); break;
                    case "next month": Add(m, monthStart.AddMonths(1), null, DatePrecision.Month, true); break;
                    case "this month" or "earlier this month" or "later this month": Add(m, monthStart, null, DatePrecision.Month, true); break;
                    case "last year": Add(m, new DateOnly(today.Year - 1, 1, 1), null, DatePrecision.Year, true); break;
                    case "next year": Add(m, new DateOnly(today.Year + 1, 1, 1), null, DatePrecision.Year, true); break;
                    case "this year" or "earlier this year" or "later this year": Add(m, new DateOnly(today.Year, 1, 1), null, DatePrecision.Year, true); break;
                    default: break;
                }
            }

            foreach (var m in Scan(weekday, WeekdayWord()))
            {
                if (!Free(m))
                {
                    continue;
                }

                var mod = m.Groups["mod"].Value.ToLowerInvariant();
                var tense = mod == "last" ? -1 : mod == "next" ? 2
                    : CalledOff(sentence, m.Index + m.Length) ? 1
                    : Tense(sentence, m.Index, FutureBefore(m.Index));
                var d = ResolveWeekday(Weekdays(m.Groups["d"].Value), today, tense);
                Add(m, d, null, DatePrecision.Day, true);
            }
        }

        foreach (var m in Scan(digit, YearOnly()))
        {
            if (Free(m))
            {
                Add(m, new DateOnly(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), 1, 1), null, DatePrecision.Year, false);
            }
        }

        return found.OrderBy(e => e.Index).ToList();
    }

    /// <summary>
    /// "Sunday's match has been postponed": a day's event that is called off, put back or moved has not happened yet,
    /// so the day is the coming one, whatever the tense of the verb.
    /// </summary>
    private static bool CalledOff(string sentence, int afterDay) =>
        afterDay + 1 < sentence.Length && sentence[afterDay] is '\'' or '’' && sentence[afterDay + 1] is 's'
        && CalledOffVerb().IsMatch(sentence, afterDay);

    // -1 past, 1 future, 0 unknown. The words right before the date decide first ("said Saturday", "will visit on Tuesday").
    private static int Tense(string sentence, int index, bool sentenceFuture)
    {
        var words = WordsBefore(sentence, index, 5);
        if (words.Count > 0 && (ReportingVerbs.Contains(words[^1]) || (words.Count > 1 && words[^1] is "on" && (ReportingVerbs.Contains(words[^2]) || words[^2].EndsWith("ed", StringComparison.Ordinal)))))
        {
            return -1;
        }

        if (NearFuture().IsMatch(string.Join(' ', words)))
        {
            return 1;
        }

        if (words.Any(w => ReportingVerbs.Contains(w) || (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)))
        {
            return sentenceFuture && words.Any(w => w is "will" or "to") ? 1 : -1;
        }

        return sentenceFuture ? 1 : -1;
    }

    private static DateOnly ResolveWeekday(DayOfWeek weekday, DateOnly anchor, int tense)
    {
        var d = anchor;
        if (tense > 0)
        {
            // "next Tuesday" skips today; "on Tuesday" in future tense may be today.
            if (tense > 1)
            {
                d = d.AddDays(1);
            }

            while (d.DayOfWeek != weekday)
            {
                d = d.AddDays(1);
            }

            return d;
        }

        while (d.DayOfWeek != weekday)
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    private static int Nearest(DateOnly anchor, int month)
    {
        var back = (anchor.Month - month + 12) % 12;
        var ahead = (month - anchor.Month + 12) % 12;
        return back <= ahead
            ? (month <= anchor.Month ? anchor.Year : anchor.Year - 1)
            : (month >= anchor.Month ? anchor.Year : anchor.Year + 1);
    }

    private static DateOnly? ParseDayMonth(string text, DateOnly? anchor)
    {
        var m = DayMonthParts().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var month = MonthNumber(m.Groups["m"].Value);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        int year;
        if (m.Groups["y"].Success)
        {
            year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        else if (anchor is { } a)
        {
            year = a.Year;
            // A day and month without a year is the occurrence nearest the article's date.
            if (month - a.Month > 6)
            {
                year--;
            }
            else if (a.Month - month > 6)
            {
                year++;
            }
        }
        else
        {
            return null;
        }

        return month == 0 || day > DateTime.DaysInMonth(year, month) ? null : new DateOnly(year, month, day);
    }

    private static (bool Reporting, string? Anchor) Context(string sentence, int index, int length)
    {
        var before = WordsBefore(sentence, index, 3);
        var after = WordsAfter(sentence, index + length, 2);
        var reporting = before.Count > 0 && (ReportingVerbs.Contains(before[^1]) || (before[^1] is "on" or "in" && before.Count > 1 && ReportingVerbs.Contains(before[^2])));
        var verb = before.LastOrDefault(w => !Text.Tokens.StopWords.Contains(w) && w is not "on" and not "in" and not "from")
            ?? after.FirstOrDefault(w => !Text.Tokens.StopWords.Contains(w));
        if (reporting)
        {
            verb = "announced";
        }

        return (reporting, verb);
    }

    // The last few lower-cased words before a position (the same words Tokens.Words gives), read backwards from there
    // rather than tokenising the whole sentence again for every date it holds.
    private static List<string> WordsBefore(string sentence, int index, int count)
    {
        var words = new List<string>(count);
        var end = index;
        while (words.Count < count && end > 0)
        {
            while (end > 0 && !char.IsLetterOrDigit(sentence[end - 1]))
            {
                end--;
            }

            var start = end;
            while (start > 0 && (char.IsLetterOrDigit(sentence[start - 1]) || (IsJoiner(sentence[start - 1]) && start > 1 && char.IsLetterOrDigit(sentence[start - 2]) && char.IsLetterOrDigit(sentence[start]))))
            {
                start--;
            }

            if (start < end)
            {
                words.Insert(0, sentence[start..end].ToLowerInvariant());
            }

            end = start;
        }

        return words;
    }

    private static List<string> WordsAfter(string sentence, int index, int count)
    {
        var words = new List<string>(count);
        var start = index;
        while (words.Count < count && start < sentence.Length)
        {
            while (start < sentence.Length && !char.IsLetterOrDigit(sentence[start]))
            {
                start++;
            }

            var end = start;
            while (end < sentence.Length && (char.IsLetterOrDigit(sentence[end]) || (IsJoiner(sentence[end]) && end + 1 < sentence.Length && char.IsLetterOrDigit(sentence[end + 1]) && end > start)))
            {
                end++;
            }

            if (start < end)
            {
                words.Add(sentence[start..end].ToLowerInvariant());
            }

            start = end;
        }

        return words;
    }

    private static bool IsJoiner(char c) => c is '\'' or '’' or '.' or '-';

    private static bool YearIn(string text) => Regex.IsMatch(text, Year);

    private static DayOfWeek Weekdays(string name) =>
        (DayOfWeek)((Array.IndexOf(DayNames, name.ToLowerInvariant()) + 1) % 7);

    private static int MonthNumber(string name)
    {
        var key = name.TrimEnd('.').ToLowerInvariant();
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (key.Length >= 3 && MonthNames[i].StartsWith(key, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    // A quick test that lets most sentences skip the full set of date patterns.
    [GeneratedRegex(@"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|tonight|tomorrow|week|month|year|morning|afternoon|evening)", RegexOptions.IgnoreCase)]
    private static partial Regex AnyDateWord();

    [GeneratedRegex("[“\"][^”\"]*[”\"]?")]
    private static partial Regex Unquoted();

    // A modal that looks ahead ("could reach ... on Friday"), but not one that looks back ("may have met on Friday").
    [GeneratedRegex(@"\b(?:will|'ll|shall|is to|are to|set to|due to|scheduled|expected to|plans? to|planning to|going to|next|upcoming|(?:(?-i:may)|might|could)(?!\s+(?:have|not|never)\b|n't))\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureCue();

    [GeneratedRegex(@"\b(?:postponed|called off|cancel+ed|scrapped|put back|pushed back|brought forward|rescheduled|delayed|suspended)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CalledOffVerb();

    [GeneratedRegex(@"\b(?:will|'ll|shall|is to|are to|set to|due to|scheduled|expected|plans? to|planning|going to|to be|ahead)\b")]
    private static partial Regex NearFuture();

    [GeneratedRegex(@"\b(?:from|between)\s+(?<a>" + DayMonth + @")\s+(?:to|until|till|through|and|-|–)\s+(?<b>" + DayMonth + @")", RegexOptions.IgnoreCase)]
    private static partial Regex DayRange();

    [GeneratedRegex(@"\b(?:from|between)\s+(?<a>" + Weekday + @")\s+(?:to|until|till|through|and|-|–)\s+(?<b>" + Weekday + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeekdayRange();

    [GeneratedRegex(@"\b(?:on\s+)?(?:" + Weekday + @",?\s+)?(?<d>" + DayMonth + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex SingleDay();

    [GeneratedRegex(@"(?<m>" + Month + @")\s+(?<d>" + DayNumber + @")(?:st|nd|rd|th)?(?:,?\s+(?<y>" + Year + @"))?|(?<d>" + DayNumber + @")(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>" + Month + @")(?:,?\s+(?<y>" + Year + @"))?", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthParts();

    [GeneratedRegex(@"(?:(?<y>[12][0-9]{3})\s*年\s*)?(?<m>[0-9]{1,2})\s*月(?:\s*(?<d>[0-9]{1,2})\s*[日号])?")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"\b[12][0-9]{3}-[01][0-9]-[0-3][0-9]\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?:(?<rel>last|next|this|early|late|mid|since|until|by|in|during)[\s-]+)?(?<m>january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+(?<y>" + Year + @")|\s+(?<mod>last year|this year|next year))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthExpression();

    [GeneratedRegex(@"\b(?<w>yesterday|today|tonight|tomorrow|this morning|this afternoon|this evening|(?:earlier |later )?this week|last week|next week|(?:earlier |later )?this month|last month|next month|(?:earlier |later )?this year|last year|next year)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeWords();

    [GeneratedRegex(@"\b(?:(?:on|by|until|since)\s+)?(?:(?<mod>last|next|this)\s+)?(?<d>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeekdayWord();

    [GeneratedRegex(@"(?<![\d$£€.,])\b(?:in\s+)?(?<y>(?:19|20)[0-9]{2})\b(?![\d%.,]\d)")]
    private static partial Regex YearOnly();
}
