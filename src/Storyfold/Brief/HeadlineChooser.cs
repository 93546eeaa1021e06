using System.Text.RegularExpressions;
using Storyfold.Text;

namespace Storyfold.Brief;

/// <summary>
/// The brief's headline: the article title that best states what the whole story is about in plain words; when no
/// article has a usable title, the main clause of the summary's first sentence.
/// </summary>
internal sealed partial class HeadlineChooser(StoryAnalysis story)
{
    public string Choose(IReadOnlyList<AnalyzedSentence> summary)
    {
        var inLanguage = story.Articles.Any(a => story.WritesInBriefLanguage(a.Order) && a.Article.Title.Trim().Length > 0);
        var best = story.Articles
            .Where(a => !inLanguage || story.WritesInBriefLanguage(a.Order))
            .Select(a => a.Article.Title.Trim())
            .Where(t => t.Length > 0 && Tokens.Words(t).Count() is >= 4 and <= 22)
            .Distinct(StringComparer.Ordinal)
            .Select(t => (Title: t, Score: Score(t)))
            .OrderByDescending(x => x.Score)
            .FirstOrDefault();
        if (best.Title is not null && best.Score > 0.05)
        {
            return Tidy(best.Title);
        }

        var lead = summary.FirstOrDefault()?.Text ?? story.Sentences.FirstOrDefault(s => s.IsCandidate)?.Text ?? story.Articles.FirstOrDefault()?.Article.DisplayTitle ?? "";
        return Tidy(MainClause(lead));
    }

    private double Score(string title)
    {
        var vector = story.Vectorise(Tokens.ContentTerms(title));
        var penalty = LoadedLanguage.Score(title) * 1.5
            + (title.Contains('?', StringComparison.Ordinal) ? 0.2 : 0)
            + (Quoted().IsMatch(title) ? 0.1 : 0)
            + (title.Contains(':', StringComparison.Ordinal) ? 0.05 : 0);
        return vector.Cosine(story.Centroid) - penalty;
    }

    // The lead sentence without trailing attribution or "amid ..." background: what happened, in a headline's length.
    private static string MainClause(string sentence)
    {
        var cut = Trailing().Match(sentence);
        var clause = cut.Success && cut.Index > 20 ? sentence[..cut.Index] : sentence;
        var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 16 ? string.Join(' ', words.Take(16)) + "…" : clause;
    }

    private static string Tidy(string headline) => headline.Trim().TrimEnd('.', ' ');

    [GeneratedRegex(@"[""“”‘’']")]
    private static partial Regex Quoted();

    [GeneratedRegex(@",\s+(?:the\s+)?[\w\s]{0,40}\b(?:said|says|announced|reported)\b|\s+(?:amid|as|after|while)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Trailing();
}
