using System.Text.RegularExpressions;
using Storyfold.Text;

namespace Storyfold.Brief;

/// <summary>
/// Picks the summary: sentences close to what the whole story is about and to what the other outlets put in their
/// headlines, reported by several sources, early in their articles and plainly worded, without repeating a fact, up
/// to the word budget; then orders them to read well.
/// </summary>
internal sealed partial class SummarySelector(StoryAnalysis story, CitationVerifier verifier)
{
    public const double RedundancyThreshold = 0.4;

    /// <summary>
    /// Weight of a sentence's likeness to the headlines of the other outlets: what several editors chose to headline is
    /// the common ground a neutral summary states (the sentence's own headline is in the all-titles term already).
    /// </summary>
    private const double OtherHeadlinesWeight = 0.4;

    /// <summary>
    /// Cost of another outlet's lead per lead already chosen: every lead states the story's main event, so after one,
    /// a second mostly says it again in other words (which the cosine test misses when the wording differs).
    /// </summary>
    private const double RepeatedLeadCost = 0.1;

    /// <summary>
    /// The budget is at most this share of the longest article, so that with the greedy fill's overshoot (up to 1.15
    /// times the budget) a summary stays about as long as the longest account at most, and condenses it when it is short.
    /// </summary>
    private const double LongestFit = 0.9;

    /// <param name="words">About how many words the summary runs to.</param>
    /// <param name="outvoted">Sentences not to use: a version of a disputed fact that fewer sources give.</param>
    public IReadOnlyList<(AnalyzedSentence Sentence, IReadOnlyList<string> Sources)> Select(int words, IReadOnlySet<string>? outvoted = null)
    {
        var titles = story.Vectorise(story.Articles.SelectMany(a => Tokens.ContentTerms(a.Article.Title)));
        // Every candidate is compared with the same two vectors: look their weights up instead of merging id lists.
        var centroid = story.Centroid.ToDense(story.TermIds.Count);
        var titleWeights = titles.ToDense(story.TermIds.Count);
        var otherHeadlines = new OtherHeadlines(story);
        var scored = new List<(AnalyzedSentence Sentence, double Score)>();
        // Sentences in the brief's language only, unless the story offers none.
        var inLanguage = story.Sentences.Any(s => s.IsCandidate && story.WritesInBriefLanguage(s.ArticleOrder));
        foreach (var s in story.Sentences)
        {
            if (s.IsCandidate && (!inLanguage || story.WritesInBriefLanguage(s.ArticleOrder)) && outvoted?.Contains(s.Text) != true)
            {
                scored.Add((s, Score(s, centroid, titleWeights) + OtherHeadlinesWeight * otherHeadlines.Likeness(s)));
            }
        }

        scored.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Sentence.Id.CompareTo(y.Sentence.Id));
        words = Math.Min(words, (int)Math.Round(LongestFit * LongestArticle(inLanguage)));

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

        // Each candidate's concepts with what each is worth, worked out once; the greedy loop then only checks coverage.
        var conceptsOf = new (long Concept, double Worth)[scored.Count][];
        var seen = new HashSet<long>();
        for (var i = 0; i < scored.Count; i++)
        {
            seen.Clear();
            var concepts = new List<(long, double)>();
            foreach (var concept in Concepts(scored[i].Sentence.TrimmedTerms))
            {
                if (seen.Add(concept))
                {
                    concepts.Add((concept, others == 0 ? 0 : (shared.GetValueOrDefault(concept) - 1.0) / others * (concept >= 1L << 32 ? 0.1 : 0.3)));
                }
            }

            conceptsOf[i] = [.. concepts];
        }

        var covered = new HashSet<long>();
        double Gain(int candidate)
        {
            if (others == 0)
            {
                return 0;
            }

            var gain = 0.0;
            foreach (var (concept, worth) in conceptsOf[candidate])
            {
                if (!covered.Contains(concept))
                {
                    gain += worth;
                }
            }

            // Per word, softened: a long sentence must add more, but the budget is not spent on fragments.
            return gain / Math.Sqrt(Math.Max(1, Length(scored[candidate].Sentence)) / 20.0);
        }

        var chosen = new List<AnalyzedSentence>();
        var usedPerArticle = new int[story.Articles.Count];
        var taken = new bool[scored.Count];
        var total = 0;
        // An article's lead is its first sentence a summary may use (a caption or dateline before it is no lead).
        var leadIds = story.Articles.Select(a => a.Sentences.FirstOrDefault(x => x.IsCandidate)?.Id ?? -1).ToHashSet();
        var leads = 0;
        while (total < words * 0.85)
        {
            // Greedy, with a cost for a second sentence from an article already used: a story brief draws on its sources.
            var best = -1;
            var bestScore = 0.0;
            for (var i = 0; i < scored.Count; i++)
            {
                var sentence = scored[i].Sentence;
                if (taken[i] || (chosen.Count > 0 && total + Length(sentence) > words * 1.15) || Redundant(sentence, chosen))
                {
                    continue;
                }

                var score = scored[i].Score + 0.3 * Gain(i) - 0.15 * usedPerArticle[sentence.ArticleOrder]
                    - (leadIds.Contains(sentence.Id) ? RepeatedLeadCost * leads : 0);
                if (best < 0 || score > bestScore || (score == bestScore && sentence.Id < scored[best].Sentence.Id))
                {
                    best = i;
                    bestScore = score;
                }
            }

            if (best < 0)
            {
                break;
            }

            var pick = scored[best].Sentence;
            chosen.Add(pick);
            taken[best] = true;
            usedPerArticle[pick.ArticleOrder]++;
            leads += leadIds.Contains(pick.Id) ? 1 : 0;
            foreach (var (concept, _) in conceptsOf[best])
            {
                covered.Add(concept);
            }

            total += Length(pick);
        }

