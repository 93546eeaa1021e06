using System.Text.Json;
using Microsoft.Data.Sqlite;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Cli;

/// <summary><c>bench ingest</c> on a corpus the test writes: the figures it reports, with and without the search index.</summary>
public sealed class BenchIngestCommandTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reports_every_replicated_article_stored_and_indexes_them_unless_told_not_to(bool withoutIndex)
    {
        using var temp = new TempDirectory();
        var data = Directory.CreateDirectory(temp.File("data")).FullName;
        await File.WriteAllLinesAsync(Path.Combine(data, "news.jsonl"),
        [
            """{"id":"a","title":"Harbour wall gives way in storm","text":"The old harbour wall at Marrowby gave way on Tuesday night as the storm drove waves over the quay."}""",
            """{"id":"b","title":"Ferry service halted","text":"Ferries between Marrowby and the islands were halted on Wednesday while engineers checked the damaged harbour."}""",
            """{"id":"c","title":"Council approves flood defences","text":"The county council approved new flood defences for the river towns after a vote on Thursday."}""",
        ], TestContext.Current.CancellationToken);
        var work = temp.File("work");
        string[] args = ["bench", "ingest", "--articles", "30", "--data", data, "--work", work, "--json"];

        var run = await CliRun.RunAsync(withoutIndex ? [.. args, "--without-search-index"] : args);

        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(!withoutIndex, report.GetProperty("search_index").GetBoolean());
        Assert.Equal(30, report.GetProperty("read").GetInt32());
        Assert.Equal(30, report.GetProperty("added").GetInt32());
        Assert.True(report.GetProperty("articles_per_second").GetDouble() > 0);

        using var connection = new SqliteConnection($"Data Source={Path.Combine(work, "bench.db")};Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'harbour'";
        Assert.Equal(withoutIndex ? 0L : 20L, (long)count.ExecuteScalar()!);
    }
}
