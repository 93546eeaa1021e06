using System.Text.Json;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Cli;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_ingests_every_sample_cleanly_and_lists_the_stories()
    {
        using var temp = new TempDirectory();
        var db = temp.File("demo.db");
        var run = await CliRun.RunAsync("demo", "--db", db);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("", run.Error);
        Assert.Contains("Storm Idris", run.Out, StringComparison.Ordinal);
        Assert.Contains("Greyfell", run.Out, StringComparison.Ordinal);

        var export = await CliRun.RunAsync("export", "--db", db);
        var rows = export.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(9, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.GetProperty("published").GetString()));
    }

    [Fact]
    public async Task Sample_pastes_lose_their_boilerplate()
    {
        using var temp = new TempDirectory();
        var db = temp.File("demo.db");
        Assert.Equal(0, (await CliRun.RunAsync("demo", "--db", db)).ExitCode);

        var radio = JsonDocument.Parse((await CliRun.RunAsync("article", "harbour-radio-idris", "--db", db, "--json")).Out).RootElement;
        Assert.Equal("Storm Idris: Marrowby harbour evacuated as Saltgate Bridge shuts", radio.GetProperty("title").GetString());
        Assert.Equal("2025-03-12", radio.GetProperty("published").GetString());
        var text = radio.GetProperty("text").GetString()!;
        Assert.DoesNotContain("Dana Whitlock", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Read more", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Telegram", text, StringComparison.Ordinal);
        Assert.Contains("Listeners told us that parts of Quay Street", text, StringComparison.Ordinal);

        var herald = JsonDocument.Parse((await CliRun.RunAsync("article", "valley-herald-petra", "--db", db, "--json")).Out).RootElement;
        Assert.Equal("Storm Petra floods Kestrel Valley as river bursts its banks", herald.GetProperty("title").GetString());
        Assert.Equal(2, herald.GetProperty("captions").GetArrayLength());
        var heraldText = herald.GetProperty("text").GetString()!;
        Assert.StartsWith("Storm Petra brought hail", heraldText, StringComparison.Ordinal);
        Assert.EndsWith("the club said.", heraldText, StringComparison.Ordinal);
    }
}
