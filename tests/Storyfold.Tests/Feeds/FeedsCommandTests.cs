using System.Text.Json;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Feeds;

public sealed class FeedsCommandTests
{
    private const string Opml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="1.0">
          <head><title>My reader</title></head>
          <body>
            <outline text="World">
              <outline type="rss" text="Harbour News" xmlUrl="https://harbour.example/feed.xml" htmlUrl="https://harbour.example/"/>
              <outline type="rss" title="Valley Times" text="valley" xmlUrl="https://valley.example/atom"/>
            </outline>
            <outline type="rss" text="Island Air" xmlUrl="https://island.example/feed.json"/>
            <outline type="rss" text="Broken" xmlUrl="ftp://nope.example/feed"/>
          </body>
        </opml>
        """;

    [Fact]
    public async Task Opml_import_then_export_round_trips_the_subscriptions()
    {
        using var temp = new TempDirectory();
        var db = temp.File("a.db");
        var file = temp.Write("subs.opml", Opml);

        var import = await CliRun.RunAsync("feeds", "import", file, "--db", db);

        Assert.Equal(3, import.ExitCode); // one outline was refused
        Assert.Contains("Imported 3 feed(s)", import.Out, StringComparison.Ordinal);
        Assert.Contains(import.ErrorLines, l => l.StartsWith($"storyfold: {file}: warning: line ", StringComparison.Ordinal) && l.Contains("ftp://nope.example/feed", StringComparison.Ordinal));

        var export = await CliRun.RunAsync("feeds", "export", "--db", db);
        Assert.Equal(0, export.ExitCode);
        var exported = temp.Write("out.opml", export.Out);
        var other = temp.File("b.db");
        var reimport = await CliRun.RunAsync("feeds", "import", exported, "--db", other);
        Assert.Equal(0, reimport.ExitCode);

        var first = await ListAsync(db);
        var second = await ListAsync(other);
        Assert.Equal(["https://harbour.example/feed.xml", "https://valley.example/atom", "https://island.example/feed.json"], first.Select(f => f.Url));
        Assert.Equal(first.Select(f => (f.Url, f.Name)), second.Select(f => (f.Url, f.Name)));
        Assert.Equal("Valley Times", first[1].Name);

        var again = await CliRun.RunAsync("feeds", "import", file, "--db", db);
        Assert.Contains("Imported 0 feed(s)", again.Out, StringComparison.Ordinal);
        Assert.Contains("3 already subscribed", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_list_and_remove_by_url_or_id()
    {
        using var temp = new TempDirectory();
        var db = temp.File("a.db");

        Assert.Equal(0, (await CliRun.RunAsync("feeds", "add", "https://a.example/rss", "--name", "A", "--db", db)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("feeds", "add", "https://b.example/rss", "--db", db)).ExitCode);
        var duplicate = await CliRun.RunAsync("feeds", "add", "https://a.example/rss", "--db", db);
        Assert.Contains("Already subscribed", duplicate.Out, StringComparison.Ordinal);

        var bad = await CliRun.RunAsync("feeds", "add", "not-a-url", "--db", db);
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("storyfold: not-a-url: not an http(s) URL", bad.ErrorLines.Single());

        var list = await ListAsync(db);
        Assert.Equal(2, list.Count);
        Assert.Equal(0, (await CliRun.RunAsync("feeds", "remove", "https://a.example/rss", "--db", db)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("feeds", "remove", list[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db)).ExitCode);
        Assert.Empty(await ListAsync(db));

        var missing = await CliRun.RunAsync("feeds", "remove", "https://zzz.example/rss", "--db", db);
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("storyfold: https://zzz.example/rss: no such feed", missing.ErrorLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_opml_is_refused_in_one_line()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("bad.opml", "<opml><body><outline text=\"x\"></body>");

        var run = await CliRun.RunAsync("feeds", "import", file, "--db", temp.File("a.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"storyfold: {file}: not well-formed XML (line 1)", run.ErrorLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_reads_feed_files_and_leaves_other_xml_alone()
    {
        using var temp = new TempDirectory();
        var db = temp.File("a.db");
        var rss = temp.Write("wire.xml", FeedFixtures.Rss("Wire", 1, 2, 3));
        var json = temp.Write("island.json", """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Island", "items": [
              {"id": "https://island.example/1", "url": "https://island.example/1", "title": "Flights resume to the island",
               "content_text": "The regional airline said on Monday that flights to the island will resume in March after a two-year pause."}]}
            """);
        var notFeed = temp.Write("catalog.xml", "<?xml version=\"1.0\"?><catalog><book>x</book></catalog>");

        var run = await CliRun.RunAsync("ingest", rss, json, notFeed, "--db", db);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Ingested 4 new article(s)", run.Out, StringComparison.Ordinal);
        Assert.StartsWith($"storyfold: {notFeed}: unsupported format", run.ErrorLines.Single(), StringComparison.Ordinal);

        var again = await CliRun.RunAsync("ingest", rss, "--db", db);
        Assert.Contains("Ingested 0 new article(s), 3 already stored", again.Out, StringComparison.Ordinal);
        var article = JsonDocument.Parse((await CliRun.RunAsync("export", "--format", "jsonl", "--db", db)).OutLines[0]).RootElement;
        Assert.Equal("news.example.org", article.GetProperty("source").GetString());
        Assert.StartsWith("https://news.example.org/story/", article.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    private sealed record Listed(long Id, string Url, string Name);

    private static async Task<List<Listed>> ListAsync(string db)
    {
        var run = await CliRun.RunAsync("feeds", "list", "--json", "--db", db);
        Assert.Equal(0, run.ExitCode);
        return JsonDocument.Parse(run.Out).RootElement.EnumerateArray()
            .Select(f => new Listed(f.GetProperty("id").GetInt64(), f.GetProperty("url").GetString()!, f.GetProperty("name").GetString()!))
            .ToList();
    }
}
