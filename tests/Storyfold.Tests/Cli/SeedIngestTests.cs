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
        Assert.StartsWith("2023-02-25", Published("001_"));
        Assert.Null(Published("002_"));
        Assert.Null(Published("003_"));
        Assert.Equal("2023-02-28", Published("004_"));
        Assert.Equal("Belarusian leader and Putin ally Alexander Lukashenko to visit China next week", Title("001_"));
        Assert.Equal("Belarus president Lukashenko, close ally of Russia’s Putin, to visit China", Title("002_"));
        Assert.Contains("000_bec31f7449ef2ffc", rows.Keys);

        var second = await CliRun.RunAsync("ingest", seeds, "--db", db);
        Assert.Equal(0, second.ExitCode);
        var again = await CliRun.RunAsync("export", "--db", db);
        Assert.Equal(5, again.OutLines.Count);
    }
}
