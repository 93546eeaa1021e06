using System.Globalization;
using System.Net;
using System.Text;
using Storyfold.News;

namespace Storyfold.Server.Web;

/// <summary>Small pieces of HTML writing: encoding, dates and the page frame every page shares.</summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Url(string segment) => Uri.EscapeDataString(segment);

    public static string StoryHref(string storyId) => "/stories/" + Url(storyId);

    public static string ArticleHref(string articleId) => "/articles/" + Url(articleId);

    public static string Day(PublicationDate date) => date.Day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Span(PublicationDate? first, PublicationDate? last) => (first, last) switch
    {
        (null, null) => "undated",
        ({ } a, { } b) when a.Day == b.Day => Day(a),
        ({ } a, { } b) when a.Day.Year == b.Day.Year =>
            $"{a.Day.ToString("d MMM", CultureInfo.InvariantCulture)} – {Day(b)}",
        ({ } a, { } b) => $"{Day(a)} – {Day(b)}",
        ({ } a, null) => Day(a),
        (null, { } b) => Day(b),
    };

    /// <summary>The date as an HTML time element, machine-readable and human-readable.</summary>
    public static string Time(PublicationDate? date) =>
        date is { } d ? $"<time datetime=\"{E(d.ToIso())}\">{E(Day(d))}</time>" : "<span class=\"muted\">undated</span>";

    public static string Plural(int count, string one, string many) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    /// <summary>Feed readers find a story's own feed from its page (and the site's feed from every page).</summary>
    private static string StoryFeedLinks(string? storyId) => storyId is null ? "" : $"""
        <link rel="alternate" type="application/atom+xml" href="/feeds/stories/{Url(storyId)}.atom" title="This story's articles">
        <link rel="alternate" type="application/feed+json" href="/feeds/stories/{Url(storyId)}.json" title="This story's articles (JSON Feed)">
        """;

    /// <summary>The frame around every page: masthead with search, navigation, main landmark and footer.</summary>
    public static string Document(string title, string body, PageFrame frame)
    {
        var html = new StringBuilder(body.Length + 3000);
        html.Append($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>{E(title)} · Storyfold</title>
            <link rel="stylesheet" href="/assets/site.css?v={frame.AssetVersion}">
            <link rel="alternate" type="application/json" href="/api/stories" title="Stories (JSON)">
            <link rel="alternate" type="application/atom+xml" href="/feeds/stories.atom" title="Storyfold: latest stories">
            <link rel="alternate" type="application/feed+json" href="/feeds/stories.json" title="Storyfold: latest stories (JSON Feed)">
            {StoryFeedLinks(frame.StoryId)}
            <script src="/assets/site.js?v={frame.AssetVersion}" defer></script>
            </head>
            <body data-page="{frame.PageKind}">
            <a class="skip-link" href="#main">Skip to content</a>
            <header class="masthead">
              <div class="masthead-inner">
                <a class="brand" href="/" aria-label="Storyfold, front page"><span class="brand-mark" aria-hidden="true">❘❘❘</span>Storyfold</a>
                <form class="masthead-search" role="search" action="/search" method="get">
                  <label for="site-search" class="visually-hidden">Search articles</label>
                  <input id="site-search" name="q" type="search" placeholder="Search stories…" value="{E(frame.Query)}" autocomplete="off">
                  <kbd class="search-hint" aria-hidden="true">/</kbd>
                </form>
                <nav class="masthead-nav" aria-label="Main">
                  <a href="/"{Current(frame.PageKind, "front")}>Stories</a>
                  <a href="/search"{Current(frame.PageKind, "search")}>Search</a>
                  {(frame.WritesAllowed ? $"<a href=\"/add\"{Current(frame.PageKind, "add")}>Add articles</a>" : "")}
                </nav>
              </div>
            </header>
            <main id="main" tabindex="-1">
            """);
        html.Append(body);
        html.Append("""
            </main>
            <footer class="site-footer">
              <p>Storyfold folds many articles into one story, with every sentence cited to its sources.</p>
              <p class="keys" aria-label="Keyboard shortcuts"><kbd>j</kbd>/<kbd>k</kbd> next / previous story · <kbd>Enter</kbd> open · <kbd>/</kbd> search</p>
              <p><a href="/openapi/v1.json">API (OpenAPI)</a></p>
            </footer>
            </body>
            </html>
            """);
        return html.ToString();
    }

    private static string Current(string pageKind, string kind) => pageKind == kind ? " aria-current=\"page\"" : "";
}

/// <summary>What the frame needs to know about the page it wraps.</summary>
public sealed record PageFrame(string PageKind, string AssetVersion, bool WritesAllowed, string? Query = null, string? StoryId = null);
