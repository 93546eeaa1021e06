using System.Text.RegularExpressions;

namespace Storyfold.Feeds;

/// <summary>Rewrites the date forms feeds get wrong (a wrong weekday, zone names, comments) into ones the date parser reads.</summary>
internal static partial class FeedDates
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = "+00:00", ["UTC"] = "+00:00", ["GMT"] = "+00:00", ["Z"] = "+00:00", ["WET"] = "+00:00",
        ["BST"] = "+01:00", ["IST"] = "+05:30", ["CET"] = "+01:00", ["CEST"] = "+02:00", ["MET"] = "+01:00",
        ["EET"] = "+02:00", ["EEST"] = "+03:00", ["MSK"] = "+03:00", ["JST"] = "+09:00", ["KST"] = "+09:00",
        ["AEST"] = "+10:00", ["AEDT"] = "+11:00", ["NZST"] = "+12:00", ["NZDT"] = "+13:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
    };

    public static string Normalise(string text)
    {
        var value = Comment().Replace(text, "").Trim();
        // The weekday is redundant and often wrong; .NET refuses a date whose weekday does not match.
        value = Weekday().Replace(value, "");
        value = value.Replace(" at ", " ", StringComparison.OrdinalIgnoreCase).Replace(',', ' ');
        var zone = TrailingZone().Match(value);
        if (zone.Success && Zones.TryGetValue(zone.Groups["zone"].Value, out var offset))
        {
            value = value[..zone.Index] + " " + offset;
        }

        var numeric = NumericZone().Match(value);
        if (numeric.Success)
        {
            value = $"{value[..numeric.Index]} {numeric.Groups["sign"].Value}{numeric.Groups["h"].Value}:{numeric.Groups["m"].Value}";
        }

        return MultipleSpaces().Replace(value, " ").Trim();
    }

    [GeneratedRegex(@"\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\s+(?<zone>[A-Za-z]{1,5})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingZone();

    [GeneratedRegex(@"\s*(?<sign>[+-])(?<h>\d{2}):?(?<m>\d{2})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex MultipleSpaces();
}
