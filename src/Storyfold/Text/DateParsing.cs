using System.Globalization;
using Storyfold.News;

namespace Storyfold.Text;

/// <summary>Reads publication dates as sources write them: ISO 8601, RFC 822/1123, slashed dates, Unix seconds.</summary>
public static class DateParsing
{
    private static readonly string[] ExactFormats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'UT'",
        "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "ddd, dd MMM yyyy HH:mm:ss zzz",
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd", "yyyy.MM.dd", "yyyyMMdd",
    ];

    /// <summary>A date from text in any of the supported forms, or null when it cannot be read or is impossible.</summary>
    public static PublicationDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (PublicationDate.TryParseIso(text) is { } iso)
        {
            return iso;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && text.Length is 10 or 13)
        {
            var instant = text.Length == 13 ? DateTimeOffset.FromUnixTimeMilliseconds(seconds) : DateTimeOffset.FromUnixTimeSeconds(seconds);
            return new PublicationDate(instant, true);
        }

        // RFC 822 zones such as EST or +0000 that .NET does not read directly.
        var normalised = NormaliseZone(text);
        if (DateTimeOffset.TryParseExact(normalised, ExactFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var exact))
        {
            return new PublicationDate(exact, exact.TimeOfDay != TimeSpan.Zero || normalised.Contains(':'));
        }

        if (DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var loose))
        {
            var hasTime = normalised.Contains(':');
            return hasTime ? new PublicationDate(loose, true) : PublicationDate.FromDay(DateOnly.FromDateTime(loose.DateTime));
        }

        return null;
    }

    private static string NormaliseZone(string text)
    {
        string[][] zones =
        [
            ["EST", "-05:00"], ["EDT", "-04:00"], ["CST", "-06:00"], ["CDT", "-05:00"], ["MST", "-07:00"],
            ["MDT", "-06:00"], ["PST", "-08:00"], ["PDT", "-07:00"], ["UTC", "+00:00"], ["GMT", "+00:00"], ["Z", "+00:00"],
        ];
        foreach (var zone in zones)
        {
            if (text.EndsWith(" " + zone[0], StringComparison.Ordinal))
            {
                return text[..^zone[0].Length] + zone[1];
            }
        }

        // "+0000" -> "+00:00"
        if (text.Length > 6 && (text[^5] is '+' or '-') && text[^4..].All(char.IsAsciiDigit))
        {
            return string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        }

        return text;
    }
}
