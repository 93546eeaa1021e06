using System.Globalization;
using System.Text.RegularExpressions;
using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Extraction;

/// <summary>Finds publication dates where pages show them: in bylines ("Published March 3, 2024"), in URLs (/2024/03/03/) and in attribute values.</summary>
internal static partial class TextDates
{
    /// <summary>An English month name, full or short ("jan", "sept", "October"), for the date patterns.</summary>
    private const string MonthName = @"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    /// <summary>A machine-readable date (ISO 8601, RFC 1123, Unix time) or a written one ("3 March 2024").</summary>
    public static PublicationDate? ParseValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 100)
        {
            return null;
        }

        var parsed = DateParsing.Parse(value);
        if (parsed is { } p && Plausible(p))
        {
            return p;
        }

        // "2024-03-03 10:00:00 +0000", "2024-03-03T10:00:00.000+0000" and other near-ISO forms.
        var iso = IsoPrefix().Match(value);
        if (iso.Success && MakeDay(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value) is { } day)
        {
            return day;
        }

        return FindInText(value);
    }

    /// <summary>
    /// The first written date in a short text, e.g. a byline. A numeric date such as 03/04/2024 is read month first
    /// when <paramref name="monthFirst"/> (the American order) and day first otherwise, unless one part cannot be a month.
    /// </summary>
    public static PublicationDate? FindInText(string text, bool monthFirst = true)
    {
        if (text.Length > 400)
        {
            text = text[..400];
        }

        if (!HasCenturyYear(text))
        {
            return null;
        }

        var match = WrittenDate().Match(text);
        if (match.Success)
        {
            var month = DatelineParser.MonthNumber(match.Groups["m1"].Success ? match.Groups["m1"].Value : match.Groups["m2"].Value);
            var day = match.Groups["d1"].Success ? match.Groups["d1"].Value : match.Groups["d2"].Value;
            if (month > 0 && MakeDay(match.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), day) is { } written)
            {
                return written;
            }
        }

        if (OtherLanguageDate(text) is { } otherLanguage)
        {
            return otherLanguage;
        }

        var iso = IsoInText().Match(text);
        if (iso.Success && MakeDay(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value) is { } isoDay)
        {
            return isoDay;
        }

        var cjk = CjkDate().Match(text);
        if (cjk.Success && MakeDay(cjk.Groups["y"].Value, cjk.Groups["m"].Value, cjk.Groups["d"].Value) is { } cjkDay)
        {
            return cjkDay;
        }

        var dotted = DottedDate().Match(text);
        if (dotted.Success && MakeDay(dotted.Groups["y"].Value, dotted.Groups["m"].Value, dotted.Groups["d"].Value) is { } dottedDay)
        {
            return dottedDay;
        }

        var slashed = SlashedDate().Match(text);
        if (slashed.Success)
        {
            var a = int.Parse(slashed.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(slashed.Groups["b"].Value, CultureInfo.InvariantCulture);
            var (month, day) = a > 12 ? (b, a) : b > 12 ? (a, b) : monthFirst ? (a, b) : (b, a);
            return MakeDay(slashed.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), day.ToString(CultureInfo.InvariantCulture));
        }

        return null;
    }

    /// <summary>The first day of a month named with its year and no day ("June 2022", "Sept. 2019"), else null.</summary>
    public static PublicationDate? FindMonthInText(string text)
    {
        var match = MonthAndYear().Match(text.Length > 400 ? text[..400] : text);
        return match.Success && DatelineParser.MonthNumber(match.Groups["m"].Value) is > 0 and var month
            ? MakeDay(match.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), "1")
            : null;
    }

    /// <summary>
    /// The other reading of a text's first date when it is written in numbers that can be read either way (09.10.2024,
    /// 03/04/2024: day and month both 12 or less), else null. Sites write numeric dates in their own order whatever
    /// the page's language, so a date the metadata declares can confirm either reading.
    /// </summary>
    public static PublicationDate? OtherReading(string text, bool monthFirst)
    {
        if (text.Length > 400)
        {
            text = text[..400];
        }

        if (!HasCenturyYear(text))
        {
            return null;
        }

        if (WrittenDate().IsMatch(text) || (HasOtherLanguageMonthBeforeYear(text) && OtherLanguageWrittenDate.IsMatch(text)) ||
            IsoInText().IsMatch(text) || CjkDate().IsMatch(text))
        {
            return null;
        }

        var dotted = DottedDate().Match(text);
        if (dotted.Success)
        {
            // Read day first above; the other reading puts the month first.
            return Transposed(dotted.Groups["y"].Value, dotted.Groups["d"].Value, dotted.Groups["m"].Value);
        }

        var slashed = SlashedDate().Match(text);
        if (!slashed.Success)
        {
            return null;
        }

        var (a, b) = (slashed.Groups["a"].Value, slashed.Groups["b"].Value);
        return monthFirst ? Transposed(slashed.Groups["y"].Value, b, a) : Transposed(slashed.Groups["y"].Value, a, b);
    }

    /// <summary>The date with <paramref name="month"/> and <paramref name="day"/> as given, when both could be a month and they differ.</summary>
    private static PublicationDate? Transposed(string year, string month, string day) =>
        int.TryParse(month, CultureInfo.InvariantCulture, out var m) && int.TryParse(day, CultureInfo.InvariantCulture, out var d) &&
        m is >= 1 and <= 12 && d is >= 1 and <= 12 && m != d
            ? MakeDay(year, month, day)
            : null;

    /// <summary>
    /// True when the page's language tag implies month-first numeric dates: American English (and English with
    /// no region, which on the web is most often American); other languages and regions write the day first.
    /// </summary>
    public static bool MonthFirst(string? languageTag) =>
        languageTag is null || languageTag.Trim().ToLowerInvariant() is "" or "en" or "en-us" or "en_us";

    /// <summary>A date in a URL path: /2024/03/03/, /2024-03-03-, /20240303/, /2024/march/03/.</summary>
    public static PublicationDate? FromUrl(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var match = UrlDate().Match(url);
        if (match.Success)
        {
            return MakeDay(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value);
        }

        // Some sites spell the month in the path: /2023/october/03/.
        var named = UrlDateWithMonthName().Match(url);
        return named.Success && DatelineParser.MonthNumber(named.Groups["m"].Value) is > 0 and var month
            ? MakeDay(named.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), named.Groups["d"].Value)
            : null;
    }

    /// <summary>
    /// The day a URL path names (see <see cref="FromUrl"/>), else the middle of the month it names without a day
    /// (/2008/12/slug), with <paramref name="monthOnly"/> saying so: blogs and many newsrooms file posts by month. The
    /// 15th is at most about two weeks from the true day, closer than no date at all for weighing the article against
    /// stories of its time; callers mark it inferred.
    /// </summary>
    public static PublicationDate? FromUrlOrMonth(string? url, out bool monthOnly)
    {
        monthOnly = false;
        if (url is null)
        {
            return null;
        }

        if (FromUrl(url) is { } day)
        {
            return day;
        }

        var match = UrlMonth().Match(url);
        var middle = match.Success ? MakeDay(match.Groups["y"].Value, match.Groups["m"].Value, "15") : null;
        monthOnly = middle is not null;
        return middle;
    }

    private static PublicationDate? MakeDay(string year, string month, string day)
    {
        if (!int.TryParse(year, CultureInfo.InvariantCulture, out var y) || !int.TryParse(month, CultureInfo.InvariantCulture, out var m) ||
            !int.TryParse(day, CultureInfo.InvariantCulture, out var d))
        {
            return null;
        }

        if (y is < 1990 or > 2100 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return null;
        }

        return PublicationDate.FromDay(new DateOnly(y, m, d));
    }

    /// <summary>
    /// The text with the dates it writes out ("Dec 17, 2025", "4 August 2010", "2025-12-17", "03/01/2017", "2025年12月17日")
    /// taken away: a byline sets the date beside the name.
    /// </summary>
    public static string WithoutDates(string text)
    {
        if (!HasCenturyYear(text))
        {
            return text;
        }

        var written = WrittenDate().Replace(text, " ");
        var otherLanguage = HasOtherLanguageMonthBeforeYear(written) ? OtherLanguageWrittenDate.Replace(written, " ") : written;
        return CjkDate().Replace(SlashedDate().Replace(DottedDate().Replace(IsoInText().Replace(otherLanguage, " "), " "), " "), " ");
    }

    /// <summary>
    /// The first date in the text written day first with a month named in German, French, Spanish, Italian, Portuguese,
    /// Dutch, a Scandinavian language or Russian: "28. Februar 2023", "1er mars 2023", "7 de diciembre de 2026",
    /// "3 de março de 2024", "3 maart 2024", "28 февраля 2023 г.". Those languages put the day first when they spell the
    /// month out, so there is no other reading.
    /// </summary>
    internal static PublicationDate? OtherLanguageDate(string text)
    {
        if (!HasOtherLanguageMonthBeforeYear(text))
        {
            // The pattern below is built at run time from some 180 month names and scans slowly; it can only match where
            // a year follows one of those names, which a cheap look finds first.
            return null;
        }

        var match = OtherLanguageWrittenDate.Match(text);
        return match.Success && OtherLanguageDates.Month(match.Groups["m"].Value) is { } month
            ? MakeDay(match.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), match.Groups["d"].Value)
            : null;
    }

    /// <summary>
    /// False when the text has no "19" or "20": every date form read here has a year of this century or the last, and
    /// most lines of a page have none, so the patterns need not run.
    /// </summary>
    private static bool HasCenturyYear(string text) =>
        text.Contains("20", StringComparison.Ordinal) || text.Contains("19", StringComparison.Ordinal);

    /// <summary>
    /// Whether a year (19xx or 20xx, as <see cref="OtherLanguageWrittenDate"/> reads it) has right before it, past the
    /// separators that pattern allows (a stop, a comma, spaces, "de" or "del"), a word that is a month name of those
    /// languages, or is one after a short ordinal mark ("erjanvier", "ºenero"), and a day before that name.
    /// </summary>
    private static bool HasOtherLanguageMonthBeforeYear(string text)
    {
        for (var at = 0; at + 4 <= text.Length; at++)
        {
            if (IsYearAt(text, at) && OtherLanguageMonthEndsAt(text, at))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsYearAt(string text, int at) =>
        ((text[at] == '1' && text[at + 1] == '9') || (text[at] == '2' && text[at + 1] == '0')) && char.IsDigit(text[at + 2]) &&
        char.IsDigit(text[at + 3]) && (at + 4 == text.Length || !char.IsDigit(text[at + 4]));

    private static bool OtherLanguageMonthEndsAt(string text, int year)
    {
        var p = year;
        var spaced = SkipSpacesBack(text, ref p);
        var word = LettersBefore(text, p);
        if (spaced && (word.Equals("de", StringComparison.OrdinalIgnoreCase) || word.Equals("del", StringComparison.OrdinalIgnoreCase)))
        {
            p -= word.Length;
            SkipSpacesBack(text, ref p);
        }

        if (p > 0 && text[p - 1] == ',')
        {
            p--;
            SkipSpacesBack(text, ref p);
        }

        if (p > 0 && text[p - 1] == '.')
        {
            p--;
        }

        var month = LettersBefore(text, p);
        for (var mark = 0; mark <= 2 && mark < month.Length; mark++)
        {
            if (OtherLanguageDates.IsMonth(month[mark..]) && HasDayBefore(text, p - month.Length + mark))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a digit (the day) comes before the month name that starts at <paramref name="start"/>, past no more than
    /// the pattern allows between them: an ordinal mark ("er", "º", a stop, a degree sign), spaces and "de", so four
    /// letters at most. A month and year with no day ("November 2024", which is English as well as German and Dutch)
    /// are left alone without running the pattern.
    /// </summary>
    private static bool HasDayBefore(string text, int start)
    {
        var letters = 0;
        for (var p = start; p > 0; p--)
        {
            var c = text[p - 1];
            if (char.IsDigit(c))
            {
                return true;
            }

            if (char.IsLetter(c) ? ++letters > 4 : !(char.IsWhiteSpace(c) || c is '.' or '°'))
            {
                return false;
            }
        }

        return false;
    }

    private static bool SkipSpacesBack(string text, ref int p)
    {
        var from = p;
        while (p > 0 && char.IsWhiteSpace(text[p - 1]))
        {
            p--;
        }

        return p < from;
    }

    private static ReadOnlySpan<char> LettersBefore(string text, int end)
    {
        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return text.AsSpan(start, end - start);
    }

    // Day (with the German stop, the French "1er", the Spanish "1º"), month, year; Spanish and Portuguese join them
    // with "de" ("7 de diciembre de 2026", "del 2026"). The longest names come first so "marzo" is not read as "mar".
    private static readonly Regex OtherLanguageWrittenDate = new(
        @"(?<![\p{L}\d.])(?<d>[0-3]?\d)(?:\.|er|ᵉʳ|º|°)?\s*(?:de\s+)?(?<m>" +
        OtherLanguageDates.MonthPattern +
        @")\.?(?!\p{L})\s*,?\s*(?:de\s+|del\s+)?(?<y>(?:19|20)\d{2})(?!\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static bool Plausible(PublicationDate date) => date.Value.Year is >= 1990 and <= 2100;

    [GeneratedRegex(@"^\s*(?<y>(?:19|20)\d{2})-(?<m>\d{1,2})-(?<d>\d{1,2})")]
    private static partial Regex IsoPrefix();

    // Year first with one separator throughout: 2024-03-03, 2024/03/03, and 2024.03.03 (written so in much of Asia
    // and on many blogs); a dotted one needs two-digit parts and nothing after it, so version numbers do not match.
    [GeneratedRegex(@"(?<![\d.-])(?<y>(?:19|20)\d{2})(?:(?<s>[-/])(?<m>[01]?\d)\k<s>(?<d>[0-3]?\d)(?!\d)|\.(?<m>[01]\d)\.(?<d>[0-3]\d)(?!\d|\.\d))")]
    private static partial Regex IsoInText();

    [GeneratedRegex(@"(?<![\d.])(?<d>[0-3]?\d)\.(?<m>[01]?\d)\.(?<y>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex DottedDate();

    // Chinese and Japanese write year, month and day with their characters (2023年2月25日, 2023 年 02 月 25 日); Korean
    // with its own (2023년 2월 25일). Chinese speech writes the day with 号. Unambiguous, so no other reading.
    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})\s*[年년]\s*(?<m>[01]?\d)\s*[月월]\s*(?<d>[0-3]?\d)\s*[日号號일]")]
    private static partial Regex CjkDate();

    [GeneratedRegex(@"(?<![\d/.])(?<a>[0-3]?\d)/(?<b>[0-3]?\d)/(?<y>(?:19|20)\d{2})(?![\d/])")]
    private static partial Regex SlashedDate();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/-]?(?<m>[01]\d)[/-]?(?<d>[0-3]\d)(?:[/_-]|\.html?|$)|/(?<y>(?:19|20)\d{2})/(?<m>[01]?\d)/(?<d>[0-3]?\d)/")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})/(?<m>0[1-9]|1[0-2])(?:/|$)")]
    private static partial Regex UrlMonth();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})/(?<m>" + MonthName + @")/(?<d>[0-3]?\d)/", RegexOptions.IgnoreCase)]
    private static partial Regex UrlDateWithMonthName();

    [GeneratedRegex(@"\b(?<m>" + MonthName + @")\.?,?\s+(?<y>(?:19|20)\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex MonthAndYear();

    [GeneratedRegex(@"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?:(?<d1>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?<m1>" + MonthName + @")\.?,?\s+(?<y>(?:19|20)\d{2})|(?<m2>" + MonthName + @")\.?\s+(?<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d{2}))(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDate();
}
