using System.Globalization;
using Storyfold.Temporal;
using Storyfold.Text;

namespace Storyfold.Brief;

/// <summary>
/// Sorts the story's facts into what two or more sources agree on, what only one reports, and where sources give
/// different values (dates, numbers, people in the same role) for what is otherwise the same statement.
/// </summary>
internal sealed class ClaimFinder(StoryAnalysis story, SummarySelector selector, BriefOptions options)
{
    public BriefClaims Find()
    {
        var informative = story.Sentences.Where(Informative).ToList();
        var cited = informative.ToDictionary(s => s.Id, selector.Cite);

        var agreed = new List<(AnalyzedSentence Sentence, IReadOnlyList<string> Sources)>();
        // Only sentences that share terms can be near repeats: other articles' come from the precomputed neighbours
        // (their threshold is below the ones here), the same article's are few; no scan over every claim kept so far.
        var agreedAt = new Dictionary<int, int>();
        var agreedByArticle = new Dictionary<int, List<int>>();
        foreach (var s in informative
                     .Where(s => cited[s.Id].Count > 1)
                     .OrderByDescending(s => cited[s.Id].Count)
                     .ThenBy(s => s.Loaded)
                     .ThenBy(s => s.QuoteShare)
                     .ThenBy(s => s.RelativePosition)
                     .ThenBy(s => s.Id))
        {
            // One fact, one claim: a near-repeat, or a looser paraphrase that adds no source, is left out.
            bool Repeats(int index, double c) => c > SummarySelector.RedundancyThreshold || (c > 0.2 && cited[s.Id].All(agreed[index].Sources.Contains));
            var repeats = story.Neighbours[s.Id].Any(n => agreedAt.TryGetValue(n.Id, out var index) && Repeats(index, n.Cosine))
                || (agreedByArticle.TryGetValue(s.ArticleOrder, out var same) && same.Any(index => Repeats(index, agreed[index].Sentence.Vector.Cosine(s.Vector))));
            if (repeats)
            {
                continue;
            }

            agreedAt[s.Id] = agreed.Count;
            (agreedByArticle.TryGetValue(s.ArticleOrder, out var list) ? list : agreedByArticle[s.ArticleOrder] = []).Add(agreed.Count);
            agreed.Add((s, cited[s.Id]));
        }

        var unique = new List<AnalyzedSentence>();
        foreach (var group in informative
                     .Where(s => cited[s.Id].Count == 1 && !story.Neighbours[s.Id].Any(n => n.Cosine >= 0.5))
                     .GroupBy(s => s.ArticleOrder))
        {
            var kept = new List<AnalyzedSentence>();
            foreach (var s in group.OrderByDescending(Informativeness).ThenBy(s => s.Position))
            {
                if (kept.Count >= options.MaxUniquePerSource)
                {
                    break;
                }

                if (kept.Any(k => k.Vector.Cosine(s.Vector) > SummarySelector.RedundancyThreshold))
                {
                    continue;
                }

                kept.Add(s);
            }

            unique.AddRange(kept.OrderBy(s => s.Position));
        }

        return new BriefClaims(
            agreed.Select(a => new CitedText(a.Sentence.Text, a.Sources)).ToList(),
            unique.OrderBy(s => s.ArticleOrder).ThenBy(s => s.Position).Select(s => new CitedText(s.Text, [s.ArticleId])).ToList(),
            Conflicts());
    }

    private static bool Informative(AnalyzedSentence s) =>
        s.IsBody && s.Words is >= 8 and <= 70 && s.QuoteShare < 0.7 && !s.Text.EndsWith('?') && (!s.IsDangling || s.OpensWithDefiniteReference)
        && (s.EntityKeys.Count > 0 || s.Numbers.Count > 0 || s.Dates.Count > 0);

    private static double Informativeness(AnalyzedSentence s) =>
        s.EntityKeys.Count + 1.5 * s.Numbers.Count + s.Dates.Count(d => !d.IsReporting) + 0.5 * s.PlaceKeys.Count - 2 * s.QuoteShare;