        var cited = chosen.Select(s => (Sentence: s, Sources: CiteShown(s))).ToList();
        // Facts several sources share first (the issue's rule, and what a reader should meet first), each group in the
        // order the articles tell the story, a sentence that leans on an earlier one after the others of its group.
        return cited
            .OrderByDescending(c => c.Sources.Count > 1)
            .ThenBy(c => c.Sentence.IsDangling)
            .ThenBy(c => c.Sentence.RelativePosition)
            .ThenBy(c => c.Sentence.Id)
            .Select(c => (c.Sentence, c.Sources))
            .ToList();
    }

    /// <summary>
    /// Words in the longest article the summary may draw on. A summary of a story is no longer than the longest account
    /// of it (the budget is <see cref="LongestFit"/> of it): when every outlet runs a few lines, a summary padded to the
    /// requested length only repeats them.
    /// </summary>
    private int LongestArticle(bool inLanguage)
    {
        var longest = 0;
        foreach (var article in story.Articles)
        {
            if (!inLanguage || story.WritesInBriefLanguage(article.Order))
            {
                longest = Math.Max(longest, article.Sentences.Sum(s => s.Words));
            }
        }

        return longest;
    }

    /// <summary>
    /// Says again what a chosen sentence says: close in words, or the sentence of its article that the citation of a
    /// chosen sentence rests on ("A 58-year-old man died when a tree fell on his car" once "The driver died when a
    /// falling tree struck his car" cites that article).
    /// </summary>
    private bool Redundant(AnalyzedSentence sentence, List<AnalyzedSentence> chosen)
    {
        foreach (var c in chosen)
        {
            if (c.Vector.Cosine(sentence.Vector) > RedundancyThreshold)
            {
                return true;
            }

            if (c.ArticleOrder != sentence.ArticleOrder && (RestsOn(c, sentence) || RestsOn(sentence, c)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sources of a summary sentence as the summary shows it (trimmed, so without its dropped attribution).</summary>
    private IReadOnlyList<string> CiteShown(AnalyzedSentence sentence)
    {
        if (string.Equals(sentence.Trimmed, sentence.Text, StringComparison.Ordinal))
        {
            return Cite(sentence);
        }

        return verifier.VerifiedSources(sentence, CandidateSources(sentence), sentence.Trimmed);
    }

    /// <summary>Whether <paramref name="cited"/>'s citation of <paramref name="other"/>'s article rests on <paramref name="other"/>.</summary>
    private bool RestsOn(AnalyzedSentence cited, AnalyzedSentence other) =>
        story.SameFact[cited.Id].TryGetValue(other.ArticleOrder, out var matches) && matches[0].Id == other.Id
        && Cite(cited).Contains(other.ArticleId);

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

        return _cited[sentence.Id] = verifier.VerifiedSources(sentence, CandidateSources(sentence));
    }

    /// <summary>The sentence's own article and every article with a same-fact passage: the sources worth checking.</summary>
    private IEnumerable<string> CandidateSources(AnalyzedSentence sentence) =>
        story.SameFact[sentence.Id].Keys.Select(order => story.Articles[order].Article.Id).Prepend(sentence.ArticleId);

    /// <summary>How many of the other articles use the sentence's words, on average over its words.</summary>
    private double Consensus(AnalyzedSentence s)
    {
        var others = story.Articles.Count - 1;
        var consensus = 0.0;
        if (others != 0 && s.Vector.Ids.Length != 0)
        {
            foreach (var id in s.Vector.Ids)
            {
                consensus += (story.ArticleFrequency[id] - 1.0) / others;
            }

            consensus /= s.Vector.Ids.Length;
        }

        return consensus;
    }

    private double Score(AnalyzedSentence s, float[] centroid, float[] titles)
    {
        var others = story.Articles.Count - 1;
        var support = others == 0 ? 0 : (double)story.SameFact[s.Id].Count / others;
        var position = s.Position == 0 ? 1 : 0.5 / Math.Sqrt(1 + s.Position);
        return 0.6 * Consensus(s) + s.Vector.Cosine(centroid)
            + 0.4 * support
            + 0.35 * position
            + 0.4 * s.Vector.Cosine(titles)
            - s.Loaded
            - 0.3 * s.QuoteShare
            - (s.IsDangling ? 0.25 : 0);
    }

    /// <summary>A sentence that leans on one before it ("He said", "It also", "The man died") reads badly out of context.</summary>
    public static bool Dangling(string text) => DanglingStart().IsMatch(text) || DefiniteReference().IsMatch(text);

    /// <summary>
    /// Opens with a definite person or act ("The man", "The victims", "The move") that an earlier sentence introduced:
    /// a summary should not open with it, but as a claim it still says something on its own.
    /// </summary>
    public static bool OpensWithDefiniteReference(string text) => DefiniteReference().IsMatch(text);

    // "In that storm", "After those talks" point back as much as a pronoun does.
    [GeneratedRegex(@"^[""“‘']?(?:(?:he|she|it(?! comes\b)|they|his|her|its|their|this|these|those|that|but|and|also|however|meanwhile|still|yet|so|instead|such)\b|(?:in|at|by|for|from|during|after|since|before|on|with|like|unlike)\s+(?:that|those)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingStart();

    [GeneratedRegex(@"^[""“‘']?the\s+(?:man|woman|men|women|boy|girl|boys|girls|child|children|victims?|suspects?|couple|pair|teenagers?|gunman|attacker|latter|former|move|decision|announcement|incident|remarks|comments)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefiniteReference();
}
