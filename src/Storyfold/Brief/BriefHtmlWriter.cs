using System.Net;
using System.Text;

namespace Storyfold.Brief;

/// <summary>Renders a brief as a self-contained HTML page (or fragment), every citation a link to its article.</summary>
public sealed class BriefHtmlWriter(BriefCitations citations)
{
    /// <summary>A full page with a small stylesheet; <see cref="WriteFragment"/> gives the body alone for embedding.</summary>
    public string Write(StoryBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{H(brief.Headline)}</title>
            <style>
            body{"{"}font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222{"}"}
            h1{"{"}font-size:1.8rem{"}"} h2{"{"}font-size:1.2rem;border-bottom:1px solid #ddd;margin-top:2rem{"}"}
            a.cite{"{"}font-size:.75em;vertical-align:super;text-decoration:none;margin-left:.15em{"}"}
            table{"{"}border-collapse:collapse;width:100%;font-size:.9rem{"}"} td,th{"{"}border-bottom:1px solid #eee;padding:.25rem;text-align:left{"}"}
            .date{"{"}font-weight:bold;white-space:nowrap{"}"} .value{"{"}font-style:italic{"}"}
            </style></head><body>
            {WriteFragment(brief)}
            </body></html>
            """;
    }

    public string WriteFragment(StoryBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var numbers = BriefCitations.Numbers(brief);
        string Cite(IEnumerable<string> sources) => string.Concat(sources.Where(numbers.ContainsKey).OrderBy(s => numbers[s])
            .Select(s => $"<a class=\"cite\" href=\"{H(citations.Link(s))}\" title=\"{H(brief.Articles[numbers[s] - 1].Title)}\">[{numbers[s]}]</a>"));

        var html = new StringBuilder();
        html.Append("<article class=\"brief\" data-story=\"").Append(H(brief.StoryId)).AppendLine("\">");
        html.Append("<h1>").Append(H(brief.Headline)).AppendLine("</h1>");
        html.AppendLine("<section class=\"summary\"><h2>Summary</h2><p>");
        foreach (var s in brief.Summary)
        {
            html.Append(H(s.Text)).Append(Cite(s.Sources)).AppendLine(" ");
        }

        html.AppendLine("</p></section>");
        if (brief.Entities.Count > 0)
        {
            html.AppendLine("<section class=\"entities\"><h2>Who and what</h2><table><tr><th>Name</th><th>Type</th><th>Role</th><th>Also called</th><th>Mentions</th><th>Sources</th></tr>");
            foreach (var e in brief.Entities.Take(25))
            {
                html.Append("<tr><td>").Append(H(e.Name)).Append("</td><td>").Append(H(e.Type)).Append("</td><td>").Append(H(e.Role ?? ""))
                    .Append("</td><td>").Append(H(string.Join(", ", e.Aliases))).Append("</td><td>").Append(e.Mentions)
                    .Append("</td><td>").Append(Cite(e.Sources)).AppendLine("</td></tr>");
            }

            html.AppendLine("</table></section>");
        }

        if (brief.Timeline.Count > 0)
        {
            html.AppendLine("<section class=\"timeline\"><h2>Timeline</h2><ul>");
            foreach (var t in brief.Timeline)
            {
                html.Append("<li><span class=\"date\">").Append(H(t.Date + (t.End is null ? "" : " to " + t.End))).Append("</span> ")
                    .Append(H(t.Text)).Append(Cite(t.Sources)).AppendLine("</li>");
            }

            html.AppendLine("</ul></section>");
        }

        List(html, "agreed", "What the sources agree on", brief.Claims.Agreed, Cite);
        List(html, "unique", "Reported by one source only", brief.Claims.Unique, Cite);
        if (brief.Claims.Conflicts.Count > 0)
        {
            html.AppendLine("<section class=\"conflicts\"><h2>Where the sources differ</h2><ul>");
            foreach (var c in brief.Claims.Conflicts)
            {
                html.Append("<li><strong>").Append(H(c.About)).AppendLine("</strong><ul>");
                foreach (var v in c.Versions)
                {
                    html.Append("<li><span class=\"value\">").Append(H(v.Value)).Append("</span>: ").Append(H(v.Text)).Append(Cite(v.Sources)).AppendLine("</li>");
                }

                html.AppendLine("</ul></li>");
            }

            html.AppendLine("</ul></section>");
        }

        if (brief.Framing.Count > 0)
        {
            html.AppendLine("<section class=\"framing\"><h2>How outlets describe the main actors</h2><ul>");
            foreach (var f in brief.Framing)
            {
                html.Append("<li><strong>").Append(H(f.Entity)).Append("</strong>: ")
                    .Append(string.Join("; ", f.Descriptions.Select(d => $"“{H(d.Text)}”{Cite(d.Sources)}"))).AppendLine("</li>");
            }

            html.AppendLine("</ul></section>");
        }

        html.AppendLine("<section class=\"sources\"><h2>Sources</h2><ol>");
        foreach (var a in brief.Articles)
        {
            var id = citations.IsInDocument ? $" id=\"{H(citations.Link(a.Id).TrimStart('#'))}\"" : "";
            var coverage = brief.Coverage.FirstOrDefault(c => c.ArticleId == a.Id);
            html.Append("<li").Append(id).Append("><a href=\"").Append(H(citations.Link(a.Id))).Append("\">").Append(H(a.Title)).Append("</a>")
                .Append(a.Source is null ? "" : " — " + H(a.Source))
                .Append(a.Published is null ? "" : $" — {H(a.Published)}{(a.PublishedInferred ? " (date inferred)" : "")}")
                .Append(coverage is null ? "" : $" — {coverage.Agreed} agreed, {coverage.Unique} unique, {coverage.Conflicts} disputed claim(s)")
                .AppendLine("</li>");
        }

        html.AppendLine("</ol></section></article>");
        return html.ToString();
    }

    private static void List(StringBuilder html, string css, string title, IReadOnlyList<CitedText> items, Func<IEnumerable<string>, string> cite)
    {
        if (items.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"").Append(css).Append("\"><h2>").Append(title).AppendLine("</h2><ul>");
        foreach (var item in items)
        {
            html.Append("<li>").Append(H(item.Text)).Append(cite(item.Sources)).AppendLine("</li>");
        }

        html.AppendLine("</ul></section>");
    }

    private static string H(string text) => WebUtility.HtmlEncode(text);
}
