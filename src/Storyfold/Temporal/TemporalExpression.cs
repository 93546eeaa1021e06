using System.Globalization;

namespace Storyfold.Temporal;

/// <summary>How exactly a date is known.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>A date or span found in text and resolved to the calendar.</summary>
/// <param name="Text">The words as written ("on Friday", "from February 28 to March 2").</param>
/// <param name="IsReporting">True when the date says when something was said or announced ("said Saturday").</param>
/// <param name="Anchor">The verb or noun the date hangs on ("announced", "visit"), lower-case, for comparing like with like.</param>
public sealed record TemporalExpression(
    DateOnly Start, DateOnly? End, DatePrecision Precision, string Text, int Index, bool IsRelative, bool IsReporting, string? Anchor)
{
    /// <summary>ISO form at the expression's precision: <c>2023-02-28</c>, <c>2022-09</c> or <c>2022</c>.</summary>
    public string StartIso => Format(Start, Precision);

    public string? EndIso => End is { } end ? Format(end, Precision) : null;

    public string PrecisionName => Precision.ToString().ToLowerInvariant();

    public bool Overlaps(TemporalExpression other) =>
        Start <= (other.End ?? other.LastDay) && other.Start <= (End ?? LastDay);

    /// <summary>The last day the expression covers.</summary>
    public DateOnly LastDay => End ?? Precision switch
    {
        DatePrecision.Month => Start.AddMonths(1).AddDays(-1),
        DatePrecision.Year => new DateOnly(Start.Year, 12, 31),
        _ => Start,
    };

    public static string Format(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => date.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>Human form: "Friday 24 February 2023", "September 2022", "2020".</summary>
    public string Describe() => Precision switch
    {
        DatePrecision.Year => Start.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => End is { } end
            ? $"{Start.ToString("ddd d MMM", CultureInfo.InvariantCulture)} – {end.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}"
            : Start.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
    };
}
