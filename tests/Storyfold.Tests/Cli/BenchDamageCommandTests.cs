using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Storyfold.Cli.Commands;
using Storyfold.Tests.Extraction;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Cli;

/// <summary><c>bench damage</c> on a ground truth the test writes: damaged pages, and a truth that points at them.</summary>
public sealed class BenchDamageCommandTests
{
    private static readonly string Page =
        $"<html><head><title>Council backs harbour plan</title></head><body><article><h1>Council backs harbour plan</h1>{PageExtractorTests.Story}</article></body></html>";

    private static string WriteTruth(TempDirectory temp)
    {
        var folder = Directory.CreateDirectory(temp.File("truth/html")).FullName;
        File.WriteAllText(Path.Combine(folder, "a.html"), Page);
        using (var gzip = new GZipStream(File.Create(Path.Combine(folder, "b.html.gz")), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Page));
        }

        var truth = temp.File("truth/ground-truth.jsonl");
        File.WriteAllLines(truth,
        [
            """{"id":"a","file":"html/a.html","title":"Council backs harbour plan","text":"The city council voted.","with":["expand the harbour"],"without":[]}""",
            """{"id":"b","file":"html/b.html.gz","title":"Council backs harbour plan","text":"The city council voted.","with":[],"without":["Share"]}""",
        ]);
        return truth;
    }

    [Fact]
    public async Task Writes_each_page_damaged_the_chosen_way_with_the_truth_pointing_at_it_and_scores_it()
    {
        using var temp = new TempDirectory();
        var truth = WriteTruth(temp);
        var output = temp.File("damaged");

        var run = await CliRun.RunAsync("bench", "damage", truth, output, "--kind", "CutShort", "--seed", "3");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("2 pages damaged (CutShort 2) into ", run.OutLines[0]);
        var rows = File.ReadAllLines(Path.Combine(output, "ground-truth.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["html/a.html", "html/b.html"], rows.Select(row => row.GetProperty("file").GetString()));
        Assert.All(rows, row => Assert.Equal("CutShort", row.GetProperty("damage").GetString()));
        Assert.Equal("expand the harbour", rows[0].GetProperty("with")[0].GetString());
        Assert.Equal("Share", rows[1].GetProperty("without")[0].GetString());
        foreach (var name in (string[])["a.html", "b.html"])
        {
            var damaged = File.ReadAllText(Path.Combine(output, "html", name));
            Assert.True(damaged.Length < Page.Length && Page.StartsWith(damaged, StringComparison.Ordinal), $"{name} is not the page cut short");
        }

        var scored = await CliRun.RunAsync("eval", "extraction", Path.Combine(output, "ground-truth.jsonl"), "--json");
        Assert.Equal(2, JsonDocument.Parse(scored.Out).RootElement.GetProperty("pages").GetInt32());
    }

    [Fact]
    public async Task Damages_one_way_at_random_a_page_by_default_and_names_a_line_it_cannot_read()
    {
        using var temp = new TempDirectory();
        var truth = WriteTruth(temp);
        File.AppendAllLines(truth, ["""{"id":"c","file":"html/missing.html"}""", "{not json"]);
        var output = temp.File("damaged");

        var run = await CliRun.RunAsync("bench", "damage", truth, output, "--seed", "8");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, run.ErrorLines.Count);
        Assert.Contains(run.ErrorLines, line => line.StartsWith($"storyfold: {truth}:3: ", StringComparison.Ordinal) && line.Contains("missing.html", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, line => line.StartsWith($"storyfold: {truth}:4: malformed JSON", StringComparison.Ordinal));
        var rows = File.ReadAllLines(Path.Combine(output, "ground-truth.jsonl"));
        Assert.Equal(2, rows.Length);
        Assert.All(rows, row => Assert.Contains("\"damage\":\"", row));
    }

    [Fact]
    public async Task Gives_pages_of_the_same_name_in_different_folders_files_of_their_own()
    {
        using var temp = new TempDirectory();
        var truth = WriteTruth(temp);
        var other = Directory.CreateDirectory(temp.File("truth/more")).FullName;
        var second = Page.Replace("Council backs harbour plan", "Ferry strike ends", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(other, "a.html"), second);
        File.AppendAllLines(truth, ["""{"id":"a2","file":"more/a.html","title":"Ferry strike ends","text":"The strike ended."}"""]);
        var output = temp.File("damaged");

        var run = await CliRun.RunAsync("bench", "damage", truth, output, "--kind", "CutShort", "--seed", "3");

        Assert.True(run.ExitCode == 0, run.Error);
        var files = File.ReadAllLines(Path.Combine(output, "ground-truth.jsonl")).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("file").GetString()).ToList();
        Assert.Equal(["html/a.html", "html/b.html", "html/a-2.html"], files);
        Assert.True(Page.StartsWith(File.ReadAllText(Path.Combine(output, "html/a.html")), StringComparison.Ordinal), "the first a.html is not the first page cut short");
        Assert.True(second.StartsWith(File.ReadAllText(Path.Combine(output, "html/a-2.html")), StringComparison.Ordinal), "a-2.html is not the second page cut short");
    }

    [Theory]
    [InlineData(new string[0], "a.html", "a.html")]
    [InlineData(new[] { "a.html" }, "a.html", "a-2.html")]
    [InlineData(new[] { "a.html", "a-2.html" }, "A.HTML", "A-3.HTML")]
    [InlineData(new[] { "page" }, "page", "page-2")]
    public void Free_name_takes_the_first_name_not_yet_written(string[] taken, string name, string expected)
    {
        var names = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(expected, BenchDamageCommand.FreeName(name, names));
        Assert.Contains(expected, names);
    }
}
