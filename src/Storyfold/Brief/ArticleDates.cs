using Storyfold.News;
using Storyfold.Temporal;
using Storyfold.Text;

namespace Storyfold.Brief;

/// <summary>
/// The day each article's relative dates resolve against: its publication date, or for an undated article one inferred
/// from the story (the middle of its dated articles) and kept consistent with the dates its own text gives.
/// </summary>
public static class ArticleDates
{
    public static IReadOnlyList<(DateOnly? Day, bool Inferred)> Anchors(IReadOnlyList<Article> articles)
    {
        var known = articles.Where(a => a.Published is not null && !a.PublishedInferred).Select(a => a.Published!.Value.Day).Order().ToList();
        DateOnly? storyDay = known.Count > 0 ? known[(known.Count - 1) / 2] : null;
        return articles.Select(a => a.Published is { } p && !a.PublishedInferred ? (p.Day, false) : Infer(a, storyDay)).ToList();
    }

    /// <summary>A day for an undated article: the story's middle day, moved so that it is not after a date the text calls
    /// future nor before one it calls past; with no story dates, the latest full date the text mentions.</summary>
    public static (DateOnly? Day, bool Inferred) Infer(Article article, DateOnly? storyDay)
    {
        DateOnly? notAfter = null;
        DateOnly? notBefore = null;
        DateOnly? latestStated = null;
        foreach (var sentence in SentenceSplitter.Split(article.Text))
        {
            var future = sentence.Text.Contains(" will ", StringComparison.OrdinalIgnoreCase) || sentence.Text.Contains(" is to ", StringComparison.OrdinalIgnoreCase);
            foreach (var date in TemporalResolver.Find(sentence.Text, storyDay))
            {
                if (date.IsRelative && storyDay is null || date.Precision != DatePrecision.Day || IsWeekdayOrRelativeWord(date.Text))
                {
                    continue;
                }

                if (!date.IsRelative)
                {
                    latestStated = latestStated is { } l && l > date.Start ? l : date.Start;
                }

                if (future)
                {
                    notAfter = notAfter is { } n && n < date.Start ? n : date.Start;
                }
                else
                {
                    notBefore = notBefore is { } b && b > date.LastDay ? b : date.LastDay;
                }
            }
        }

        var day = storyDay ?? latestStated;
        if (day is null)
        {
            return (null, false);
        }

        if (notAfter is { } upper && day > upper)
        {
            day = upper.AddDays(-1);
        }

        if (notBefore is { } lower && day < lower && (notAfter is null || lower <= notAfter))
        {
            day = lower;
        }

        return (day, true);
    }

    private static bool IsWeekdayOrRelativeWord(string text) =>
        !text.Any(char.IsDigit);
}
