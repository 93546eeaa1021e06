using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Cli;

/// <summary>Each kind of bad input gets one contract-shaped line on stderr, and everything else is still ingested (exit 3).</summary>
public sealed partial class BadInputTests
{
    private const string GoodText = "The harbour authority closed the northern quay on Monday after a crane collapsed.\n\nNobody was hurt, a spokeswoman said.";

    /// <summary>Ingests one good file plus the bad one, and returns the run and the ids stored.</summary>
    private static async Task<(CliRun Run, IReadOnlyList<string> Ids)> IngestWithGoodFileAsync(TempDirectory temp, params string[] bad)
    {
        var good = temp.Write("good/quay.txt", GoodText);
        var db = temp.File("t.db");
        var run = await CliRun.RunAsync(["ingest", good, .. bad, "--db", db]);
        var export = await CliRun.RunAsync("export", "--db", db);
        var ids = export.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToList();
        return (run, ids);
    }

    private static void AssertOneErrorLine(CliRun run, string source, int? line, string messagePart)
    {
        var lines = run.ErrorLines;
        Assert.All(lines, l => Assert.Matches(ErrorShape(), l));
        var where = line is { } n ? $"{source}:{n}" : source;
        var match = Assert.Single(lines, l => l.StartsWith($"storyfold: {where}: ", StringComparison.Ordinal));
        Assert.Contains(messagePart, match, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Empty_file()
    {
        using var temp = new TempDirectory();
        var bad = temp.Write("empty.txt", "");
        var (run, ids) = await IngestWithGoodFileAsync(temp, bad);
        Assert.Equal(3, run.ExitCode);
        AssertOneErrorLine(run, bad, null, "empty file");
        Assert.Equal(["quay"], ids);
    }

    [Fact]
    public async Task Whitespace_only_file_is_empty()
    {
        using var temp = new TempDirectory();
        var bad = temp.Write("blank.jsonl", "\n   \n\t\n");
        var (run, ids) = await IngestWithGoodFileAsync(temp, bad);
        Assert.Equal(3, run.ExitCode);
        AssertOneErrorLine(run, bad, null, "empty file");
        Assert.Equal(["quay"], ids);
    }

    [Fact]
    public async Task Binary_file()
    {
        using var temp = new TempDirectory();
        var bad = temp.WriteBytes("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        var (run, ids) = await IngestWithGoodFileAsync(temp, bad);
        Assert.Equal(3, run.ExitCode);
        AssertOneErrorLine(run, bad, null, "binary");
        Assert.Equal(["quay"], ids);
    }

    [Fact]
    public async Task Invalid_utf8_names_the_line()
    {
        using var temp = new TempDirectory();
        var bytes = Encoding.UTF8.GetBytes("The quay closed.\nThe crane \u00e9 fell.\n").ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'\n') + 5, new byte[] { 0xC3, 0x28 });
        var bad = temp.WriteBytes("latin.txt", [.. bytes]);
        var (run, ids) = await IngestWithGoodFileAsync(temp, bad);
        Assert.Equal(3, run.ExitCode);
        AssertOneErrorLine(run, bad, 2, "invalid UTF-8");
        Assert.Equal(["quay"], ids);
    }

    [Fact]
    public async Task Jsonl_lines_that_are_malformed_or_incomplete_are_reported_by_line_and_the_rest_is_stored()
    {
        using var temp = new TempDirectory();
        string[] lines =
        [
            """{"id":"ok-1","text":"The quay closed on Monday after the crane fell. Nobody was hurt."}""",
            """{"id":"broken","text":""",
            """{"text":"An article without an id is refused."}""",
            """{"id":"no-text","title":"Only a title"}""",
            """{"id":"","text":"An empty id is no id."}""",
            """["not","an","object"]""",
            """{"id":"ok-2","text":"Cargo handling resumed on Thursday at the southern terminal."}""",
            "\u0001\u0002\u0000binary junk",
        ];
        var bad = temp.Write("mixed.jsonl", string.Join('\n', lines) + "\n");
        var (run, ids) = await IngestWithGoodFileAsync(temp, bad);

        Assert.Equal(3, run.ExitCode);
        AssertOneErrorLine(run, bad, 2, "malformed JSON");
        AssertOneErrorLine(run, bad, 3, "missing \"id\"");
        AssertOneErrorLine(run, bad, 4, "neither \"text\" nor \"html\"");
        AssertOneErrorLine(run, bad, 5, "missing \"id\"");
        AssertOneErrorLine(run, bad, 6, "expected a JSON object");
        AssertOneErrorLine(run, bad, 8, "binary");
        Assert.Equal(6, run.ErrorLines.Count);
        Assert.Equal(["ok-1", "ok-2", "quay"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Nonexistent_path()
    {
        using var temp = new TempDirectory();
        var missing = temp.File("nowhere/article.txt");
        var (run, ids) = await IngestWithGoodFileAsync(temp, missing);
        Assert.Equal(3, run.ExitCode);
        AssertOneErrorLine(run, missing, null, "no such file");
        Assert.Equal(["quay"], ids);
    }

    [Fact]
    public async Task File_without_read_permission()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Skip("file modes are POSIX");
            return;
        }

        using var temp = new TempDirectory();
        var locked = temp.Write("locked.txt", GoodText.Replace("Monday", "Tuesday", StringComparison.Ordinal));
        File.SetUnixFileMode(locked, UnixFileMode.None);
        if (CanRead(locked))
        {
            Assert.Skip("running as root: chmod 000 still reads, so an unreadable file cannot be made here");
        }

        var (run, ids) = await IngestWithGoodFileAsync(temp, locked);
        Assert.Equal(3, run.ExitCode);
        AssertOneErrorLine(run, locked, null, "cannot read");
        Assert.Equal(["quay"], ids);
    }

    [Fact]
    public async Task Date_header_with_an_impossible_date()
    {
        using var temp = new TempDirectory();
        var bad = temp.Write("feb30.txt", " date 2023-02-30 " + GoodText.Replace("Monday", "Friday", StringComparison.Ordinal));
        var (run, ids) = await IngestWithGoodFileAsync(temp, bad);
        Assert.Equal(3, run.ExitCode);
        AssertOneErrorLine(run, bad, 1, "impossible date '2023-02-30'");
        Assert.Equal(["quay"], ids);
    }

    [Theory]
    [InlineData("report.pdf", "%PDF-1.4 binary")]
    [InlineData("notes.docx", "PK zipped")]
    [InlineData("README", "no extension at all")]
    public async Task Unsupported_formats_are_reported_not_skipped(string name, string content)
    {
        using var temp = new TempDirectory();
        var bad = temp.Write(name, content);
        var (run, ids) = await IngestWithGoodFileAsync(temp, bad);
        Assert.Equal(3, run.ExitCode);
        AssertOneErrorLine(run, bad, null, "unsupported format");
        Assert.Equal(["quay"], ids);
    }

    [Fact]
    public async Task Only_bad_input_fails_with_exit_1()
    {
        using var temp = new TempDirectory();
        var bad = temp.Write("empty.txt", "");
        var run = await CliRun.RunAsync("ingest", bad, "--db", temp.File("t.db"));
        Assert.Equal(1, run.ExitCode);
        AssertOneErrorLine(run, bad, null, "empty file");
    }

    [Fact]
    public async Task Stdin_lines_are_named_dash()
    {
        using var temp = new TempDirectory();
        var run = await CliRun.RunWithStdinAsync(
            "{\"id\":\"s1\",\"text\":\"The quay reopened on Friday morning.\"}\n{oops\n", "ingest", "-", "--db", temp.File("t.db"));
        Assert.Equal(3, run.ExitCode);
        AssertOneErrorLine(run, "-", 2, "malformed JSON");
    }

    [Theory]
    [InlineData("ingest", "--bogus", "x.txt")]
    [InlineData("ingest")]
    [InlineData("export", "--format", "xml")]
    [InlineData("export", "--bogus")]
    [InlineData("article")]
    [InlineData("stories", "--limit")]
    [InlineData("no-such-command")]
    public async Task Usage_errors_exit_2_with_contract_shaped_lines(params string[] args)
    {
        using var temp = new TempDirectory();
        var run = await CliRun.RunAsync([.. args, "--db", temp.File("t.db")]);
        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.ErrorLines);
        Assert.All(run.ErrorLines, l => Assert.Matches(ErrorShape(), l));
        Assert.Equal("", run.Out);
    }

    private static bool CanRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^storyfold: [^:]+(:\d+)?: \S.*$")]
    private static partial Regex ErrorShape();
}
