using System.Text.Json;
using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Evaluation;

/// <summary>One story to summarise: its articles and, for evaluation, the reference summary editors wrote.</summary>
public sealed record SummaryCase(string Case, IReadOnlyList<Article> Articles, string? ReferenceSummary, string? ReferenceTitle);

/// <summary>The result of reading one line of a cases file: a case, or what is wrong with the line.</summary>
public readonly record struct SummaryCaseLine(SummaryCase? Case, string? Problem);

/// <summary>Reads <c>{case, articles:[{id,title,text,published?}], reference_summary?}</c> lines.</summary>
public static class SummaryCaseReader
{
    public static SummaryCaseLine Parse(string line, string origin, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return new SummaryCaseLine(null, $"not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new SummaryCaseLine(null, "expected a JSON object");
            }

            var name = root.TryGetProperty("case", out var c) ? c.ToString() : $"line-{lineNumber}";
            if (!root.TryGetProperty("articles", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return new SummaryCaseLine(null, "missing \"articles\" array");
            }

            var cleaner = new ArticleCleaner();
            var articles = new List<Article>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                index++;
                var text = item.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var input = new ArticleInput
                {
                    Id = item.TryGetProperty("id", out var id) ? id.ToString() : $"{name}-{index}",
                    Origin = origin,
                    Line = lineNumber,
                    Title = item.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null,
                    Text = text,
                    Published = item.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String ? PublicationDate.TryParseIso(p.GetString()) : null,
                };
                if (cleaner.Clean(input).Article is { } article)
                {
                    articles.Add(article);
                }
            }

            if (articles.Count == 0)
            {
                return new SummaryCaseLine(null, "no article with text");
            }

            string? Text(string property) => root.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new SummaryCaseLine(new SummaryCase(name, articles, Text("reference_summary"), Text("reference_title")), null);
        }
    }
}
