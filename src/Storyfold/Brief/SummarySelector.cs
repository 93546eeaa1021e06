using System.Text.RegularExpressions;
using Storyfold.Text;

namespace Storyfold.Brief;

/// <summary>
/// Picks the summary: sentences close to what the whole story is about, reported by several sources, early in their
/// articles and plainly worded, without repeating a fact, up to the word budget; then orders them to read well.
/// </summary>
internal sealed partial class SummarySelector(StoryAnalysis story, CitationVerifier verifier)
{
    public const double RedundancyThreshold = 0.4;

    public IReadOnlyList<(AnalyzedSentence Sentence, IReadOnlyList<string> Sources)> Select(int words)
    {
        var titles = story.Vectorise(story.Articles.SelectMany(a => Tokens.ContentTerms(a.Article.Title)));
        var scored = story.Sentences.Where(s => s.IsCandidate)
            .Select(s => (Sentence: s, Score: Score(s, titles)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Sentence.Id)
            .ToList();

        // Facts as word pairs and words: how many articles state each, so that a sentence is worth what it adds that
        // other sources also report and the summary has not said yet (concept coverage, after Gillick and Favre 2009).
        var others = story.Articles.Count - 1;
        var shared = new Dictionary<long, int>();
        var inArticle = new HashSet<long>();
        foreach (var article in story.Articles)
        {
            inArticle.Clear();
            foreach (var sentence in article.Sentences)
            {
                inArticle.UnionWith(Concepts(sentence.Terms));
            }

            foreach (var concept in inArticle)
            {
                shared[concept] = shared.GetValueOrDefault(concept) + 1;
            }
        }

        var conceptsOf = scored.ToDictionary(x => x.Sentence.Id, x => Concepts(
            string.Equals(x.Sentence.Trimmed, x.Sentence.Text, StringComparison.Ordinal) ? x.Sentence.Terms : Tokens.ContentTerms(x.Sentence.Trimmed).ToList()).Distinct().ToArray());
        var covered = new HashSet<long>();
        double Gain(AnalyzedSentence sentence)
        {
            if (others == 0)
            {
                return 0;
            }

            var gain = 0.0;
            foreach (var concept in conceptsOf[sentence.Id])
            {
                if (!covered.Contains(concept))
                {
                    gain += (shared.GetValueOrDefault(concept) - 1.0) / others * (concept >= 1L << 32 ? 0.1 : 0.3);
                }
            }

            // Per word, softened: a long sentence must add more, but the budget is not spent on fragments.
            return gain / Math.Sqrt(Math.Max(1, Length(sentence)) / 20.0);
        }

        var chosen = new List<AnalyzedSentence>();
        var total = 0;
        var remaining = scored.ToList();
        while (total < words * 0.85 && remaining.Count > 0)
        {
            // Greedy, with a cost for a second sentence from an article already used: a story brief draws on its sources.
            var best = remaining
                .Where(x => chosen.Count == 0 || total + Length(x.Sentence) <= words * 1.15)
                .Where(x => !chosen.Any(c => c.Vector.Cosine(x.Sentence.Vector) > RedundancyThreshold))
                .Select(x => (x.Sentence, Score: x.Score + 0.3 * Gain(x.Sentence) - 0.15 * chosen.Count(c => c.ArticleOrder == x.Sentence.ArticleOrder)))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Sentence.Id)
                .FirstOrDefault();
            if (best.Sentence is null)
            {
                break;
            }

            chosen.Add(best.Sentence);
            covered.UnionWith(conceptsOf[best.Sentence.Id]);
            total += Length(best.Sentence);
            remaining.RemoveAll(x => x.Sentence.Id == best.Sentence.Id);
        }

        var cited = chosen.Select(s => (Sentence: s, Sources: Cite(s))).ToList();
        // Facts several sources share first, each group in the order the articles tell the story.
        return cited
            .OrderByDescending(c => c.Sources.Count > 1)
            .ThenBy(c => Dangling(c.Sentence.Text))
            .ThenBy(c => c.Sentence.RelativePosition)
            .ThenBy(c => c.Sentence.Id)
            .Select(c => (c.Sentence, c.Sources))
            .ToList();
    }

    private static int Length(AnalyzedSentence s) => s.TrimmedWords;

    // A word is its term id; a pair of adjacent words packs both ids into one number (first id + 1 in the high half).
    private IEnumerable<long> Concepts(IReadOnlyList<string> terms)
    {
        var previous = -1L;
        foreach (var term in terms)
        {
            if (!story.TermIds.TryGetValue(term, out var id))
            {
                previous = -1;
                continue;
            }

            yield return id;
            if (previous >= 0)
            {
                yield return ((previous + 1) << 32) | (uint)id;
            }

            previous = id;
        }
    }

    public static string Text(AnalyzedSentence s) => s.Trimmed;

    private readonly Dictionary<int, IReadOnlyList<string>> _cited = [];

    /// <summary>The articles that verifiably carry the sentence's fact (remembered: claims and timeline ask again).</summary>
    public IReadOnlyList<string> Cite(AnalyzedSentence sentence)
    {
        if (_cited.TryGetValue(sentence.Id, out var known))
        {
            return known;
        }

        var candidates = story.SameFact[sentence.Id].Keys.Select(order => story.Articles[order].Article.Id).Prepend(sentence.ArticleId);
        return _cited[sentence.Id] = verifier.VerifiedSources(sentence, candidates);
    }

    public double Score(AnalyzedSentence s, SparseVector titles)
    {
        var others = story.Articles.Count - 1;
        var support = others == 0 ? 0 : (double)story.SameFact[s.Id].Count / others;
        var position = s.Position == 0 ? 1 : 0.5 / Math.Sqrt(1 + s.Position);
        var consensus = others == 0 || s.Vector.Ids.Length == 0 ? 0
            : s.Vector.Ids.Average(id => (story.ArticleFrequency[id] - 1.0) / others);
        return 0.6 * consensus + s.Vector.Cosine(story.Centroid)
            + 0.4 * support
            + 0.35 * position
            + 0.2 * s.Vector.Cosine(titles)
            - s.Loaded
            - 0.3 * s.QuoteShare
            - (Dangling(s.Text) ? 0.25 : 0);
    }

    /// <summary>A sentence that leans on one before it ("He said", "It also") reads badly out of context.</summary>
    public static bool Dangling(string text) => DanglingStart().IsMatch(text);

    [GeneratedRegex(@"^[""“‘']?(?:he|she|it(?! comes\b)|they|his|her|its|their|this|these|those|that|but|and|also|however|meanwhile|still|yet|so|instead|such)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingStart();
}
