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

        if (!story.SameFact[sentence.Id].TryGetValue(article.Order, out var matches))
        {
            return false;
        }

        foreach (var (id, _) in matches)
        {
            var position = story.Sentences[id].Position;
            var from = Math.Max(0, position - 1);
            var window = new List<AnalyzedSentence>(3);
            for (var p = from; p <= Math.Min(article.Sentences.Count - 1, position + 1); p++)
            {
                window.Add(article.Sentences[p]);
            }

            if (FactsCarried(sentence, window))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the passage around <paramref name="other"/> holds every name, number and date of <paramref name="sentence"/>.</summary>
    public bool CarriedAround(AnalyzedSentence sentence, AnalyzedSentence other)
    {
        var sentences = story.Articles[other.ArticleOrder].Sentences;
        var window = new List<AnalyzedSentence>(3);
        for (var p = Math.Max(0, other.Position - 1); p <= Math.Min(sentences.Count - 1, other.Position + 1); p++)
        {
            window.Add(sentences[p]);
        }

        return FactsCarried(sentence, window);
    }

    /// <summary>Every name, number and date of <paramref name="sentence"/> appears in the passage.</summary>
    public static bool FactsCarried(AnalyzedSentence sentence, IReadOnlyList<AnalyzedSentence> passage)
    {
        foreach (var key in sentence.EntityKeys)
        {
            if (!passage.Any(p => p.EntityKeys.Contains(key)))
            {
                return false;
            }
        }

        foreach (var key in sentence.PlaceKeys)
        {
            if (!passage.Any(p => p.PlaceKeys.Contains(key) || p.EntityKeys.Contains(key)))
            {
                return false;
            }
        }

        foreach (var number in sentence.Numbers)
        {
            if (!passage.Any(p => p.Numbers.Any(number.SameValue)))
            {
                return false;
            }
        }

        foreach (var date in sentence.Dates)
        {
            if (!passage.Any(p => p.Dates.Any(o => o.Overlaps(date) && o.Precision <= date.Precision)))
            {
                return false;
            }
        }

        return true;
    }
}
