using System.Globalization;
using System.Text.RegularExpressions;
using Storyfold.News;

namespace Storyfold.Text;

/// <summary>
/// Recognises a line that is only a publication date stamp, in the many ways outlets write one:
/// <c>25 February 2023, 09:10 | Updated: 25 February 2023, 09:13</c>, <c>March 3, 2024 at 5:12 p.m. EST</c>,
/// <c>Updated 5:12 PM EST, Sun March 3, 2024</c>, <c>Published: 2024-03-03</c>, <c>2023年2月25日 09:10</c>.
/// The line must consist of date words only (months, weekdays, numbers, times, zones, "published"/"updated");
/// a sentence that merely mentions a date is not a dateline. Numeric dates are read too (<c>Posted 2/3/2009 11:11 PM</c>,
/// <c>Last updated 13:26 14/09/2013</c>, <c>2012.08.08</c>, <c>08.07.2012</c>), also as tokenised text writes them
/// (<c>2 / 3 / 2009</c>, <c>10:55 P. M.</c>); see <see cref="NormaliseNumericDates"/> for month-first and day-first.
/// A press release's heading (<c>FOR IMMEDIATE RELEASE July 13, 2009</c>) and a wire stamp's four-digit clock
/// (<c>POSTED: 1052 GMT (1852 HKT), April 10, 2007</c>) are read too, and so is an agency's dateline that names the place
/// and signs with its tag (<c>Washington D. C., Jul 13, 2009 / 02:00 pm (CNA)</c>).
/// </summary>
internal static partial class DatelineParser
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly HashSet<string> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday",
        "sat", "saturday", "sun", "sunday",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "published", "updated", "posted", "modified", "last", "first", "at", "on", "-", "–", "—", "and", "date", "time",
        "@", "hrs", "created", "release", "originally", "story", "article",
    };

    /// <summary>Zones written without a fixed offset (US Eastern or Pacific time through the year, UK time): the day is sure, the instant not.</summary>
    private static readonly HashSet<string> ZoneWords = new(StringComparer.OrdinalIgnoreCase) { "et", "pt", "ct", "mt", "akst", "akdt", "hst", "uk" };

    /// <summary>Zones with a known offset; a time with one of these is an instant, without one only the day is sure.</summary>
    private static readonly Dictionary<string, TimeSpan> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gmt"] = TimeSpan.Zero, ["utc"] = TimeSpan.Zero, ["z"] = TimeSpan.Zero, ["bst"] = TimeSpan.FromHours(1),
        ["cet"] = TimeSpan.FromHours(1), ["cest"] = TimeSpan.FromHours(2), ["est"] = TimeSpan.FromHours(-5),
        ["edt"] = TimeSpan.FromHours(-4), ["cst"] = TimeSpan.FromHours(-6), ["cdt"] = TimeSpan.FromHours(-5),
        ["mst"] = TimeSpan.FromHours(-7), ["mdt"] = TimeSpan.FromHours(-6), ["pst"] = TimeSpan.FromHours(-8),
        ["pdt"] = TimeSpan.FromHours(-7), ["jst"] = TimeSpan.FromHours(9), ["hkt"] = TimeSpan.FromHours(8),
        ["sgt"] = TimeSpan.FromHours(8), ["aest"] = TimeSpan.FromHours(10), ["aedt"] = TimeSpan.FromHours(11),
        ["ist"] = new TimeSpan(5, 30, 0), ["msk"] = TimeSpan.FromHours(3), ["eet"] = TimeSpan.FromHours(2),
    };

    /// <summary>The date of a dateline, or null when the line is anything else.</summary>
    public static PublicationDate? Parse(string line)
    {
        // Only a slashed date writes its year in two digits (12/16/08): any other line without a four-digit year is no
        // dateline, and most lines end here before the numeric rewrites.
        if (line.Length is < 6 or > 100 || (!ContainsYear(line) && !line.Contains('/')))
        {
            return null;
        }

        line = FrenchClock().Replace(NormaliseNumericDates(line), "${h}:${m}");
        if (!ContainsYear(line))
        {
            return null;
        }

        // A press release opens with its release date: "FOR IMMEDIATE RELEASE July 13, 2009". Only at the start of the
        // line, where it heads the release; further in, the words are part of a sentence.
        if (ImmediateRelease().Match(line) is { Success: true } release)
        {
            line = line[release.Length..];
        }

        // An agency's dateline names the place before the date and signs with its tag after it:
        // "Washington D. C., Jul 13, 2009 / 02:00 pm (CNA)". Both must be there, so a name before a date is not enough.
        if (AgencyTag().Match(line) is { Success: true } tag && PlaceBeforeDate().Match(line) is { Success: true } place && place.Length < tag.Index)
        {
            line = line[place.Length..tag.Index];
        }

        if (CjkDate().Match(line) is { Success: true } cjk)
        {
            return FromParts(Number(cjk.Groups["y"].Value), Number(cjk.Groups["m"].Value), Number(cjk.Groups["d"].Value));
        }

        int? day = null, month = null, year = null, hour = null, minute = null;
        TimeSpan? zone = null;
        var pendingDay = (int?)null;
        var tokens = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i].TrimEnd(':', '.');
            if (token.Length == 0 || Keywords.Contains(token) || Weekdays.Contains(token) || OtherLanguageDates.IsStampWord(token))
            {
                continue;
            }

            if (MonthOf(token) is { } m)
            {
                month ??= m;
                if (pendingDay is { } d && day is null)
                {
                    day = d;
                }

                continue;
            }

            if (IsoDate().Match(token) is { Success: true } iso)
            {
                if (year is null)
                {
                    (year, month, day) = (Number(iso.Groups["y"].Value), Number(iso.Groups["m"].Value), Number(iso.Groups["d"].Value));
                    if (iso.Groups["hh"].Success)
                    {
                        (hour, minute) = (Number(iso.Groups["hh"].Value), Number(iso.Groups["mm"].Value));
                        zone ??= iso.Groups["z"].Value switch
                        {
                            "" => null,
                            "Z" or "z" => TimeSpan.Zero,
                            var given => TimeSpan.TryParse(given.TrimStart('+'), CultureInfo.InvariantCulture, out var span) ? span : null,
                        };
                    }
                }

                continue;
            }

            if (ClockTime().Match(token) is { Success: true } time)
            {
                if (hour is null)
                {
                    hour = Number(time.Groups["hh"].Value);
                    minute = time.Groups["mm"].Success ? Number(time.Groups["mm"].Value) : 0;
                    hour = ApplyMeridiem(hour.Value, time.Groups["ampm"].Value);
                }

                continue;
            }

            if (token.Equals("am", StringComparison.OrdinalIgnoreCase) || token.Equals("a.m", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (token.Equals("pm", StringComparison.OrdinalIgnoreCase) || token.Equals("p.m", StringComparison.OrdinalIgnoreCase))
            {
                hour = hour is { } h && h < 12 ? h + 12 : hour;
                continue;
            }

            if (ZoneOf(token) is { } offset)
            {
                zone ??= offset;
                continue;
            }

            if (ZoneWords.Contains(token))
            {
                continue;
            }

            if (BeforeZone(tokens, i) && FourDigitClock(token) is { } clock && !IsYearAfterMonthDay(tokens, i, month, year))
            {
                // A wire stamp writes the clock in four digits before its zone ("POSTED: 1052 GMT (1852 HKT), April 10, 2007").
                // It is a clock only when another number is the year; alone it could be either, and a wrong date is worse than none.
                if (!HasYearBesides(tokens, i))
                {
                    return null;
                }

                if (hour is null)
                {
                    (hour, minute) = clock;
                }

                continue;
            }

            if (DayNumber(token) is { } dayNumber)
            {
                if (dayNumber >= 1900)
                {
                    year ??= dayNumber;
                }
                else if (month is not null && day is null)
                {
                    day = dayNumber;
                }
                else
                {
                    pendingDay = dayNumber;
                }

                continue;
            }

            // Any other word means this line says something besides the date.
            return null;
        }

        if (day is null || month is null || year is null || FromParts(year.Value, month.Value, day.Value) is not { } date)
        {
            return null;
        }

        if (hour is { } hh && minute is { } mm && zone is { } z && hh < 24 && mm < 60)
        {
            return new PublicationDate(new DateTimeOffset(year.Value, month.Value, day.Value, hh, mm, 0, z), true);
        }

        return date;
    }

    /// <summary>
    /// Rewrites a numeric date as ISO (<c>yyyy-mm-dd</c>), splits a year run into a clock time ("2012-4:43 pm") or a day
    /// ("November 27-2005"), and joins a spaced meridiem ("P. M.") or dotted clock ("22. 34 BST"). Dots between day, month and year are day first (as in Europe), dots after a year year
    /// first. With slashes, a first number over 12 is the day and a second over 12 the day; when both could be the month,
    /// a 12-hour clock or a North American zone on the line says month first (US style), a 24-hour clock past noon or a
    /// European or Asian zone says day first, and with neither or both the line is left alone (so it is no dateline):
    /// a wrong date is worse than none.
    /// </summary>
    internal static string NormaliseNumericDates(string line)
    {
        if (!line.AsSpan().ContainsAny('/', '.', '-'))
        {
            return line;
        }

        line = SpacedMeridiem().Replace(line, "$1$2");
        line = YearThenClock().Replace(line, "${y} ${t}");
        line = DayThenYear().Replace(line, "${d} ${y}");
        line = DottedYearFirst().Replace(line, m => Iso(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) ?? m.Value);
        line = DottedDayFirst().Replace(line, m => Iso(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) ?? m.Value);
        line = SpacedDottedClock().Replace(line, "${h}:${m}");
        return Slashed().Replace(line, m =>
        {
            var (a, b) = (Number(m.Groups["a"].Value), Number(m.Groups["b"].Value));
            var (y, first, second) = (m.Groups["y"].Value, m.Groups["a"].Value, m.Groups["b"].Value);
            if (a > 12 || b > 12 || a == b)
            {
                return (a > 12 ? Iso(y, second, first) : Iso(y, first, second)) ?? m.Value;
            }

            var monthFirst = MonthFirstHint().IsMatch(line);
            var dayFirst = DayFirstHint().IsMatch(line);
            return monthFirst == dayFirst ? m.Value : (monthFirst ? Iso(y, first, second) : Iso(y, second, first)) ?? m.Value;
        });
    }

    /// <summary>An ISO date of the parts (a two-digit year is 2000-2069 or 1970-1999), or null when there is no such day.</summary>
    private static string? Iso(string year, string month, string day)
    {
        var y = Number(year);
        y = year.Length == 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
        return FromParts(y, Number(month), Number(day)) is null ? null : $"{y:D4}-{Number(month):D2}-{Number(day):D2}";
    }

    internal static int MonthNumber(string name) => MonthOf(name) ?? 0;

    private static int? MonthOf(string token)
    {
        if (token.Length < 3)
        {
            return null;
        }

        if (!token.All(char.IsAsciiLetter))
        {
            return OtherLanguageDates.Month(token);
        }

        var index = Array.FindIndex(Months, m => token.StartsWith(m, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return OtherLanguageDates.Month(token);
        }

        // Either the abbreviation (Sep, Sept) or the whole name, never another word that starts alike (Marching, Mayor);
        // else a name in another language that starts as an English one does ("marzo", "juni", "oktober").
        var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(index + 1);
        var ok = token.Length <= 4 ? full.StartsWith(token, StringComparison.OrdinalIgnoreCase) : full.Equals(token, StringComparison.OrdinalIgnoreCase);
        return ok ? index + 1 : OtherLanguageDates.Month(token);
    }

    private static int? DayNumber(string token)
    {
        var ordinal = token.Length > 2 && (token.EndsWith("st", StringComparison.OrdinalIgnoreCase) || token.EndsWith("nd", StringComparison.OrdinalIgnoreCase)
            || token.EndsWith("rd", StringComparison.OrdinalIgnoreCase) || token.EndsWith("th", StringComparison.OrdinalIgnoreCase)
            || token.EndsWith("er", StringComparison.OrdinalIgnoreCase));
        // The Spanish and Portuguese first of the month: "1º", "1°".
        var digits = ordinal ? token[..^2] : token.Length > 1 && token[^1] is 'º' or '°' ? token[..^1] : token;
        if (digits.Length is 0 or 3 or > 4 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var value = Number(digits);
        return digits.Length == 4 ? (value is >= 1900 and <= 2099 ? value : null) : value is >= 1 and <= 31 ? value : null;
    }

    /// <summary>Hours and minutes of a clock written as four digits (<c>1052</c>, <c>0300</c>), or null.</summary>
    private static (int Hour, int Minute)? FourDigitClock(string token) =>
        token.Length == 4 && token.All(char.IsAsciiDigit) && Number(token[..2]) < 24 && Number(token[2..]) < 60
            ? (Number(token[..2]), Number(token[2..]))
            : null;

    private static bool BeforeZone(string[] tokens, int index) =>
        index + 1 < tokens.Length && tokens[index + 1].TrimEnd(':', '.') is var next && (ZoneOf(next) is not null || ZoneWords.Contains(next));

    /// <summary>
    /// Whether the four digits at <paramref name="index"/> stand where a year follows its month and day
    /// (<c>April 10, 2007 GMT</c>): there they are the year, even before a zone.
    /// </summary>
    private static bool IsYearAfterMonthDay(string[] tokens, int index, int? month, int? year) =>
        month is not null && year is null && index > 0 && DayNumber(tokens[index - 1].TrimEnd(',', '.')) is >= 1 and <= 31
        && DayNumber(tokens[index]) >= 1900;

    /// <summary>Whether a token other than the one at <paramref name="index"/> gives the year: a year number not itself before a zone, or an ISO date.</summary>
    private static bool HasYearBesides(string[] tokens, int index)
    {
        for (var j = 0; j < tokens.Length; j++)
        {
            var token = tokens[j].TrimEnd(':', '.');
            if (j != index && ((DayNumber(token) >= 1900 && !BeforeZone(tokens, j)) || IsoDate().IsMatch(token)))
            {
                return true;
            }
        }

        return false;
    }

    private static TimeSpan? ZoneOf(string token)
    {
        if (Zones.TryGetValue(token, out var offset))
        {
            return offset;
        }

        var match = ZoneOffset().Match(token);
        if (!match.Success)
        {
            return null;
        }

        var hours = Number(match.Groups["h"].Value);
        var minutes = match.Groups["m"].Success ? Number(match.Groups["m"].Value) : 0;
        var span = new TimeSpan(hours, minutes, 0);
        return match.Groups["sign"].Value == "-" ? -span : span;
    }

    private static int ApplyMeridiem(int hour, string ampm)
    {
        if (ampm.Length == 0)
        {
            return hour;
        }

        var pm = ampm.StartsWith('p') || ampm.StartsWith('P');
        return pm && hour < 12 ? hour + 12 : !pm && hour == 12 ? 0 : hour;
    }

    private static PublicationDate? FromParts(int year, int month, int day) =>
        year is >= 1900 and <= 2099 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? PublicationDate.FromDay(new DateOnly(year, month, day))
            : null;

    private static bool ContainsYear(string line)
    {
        var run = 0;
        foreach (var c in line)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 4)
            {
                return true;
            }
        }

        return false;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // A slash left after numeric dates became ISO ones separates two stamps ("published ... / updated ...").
    private static readonly char[] Separators = [' ', ',', '|', '•', '·', '(', ')', '[', ']', '\t', '/'];

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[T ](?<hh>\d{1,2}):(?<mm>\d{2})(?::\d{2}(?:\.\d+)?)?(?<z>Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<hh>\d{1,2})(?:[:.](?<mm>\d{2})(?::\d{2})?(?<ampm>[ap](?:\.?m)?)?|(?<ampm>[ap]\.?m))$", RegexOptions.IgnoreCase)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"^(?:gmt|utc)(?<sign>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ZoneOffset();

    [GeneratedRegex(@"^[^\d]{0,12}(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日[\s\d:：.|\-–—更新发布時时間间]*$")]
    private static partial Regex CjkDate();

    // A clock as French writes it: "10h32", "à 9 h 05".
    [GeneratedRegex(@"(?<![\d:])(?<h>[01]?\d|2[0-3])\s?h\s?(?<m>[0-5]\d)(?!\d)")]
    private static partial Regex FrenchClock();

    [GeneratedRegex(@"^for\s+immediate\s+release\b\s*[:\-–—]?", RegexOptions.IgnoreCase)]
    private static partial Regex ImmediateRelease();

    [GeneratedRegex(@"^(?:[A-Z][A-Za-z'’-]*\.?\s?){1,4},")]
    private static partial Regex PlaceBeforeDate();

    [GeneratedRegex(@"\(\s*[A-Z]{2,8}\s*\)\s*$")]
    private static partial Regex AgencyTag();

    [GeneratedRegex(@"\b([ap])\.\s*(m)\.", RegexOptions.IgnoreCase)]
    private static partial Regex SpacedMeridiem();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})\s*-\s*(?<t>\d{1,2}:\d{2})")]
    private static partial Regex YearThenClock();

    [GeneratedRegex(@"(?<![\d-])(?<d>\d{1,2})-(?<y>(?:19|20)\d{2})(?![\d-])")]
    private static partial Regex DayThenYear();

    [GeneratedRegex(@"(?<![\d.:])(?<h>[01]?\d|2[0-3])\.\s(?<m>[0-5]\d)(?![\d.])")]
    private static partial Regex SpacedDottedClock();

    [GeneratedRegex(@"(?<![\d.])(?<y>(?:19|20)\d{2})\.\s*(?<m>\d{1,2})\.\s*(?<d>\d{1,2})(?![\d:])")]
    private static partial Regex DottedYearFirst();

    [GeneratedRegex(@"(?<![\d.])(?<d>\d{1,2})\.\s*(?<m>\d{1,2})\.\s*(?<y>(?:19|20)\d{2})(?![\d.])")]
    private static partial Regex DottedDayFirst();

    [GeneratedRegex(@"(?<![\d/])(?<a>\d{1,2})\s*/\s*(?<b>\d{1,2})\s*/\s*(?<y>(?:19|20)\d{2}|\d{2})(?![\d/])")]
    private static partial Regex Slashed();

    [GeneratedRegex(@"(?:\d\s*|\b)[ap]\.?m\b|\b(?:e[sd]t|c[sd]t|m[sd]t|p[sd]t|ak[sd]t|et|pt|ct)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthFirstHint();

    [GeneratedRegex(@"\b(?:1[3-9]|2[0-3]):[0-5]\d\b|\b(?:gmt|bst|cet|cest|eet|uk|ist|sgt|hkt|jst|aest|aedt|msk)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayFirstHint();
}
