using System.CommandLine;
using Storyfold.Brief;
using Storyfold.Storage;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold demo</c>: ingests the sample stories that ship in <c>samples/</c> into a fresh store and shows them.</summary>
public sealed class DemoCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var db = StoreOptions.CreateDbOption();
        db.Description = "Where to keep the demo store (default: a fresh file in the temp folder)";
        var samples = new Option<string?>("--samples") { Description = "The folder of sample articles (default: samples/articles of the repo)" };
        var serve = new Option<bool>("--serve") { Description = "Then open the web UI on the sample stories (http://127.0.0.1:PORT/)" };
        var port = new Option<int>("--port") { Description = "Port for --serve (default 8080)", DefaultValueFactory = _ => 8080 };
        var command = new Command("demo", "Ingest the sample stories that ship with Storyfold and show them") { db, samples, serve, port };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(samples) ?? FindSamples();
            if (folder is null || !Directory.Exists(folder))
            {
                console.Fail("samples: cannot find the samples folder; pass --samples PATH");
                return ExitCodes.Failure;
            }

            var path = parse.GetValue(db) ?? Path.Combine(Path.GetTempPath(), $"storyfold-demo-{Environment.ProcessId}.db");
            if (parse.GetValue(db) is null)
            {
                DeleteStore(path);
            }

            await using var store = SqliteArticleStore.Open(path, console.Time);
            console.Out.WriteLine($"Ingesting the sample articles from {folder} into {path} ...");
            var (report, exitCode) = await IngestRunner.RunAsync(store, [folder], console, showProgress: true, cancellationToken);
            console.Out.WriteLine($"{report.Added} articles stored.");
            console.Out.WriteLine();
            var stories = await store.ListStoriesAsync(cancellationToken);
            StoriesCommand.Render(console, stories);
            console.Out.WriteLine();
            // The main job is the brief: show the one of the most recently active story that more than one outlet covers.
            if (stories.FirstOrDefault(story => story.Sources > 1) is { } top)
            {
                console.Out.WriteLine($"The brief of the most recently active story ({top.StoryId}):");
                console.Out.WriteLine();
                var articles = await store.GetStoryArticlesAsync(top.StoryId, cancellationToken);
                BriefCommand.Render(console.Rich, new StoryBriefBuilder().BuildStored(top.StoryId, articles, BriefOptions.Default));
                console.Out.WriteLine();
            }

            if (parse.GetValue(serve))
            {
                await store.DisposeAsync();
                // A local demo: loopback only, and adding articles from the page is allowed so the form can be tried.
                var options = new Storyfold.Server.ServerOptions { DbPath = path, Port = parse.GetValue(port), AllowAnonymousWrites = true };
                var served = await ServeCommand.RunAsync(options, console, cancellationToken);
                return served == ExitCodes.Success ? exitCode : served;
            }

            console.Out.WriteLine($"Explore: storyfold stories --db {path}   |   storyfold brief ID --db {path}   |   storyfold article ID --db {path}   |   storyfold demo --serve");
            return exitCode;
        });
        return command;
    }

    /// <summary>samples/ next to the repo root, found from the working directory or from where the binary lives.</summary>
    internal static string? FindSamples()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                // The articles sit in samples/articles, apart from the README that describes them.
                var candidate = Path.Combine(dir.FullName, "samples", "articles");
                if (File.Exists(Path.Combine(dir.FullName, "Storyfold.slnx")) && Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static void DeleteStore(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
