using System.Globalization;

namespace Storyfold.News;

/// <summary>When an article was published: a day, or a full instant when the time is known.</summary>
public readonly record struct PublicationDate(DateTimeOffset Value, bool HasTime)
{
    public static PublicationDate FromDay(DateOnly day) =>
        new(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), false);

    public DateOnly Day => DateOnly.FromDateTime(Value.DateTime);

    /// <summary>ISO 8601: <c>2023-02-25</c>, or <c>2023-02-25T09:10:00+00:00</c> when the time is known.</summary>
    public string ToIso() => HasTime
        ? Value.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)
        : Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A key that sorts chronologically as text (UTC instant).</summary>
    public string SortKey => Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Parses the ISO forms produced by <see cref="ToIso"/> and common ISO 8601 variants.</summary>
    public static PublicationDate? TryParseIso(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return FromDay(day);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var instant))
        {
            return new PublicationDate(instant, true);
        }

        return null;
    }

    public override string ToString() => ToIso();
}
