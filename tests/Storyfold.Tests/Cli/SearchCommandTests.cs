using System.Text.Json;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Cli;

public sealed class SearchCommandTests
{
    [Fact]
    public async Task Prints_one_json_document_of_stories_with_matches()
    {
        using var temp = new TempDirectory();
        var db = await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl);

        var run = await CliRun.RunAsync("search", "\"Old River\" pier*", "--db", db, "--json", "--from", "2024-03-01", "--to", "2024-03-31");

        Assert.Equal(0, run.ExitCode);
        var document = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(2, document.GetProperty("matching_articles").GetInt32());
        var ids = document.GetProperty("stories").EnumerateArray()
            .SelectMany(s => s.GetProperty("matches").EnumerateArray()).Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(["bridge-gazette", "bridge-herald"], ids.Order());
    }

    [Fact]
    public async Task Shows_matches_as_text_and_says_when_nothing_matches()
    {
        using var temp = new TempDirectory();
        var db = await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl);

        var found = await CliRun.RunAsync("search", "apples", "--db", db);
        var none = await CliRun.RunAsync("search", "volcano", "--db", db);

        Assert.Equal(0, found.ExitCode);
        Assert.Contains("Apple harvest starts early", found.Out, StringComparison.Ordinal);
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("No articles match", none.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"never closed", "never closed")]
    [InlineData("-only -exclusions", "at least one word")]
    public async Task Reports_bad_query_syntax_as_a_usage_error(string query, string message)
    {
        using var temp = new TempDirectory();
        var db = await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl);

        var run = await CliRun.RunAsync("search", query, "--db", db);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("storyfold: search: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_date_that_is_not_a_day()
    {
        using var temp = new TempDirectory();
        var db = await TestStore.CreateAsync(temp, TestStore.SmallNewsJsonl);

        var run = await CliRun.RunAsync("search", "bridge", "--db", db, "--from", "March");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--from", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
