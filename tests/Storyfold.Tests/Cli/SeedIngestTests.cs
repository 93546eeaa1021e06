using System.Text.Json;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Cli;

public sealed class SeedIngestTests
{
    [Fact]
    public async Task Ingests_the_five_seeds_with_their_dates_and_titles_and_is_idempotent()
    {
        var seeds = SharedData.Require("seeds");
        using var temp = new TempDirectory();
        var db = temp.File("t.db");

        var first = await CliRun.RunAsync("ingest", seeds, "--db", db);
        Assert.Equal(0, first.ExitCode);

        var export = await CliRun.RunAsync("export", "--db", db, "--format", "jsonl");
        Assert.Equal(0, export.ExitCode);
        var rows = export.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(5, rows.Count);
        string? Published(string prefix) => rows.Single(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).Value.GetProperty("published").GetString();
        string? Title(string prefix) => rows.Single(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).Value.GetProperty("title").GetString();
        Assert.Equal("2023-02-25", Published("000_"));
        Assert.Equal("2023-02-25", Published("001_"));
        Assert.Null(Published("002_"));
        Assert.Null(Published("003_"));
        Assert.Equal("2023-02-28", Published("004_"));
        Assert.Equal("Belarusian leader and Putin ally Alexander Lukashenko to visit China next week", Title("001_"));
        Assert.Equal("Belarus president Lukashenko, close ally of Russia’s Putin, to visit China", Title("002_"));
        Assert.Contains("000_bec31f7449ef2ffc", rows.Keys);
        foreach (var prefix in new[] { "000_", "003_", "004_" })
        {
            Assert.Equal("", Title(prefix));
            var display = rows.Single(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).Value.GetProperty("display_title").GetString()!;
            var text = (await ArticleJsonAsync(db, rows.Keys.Single(k => k.StartsWith(prefix, StringComparison.Ordinal)))).GetProperty("text").GetString()!;
            Assert.StartsWith(display.TrimEnd('…'), text, StringComparison.Ordinal);
        }

        var second = await CliRun.RunAsync("ingest", seeds, "--db", db);
        Assert.Equal(0, second.ExitCode);
        var again = await CliRun.RunAsync("export", "--db", db);
        Assert.Equal(5, again.OutLines.Count);
    }

    public static TheoryData<string, string[]> Boilerplate => new()
    {
        { "001_a7f654e43d445faf", ["Richard Spurr", "1am - 4am", "Read more", "Rail union TSSA cancels strike", "Wales hit by 3.8 magnitude", "25 February 2023, 09:10", "Updated:"] },
        { "002_cd188a5f53940920", ["World\n", "Google News", "Read more", "100,000-150,000 strong volunteer", "will fight alongside ally Russia only if attacked", "Russia welcomes China peace plan", "Leave a Reply", "Your email address", "Required fields", "Trending", "Exit mobile version"] },
        { "004_56b328580f40f70a", ["hong kong", "CNN", "—", "date 2023"] },
        { "000_bec31f7449ef2ffc", ["date 2023", "Pictured:", "(pictured)", "(left)", "(right)"] },
    };

    [Theory]
    [MemberData(nameof(Boilerplate))]
    public async Task Cleaned_seed_text_contains_none_of_its_boilerplate(string id, string[] boilerplate)
    {
        var seeds = SharedData.Require("seeds");
        using var temp = new TempDirectory();
        var db = temp.File("t.db");
        Assert.Equal(0, (await CliRun.RunAsync("ingest", seeds, "--db", db)).ExitCode);

        var article = await ArticleJsonAsync(db, id);
        var text = article.GetProperty("text").GetString()!;
        foreach (var piece in boilerplate)
        {
            Assert.DoesNotContain(piece, text, StringComparison.Ordinal);
        }

        // The body still starts with the story and keeps its ending.
        Assert.True(text.Split("\n\n").Length >= 6, text);
        Assert.True(char.IsUpper(text[0]) || text[0] == '“', text);
    }

    [Fact]
    public async Task Seed_captions_are_kept_apart_from_the_body()
    {
        var seeds = SharedData.Require("seeds");
        using var temp = new TempDirectory();
        var db = temp.File("t.db");
        Assert.Equal(0, (await CliRun.RunAsync("ingest", seeds, "--db", db)).ExitCode);

        var article = await ArticleJsonAsync(db, "000_bec31f7449ef2ffc");
        var captions = article.GetProperty("captions").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(4, captions.Count);
        Assert.Contains(captions, c => c.Contains("(left)", StringComparison.Ordinal) && c.Contains("(right)", StringComparison.Ordinal));
        Assert.Contains(captions, c => c.Contains("(pictured)", StringComparison.Ordinal));
        Assert.Equal(2, captions.Count(c => c.Contains("Pictured:", StringComparison.Ordinal)));
        var text = article.GetProperty("text").GetString()!;
        Assert.Contains("“We will never rest until the Russian murderers are punished.", text, StringComparison.Ordinal);
        Assert.Contains("Yesterday, to mark the first anniversary of the war", text, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ArticleJsonAsync(string db, string id)
    {
        var run = await CliRun.RunAsync("article", id, "--db", db, "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }
}
