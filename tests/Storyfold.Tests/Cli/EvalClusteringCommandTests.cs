using System.Text.Json;
using System.Text.Json.Nodes;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Cli;

/// <summary>
/// <c>eval clustering</c> on the repo's sample articles (samples/README.md: stories A, B and C), labelled by the test:
/// the scores, and the intervals over gold stories beside them.
/// </summary>
public sealed class EvalClusteringCommandTests
{
    /// <summary>The nine sample articles as labelled JSON Lines; the story is the last part of each sample's id.</summary>
    private static string WriteLabelled(TempDirectory temp)
    {
        var folder = Path.Combine(SharedData.RepoRoot, "samples", "articles");
        var rows = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            rows.Add(new JsonObject { ["id"] = id, ["text"] = File.ReadAllText(file), ["gold_story"] = id[(id.LastIndexOf('-') + 1)..] }.ToJsonString());
        }

        foreach (var line in File.ReadLines(Path.Combine(folder, "wire.jsonl")).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var row = JsonNode.Parse(line)!.AsObject();
            var id = row["id"]!.GetValue<string>();
            row["gold_story"] = id[(id.LastIndexOf('-') + 1)..];
            rows.Add(row.ToJsonString());
        }

        var path = temp.File("labelled.jsonl");
        File.WriteAllLines(path, rows);
        return path;
    }

    [Fact]
    public async Task Prints_bcubed_intervals_over_gold_stories_that_hold_the_scores()
    {
        using var temp = new TempDirectory();
        var labelled = WriteLabelled(temp);

        var run = await CliRun.RunAsync("eval", "clustering", labelled, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(9, root.GetProperty("articles").GetInt32());
        Assert.Equal(3, root.GetProperty("gold_stories").GetInt32());
        foreach (var side in (string[])["storyfold", "baseline"])
        {
            var bcubed = root.GetProperty(side).GetProperty("bcubed");
            var intervals = root.GetProperty("intervals").GetProperty(side);
            foreach (var (measure, name) in (ValueTuple<string, string>[])[("f1", "bcubed_f1"), ("precision", "bcubed_precision"), ("recall", "bcubed_recall")])
            {
                var range = intervals.GetProperty(name);
                var value = bcubed.GetProperty(measure).GetDouble();
                Assert.True(range[0].GetDouble() <= value + 1e-4 && value <= range[1].GetDouble() + 1e-4, $"{side} {measure} {value} outside {range}");
            }
        }

        // The three stories are told apart (the samples are written so); the single-pass baseline splits them further.
        Assert.Equal(1, root.GetProperty("storyfold").GetProperty("bcubed").GetProperty("f1").GetDouble(), 6);
        Assert.InRange(root.GetProperty("storyfold_ahead").GetProperty("bcubed_f1").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task Prints_the_intervals_under_the_table()
    {
        using var temp = new TempDirectory();
        var labelled = WriteLabelled(temp);

        var run = await CliRun.RunAsync("eval", "clustering", labelled);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(run.OutLines, line => line.StartsWith("B-cubed F1 95%", StringComparison.Ordinal) && line.Contains("1.000-1.000", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, line => line.StartsWith("(95% intervals: bootstrap over the 3 gold stories, 2,000 resamples", StringComparison.Ordinal));
    }
}
