using System.Text;
using System.Text.Json;
using Storyfold.Ingest;
using Storyfold.News;
using Storyfold.Storage;

namespace Storyfold.Server.Api;

/// <summary>What a POST of articles did, per article and in all.</summary>
public sealed record IntakeResult(IngestReport Report, IReadOnlyList<IntakeArticle> Articles);

/// <summary>One posted article after ingest: where it landed, or why it was not stored.</summary>
public sealed record IntakeArticle(string Id, string Status, string? StoryId);

/// <summary>
/// Turns a request body (one JSON article, an array, or JSON Lines) into the ingest pipeline's input, so articles
/// posted to the server are read, cleaned, deduplicated and assigned exactly as <c>storyfold ingest</c> does.
/// </summary>
public sealed class ArticleIntake(ArticleIngestor ingestor, IArticleStore store)
{
    /// <summary>One writer at a time: story assignment must see each batch's predecessors.</summary>
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Parses the body into JSON Lines; returns an error when it is not JSON of the accepted shapes.</summary>
    public static (string? Lines, int Count, string? Error) ToJsonLines(byte[] body, bool jsonLines)
    {
        if (jsonLines)
        {
            var text = Encoding.UTF8.GetString(body);
            var count = text.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l));
            return count == 0 ? (null, 0, "the body holds no articles") : (text, count, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return (null, 0, $"the body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var items = document.RootElement.ValueKind switch
            {
                JsonValueKind.Object => [document.RootElement],
                JsonValueKind.Array => document.RootElement.EnumerateArray().ToList(),
                _ => (List<JsonElement>?)null,
            };
            if (items is null)
            {
                return (null, 0, "the body must be one article object or an array of article objects");
            }

            if (items.Count == 0)
            {
                return (null, 0, "the array holds no articles");
            }

            var lines = new StringBuilder();
            foreach (var item in items)
            {
                // Each element becomes one line, so the reader's per-line errors name the element's position.
                lines.Append(item.GetRawText().ReplaceLineEndings(" ")).Append('\n');
            }

            return (lines.ToString(), items.Count, null);
        }
    }

    public async Task<IntakeResult> IngestAsync(string jsonLines, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(jsonLines);
        var input = new InputFile("body", "body", () => new MemoryStream(bytes, writable: false)) { Extensions = [".jsonl"] };
        IngestReport report;
        await _writer.WaitAsync(cancellationToken);
        try
        {
            report = await ingestor.IngestAsync([input], null, cancellationToken);
        }
        finally
        {
            _writer.Release();
        }

        var rejectedLines = report.Problems.Where(p => !p.IsWarning && p.Line is not null).Select(p => p.Line!.Value).ToHashSet();
        var articles = new List<IntakeArticle>();
        var lineNumber = 0;
        foreach (var line in jsonLines.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var id = ReadId(line) ?? "";
            if (rejectedLines.Contains(lineNumber) || id.Length == 0)
            {
                articles.Add(new IntakeArticle(id, "rejected", null));
                continue;
            }

            var stored = await store.GetArticleAsync(id, cancellationToken);
            articles.Add(stored is null
                ? new IntakeArticle(id, "duplicate", null)
                : new IntakeArticle(id, "stored", stored.StoryId ?? stored.Id));
        }

        return new IntakeResult(report, articles);
    }

    private static string? ReadId(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
