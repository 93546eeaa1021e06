using System.Text.Json;
using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Feeds;

/// <summary>Reads JSON Feed 1.0 and 1.1 (authors or author, content_html or content_text, attachments).</summary>
internal static class JsonFeedParser
{
    public static FeedParseResult Parse(string json, Uri? documentUrl)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = 64,
            });
        }
        catch (JsonException e)
        {
            return FeedParseResult.Failed($"malformed JSON Feed (line {(e.LineNumber ?? 0) + 1}): {FirstSentence(e.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return FeedParseResult.Failed("not a JSON Feed: expected an object");
            }

            var warnings = new List<string>();
            var home = Text(root, "home_page_url");
            var baseUrl = XmlFeedParser.Resolve(home, documentUrl) is { } site ? new Uri(site) : documentUrl;
            var feedAuthor = Author(root);
            var language = Text(root, "language");
            var items = new List<FeedItem>();
            if (!root.TryGetProperty("items", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                warnings.Add("no \"items\" array; the feed has no items");
            }
            else
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    index++;
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        warnings.Add($"item {index}: not an object, skipped");
                        continue;
                    }

                    var url = XmlFeedParser.Resolve(Text(item, "url"), baseUrl) ?? XmlFeedParser.Resolve(Text(item, "external_url"), baseUrl);
                    items.Add(new FeedItem
                    {
                        Guid = Text(item, "id"),
                        Link = url,
                        Title = FeedMarkup.CleanTitle(Text(item, "title")),
                        ContentHtml = Text(item, "content_html"),
                        ContentText = Text(item, "content_text"),
                        SummaryHtml = Text(item, "summary") is { } summary ? System.Net.WebUtility.HtmlEncode(summary) : null,
                        Published = Date(item, "date_published", index, warnings) ?? Date(item, "date_modified", index, warnings),
                        Updated = Date(item, "date_modified", index, warnings),
                        Author = Author(item) ?? feedAuthor,
                        Language = Text(item, "language") ?? language,
                        Enclosures = Attachments(item, baseUrl),
                    });
                }
            }

            return new FeedParseResult(new ParsedFeed(FeedFormat.JsonFeed, FeedMarkup.CleanTitle(Text(root, "title")),
                XmlFeedParser.Resolve(home, documentUrl), language, items), warnings, null);
        }
    }

    private static PublicationDate? Date(JsonElement item, string name, int index, List<string> warnings)
    {
        var text = Text(item, name);
        if (text is null)
        {
            return null;
        }

        var parsed = DateParsing.Parse(text) ?? DateParsing.Parse(FeedDates.Normalise(text));
        if (parsed is null && name == "date_published")
        {
            warnings.Add($"item {index}: unreadable date '{text}', left empty");
        }

        return parsed;
    }

    private static string? Author(JsonElement element)
    {
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var names = authors.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object)
                .Select(a => Text(a, "name")).OfType<string>().ToList();
            if (names.Count > 0)
            {
                return string.Join(", ", names);
            }
        }

        return element.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? Text(author, "name") : null;
    }

    private static IReadOnlyList<FeedEnclosure> Attachments(JsonElement item, Uri? baseUrl)
    {
        if (!item.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return attachments.EnumerateArray()
            .Where(a => a.ValueKind == JsonValueKind.Object)
            .Select(a => XmlFeedParser.Resolve(Text(a, "url"), baseUrl) is { } url
                ? new FeedEnclosure(url, Text(a, "mime_type"),
                    a.TryGetProperty("size_in_bytes", out var size) && size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out var n) ? n : null)
                : null)
            .OfType<FeedEnclosure>()
            .ToList();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => XmlFeedParser.NonEmpty(value.GetString()),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
