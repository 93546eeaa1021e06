using Storyfold.Brief;
using Storyfold.News;

namespace Storyfold.Server.Views;

/// <summary>
/// The one place the server gets a story's brief from.
/// REPLACE at merge: call <c>StoryBriefBuilder.Build(storyId, articles, options)</c> once the brief engine is on main.
/// Until then the brief holds only what can be said honestly without it: the headline, the articles, and each
/// article's lead sentence cited to that article; entities, timeline, claims and framing stay empty.
/// </summary>
public sealed class BriefProvider
{
    public StoryBrief Build(string storyId, IReadOnlyList<Article> articles)
    {
        var briefArticles = articles
            .Select(a => new BriefArticle(a.Id, a.DisplayTitle, a.Source, a.Published?.ToIso(), a.PublishedInferred))
            .ToList();
        var summary = articles
            .Where(a => a.DuplicateOf is null)
            .Select(a => (a.Id, Lead: LeadSentence(a.Text)))
            .Where(x => x.Lead.Length > 0)
            .Take(3)
            .Select(x => new CitedText(x.Lead, [x.Id]))
            .ToList();
        var headline = articles.Count > 0 ? articles[0].DisplayTitle : storyId;
        return new StoryBrief(storyId, headline, briefArticles, summary, [], [], new BriefClaims([], [], []), []);
    }

    private static string LeadSentence(string text)
    {
        var paragraph = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        for (var i = 40; i < paragraph.Length - 1; i++)
        {
            if (paragraph[i] is '.' or '!' or '?' && char.IsWhiteSpace(paragraph[i + 1]))
            {
                return paragraph[..(i + 1)];
            }
        }

        return paragraph.Length > 400 ? paragraph[..400].TrimEnd() + "…" : paragraph;
    }
}
