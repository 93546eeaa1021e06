using System.CommandLine;
using Spectre.Console;
using Storyfold.Server.Api;
using Storyfold.News;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold stories</c>: the stories in the store, most recently active first.</summary>
public sealed class StoriesCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var db = StoreOptions.CreateDbOption();
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var limit = new Option<int?>("--limit") { Description = "Show at most this many stories" };
        var command = new Command("stories", "List stories, most recently active first") { db, json, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = StoreOptions.TryOpen(parse.GetValue(db), console);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            IEnumerable<StoryInfo> stories = await store.ListStoriesAsync(cancellationToken);
            if (parse.GetValue(limit) is { } max)
            {
                stories = stories.Take(max);
            }

            if (parse.GetValue(json))
            {
                CliJson.WriteDocument(console.Out, stories.Select(ToJson).ToList());
                return ExitCodes.Success;
            }

            Render(console, stories.ToList());
            return ExitCodes.Success;
        });
        return command;
    }

    public static object ToJson(StoryInfo story) => ApiJson.Story(story);

    public static void Render(CliConsole console, IReadOnlyList<StoryInfo> stories)
    {
        if (stories.Count == 0)
        {
            console.Out.WriteLine("No stories yet: add articles with 'storyfold ingest PATH'.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumn("[bold]Story[/]")
            .AddColumn(new TableColumn("[bold]Articles[/]").RightAligned())
            .AddColumn(new TableColumn("[bold]Sources[/]").RightAligned())
            .AddColumn("[bold]When[/]")
            .AddColumn("[grey]Id[/]");
        foreach (var story in stories)
        {
            table.AddRow(
                $"[bold yellow]{Markup.Escape(story.Headline)}[/]",
                story.Articles.ToString(System.Globalization.CultureInfo.InvariantCulture),
                story.Sources.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(Span(story)),
                $"[grey]{Markup.Escape(story.StoryId)}[/]");
        }

        console.Rich.Write(table);
    }

    private static string Span(StoryInfo story) => (story.FirstPublished, story.LastPublished) switch
    {
        (null, null) => "undated",
        ({ } first, { } last) when first.Day == last.Day => first.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ({ } first, { } last) => $"{first.Day:yyyy-MM-dd} – {last.Day:yyyy-MM-dd}",
        ({ } first, null) => first.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        (null, { } last) => last.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
