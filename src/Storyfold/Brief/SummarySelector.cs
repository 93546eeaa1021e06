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

        var chosen = new List<AnalyzedSentence>();
        var total = 0;
        foreach (var (sentence, _) in scored)
        {
            if (total >= words * 0.85)
            {
                break;
            }

            if (chosen.Count > 0 && total + sentence.Words > words * 1.15)
            {
                continue;
            }

            if (chosen.Any(c => c.Vector.Cosine(sentence.Vector) > RedundancyThreshold))
            {
                continue;
            }

            chosen.Add(sentence);
            total += sentence.Words;
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

    public IReadOnlyList<string> Cite(AnalyzedSentence sentence)
    {
        var candidates = story.Neighbours[sentence.Id]
            .Where(n => n.Cosine >= CitationVerifier.SameFactThreshold)
            .Select(n => story.Sentences[n.Id].ArticleId)
            .Prepend(sentence.ArticleId);
        return verifier.VerifiedSources(sentence, candidates);
    }

    public double Score(AnalyzedSentence s, SparseVector titles)
    {
        var others = story.Articles.Count - 1;
        var support = others == 0 ? 0 : (double)story.Neighbours[s.Id]
            .Where(n => n.Cosine >= CitationVerifier.SameFactThreshold)
            .Select(n => story.Sentences[n.Id].ArticleOrder).Distinct().Count() / others;
        var position = 1 / Math.Sqrt(1 + s.Position);
        return s.Vector.Cosine(story.Centroid)
            + 0.4 * support
            + 0.35 * position
            + 0.2 * s.Vector.Cosine(titles)
            - 1.0 * LoadedLanguage.Score(s.Text)
            - 0.3 * s.QuoteShare
            - (Dangling(s.Text) ? 0.25 : 0);
    }

    /// <summary>A sentence that leans on one before it ("He said", "It also") reads badly out of context.</summary>
    public static bool Dangling(string text) => DanglingStart().IsMatch(text);

    [GeneratedRegex(@"^[""“‘']?(?:he|she|it(?! comes\b)|they|his|her|its|their|this|these|those|that|but|and|also|however|meanwhile|still|yet|so|instead|such)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingStart();
}
