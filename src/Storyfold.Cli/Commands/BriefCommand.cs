using System.CommandLine;
using Spectre.Console;
using Storyfold.Brief;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold brief STORY_ID</c>: the story's cited brief in the terminal, as JSON, Markdown or HTML.</summary>
public sealed class BriefCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var id = new Argument<string>("STORY_ID") { Description = "Story id (see 'storyfold stories')" };
        var db = StoreOptions.CreateDbOption();
        var json = new Option<bool>("--json") { Description = "Print the brief as one JSON document" };
        var format = new Option<string?>("--format") { Description = "md or html (citations link to #article-ID in the same file), or json" };
        format.AcceptOnlyFromAmong("md", "markdown", "html", "json", "text");
        var words = new Option<int>("--words") { Description = "About how many words the summary has (never more than its longest article)", DefaultValueFactory = _ => BriefOptions.Default.Words };
        var links = new Option<string?>("--link-pattern") { Description = "Citation link pattern with {id} (default #article-{id} in md/html)" };
        var command = new Command("brief", "Show a story's brief: summary, entities, timeline, claims and framing, each cited") { id, db, json, format, words, links };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(words) < 10)
            {
                console.Fail("--words: must be at least 10");
                return ExitCodes.Usage;
            }

            await using var store = StoreOptions.TryOpen(parse.GetValue(db), console);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            var storyId = parse.GetValue(id)!;
            var articles = await store.GetStoryArticlesAsync(storyId, cancellationToken);
            if (articles.Count == 0)
            {
                console.Fail($"{storyId}: no such story");
                return ExitCodes.Failure;
            }

            var brief = new StoryBriefBuilder().BuildStored(storyId, articles, BriefOptions.Default with { Words = parse.GetValue(words) });
            var citations = new BriefCitations(parse.GetValue(links) ?? BriefCitations.Standalone.LinkPattern);
            switch (parse.GetValue(json) ? "json" : parse.GetValue(format))
            {
                case "json":
                    CliJson.WriteDocument(console.Out, brief);
                    break;
                case "md" or "markdown":
                    console.Out.Write(new BriefMarkdownWriter(citations).Write(brief));
                    break;
                case "html":
                    console.Out.Write(new BriefHtmlWriter(citations).Write(brief));
                    break;
                default:
                    Render(console.Rich, brief);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The terminal view: headline, cited summary, entities, timeline, claims, framing and sources.</summary>
    public static void Render(IAnsiConsole rich, StoryBrief brief)
    {
        var numbers = BriefCitations.Numbers(brief);
        string Cite(IEnumerable<string> sources) =>
            "[blue]" + string.Concat(sources.Where(numbers.ContainsKey).OrderBy(s => numbers[s]).Select(s => $"[[{numbers[s]}]]")) + "[/]";

        rich.Write(new Rule($"[bold yellow]{Markup.Escape(brief.Headline)}[/]").LeftJustified().RuleStyle("grey"));
        rich.WriteLine();
        rich.Write(new Panel(new Markup(string.Join(" ", brief.Summary.Select(s => $"{Markup.Escape(s.Text)} {Cite(s.Sources)}"))))
            .Header("[bold]Summary[/]").Border(BoxBorder.Rounded).Expand());

        if (brief.Entities.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Expand().Title("[bold]Who and what[/]")
                .AddColumn("[bold]Name[/]").AddColumn("Type").AddColumn("Role").AddColumn("Also called")
                .AddColumn(new TableColumn("Mentions").RightAligned()).AddColumn("Sources");
            foreach (var e in brief.Entities.Take(15))
            {
                table.AddRow($"[bold]{Markup.Escape(e.Name)}[/]", $"[grey]{e.Type}[/]", Markup.Escape(e.Role ?? ""),
                    $"[grey]{Markup.Escape(string.Join(", ", e.Aliases))}[/]", e.Mentions.ToString(System.Globalization.CultureInfo.InvariantCulture), Cite(e.Sources));
            }

            rich.Write(table);
        }

        if (brief.Timeline.Count > 0)
        {
            var grid = new Table().Border(TableBorder.Simple).Expand().Title("[bold]Timeline[/]").AddColumn("When").AddColumn("What");
            foreach (var t in brief.Timeline)
            {
                grid.AddRow($"[bold green]{t.Date}{(t.End is null ? "" : "\n→ " + t.End)}[/]", $"{Markup.Escape(t.Text)} {Cite(t.Sources)}");
            }

            rich.Write(grid);
        }

        Claims(rich, "[bold green]Sources agree[/]", brief.Claims.Agreed, ClaimDigest.Shown, Cite);
        Claims(rich, "[bold]One source only[/]", brief.Claims.Unique, ClaimDigest.UniquePerSource, Cite);
        if (brief.Claims.Conflicts.Count > 0)
        {
            rich.Write(new Rule("[bold red]Sources differ[/]").LeftJustified());
            foreach (var c in brief.Claims.Conflicts)
            {
                rich.MarkupLine($"[bold]{Markup.Escape(c.About)}[/]");
                foreach (var v in c.Versions)
                {
                    rich.MarkupLine($"  [red]{Markup.Escape(v.Value)}[/] {Cite(v.Sources)}: [grey]{Markup.Escape(v.Text)}[/]");
                }
            }
        }

        if (brief.Framing.Count > 0)
        {
            rich.Write(new Rule("[bold]How outlets describe them[/]").LeftJustified());
            foreach (var f in brief.Framing)
            {
                rich.MarkupLine($"[bold]{Markup.Escape(f.Entity)}[/]: " + string.Join("; ", f.Descriptions.Select(d => $"[italic]{Markup.Escape(d.Text)}[/] {Cite(d.Sources)}")));
            }
        }

        rich.Write(new Rule("[bold]Sources[/]").LeftJustified());
        foreach (var a in brief.Articles)
        {
            var coverage = brief.Coverage.FirstOrDefault(c => c.ArticleId == a.Id);
            rich.MarkupLine($"[blue][[{numbers[a.Id]}]][/] {Markup.Escape(a.Title)} [grey]{Markup.Escape(a.Id)}{(a.Published is null ? "" : " · " + Markup.Escape(a.Published))}{(a.PublishedInferred ? " (inferred)" : "")}"
                + (coverage is null ? "" : $" · {coverage.Agreed} agreed, {coverage.Unique} unique, {coverage.Conflicts} disputed") + "[/]");
        }
    }

    private static void Claims(IAnsiConsole rich, string title, IReadOnlyList<CitedText> claims, int perSource, Func<IEnumerable<string>, string> cite)
    {
        if (claims.Count == 0)
        {
            return;
        }

        rich.Write(new Rule(title).LeftJustified());
        var (shown, folded) = ClaimDigest.Split(claims, perSource);
        foreach (var c in shown)
        {
            rich.MarkupLine($" • {Markup.Escape(c.Text)} {cite(c.Sources)}");
        }

        if (folded.Count > 0)
        {
            rich.MarkupLine($"[grey] … and {folded.Count} more (all of them with --json, --format md or --format html)[/]");
        }
    }
}
