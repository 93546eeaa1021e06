using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Ingest;

/// <summary>Killing the real CLI mid-ingest leaves a sound store holding whole articles, and a rerun completes it.</summary>
public sealed class KillSafetyTests
{
    private const int Articles = 24_000;

    [Fact]
    public async Task A_killed_ingest_leaves_whole_articles_and_a_rerun_stores_each_exactly_once()
    {
        using var temp = new TempDirectory();
        var corpus = WriteCorpus(temp.File("big.jsonl"));
        var db = temp.File("store.db");

        var firstBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var child = StartIngest(corpus, db, line =>
               {
                   if (line.Contains("Stored ", StringComparison.Ordinal))
                   {
                       firstBatch.TrySetResult();
                   }
               }))
        {
            // The debug log says when a batch has committed; kill while later batches are still being cleaned and stored.
            var exited = child.WaitForExitAsync(TestContext.Current.CancellationToken);
            var first = await Task.WhenAny(firstBatch.Task, exited, Task.Delay(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken));
            Assert.True(first == firstBatch.Task, "no batch was reported stored before the ingest ended or two minutes passed");
            Assert.False(child.HasExited, "the ingest finished before it could be killed; make the corpus larger");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check"));
        var stored = Count(db, "SELECT COUNT(*) FROM articles");
        Assert.InRange(stored, 1, Articles - 1);
        // Whole articles only: each stored row has its text, original and hash, and batches commit whole.
        Assert.Equal(0, Count(db, "SELECT COUNT(*) FROM articles WHERE length(text) = 0 OR length(original) = 0 OR length(content_hash) <> 32"));
        Assert.Equal(stored, Count(db, "SELECT COUNT(DISTINCT id) FROM articles"));
        Assert.Equal(0, stored % 2000);

        using (var rerun = StartIngest(corpus, db, _ => { }))
        {
            var output = await rerun.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await rerun.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(rerun.ExitCode == 0, output);
            Assert.Contains($"{Articles} in the store", output, StringComparison.Ordinal);
        }

        Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check"));
        Assert.Equal(Articles, Count(db, "SELECT COUNT(*) FROM articles"));
        Assert.Equal(Articles, Count(db, "SELECT COUNT(DISTINCT id) FROM articles"));
        Assert.Equal(Articles, Count(db, "SELECT COUNT(DISTINCT content_hash) FROM articles"));
    }

    private static Process StartIngest(string corpus, string db, Action<string> onErrorLine)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Storyfold.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "ingest", corpus, "--db", db })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["STORYFOLD_LOG"] = "Debug";
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the CLI");
        // Drain stderr as it comes, so a chatty child can never block on a full pipe.
        process.ErrorDataReceived += (_, e) => onErrorLine(e.Data ?? "");
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Distinct synthetic articles, long enough that the ingest takes a while.</summary>
    private static string WriteCorpus(string path)
    {
        string[] places = ["the northern quay", "the old bridge", "the river port", "the rail yard", "the airport road", "the city hall"];
        string[] events = ["a crane collapsed", "a fire broke out", "a water main burst", "a lorry overturned", "the power failed"];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var n = 0; n < Articles; n++)
        {
            var place = places[n % places.Length];
            var what = events[n / places.Length % events.Length];
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Officials said {what} near {place} early on day {n} of the inquiry.\n\n");
            for (var p = 0; p < 6; p++)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"Witness {p} of report {n} told reporters that crews arrived within {p + 5} minutes and that traffic was diverted for several hours while engineers checked the site.\n\n");
            }

            writer.WriteLine(JsonSerializer.Serialize(new { id = $"kill-{n:D6}", text = text.ToString(), published = "2024-05-01" }));
        }

        return path;
    }

    /// <summary>A connection that gives up on a busy store within a second instead of waiting out the writer.</summary>
    private static SqliteConnection Open(string db, bool readOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = db,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 1,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static int Count(string db, string sql, bool readOnly = false)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            return Convert.ToInt32(Scalar(db, sql, readOnly), CultureInfo.InvariantCulture);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 1 or 5 or 6)
        {
            // The schema is not created yet, or the writer holds a lock for a moment.
            return 0;
        }
    }

    private static object? Scalar(string db, string sql, bool readOnly = false)
    {
        using var connection = Open(db, readOnly);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
