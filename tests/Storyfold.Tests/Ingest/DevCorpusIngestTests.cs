using System.Text.Json;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Ingest;

/// <summary>The labelled dev corpora (real news nobody here wrote) ingest without a single rejected line.</summary>
public sealed class DevCorpusIngestTests
{
    [Fact]
    public async Task Every_clustering_dev_file_ingests_without_error()
    {
        var folder = SharedData.Require("data/clustering");
        var files = Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        var lines = files.Sum(f => File.ReadLines(f).Count(l => l.Trim().Length > 0));

        using var temp = new TempDirectory();
        var db = temp.File("t.db");
        var run = await CliRun.RunAsync(["ingest", .. files, "--db", db, "--json"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("", run.Error);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(lines, report.GetProperty("read").GetInt32());
        Assert.Equal(0, report.GetProperty("errors").GetInt32());
        // Every line is stored, or recognised as a copy of one that is (the corpora hold a few identical texts).
        Assert.Equal(lines, report.GetProperty("added").GetInt32() + report.GetProperty("unchanged").GetInt32());
        Assert.True(report.GetProperty("added").GetInt32() > lines * 0.9);
    }
}