    /// <summary>Where sources give different values for the same statement; needs no citations, so callers that want only these skip them.</summary>
    internal List<ClaimConflict> Conflicts()
    {
        // about -> value -> (text, sources)
        var found = new Dictionary<string, Dictionary<string, (string Text, SortedSet<string> Sources)>>(StringComparer.Ordinal);
        void Add(string about, string value, AnalyzedSentence s)
        {
            if (!found.TryGetValue(about, out var versions))
            {
                found[about] = versions = new Dictionary<string, (string, SortedSet<string>)>(StringComparer.Ordinal);
            }

            if (!versions.TryGetValue(value, out var version))
            {
                versions[value] = version = (s.Text, new SortedSet<string>(StringComparer.Ordinal));
            }

            version.Sources.Add(s.ArticleId);
        }

        foreach (var s in story.Sentences.Where(s => s.IsCandidate))
        {
            foreach (var (id, cosine) in story.Neighbours[s.Id])
            {
                var t = story.Sentences[id];
                if (t.ArticleOrder <= s.ArticleOrder || !t.IsCandidate)
                {
                    continue;
                }

                var sharedNames = s.EntityKeys.Intersect(t.EntityKeys).ToList();
                foreach (var ds in s.Dates.Where(d => d.Precision == DatePrecision.Day))
                {
                    foreach (var dt in t.Dates.Where(d => d.Precision == DatePrecision.Day))
                    {
                        if (ds.Overlaps(dt) || t.Dates.Any(o => o.Overlaps(ds)) || s.Dates.Any(o => o.Overlaps(dt)))
                        {
                            continue;
                        }

                        string? about = null;
                        var sharedPeople = sharedNames.Where(k => story.EntityByKey[k].Type == "person").ToList();
                        if (ds.IsReporting && dt.IsReporting && cosine >= 0.15 && sharedPeople.Count > 0)
                        {
                            var who = Reporter(s.Text, ds);
                            if (who.Length > 0 && string.Equals(who, Reporter(t.Text, dt), StringComparison.OrdinalIgnoreCase))
                            {
                                about = $"When the {who} announced it (about {Names(sharedPeople)})";
                            }
                        }
                        else if (!ds.IsReporting && !dt.IsReporting && cosine >= CitationVerifier.SameFactThreshold && sharedNames.Count > 0
                                 && ds.Anchor is not null && ds.Anchor == dt.Anchor)
                        {
                            about = $"Date of '{ds.Anchor}' ({Names(sharedNames)})";
                        }
                        else if (!ds.IsReporting && !dt.IsReporting && sharedNames.Count > 0 && IsLead(s) && IsLead(t)
                                 && OnlyEventDay(s) && OnlyEventDay(t) && !LaterDevelopment(s, ds, t, dt) && SameSubject(s, t))
                        {
                            // Two outlets' leads tell the main event in their own words ("Storm Idris tore along the coast
                            // late on Tuesday", "Storm Idris came ashore early on Wednesday"), so the words the dates hang
                            // on differ: the same subject opening both leads, each dating it once, makes it one event.
                            about = $"When it happened ({Names(sharedNames)})";
                        }

                        if (about is not null)
                        {
                            Add(about, DateValue(ds), s);
                            Add(about, DateValue(dt), t);
                        }
                    }
                }

                // Two counts of people at one named place ("450 people had been evacuated from the Millbrook estate",
                // "about 300 residents of the Millbrook estate were evacuated") rarely share more words than that, so they
                // are compared from a lower similarity than other counts.
                var peopleOnly = cosine < CitationVerifier.SameFactThreshold;
                var counts = cosine >= PeopleCountThreshold && (!peopleOnly || sharedNames.Count > 0) ? s.Numbers : [];
                foreach (var qs in counts.Where(q => q.Unit.Length > 0 && (!peopleOnly || q.CountsPeople)))
                {
                    foreach (var qt in t.Numbers.Where(q => q.SameKind(qs) && !q.SameValue(qs)))
                    {
                        if (t.Numbers.Any(qs.SameValue) || s.Numbers.Any(qt.SameValue))
                        {
                            continue;
                        }

                        var about = $"How many: {(qs.CountsPeople ? "people" : qs.Unit)} ({Names(sharedNames)})";
                        Add(about, qs.Text, s);
                        Add(about, qt.Text, t);
                    }
                }

                if (cosine >= CitationVerifier.SameFactThreshold)
                {
                    foreach (var ms in s.Mentions.Where(m => m.Role is not null && m.Type == "person"))
                    {
                        foreach (var mt in t.Mentions.Where(m => m.Type == "person" && string.Equals(m.Role, ms.Role, StringComparison.OrdinalIgnoreCase)))
                        {
                            var ks = KeyOf(ms);
                            var kt = KeyOf(mt);
                            if (ks is null || kt is null || ks == kt || t.EntityKeys.Contains(ks) || s.EntityKeys.Contains(kt))
                            {
                                continue;
                            }

                            var about = $"Who is the {ms.Role}";
                            Add(about, ms.Name, s);
                            Add(about, mt.Name, t);
                        }
                    }
                }
            }
        }

        return found
            .Where(f => f.Value.Count > 1)
            .Select(f => new ClaimConflict(f.Key, f.Value
                .OrderBy(v => v.Value.Sources.Min, StringComparer.Ordinal)
                .Select(v => new ConflictVersion(v.Key, v.Value.Text, v.Value.Sources.ToList())).ToList()))
            .ToList();
    }

