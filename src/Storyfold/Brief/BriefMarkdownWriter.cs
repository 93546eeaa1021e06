using System.Text;

namespace Storyfold.Brief;

/// <summary>Renders a brief as Markdown, every citation a link to its article.</summary>
public sealed class BriefMarkdownWriter(BriefCitations citations)
{
    public string Write(StoryBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var numbers = BriefCitations.Numbers(brief);
        string Cite(IEnumerable<string> sources) => string.Join(' ', sources.Where(numbers.ContainsKey)
            .OrderBy(s => numbers[s]).Select(s => $"[[{numbers[s]}]]({citations.Link(s)})"));

        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(brief.Headline)).AppendLine();
        md.Append('_').Append(brief.Articles.Count).Append(" article(s), story `").Append(brief.StoryId).AppendLine("`_").AppendLine();

        md.AppendLine("## Summary").AppendLine();
        foreach (var s in brief.Summary)
        {
            md.Append(Escape(s.Text)).Append(' ').AppendLine(Cite(s.Sources));
        }

        md.AppendLine();
        if (brief.Entities.Count > 0)
        {
            md.AppendLine("## Who and what").AppendLine();
            md.AppendLine("| Name | Type | Role | Also called | Mentions | Sources |").AppendLine("|---|---|---|---|---|---|");
            foreach (var e in brief.Entities.Take(25))
            {
                md.Append("| ").Append(Cell(e.Name)).Append(" | ").Append(e.Type).Append(" | ").Append(Cell(e.Role ?? "")).Append(" | ")
                    .Append(Cell(string.Join(", ", e.Aliases))).Append(" | ").Append(e.Mentions).Append(" | ").Append(Cite(e.Sources)).AppendLine(" |");
            }

            md.AppendLine();
        }

        if (brief.Timeline.Count > 0)
        {
            md.AppendLine("## Timeline").AppendLine();
            foreach (var t in brief.Timeline)
            {
                md.Append("- **").Append(t.Date).Append(t.End is null ? "" : " to " + t.End).Append("** ").Append(Escape(t.Text)).Append(' ').AppendLine(Cite(t.Sources));
            }

            md.AppendLine();
        }

        Section(md, "## What the sources agree on", brief.Claims.Agreed, Cite);
        Section(md, "## Reported by one source only", brief.Claims.Unique, Cite);
        if (brief.Claims.Conflicts.Count > 0)
        {
            md.AppendLine("## Where the sources differ").AppendLine();
            foreach (var c in brief.Claims.Conflicts)
            {
                md.Append("- **").Append(Escape(c.About)).AppendLine("**");
                foreach (var v in c.Versions)
                {
                    md.Append("  - _").Append(Escape(v.Value)).Append("_: ").Append(Escape(v.Text)).Append(' ').AppendLine(Cite(v.Sources));
                }
            }

            md.AppendLine();
        }

        if (brief.Framing.Count > 0)
        {
            md.AppendLine("## How outlets describe the main actors").AppendLine();
            foreach (var f in brief.Framing)
            {
                md.Append("- **").Append(Escape(f.Entity)).Append("**: ")
                    .AppendLine(string.Join("; ", f.Descriptions.Select(d => $"“{Escape(d.Text)}” {Cite(d.Sources)}")));
            }

            md.AppendLine();
        }

        md.AppendLine("## Sources").AppendLine();
        foreach (var a in brief.Articles)
        {
            var coverage = brief.Coverage.FirstOrDefault(c => c.ArticleId == a.Id);
            if (citations.IsInDocument)
            {
                md.Append("<a id=\"").Append(citations.Link(a.Id).TrimStart('#')).Append("\"></a>");
            }

            md.Append(numbers[a.Id]).Append(". [").Append(Escape(a.Title)).Append("](").Append(citations.Link(a.Id)).Append(')')
                .Append(a.Source is null ? "" : " — " + Escape(a.Source))
                .Append(a.Published is null ? "" : $" — {a.Published}{(a.PublishedInferred ? " (date inferred)" : "")}");
            if (coverage is not null)
            {
                md.Append($" — {coverage.Agreed} agreed, {coverage.Unique} unique, {coverage.Conflicts} disputed claim(s)");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private static void Section(StringBuilder md, string title, IReadOnlyList<CitedText> items, Func<IEnumerable<string>, string> cite)
    {
        if (items.Count == 0)
        {
            return;
        }

        md.AppendLine(title).AppendLine();
        foreach (var item in items)
        {
            md.Append("- ").Append(Escape(item.Text)).Append(' ').AppendLine(cite(item.Sources));
        }

        md.AppendLine();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal);

    private static string Cell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal);
}
