using Storyfold.Temporal;

namespace Storyfold.Brief;

/// <summary>
/// Dated events of the story: each sentence's main date (what happened, not when it was said, unless that is all it
/// gives), the same event from several articles merged with all their sources, in calendar order.
/// </summary>
internal sealed class TimelineBuilder(StoryAnalysis story, SummarySelector selector, CitationVerifier verifier, BriefOptions options)
{
    public IReadOnlyList<TimelineEvent> Build()
    {
        var events = new List<(TemporalExpression Date, AnalyzedSentence Sentence, List<AnalyzedSentence> Members)>();
        foreach (var s in story.Sentences.Where(s => s.IsBody))
        {
            var date = s.Dates.FirstOrDefault(d => !d.IsReporting && !Vague(d)) ?? s.Dates.FirstOrDefault(d => !Vague(d));
            if (date is null)
            {
                continue;
            }

            var index = events.FindIndex(e => e.Date.Precision == date.Precision && e.Date.Overlaps(date)
                && (SameEvent(e.Sentence, s) || (SameSpan(e.Date, date) && e.Sentence.Vector.Cosine(s.Vector) >= 0.1)));
            if (index < 0)
            {
                events.Add((date, s, [s]));
                continue;
            }

            var same = events[index];
            same.Members.Add(s);
            // The fullest statement of the event wins: a span over a single day, a plain sentence over a quote.
            if ((date.End is not null && same.Date.End is null) || (date.End == same.Date.End && date.Start == same.Date.Start && Worse(same.Sentence, s)))
            {
                events[index] = (date, s, same.Members);
            }
        }

        // Each event is told in the member sentence the most sources verifiably carry, and cites exactly those sources:
        // merging sentences by date never lends a citation to an article that states the fact differently.
        var told = events.Select(e =>
        {
            var best = e.Members
                .Where(m => m.Dates.Any(d => d.Overlaps(e.Date)))
                .Select(m => (Sentence: m, Sources: (IReadOnlyList<string>)selector.Cite(m)
                    .Concat(e.Members.Where(o => verifier.CarriedAround(m, o)).Select(o => o.ArticleId))
                    .Distinct(StringComparer.Ordinal).OrderBy(id => story.ById[id].Order).ToList()))
                .OrderByDescending(x => x.Sources.Count)
                .ThenBy(x => x.Sentence.Dates.Any(d => d.End == e.Date.End && d.Start == e.Date.Start) ? 0 : 1)
                .ThenBy(x => Worse(e.Sentence, x.Sentence) ? 0 : 1)
                .First();
            var date = best.Sentence.Dates.FirstOrDefault(d => d.Start == e.Date.Start && d.End == e.Date.End) ?? e.Date;
            return (Date: date, best.Sentence, best.Sources);
        }).ToList();

        return told
            .OrderByDescending(e => e.Sources.Count).ThenBy(e => e.Date.Start).Take(options.MaxTimelineEvents)
            .OrderBy(e => e.Date.Start).ThenBy(e => e.Date.Precision == DatePrecision.Day ? 1 : 0).ThenBy(e => e.Sentence.Id)
            .Select(e => new TimelineEvent(e.Date.StartIso, e.Date.EndIso, e.Date.PrecisionName, e.Sentence.Text, e.Sources))
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
        (current.QuoteShare > 0.3 || current.IsDangling) && candidate.QuoteShare <= 0.3 && !candidate.IsDangling;

    // "Last year" or "this week" alone date nothing precisely enough to put on a timeline.
    private static bool Vague(TemporalExpression date) =>
        date.IsRelative && (date.Precision == DatePrecision.Year || (date.End is { } end && end.DayNumber - date.Start.DayNumber == 6 && !date.Text.Contains("from", StringComparison.OrdinalIgnoreCase)));
}
