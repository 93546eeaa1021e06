namespace Storyfold.Brief;

/// <summary>
/// Checks that an article really carries a sentence's fact before the brief cites it: a passage of the article must
/// say much the same and hold every person and organisation, every number and every date the sentence states.
/// </summary>
internal sealed class CitationVerifier(StoryAnalysis story)
{
    /// <summary>How similar a passage must be to count as reporting the same fact.</summary>
    public const double SameFactThreshold = 0.3;

    /// <summary>The ids of the articles among <paramref name="candidates"/> that carry the fact of <paramref name="sentence"/>.</summary>
    public IReadOnlyList<string> VerifiedSources(AnalyzedSentence sentence, IEnumerable<string>? candidates = null)
    {
        var ids = candidates ?? story.Articles.Select(a => a.Article.Id);
        return ids.Distinct(StringComparer.Ordinal).Select(id => story.ById[id]).Where(a => Carries(a, sentence))
            .OrderBy(a => a.Order).Select(a => a.Article.Id).ToList();
    }

    public bool Carries(AnalyzedArticle article, AnalyzedSentence sentence)
    {
        if (article.Order == sentence.ArticleOrder)
        {
            return true;
        }

        foreach (var (id, cosine) in story.Neighbours[sentence.Id].OrderByDescending(n => n.Cosine))
        {
            var match = story.Sentences[id];
            if (match.ArticleOrder != article.Order || cosine < SameFactThreshold)
            {
                continue;
            }

            var window = article.Sentences.Where(s => Math.Abs(s.Position - match.Position) <= 1).ToList();
            if (FactsCarried(sentence, window))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every name, number and date of <paramref name="sentence"/> appears in the passage.</summary>
    public static bool FactsCarried(AnalyzedSentence sentence, IReadOnlyList<AnalyzedSentence> passage)
    {
        var keys = passage.SelectMany(s => s.EntityKeys).ToHashSet(StringComparer.Ordinal);
        if (!sentence.EntityKeys.All(keys.Contains))
        {
            return false;
        }

        var places = passage.SelectMany(s => s.PlaceKeys).Concat(keys).ToHashSet(StringComparer.Ordinal);
        if (!sentence.PlaceKeys.All(places.Contains))
        {
            return false;
        }

        var numbers = passage.SelectMany(s => s.Numbers).ToList();
        if (!sentence.Numbers.All(n => numbers.Any(n.SameValue)))
        {
            return false;
        }

        var dates = passage.SelectMany(s => s.Dates).ToList();
        return sentence.Dates.All(d => dates.Any(o => o.Overlaps(d) && (o.Precision == d.Precision || o.Precision < d.Precision)));
    }
}
