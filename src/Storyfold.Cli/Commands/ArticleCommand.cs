using System.CommandLine;
using Spectre.Console;
using Storyfold.Server.Api;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold article ID</c>: one cleaned article with its metadata.</summary>
public sealed class ArticleCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "Article id" };
        var db = StoreOptions.CreateDbOption();
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var command = new Command("article", "Show one article: cleaned text, captions and metadata") { id, db, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = StoreOptions.TryOpen(parse.GetValue(db), console);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            var articleId = parse.GetValue(id)!;
            var article = await store.GetArticleAsync(articleId, cancellationToken);
            if (article is null)
            {
                console.Fail($"{articleId}: no such article");
                return ExitCodes.Failure;
            }

            if (parse.GetValue(json))
            {
                CliJson.WriteDocument(console.Out, ApiJson.Article(article));
                return ExitCodes.Success;
            }

            var rich = console.Rich;
            rich.Write(new Rule($"[bold]{Markup.Escape(article.DisplayTitle)}[/]").LeftJustified());
            var meta = new Grid().AddColumn().AddColumn();
            meta.AddRow("[grey]id[/]", Markup.Escape(article.Id));
            meta.AddRow("[grey]story[/]", Markup.Escape(article.StoryId ?? "-"));
            meta.AddRow("[grey]published[/]", Markup.Escape(article.Published?.ToIso() ?? "unknown"));
            meta.AddRow("[grey]source[/]", Markup.Escape(article.Source ?? "unknown"));
            meta.AddRow("[grey]language[/]", Markup.Escape(article.Language ?? "unknown"));
            if (article.Url is not null)
            {
                meta.AddRow("[grey]url[/]", Markup.Escape(article.Url));
            }

            rich.Write(meta);
            rich.WriteLine();
            foreach (var paragraph in article.Paragraphs)
            {
                rich.WriteLine(paragraph);
                rich.WriteLine();
            }

            foreach (var caption in article.Captions)
            {
                rich.MarkupLine($"[italic grey]Caption: {Markup.Escape(caption)}[/]");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
