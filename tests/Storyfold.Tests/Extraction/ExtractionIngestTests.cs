using System.Text.Json;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Extraction;

public sealed class ExtractionIngestTests
{
    private const string PageHtml = """
        <!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8">
        <title>Council backs harbour plan | Harbour Times</title>
        <meta property="og:site_name" content="Harbour Times">
        <meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
        </head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Council backs harbour plan</h1>
        <p>The city council voted on Tuesday to expand the harbour, a project that has divided residents for years.</p>
        <p>Supporters say the new quays will bring jobs, while opponents fear for the old fishing port and its beaches.</p>
        </article>
        <footer><p>© 2024 Harbour Times</p></footer>
        </body></html>
        """;

    [Fact]
    public async Task Ingest_of_an_html_page_stores_the_same_article_that_extract_prints()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("pages/harbour-vote.html", PageHtml);
        var db = temp.File("t.db");

        var extract = await CliRun.RunAsync("extract", path, "--jsonl");
        Assert.Equal(0, extract.ExitCode);
        var extracted = JsonDocument.Parse(Assert.Single(extract.OutLines)).RootElement;
        Assert.Equal("harbour-vote", extracted.GetProperty("id").GetString());
        Assert.Equal("Council backs harbour plan", extracted.GetProperty("title").GetString());
        Assert.Equal("2024-03-05T09:30:00+01:00", extracted.GetProperty("published").GetString());
        Assert.Equal("Harbour Times", extracted.GetProperty("site").GetString());
        Assert.Equal("en", extracted.GetProperty("language").GetString());

        var ingest = await CliRun.RunAsync("ingest", temp.File("pages"), "--db", db);
        Assert.Equal(0, ingest.ExitCode);
        var article = await CliRun.RunAsync("article", "harbour-vote", "--db", db, "--json");
        Assert.Equal(0, article.ExitCode);
        var stored = JsonDocument.Parse(article.Out).RootElement;
        Assert.Equal(extracted.GetProperty("title").GetString(), stored.GetProperty("title").GetString());
        Assert.Equal(extracted.GetProperty("published").GetString(), stored.GetProperty("published").GetString());
        Assert.Equal(extracted.GetProperty("text").GetString(), stored.GetProperty("text").GetString());
        Assert.Equal(extracted.GetProperty("language").GetString(), stored.GetProperty("language").GetString());
        Assert.Equal(extracted.GetProperty("site").GetString(), stored.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Extract_reads_gzipped_pages_in_directories_in_order_and_reports_bad_ones_with_exit_3()
    {
        using var temp = new TempDirectory();
        temp.Write("site/a-first.html", PageHtml);
        using (var gz = new System.IO.Compression.GZipStream(File.Create(temp.File("site/b-second.html.gz")), System.IO.Compression.CompressionLevel.Fastest))
        {
            gz.Write(System.Text.Encoding.UTF8.GetBytes(PageHtml.Replace("Council backs", "Mayor backs")));
        }

        temp.Write("site/c-empty.htm", "");
        temp.Write("site/notes.txt", "not a page");

        var run = await CliRun.RunAsync("extract", temp.File("site"), "--jsonl");
        Assert.Equal(3, run.ExitCode);
        var ids = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(["a-first", "b-second"], ids);
        Assert.Contains("Mayor backs harbour plan", run.OutLines[1]);
        var error = Assert.Single(run.ErrorLines);
        Assert.Matches(@"^storyfold: .*c-empty\.htm: empty file$", error);
    }

    [Fact]
    public async Task Eval_extraction_meets_its_accuracy_floor_on_the_first_dev_pages()
    {
        var truth = Path.Combine(SharedData.Require("data/extraction/wcxb-dev"), "ground-truth.jsonl");
        var run = await CliRun.RunAsync("eval", "extraction", truth, "--limit", "60", "--json");
        Assert.Equal(0, run.ExitCode);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(60, report.GetProperty("pages").GetInt32());
        Assert.True(report.GetProperty("shingle_f1").GetDouble() >= 0.90, run.Out);
        Assert.True(report.GetProperty("bow_f1").GetDouble() >= 0.90, run.Out);
        Assert.True(report.GetProperty("title_accuracy").GetDouble() >= 0.75, run.Out);
        Assert.True(report.GetProperty("date_accuracy").GetDouble() >= 0.75, run.Out);
        Assert.True(report.GetProperty("author_pages").GetInt32() > 0, run.Out);
        Assert.True(report.GetProperty("author_accuracy").GetDouble() >= 0.6, run.Out);

        // Its pages are timed over repeated passes (15 s in all, at most 10), the mean of them giving its pages/s.
        Assert.InRange(report.GetProperty("timed_passes").GetInt32(), 2, 10);
        Assert.True(report.GetProperty("pages_per_second").GetDouble() > 0, run.Out);
    }
}
