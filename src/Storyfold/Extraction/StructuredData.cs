using System.Text.Json;

namespace Storyfold.Extraction;

/// <summary>What a page's schema.org JSON-LD says about its article: headline, body, authors, dates, publisher, language.</summary>
internal sealed partial record StructuredData
{
    public string? Headline { get; init; }

    public string? ArticleBody { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? DatePublished { get; init; }

    public string? DateCreated { get; init; }

    public string? DateModified { get; init; }

    public string? Publisher { get; init; }

    public string? WebsiteName { get; init; }

    public string? Language { get; init; }

    public string? Url { get; init; }

    public static readonly StructuredData Empty = new();

    private const int MaxNodes = 5000;

    /// <summary>Reads the JSON-LD blocks of a page; malformed blocks are skipped, as browsers and crawlers do.</summary>
    public static StructuredData Read(IEnumerable<string> scripts)
    {
        JsonElement? article = null;
        var articleRank = int.MaxValue;
        string? websiteName = null;
        var publishedValues = new List<string>();
        // Nodes of a graph named by their @id: an article's author is often only a reference to a Person node elsewhere
        // in the graph ({"@id": "https://site/#/schema/person/5380ba65"}, as Yoast writes it).
        var namedNodes = new Dictionary<string, string>(StringComparer.Ordinal);
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var script in scripts)
            {
                var json = script.Trim();
                if (json.Length == 0 || json.Length > 2_000_000)
                {
                    continue;
                }

                if (json.StartsWith("<!--", StringComparison.Ordinal))
                {
                    json = json[4..].Replace("-->", "", StringComparison.Ordinal);
                }

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
                catch (JsonException)
                {
                    continue;
                }

                documents.Add(document);
                var pending = new Stack<JsonElement>();
                pending.Push(document.RootElement);
                var visited = 0;
                while (pending.Count > 0 && visited++ < MaxNodes)
                {
                    var element = pending.Pop();
                    if (element.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in element.EnumerateArray().Reverse())
                        {
                            pending.Push(item);
                        }

                        continue;
                    }

                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    if (Text(element, "@id") is { } id && Text(element, "name") is { } nodeName)
                    {
                        namedNodes.TryAdd(id, nodeName);
                    }

                    if (Text(element, "datePublished") is { } stated)
                    {
                        publishedValues.Add(stated);
                    }

                    var rank = ArticleRank(element);
                    if (rank < articleRank)
                    {
                        article = element;
                        articleRank = rank;
                    }

                    if (websiteName is null && HasType(element, t => t == "WebSite"))
                    {
                        websiteName = Text(element, "name");
                    }

                    if (element.TryGetProperty("@graph", out var graph))
                    {
                        pending.Push(graph);
                    }

                    // Articles are sometimes nested (mainEntity of a WebPage, an ItemList entry).
                    foreach (var name in (string[])["mainEntity", "mainEntityOfPage", "itemListElement", "item"])
                    {
                        if (element.TryGetProperty(name, out var nested) && nested.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                        {
                            pending.Push(nested);
                        }
                    }
                }
            }

            if (article is not { } found)
            {
                return websiteName is null ? Empty : new StructuredData { WebsiteName = websiteName };
            }

            return new StructuredData
            {
                Headline = Text(found, "headline") ?? Text(found, "name"),
                ArticleBody = Text(found, "articleBody") ?? Text(found, "text"),
                Authors = Names(found, "author", namedNodes).Concat(Names(found, "creator", namedNodes)).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                DatePublished = PreciseDatePublished(Text(found, "datePublished"), publishedValues),
                DateCreated = Text(found, "dateCreated") ?? Text(found, "uploadDate"),
                DateModified = Text(found, "dateModified"),
                Publisher = Names(found, "publisher", namedNodes).FirstOrDefault() ?? Names(found, "sourceOrganization", namedNodes).FirstOrDefault(),
                WebsiteName = websiteName,
                Language = Text(found, "inLanguage"),
                Url = Text(found, "url"),
            };
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    /// <summary>
    /// The article's datePublished, unless it is stamped at midnight exactly ("2023-05-17T00:00:00+0000": a day-only
    /// field written out as a time) and another node of the page (a second schema block, the WebPage of the graph) states
    /// the publication with a real time of day on the day before or after: that one is the moment the post went out, and
    /// the midnight stamp is its day in some other time zone.
    /// </summary>
    private static string? PreciseDatePublished(string? article, List<string> stated)
    {
        if (article is null || !MidnightStamp().IsMatch(article) || !TryDay(article, out var day))
        {
            return article;
        }

        foreach (var other in stated)
        {
            if (TimeOfDay().IsMatch(other) && !MidnightStamp().IsMatch(other) && TryDay(other, out var otherDay) &&
                Math.Abs(otherDay.DayNumber - day.DayNumber) == 1)
            {
                return other;
            }
        }

        return article;
    }

    private static bool TryDay(string value, out DateOnly day) =>
        DateOnly.TryParseExact(value.Length >= 10 ? value[..10] : value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out day);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d\d-\d\dT00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d\d:?\d\d)?$")]
    private static partial System.Text.RegularExpressions.Regex MidnightStamp();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d")]
    private static partial System.Text.RegularExpressions.Regex TimeOfDay();

    /// <summary>Lower is better: a news article over any article over a web page; int.MaxValue when not an article at all.</summary>
    private static int ArticleRank(JsonElement element)
    {
        var rank = int.MaxValue;
        foreach (var type in Types(element))
        {
            var r = type switch
            {
                "NewsArticle" or "ReportageNews" or "AnalysisNewsArticle" or "OpinionNewsArticle" or "BackgroundNewsArticle" => 0,
                "Article" or "BlogPosting" or "LiveBlogPosting" or "TechArticle" or "ScholarlyArticle" or "Report" or "SocialMediaPosting" => 1,
                _ when type.EndsWith("Article", StringComparison.Ordinal) || type.EndsWith("Posting", StringComparison.Ordinal) => 1,
                "Recipe" or "HowTo" or "Review" or "QAPage" => 2,
                "WebPage" or "ItemPage" or "AboutPage" or "FAQPage" or "CollectionPage" => 3,
                _ => int.MaxValue,
            };
            rank = Math.Min(rank, r);
        }

        return rank;
    }

    private static bool HasType(JsonElement element, Func<string, bool> test) => Types(element).Any(test);

    private static IEnumerable<string> Types(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            yield break;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            yield return Short(type.GetString()!);
        }
        else if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in type.EnumerateArray())
            {
                if (t.ValueKind == JsonValueKind.String)
                {
                    yield return Short(t.GetString()!);
                }
            }
        }
    }

    private static string Short(string type)
    {
        var slash = type.LastIndexOfAny(['/', ':']);
        return slash >= 0 ? type[(slash + 1)..] : type;
    }

    private static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            value = value.EnumerateArray().FirstOrDefault();
        }

        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("@value", out var inner))
        {
            value = inner;
        }

        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;
    }

    /// <summary>
    /// Names of people or organisations: a string, an object with <c>name</c> or with the <c>@id</c> of a node of the
    /// graph that has one (<paramref name="namedNodes"/>), or an array of these.
    /// </summary>
    private static IEnumerable<string> Names(JsonElement element, string name, Dictionary<string, string> namedNodes)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            yield break;
        }

        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        foreach (var item in items)
        {
            var text = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => Text(item, "name") ?? (Text(item, "@id") is { } id ? namedNodes.GetValueOrDefault(id) : null),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(text) && !text.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                yield return System.Net.WebUtility.HtmlDecode(text.Trim());
            }
        }
    }
}
