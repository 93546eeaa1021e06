using System.Text.Json;
using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Evaluation;

/// <summary>One story to summarise: its articles and, for evaluation, the reference summary editors wrote.</summary>
public sealed record SummaryCase(string Case, IReadOnlyList<Article> Articles, string? ReferenceSummary, string? ReferenceTitle);

/// <summary>The result of reading one line of a cases file: a case, or what is wrong with the line.</summary>
public readonly record struct SummaryCaseLine(SummaryCase? Case, string? Problem);

/// <summary>An article of a corpus that cases name by id (<c>article_ids</c>), as JSON Lines gives it.</summary>
public sealed record CorpusArticle(string Id, string? Title, string Text, string? Published);

/// <summary>
/// Reads <c>{case, articles:[{id,title,text,published?}], reference_summary?}</c> lines, and clusters that name their
/// articles in a corpus instead (<c>{cluster_index, article_ids:[...], silver_summary}</c>, as MMDS's silver set does).
/// </summary>
public static class SummaryCaseReader
{
    /// <summary>Reads a JSON Lines corpus of <c>{id, title?, text, published?}</c> into a lookup by id; bad lines are skipped.</summary>
    public static async Task<IReadOnlyDictionary<string, CorpusArticle>> ReadCorpusAsync(string path, CancellationToken cancellationToken)
    {
        var corpus = new Dictionary<string, CorpusArticle>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && StringProperty(root, "id") is { } id && StringProperty(root, "text") is { } text)
                {
                    corpus[id] = new CorpusArticle(id, StringProperty(root, "title"), text, StringProperty(root, "published"));
                }
            }
            catch (JsonException)
            {
                // A corpus line that is not JSON names no article a case can ask for.
            }
        }

        return corpus;
    }

    public static SummaryCaseLine Parse(string line, string origin, int lineNumber, IReadOnlyDictionary<string, CorpusArticle>? corpus = null)
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

            var name = root.TryGetProperty("case", out var c) ? c.ToString()
                : root.TryGetProperty("cluster_index", out var cluster) ? $"cluster-{cluster}" : $"line-{lineNumber}";
            var items = new List<CorpusArticle>();
            if (root.TryGetProperty("articles", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    index++;
                    if (StringProperty(item, "text") is { } text)
                    {
                        items.Add(new CorpusArticle(item.TryGetProperty("id", out var id) ? id.ToString() : $"{name}-{index}", StringProperty(item, "title"), text, StringProperty(item, "published")));
                    }
                }
            }
            else if (root.TryGetProperty("article_ids", out var ids) && ids.ValueKind == JsonValueKind.Array)
            {
                if (corpus is null)
                {
                    return new SummaryCaseLine(null, "the case names its articles by id (\"article_ids\"): give the corpus that holds them (--articles)");
                }

                var missing = ids.EnumerateArray().Select(id => id.ToString()).Where(id => !corpus.ContainsKey(id)).ToList();
                if (missing.Count > 0)
                {
                    return new SummaryCaseLine(null, $"article {missing[0]} is not in the corpus");
                }

                items.AddRange(ids.EnumerateArray().Select(id => corpus[id.ToString()]));
            }
            else
            {
                return new SummaryCaseLine(null, "missing \"articles\" array");
            }

            var cleaner = new ArticleCleaner();
            var articles = new List<Article>();
            foreach (var item in items)
            {
                if (string.IsNullOrWhiteSpace(item.Text))
                {
                    continue;
                }

                var input = new ArticleInput
                {
                    Id = item.Id,
                    Origin = origin,
                    Line = lineNumber,
                    Title = item.Title,
                    Text = item.Text,
                    Published = PublicationDate.TryParseIso(item.Published),
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

            return new SummaryCaseLine(
                new SummaryCase(name, articles, StringProperty(root, "reference_summary") ?? StringProperty(root, "silver_summary"), StringProperty(root, "reference_title")), null);
        }
    }

    private static string? StringProperty(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