    private const double PeopleCountThreshold = 0.25;

    /// <summary>One of the first two sentences of its article: where an outlet tells the main event.</summary>
    private static bool IsLead(AnalyzedSentence s) => s.Position <= 1;

    /// <summary>True when the sentence dates one event to a day: a single day-precise date that is not when it was said.</summary>
    private static bool OnlyEventDay(AnalyzedSentence s) =>
        s.Dates.Count(d => !d.IsReporting) == 1 && s.Dates.Single(d => !d.IsReporting).Precision == DatePrecision.Day;

    /// <summary>
    /// True when the later of two dated events comes from an article published on a later day than the other: a new
    /// development told by a later report ("all freed by Friday morning", the next day), not two versions of one event.
    /// </summary>
    private bool LaterDevelopment(AnalyzedSentence s, TemporalExpression ds, AnalyzedSentence t, TemporalExpression dt)
    {
        var (early, late) = ds.Start <= dt.Start ? (s, t) : (t, s);
        return story.Articles[late.ArticleOrder].Anchor is { } lateDay && story.Articles[early.ArticleOrder].Anchor is { } earlyDay
            && lateDay > earlyDay;
    }

    /// <summary>
    /// True when two sentences open with a word in common ("Storm Idris ...", "... eleven miners"): the first few
    /// content words of each stand for its subject. False when one lead is about the storm and the other about the army.
    /// </summary>
    private static bool SameSubject(AnalyzedSentence s, AnalyzedSentence t)
    {
        var other = Tokens.ContentTerms(t.Text).Take(SubjectWords).ToHashSet(StringComparer.Ordinal);
        return Tokens.ContentTerms(s.Text).Take(SubjectWords).Any(other.Contains);
    }

    private const int SubjectWords = 3;

    private string? KeyOf(Entities.EntityMention mention) => story.KeyOfMention.GetValueOrDefault(mention);

    private string Names(IEnumerable<string> keys) =>
        string.Join(", ", keys.Select(k => story.EntityByKey[k].Name).Take(3));

    private static string DateValue(TemporalExpression date) =>
        date.Start.DayOfWeek.ToString() + " " + date.StartIso + (date.EndIso is { } end ? " to " + end : "");

    // Who made the announcement: the few words before the reporting verb ("the Chinese foreign ministry said Saturday").
    private static string Reporter(string text, TemporalExpression date)
    {
        var words = Tokens.Words(text[..date.Index]).ToList();
        while (words.Count > 0 && (words[^1].ToLowerInvariant() is "on" or "in" or "has" or "have" or "a" or "statement" || words[^1].ToLowerInvariant().EndsWith("ed", StringComparison.Ordinal) || words[^1].ToLowerInvariant() is "said" or "says" or "told"))
        {
            words.RemoveAt(words.Count - 1);
        }

        var who = new List<string>();
        for (var i = words.Count - 1; i >= 0 && who.Count < 4; i--)
        {
            var w = words[i].ToLowerInvariant();
            if (w is "the" or "a" or "an" or "," || Tokens.StopWords.Contains(w))
            {
                break;
            }

            who.Insert(0, w);
        }

        return string.Join(' ', who).ToLower(CultureInfo.InvariantCulture);
    }
}
