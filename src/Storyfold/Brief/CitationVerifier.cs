namespace Storyfold.Brief;

/// <summary>
/// Checks that an article really carries a sentence's fact before the brief cites it: a passage of the article must
/// say much the same and hold every person and organisation, every number and every date the sentence states.
/// </summary>
internal sealed class CitationVerifier(StoryAnalysis story)
{
    /// <summary>How similar a passage must be to count as reporting the same fact.</summary>
    public const double SameFactThreshold = 0.3;

    /// <summary>
    /// The ids of the articles among <paramref name="candidates"/> that carry the fact of <paramref name="sentence"/>,
    /// as far as <paramref name="shown"/> states it when the reader sees less than the whole sentence (a summary's
    /// trimmed sentence no longer says "the ministry announced on Saturday", so that date is not asked of a source).
    /// </summary>
    public IReadOnlyList<string> VerifiedSources(AnalyzedSentence sentence, IEnumerable<string>? candidates = null, string? shown = null)
    {
        var ids = candidates ?? story.Articles.Select(a => a.Article.Id);
        return ids.Distinct(StringComparer.Ordinal).Select(id => story.ById[id]).Where(a => Carries(a, sentence, shown))
            .OrderBy(a => a.Order).Select(a => a.Article.Id).ToList();
    }

    public bool Carries(AnalyzedArticle article, AnalyzedSentence sentence, string? shown = null)
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
            if (FactsCarried(sentence, article.Sentences, Math.Max(0, position - 1), Math.Min(article.Sentences.Count - 1, position + 1), shown))
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
        return FactsCarried(sentence, sentences, Math.Max(0, other.Position - 1), Math.Min(sentences.Count - 1, other.Position + 1));
    }

    /// <summary>Every name, number and date of <paramref name="sentence"/> appears in the passage.</summary>
    public static bool FactsCarried(AnalyzedSentence sentence, IReadOnlyList<AnalyzedSentence> passage) =>
        FactsCarried(sentence, passage, 0, passage.Count - 1);

    // The passage is sentences[first..last]: checked in place, as this runs for every candidate source of every claim.
    private static bool FactsCarried(AnalyzedSentence sentence, IReadOnlyList<AnalyzedSentence> sentences, int first, int last, string? shown = null)
    {
        foreach (var key in sentence.EntityKeys)
        {
            var found = false;
            for (var p = first; p <= last && !found; p++)
            {
                found = sentences[p].EntityKeys.Contains(key);
            }

            if (!found)
            {
                return false;
            }
        }

        foreach (var key in sentence.PlaceKeys)
        {
            var found = false;
            for (var p = first; p <= last && !found; p++)
            {
                found = sentences[p].PlaceKeys.Contains(key) || sentences[p].EntityKeys.Contains(key);
            }

            if (!found)
            {
                return false;
            }
        }

        foreach (var number in sentence.Numbers)
        {
            var found = false;
            for (var p = first; p <= last && !found; p++)
            {
                foreach (var other in sentences[p].Numbers)
                {
                    if (number.SameValue(other))
                    {
                        found = true;
                        break;
                    }
                }
            }

            if (!found)
            {
                return false;
            }
        }

        foreach (var date in sentence.Dates)
        {
            if (shown is not null && !shown.Contains(date.Text, StringComparison.Ordinal))
            {
                continue;
            }

            var found = false;
            for (var p = first; p <= last && !found; p++)
            {
                foreach (var other in sentences[p].Dates)
                {
                    if (other.Overlaps(date) && other.Precision <= date.Precision)
                    {
                        found = true;
                        break;
                    }
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
