using System.Text.Json;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Cli;

/// <summary><c>eval extraction --predictions --compare</c> on outputs the test writes: intervals, leads and title misses.</summary>
public sealed class EvalExtractionCommandTests
{
    private const int Pages = 40;

    private static string Text(int page) =>
        $"The council of town {page} voted on Tuesday to expand the harbour after a long debate.\n\nWork starts in spring and ends in {2026 + page % 3}.";

    private static string Title(int page) => $"Town {page}'s council backs harbour plan";

    /// <summary>Ground truth for <see cref="Pages"/> pages; the pages themselves are not read when outputs are given.</summary>
    private static string WriteTruth(TempDirectory temp) => temp.Write("ground-truth.jsonl", string.Join('\n', Enumerable.Range(0, Pages).Select(page =>
        JsonSerializer.Serialize(new { id = $"p{page}", file = $"html/p{page}.html", title = Title(page), published = "2026-03-02", text = Text(page), with = new[] { "expand the harbour" }, without = new[] { "Share this story" } }))));

    private static string WriteOutputs(TempDirectory temp, string name, Func<int, string> text, Func<int, string?> title) =>
        temp.Write(name, string.Join('\n', Enumerable.Range(0, Pages).Select(page =>
            JsonSerializer.Serialize(new { id = $"p{page}", title = title(page), published = "2026-03-02T09:00:00Z", text = text(page), seconds = 0.01 }))));

    /// <summary>The right title but for the first five pages: curly apostrophe, capitals, a site suffix, none, other words.</summary>
    private static string? MostlyRightTitle(int page) => page switch
    {
        0 => Title(page).Replace('\'', '\u2019'),
        1 => Title(page).ToUpperInvariant(),
        2 => Title(page) + " | Harbour Times",
        3 => null,
        4 => "Subscribe to our newsletter",
        _ => Title(page),
    };

    [Fact]
    public async Task Prints_each_tools_intervals_the_first_tools_lead_and_its_title_misses_by_kind()
    {
        using var temp = new TempDirectory();
        var truth = WriteTruth(temp);
        var exact = WriteOutputs(temp, "exact.jsonl", Text, MostlyRightTitle);
        var wordy = WriteOutputs(temp, "wordy.jsonl", page => Text(page) + "\n\nShare this story. Sign up for our newsletter to get more news.", Title);

        var run = await CliRun.RunAsync("eval", "extraction", truth, "--predictions", exact, "--compare", $"wordy={wordy}", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal([1.0, 1.0], report.GetProperty("intervals").GetProperty("shingle_f1").EnumerateArray().Select(v => v.GetDouble()));
        var title = report.GetProperty("intervals").GetProperty("title_accuracy").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.InRange(35 / 40.0, title[0], title[1]);
        Assert.True(title[0] < 35 / 40.0 && title[1] > 35 / 40.0, $"title interval {title[0]}-{title[1]} has no width");
        Assert.Null(report.GetProperty("first_ahead").GetString());
        var misses = report.GetProperty("title_misses");
        Assert.Equal(1, misses.GetProperty("no_title").GetInt32());
        Assert.Equal(1, misses.GetProperty("typography").GetInt32());
        Assert.Equal(1, misses.GetProperty("letter_case").GetInt32());
        Assert.Equal(0, misses.GetProperty("punctuation").GetInt32());
        Assert.Equal(1, misses.GetProperty("more_or_fewer_words").GetInt32());
        Assert.Equal(1, misses.GetProperty("wording").GetInt32());

        var peer = report.GetProperty("compare")[0];
        Assert.Equal("wordy", peer.GetProperty("tool").GetString());
        // Every page of the peer's carries the same boilerplate, so the first tool leads on every resample.
        Assert.Equal(1.0, peer.GetProperty("first_ahead").GetProperty("shingle_f1").GetDouble());
        Assert.Equal(1.0, peer.GetProperty("first_ahead").GetProperty("bow_f1").GetDouble());
        Assert.True(peer.GetProperty("intervals").GetProperty("shingle_f1")[1].GetDouble() < 1);
        Assert.Equal(0, peer.GetProperty("title_misses").EnumerateObject().Sum(kind => kind.Value.GetInt32()));
    }

    [Fact]
    public async Task The_table_names_the_intervals_and_the_title_misses_by_kind()
    {
        using var temp = new TempDirectory();
        var truth = WriteTruth(temp);
        var exact = WriteOutputs(temp, "exact.jsonl", Text, MostlyRightTitle);
        var perPage = temp.File("pages.jsonl");

        var run = await CliRun.RunAsync("eval", "extraction", truth, "--predictions", exact, "--compare", $"same={exact}", "--per-page", perPage);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("predictions ahead (shingle / BoW)", run.Out);
        Assert.Contains("1.000 - 1.000", run.Out);
        // Two tools with the same outputs: neither is ahead in any resample.
        Assert.Contains("0.0% / 0.0%", run.Out);
        Assert.Contains(
            "predictions title misses (5): 1 no title; 1 only quote marks, dashes or ellipsis; 1 only letter case; 1 the same words with more or fewer around them; 1 other wording",
            run.OutLines);
    }
}
