using System.Globalization;
using System.Net;
using System.Text;

namespace Storyfold.Tests.Feeds;

/// <summary>Feed documents the tests write: news items with distinct bodies, so each is an article of its own.</summary>
public static class FeedFixtures
{
    public sealed record Item(string Guid, string Title, string Body, string? Link = null, DateTimeOffset? Published = null, string? Summary = null);

    private static readonly string[] Topics =
    [
        "the harbour authority approved a new ferry terminal after months of public hearings",
        "farmers in the northern valley reported the earliest frost in thirty years, damaging orchards",
        "the city council voted to extend night bus services across four districts from next month",
        "researchers at the university published a study on coastal erosion along the southern cliffs",
        "a regional airline announced it will resume flights to the island after a two-year pause",
        "firefighters contained a warehouse blaze near the rail yard; no injuries were reported",
        "the central bank left interest rates unchanged, citing slowing inflation and steady employment",
        "volunteers planted two thousand trees along the river as part of a flood prevention scheme",
        "the national museum reopened its east wing after a renovation that took three years",
        "health officials opened three new clinics in rural districts to shorten waiting times",
        "a court ordered the mining company to restore wetlands it drained without a permit",
        "the teachers' union and the ministry reached an agreement on pay after week-long talks",
    ];

    /// <summary>A news-like body for item <paramref name="n"/>, different in words from every other.</summary>
    public static string Body(int n, string? place = null)
    {
        var topic = Topics[n % Topics.Length];
        var where = place ?? $"District {n}";
        return $"{where} — Officials said on Tuesday that {topic}. The decision, number {n}, follows a long review.\n\n" +
            $"Residents of {where} told reporters that item {n} mattered to them; local leaders promised updates in the coming weeks.";
    }

    public static Item NewsItem(int n, string host = "news.example.org") =>
        new($"https://{host}/story/{n}", $"Report {n}: {Topics[n % Topics.Length][..30]}", Body(n), $"https://{host}/story/{n}",
            new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero).AddHours(n));

    public static string Rss(string title, IEnumerable<Item> items)
    {
        var text = new StringBuilder();
        text.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
        text.Append($"<title>{WebUtility.HtmlEncode(title)}</title><link>https://news.example.org/</link>\n");
        foreach (var item in items)
        {
            text.Append("<item>\n");
            text.Append($"  <title>{WebUtility.HtmlEncode(item.Title)}</title>\n");
            if (item.Link is not null)
            {
                text.Append($"  <link>{WebUtility.HtmlEncode(item.Link)}</link>\n");
            }

            text.Append($"  <guid isPermaLink=\"false\">{WebUtility.HtmlEncode(item.Guid)}</guid>\n");
            if (item.Published is { } published)
            {
                text.Append($"  <pubDate>{published.ToString("r", CultureInfo.InvariantCulture)}</pubDate>\n");
            }

            if (item.Summary is not null)
            {
                text.Append($"  <description>{WebUtility.HtmlEncode(item.Summary)}</description>\n");
            }

            if (item.Body.Length > 0)
            {
                var html = string.Concat(item.Body.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
                text.Append($"  <content:encoded><![CDATA[{html}]]></content:encoded>\n");
            }

            text.Append("</item>\n");
        }

        text.Append("</channel>\n</rss>\n");
        return text.ToString();
    }

    public static string Rss(string title, params int[] items) => Rss(title, items.Select(n => NewsItem(n)));
}
