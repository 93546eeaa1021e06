using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyfold.Search;
using Storyfold.Storage;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold search QUERY</c>: full-text search over the stored articles, grouped by story.</summary>
public sealed class SearchCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var query = new Argument<string>("query")
        {
            Description = "Words, \"exact phrases\", prefix*, OR, -excluded, title:word, source:word",
        };
        var db = StoreOptions.CreateDbOption();
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var source = new Option<string?>("--source") { Description = "Only articles from this source" };
        var language = new Option<string?>("--language") { Description = "Only articles in this language (e.g. en)" };
        var from = new Option<string?>("--from") { Description = "Only articles published on or after this day (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "Only articles published on or before this day (YYYY-MM-DD)" };
        var limit = new Option<int>("--limit") { Description = "Stories to show (default 20)", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Search the articles; results are grouped by story, best match first")
        {
            query, db, json, source, language, from, to, limit,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var parsed = SearchQuery.Parse(parse.GetValue(query));
            if (parsed.Query is null)
            {
                console.Fail($"search: {parsed.Error}");
                return ExitCodes.Usage;
            }

            if (!TryDay(parse.GetValue(from), "--from", console, out var fromDay) || !TryDay(parse.GetValue(to), "--to", console, out var toDay))
            {
                return ExitCodes.Usage;
            }

            if (parse.GetValue(limit) is < 1 or > 1000)
            {
                console.Fail("--limit: must be between 1 and 1000");
                return ExitCodes.Usage;
            }

            await using var store = StoreOptions.TryOpen(parse.GetValue(db), console);
            if (store is not SqliteArticleStore sqlite)
            {
                return ExitCodes.Failure;
            }

            var request = new SearchRequest(parsed.Query)
            {
                Source = parse.GetValue(source),
                Language = parse.GetValue(language),
                From = fromDay,
                To = toDay,
                Limit = parse.GetValue(limit),
            };
            using var search = new SqliteArticleSearch(sqlite);
            var results = await search.SearchAsync(request, cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.WriteDocument(console.Out, ToJson(results));
                return ExitCodes.Success;
            }

            Render(console, results);
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryDay(string? text, string option, CliConsole console, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        console.Fail($"{option}: '{text}' is not a date (use YYYY-MM-DD)");
        return false;
    }

    /// <summary>The search JSON, the same shape as the API's <c>/api/search</c>.</summary>
    public static object ToJson(SearchResults results) => Storyfold.Server.Api.ApiJson.Search(results);

    private static void Render(CliConsole console, SearchResults results)
    {
        if (results.Stories.Count == 0)
        {
            console.Out.WriteLine($"No articles match {results.Request.Query.Text}.");
            return;
        }

        console.Rich.MarkupLine($"[grey]{results.MatchingArticles}{(results.MatchingArticlesCapped ? "+" : "")} matching articles in {results.Stories.Count}{(results.HasMore ? "+" : "")} stories[/]");
        foreach (var story in results.Stories)
        {
            console.Rich.WriteLine();
            console.Rich.MarkupLine($"[bold yellow]{Markup.Escape(story.Headline)}[/]  [grey]{Markup.Escape(story.StoryId)} · {story.StoryArticles} articles[/]");
            foreach (var hit in story.Articles)
            {
                var snippet = string.Concat(hit.Snippet.Select(p => p.Matched ? $"[bold]{Markup.Escape(p.Text)}[/]" : Markup.Escape(p.Text)));
                var meta = string.Join(" · ", new[] { hit.Source, hit.Published?.ToIso(), hit.ArticleId }.Where(s => !string.IsNullOrEmpty(s)));
                console.Rich.MarkupLine($"  [blue]{Markup.Escape(hit.Title)}[/] [grey]({Markup.Escape(meta)})[/]");
                console.Rich.MarkupLine($"    {snippet.ReplaceLineEndings(" ")}");
            }
        }
    }
}
