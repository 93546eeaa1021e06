using System.Text.RegularExpressions;
using Storyfold.Cli.Commands;
using Storyfold.Tests.Extraction;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Cli;

/// <summary><c>bench extract</c> on pages the test writes: the memory lines, and what <c>--damage</c> adds.</summary>
public sealed class BenchExtractCommandTests
{
    private static string WritePages(TempDirectory temp)
    {
        var folder = Directory.CreateDirectory(temp.File("pages")).FullName;
        File.WriteAllText(Path.Combine(folder, "harbour.html"),
            $"<html><head><title>Council backs harbour plan</title></head><body><article><h1>Council backs harbour plan</h1>{PageExtractorTests.Story}</article></body></html>");
        File.WriteAllText(Path.Combine(folder, "ferry.htm"),
            "<html><head><title>Ferries halted</title></head><body><main><h1>Ferries halted</h1>" +
            "<p>Ferries between Marrowby and the islands were halted on Wednesday while engineers checked the damaged harbour wall.</p>" +
            "<p>The operator said sailings would resume on Friday if the weather allowed, and passengers could change their tickets free of charge.</p></main></body></html>");
        return folder;
    }

    [Fact]
    public async Task Prints_throughput_and_memory_at_intervals_and_no_damage_line_unless_asked()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync("bench", "extract", WritePages(temp), "--pages", "20", "--every", "10");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("pages  pages/s", run.OutLines[0]);
        Assert.Matches(@"^10\s+[0-9.]+\s+[0-9]+\s+[0-9]+\s+0$", run.OutLines[1]);
        Assert.Matches(@"^20\s+[0-9.]+\s+[0-9]+\s+[0-9]+\s+0$", run.OutLines[2]);
        Assert.StartsWith("20 pages (", run.OutLines[3]);
        Assert.DoesNotContain("damaged", run.Out);
    }

    [Fact]
    public async Task Damages_every_page_reports_no_crash_and_damages_the_same_way_again_from_the_same_seed()
    {
        using var temp = new TempDirectory();
        var folder = WritePages(temp);
        string[] args = ["bench", "extract", folder, "--pages", "120", "--every", "60", "--damage", "--seed", "5"];

        var run = await CliRun.RunAsync(args);
        var again = await CliRun.RunAsync(args);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("", run.Error);
        var summary = run.OutLines[^1];
        Assert.StartsWith("damaged (seed 5): ", summary);
        Assert.Contains("; crashed 0; ", summary);
        var counts = Enum.GetValues<DamageKind>().Select(kind => int.Parse(Regex.Match(summary, $@"\b{kind} ([0-9]+)").Groups[1].Value)).ToList();
        Assert.Equal(120, counts.Sum());
        Assert.All(counts, count => Assert.True(count > 0));
        Assert.Matches(@"slowest [0-9.]+ s \(.*(harbour\.html|ferry\.htm), [A-Za-z]+\)$", summary);
        // The same seed, the same damage: the same kinds and the same pages left without an article.
        Assert.Equal(Regex.Replace(summary, @"slowest .*", ""), Regex.Replace(again.OutLines[^1], @"slowest .*", ""));
    }
}
