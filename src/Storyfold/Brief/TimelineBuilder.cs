using Storyfold.Temporal;

namespace Storyfold.Brief;

/// <summary>
/// Dated events of the story: each sentence's main date (what happened, not when it was said, unless that is all it
/// gives), the same event from several articles merged with all their sources, in calendar order.
/// </summary>
internal sealed class TimelineBuilder(StoryAnalysis story, SummarySelector selector, BriefOptions options)
{
    public IReadOnlyList<TimelineEvent> Build()
    {
        var events = new List<(TemporalExpression Date, AnalyzedSentence Sentence, SortedSet<string> Sources)>();
        foreach (var s in story.Sentences.Where(s => s.IsBody))
        {
            var date = s.Dates.FirstOrDefault(d => !d.IsReporting && !Vague(d)) ?? s.Dates.FirstOrDefault(d => !Vague(d));
            if (date is null)
            {
                continue;
            }

            var sources = selector.Cite(s).Append(s.ArticleId);
            var index = events.FindIndex(e => e.Date.Precision == date.Precision && e.Date.Overlaps(date)
                && (SameEvent(e.Sentence, s) || (SameSpan(e.Date, date) && e.Sentence.Vector.Cosine(s.Vector) >= 0.1)));
            if (index < 0)
            {
                events.Add((date, s, new SortedSet<string>(sources, StringComparer.Ordinal)));
                continue;
            }

            var same = events[index];
            same.Sources.UnionWith(sources);
            // The fullest statement of the event wins: a span over a single day, a plain sentence over a quote.
            if ((date.End is not null && same.Date.End is null) || (date.End == same.Date.End && date.Start == same.Date.Start && Worse(same.Sentence, s)))
            {
                events[index] = (date, s, same.Sources);
            }
        }

        return events
            .OrderByDescending(e => e.Sources.Count).ThenBy(e => e.Date.Start).Take(options.MaxTimelineEvents)
            .OrderBy(e => e.Date.Start).ThenBy(e => e.Date.Precision == DatePrecision.Day ? 1 : 0).ThenBy(e => e.Sentence.Id)
            .Select(e => new TimelineEvent(e.Date.StartIso, e.Date.EndIso, e.Date.PrecisionName, e.Sentence.Text, e.Sources.ToList()))
            .ToList();
    }

    // Two sentences giving the same multi-day span or the same month are about one event unless they share nothing.
    private static bool SameSpan(TemporalExpression a, TemporalExpression b) =>
        a.Start == b.Start && a.End == b.End && (a.End is not null || a.Precision == DatePrecision.Month);

    private static bool SameEvent(AnalyzedSentence a, AnalyzedSentence b)
    {
        var cosine = a.Vector.Cosine(b.Vector);
        return cosine >= CitationVerifier.SameFactThreshold
            || (cosine >= 0.12 && a.EntityKeys.Intersect(b.EntityKeys).Any());
    }

    private static bool Worse(AnalyzedSentence current, AnalyzedSentence candidate) =>
        (current.QuoteShare > 0.3 || SummarySelector.Dangling(current.Text)) && candidate.QuoteShare <= 0.3 && !SummarySelector.Dangling(candidate.Text);

    // "Last year" or "this week" alone date nothing precisely enough to put on a timeline.
    private static bool Vague(TemporalExpression date) =>
        date.IsRelative && (date.Precision == DatePrecision.Year || (date.End is { } end && end.DayNumber - date.Start.DayNumber == 6 && !date.Text.Contains("from", StringComparison.OrdinalIgnoreCase)));
}
