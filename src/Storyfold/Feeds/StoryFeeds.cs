using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Storyfold.News;

namespace Storyfold.Feeds;

/// <summary>A story with its articles, as a feed entry shows it.</summary>
public sealed record StoryFeedEntry(StoryInfo Story, IReadOnlyList<Article> Articles);

/// <summary>Where the published feeds and the pages they link to live.</summary>
public sealed record StoryFeedSite(Uri BaseUrl)
{
    public string Title { get; init; } = "Storyfold stories";

    /// <summary>The page of one story, relative to the base URL; <c>{0}</c> is the story id.</summary>
    public string StoryPagePath { get; init; } = "stories/{0}";

    public string StoryPage(string storyId) => Absolute(string.Format(CultureInfo.InvariantCulture, StoryPagePath, Uri.EscapeDataString(storyId)));

    public string Absolute(string path) => new Uri(BaseUrl, path).AbsoluteUri;
}

/// <summary>
/// Writes the stories as Atom 1.0 and JSON Feed 1.1, so people can follow them in their own reader: one feed of all
/// stories (an entry a story, updated when it grows) and one feed per story (an entry an article).
/// </summary>
public static class StoryFeeds
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string StoriesAtom(IReadOnlyList<StoryFeedEntry> stories, StoryFeedSite site, DateTimeOffset now)
    {
        var updated = stories.Select(Updated).OfType<DateTimeOffset>().DefaultIfEmpty(now).Max();
        return Atom(site.Title, site.BaseUrl.AbsoluteUri, site.Absolute("feeds/stories.atom"), site.Absolute("feeds/stories"), updated,
            stories.Select(s => new Entry(
                site.StoryPage(s.Story.StoryId), s.Story.Headline, site.StoryPage(s.Story.StoryId),
                First(s) ?? Updated(s) ?? now, Updated(s) ?? now, StorySummary(s), StoryHtml(s), Sources(s.Articles), null)));
    }

    public static string StoriesJson(IReadOnlyList<StoryFeedEntry> stories, StoryFeedSite site, DateTimeOffset now) =>
        Json(site.Title, site.BaseUrl.AbsoluteUri, site.Absolute("feeds/stories.json"),
            stories.Select(s => new Entry(
                site.StoryPage(s.Story.StoryId), s.Story.Headline, site.StoryPage(s.Story.StoryId),
                First(s) ?? Updated(s) ?? now, Updated(s) ?? now, StorySummary(s), StoryHtml(s), Sources(s.Articles), null)));

    /// <summary>One story's articles, oldest first as the story unfolded, so a reader shows each new report as it joins.</summary>
    public static string StoryAtom(StoryFeedEntry story, StoryFeedSite site, DateTimeOffset now)
    {
        var id = Uri.EscapeDataString(story.Story.StoryId);
        return Atom(story.Story.Headline, site.StoryPage(story.Story.StoryId), site.Absolute($"feeds/stories/{id}.atom"),
            site.StoryPage(story.Story.StoryId) + "#feed", Updated(story) ?? now, story.Articles.Select(a => ArticleEntry(a, site, now)));
    }

    public static string StoryJson(StoryFeedEntry story, StoryFeedSite site, DateTimeOffset now)
    {
        var id = Uri.EscapeDataString(story.Story.StoryId);
        return Json(story.Story.Headline, site.StoryPage(story.Story.StoryId), site.Absolute($"feeds/stories/{id}.json"),
            story.Articles.Select(a => ArticleEntry(a, site, now)));
    }

    private sealed record Entry(
        string Id, string Title, string Link, DateTimeOffset Published, DateTimeOffset Updated, string Summary, string ContentHtml,
        IReadOnlyList<string> Sources, string? Author);

    private static Entry ArticleEntry(Article article, StoryFeedSite site, DateTimeOffset now)
    {
        var paragraphs = article.Paragraphs.ToList();
        var lead = paragraphs.Count > 0 ? paragraphs[0] : "";
        var html = new StringBuilder();
        foreach (var paragraph in paragraphs.Take(3))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        if (article.Source is not null)
        {
            html.Append("<p><em>").Append(WebUtility.HtmlEncode(article.Source)).Append("</em></p>");
        }

        var when = article.Published?.Value ?? now;
        var link = article.Url ?? site.Absolute($"api/articles/{Uri.EscapeDataString(article.Id)}");
        return new Entry("urn:storyfold:article:" + article.Id, article.DisplayTitle, link, when, when,
            lead.Length > 400 ? lead[..400] + "…" : lead, html.ToString(), article.Source is null ? [] : [article.Source], article.Author);
    }

    private static string StorySummary(StoryFeedEntry entry)
    {
        var story = entry.Story;
        var span = (story.FirstPublished, story.LastPublished) switch
        {
            ({ } first, { } last) when first.Day != last.Day => $", {first.Day:yyyy-MM-dd} to {last.Day:yyyy-MM-dd}",
            ({ } first, _) => $", {first.Day:yyyy-MM-dd}",
            _ => "",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{story.Articles} article{(story.Articles == 1 ? "" : "s")} from {story.Sources} source{(story.Sources == 1 ? "" : "s")}{span}.");
    }

    private static string StoryHtml(StoryFeedEntry entry)
    {
        var html = new StringBuilder();
        html.Append("<p>").Append(WebUtility.HtmlEncode(StorySummary(entry))).Append("</p><ul>");
        foreach (var article in entry.Articles)
        {
            html.Append("<li>");
            var title = WebUtility.HtmlEncode(article.DisplayTitle);
            if (article.Url is not null)
            {
                html.Append("<a href=\"").Append(WebUtility.HtmlEncode(article.Url)).Append("\">").Append(title).Append("</a>");
            }
            else
            {
                html.Append(title);
            }

            var meta = string.Join(", ", new[] { article.Source, article.Published?.ToIso() }.OfType<string>());
            if (meta.Length > 0)
            {
                html.Append(" — ").Append(WebUtility.HtmlEncode(meta));
            }

            html.Append("</li>");
        }

        return html.Append("</ul>").ToString();
    }

    private static IReadOnlyList<string> Sources(IEnumerable<Article> articles) =>
        articles.Select(a => a.Source).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static DateTimeOffset? Updated(StoryFeedEntry entry) =>
        entry.Articles.Select(a => a.Published?.Value).OfType<DateTimeOffset>().DefaultIfEmpty().Max() is var max && max != default
            ? max
            : entry.Story.LastPublished?.Value;

    private static DateTimeOffset? First(StoryFeedEntry entry) => entry.Story.FirstPublished?.Value;

    private static string Atom(string title, string alternate, string self, string id, DateTimeOffset updated, IEnumerable<Entry> entries)
    {
        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = false }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", AtomNs);
            writer.WriteElementString("title", AtomNs, title);
            writer.WriteElementString("id", AtomNs, id);
            writer.WriteElementString("updated", AtomNs, Rfc3339(updated));
            Link(writer, "self", self, "application/atom+xml");
            Link(writer, "alternate", alternate, "text/html");
            writer.WriteStartElement("generator", AtomNs);
            writer.WriteString("Storyfold");
            writer.WriteEndElement();
            foreach (var entry in entries)
            {
                writer.WriteStartElement("entry", AtomNs);
                writer.WriteElementString("id", AtomNs, entry.Id);
                writer.WriteElementString("title", AtomNs, entry.Title);
                Link(writer, "alternate", entry.Link, null);
                writer.WriteElementString("published", AtomNs, Rfc3339(entry.Published));
                writer.WriteElementString("updated", AtomNs, Rfc3339(entry.Updated));
                // Atom requires an author; the outlets that reported it stand in when no byline is known.
                writer.WriteStartElement("author", AtomNs);
                writer.WriteElementString("name", AtomNs, entry.Author ?? (entry.Sources.Count > 0 ? string.Join(", ", entry.Sources) : "Storyfold"));
                writer.WriteEndElement();
                foreach (var source in entry.Sources)
                {
                    writer.WriteStartElement("category", AtomNs);
                    writer.WriteAttributeString("term", source);
                    writer.WriteEndElement();
                }

                writer.WriteStartElement("summary", AtomNs);
                writer.WriteAttributeString("type", "text");
                writer.WriteString(entry.Summary);
                writer.WriteEndElement();
                writer.WriteStartElement("content", AtomNs);
                writer.WriteAttributeString("type", "html");
                writer.WriteString(entry.ContentHtml);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        // StringBuilder output declares UTF-16; the document is served as UTF-8.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter writer, string rel, string href, string? type)
    {
        writer.WriteStartElement("link", AtomNs);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        if (type is not null)
        {
            writer.WriteAttributeString("type", type);
        }

        writer.WriteEndElement();
    }

    private static string Json(string title, string home, string self, IEnumerable<Entry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "https://jsonfeed.org/version/1.1");
            writer.WriteString("title", title);
            writer.WriteString("home_page_url", home);
            writer.WriteString("feed_url", self);
            writer.WriteStartArray("items");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("id", entry.Id);
                writer.WriteString("url", entry.Link);
                writer.WriteString("title", entry.Title);
                writer.WriteString("content_html", entry.ContentHtml);
                writer.WriteString("summary", entry.Summary);
                writer.WriteString("date_published", Rfc3339(entry.Published));
                writer.WriteString("date_modified", Rfc3339(entry.Updated));
                if (entry.Author is not null)
                {
                    writer.WriteStartArray("authors");
                    writer.WriteStartObject();
                    writer.WriteString("name", entry.Author);
                    writer.WriteEndObject();
                    writer.WriteEndArray();
                }

                writer.WriteStartArray("tags");
                foreach (var source in entry.Sources)
                {
                    writer.WriteStringValue(source);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Rfc3339(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>Loads stories and their articles from the store for the story feeds.</summary>
public static class StoryFeedSource
{
    /// <summary>The first <paramref name="limit"/> of <paramref name="stories"/> (a listing, most recently active first) with their articles.</summary>
    public static async Task<IReadOnlyList<StoryFeedEntry>> RecentAsync(
        Storage.IArticleStore store, IEnumerable<StoryInfo> stories, int limit, CancellationToken cancellationToken)
    {
        var entries = new List<StoryFeedEntry>();
        foreach (var story in stories.Take(limit))
        {
            entries.Add(new StoryFeedEntry(story, await store.GetStoryArticlesAsync(story.StoryId, cancellationToken)));
        }

        return entries;
    }

    /// <summary>One story (or the story a merged-away id now belongs to) with its articles, or null when there is no such story.</summary>
    public static async Task<StoryFeedEntry?> StoryAsync(
        Storage.IArticleStore store, IReadOnlyDictionary<string, StoryInfo> stories, string storyId, CancellationToken cancellationToken)
    {
        var articles = await store.GetStoryArticlesAsync(storyId, cancellationToken);
        if (articles.Count == 0)
        {
            return null;
        }

        var story = stories.GetValueOrDefault(articles[0].StoryId ?? storyId);
        return story is null ? null : new StoryFeedEntry(story, articles);
    }
}
