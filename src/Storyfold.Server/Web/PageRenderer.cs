using System.Text;
using Storyfold.Brief;
using Storyfold.News;
using Storyfold.Search;
using Storyfold.Server.Api;
using Storyfold.Server.Views;
using static Storyfold.Server.Web.Html;

namespace Storyfold.Server.Web;

/// <summary>Renders the web UI's pages as HTML, from the same views the API serves.</summary>
public sealed class PageRenderer(StoryViews views, ServerOptions options)
{
    public const int StoriesPerPage = 30;

    public string AssetVersion { get; } = WebAssets.Version;

    private PageFrame Frame(string kind, string? query = null, string? storyId = null) => new(kind, AssetVersion, options.WritesAllowed, query, storyId);

    public async Task<string> FrontPageAsync(Page page, CancellationToken cancellationToken)
    {
        var list = await views.StoriesAsync(cancellationToken);
        var body = new StringBuilder();
        var articleCount = list.Stories.Sum(s => s.Articles);
        body.Append($"""
            <div class="page-head">
              <h1>Latest stories</h1>
              <p class="lede">{Plural(list.Stories.Count, "story", "stories")} from {Plural(articleCount, "article", "articles")}, most recently active first.</p>
            </div>
            """);
        if (list.Stories.Count == 0)
        {
            body.Append($"""
                <section class="empty-state">
                  <h2>No stories yet</h2>
                  <p>Add articles with <code>storyfold ingest PATH</code>{(options.WritesAllowed ? ", or <a href=\"/add\">paste or drop them here</a>" : "")}. Stories appear as articles arrive.</p>
                </section>
                """);
            return Html.Document("Stories", body.ToString(), Frame("front"));
        }

        body.Append("<ol class=\"river\" data-nav-list>");
        foreach (var info in list.Stories.Skip(page.Offset).Take(page.Limit))
        {
            var detail = await views.StoryAsync(info.StoryId, cancellationToken);
            var entities = detail?.Brief.Entities.OrderByDescending(e => e.Mentions).Take(4).ToList() ?? [];
            var sources = detail?.Articles.Select(a => a.Source).Where(s => !string.IsNullOrWhiteSpace(s))
                .Distinct(StringComparer.OrdinalIgnoreCase).Take(4).ToList() ?? [];
            body.Append($"""
                <li class="story-card" data-nav-item>
                  <div class="story-card-main">
                    <h2 class="story-card-title"><a href="{StoryHref(info.StoryId)}">{E(info.Headline)}</a></h2>
                    <p class="meta">
                      <span>{Plural(info.Articles, "article", "articles")}</span>
                      <span>{Plural(info.Sources, "source", "sources")}</span>
                      <span>{E(Span(info.FirstPublished, info.LastPublished))}</span>
                    </p>
                    {(sources.Count > 0 ? $"<p class=\"sources-line\">{E(string.Join(" · ", sources))}</p>" : "")}
                    {(entities.Count > 0 ? "<ul class=\"chips\" aria-label=\"Top entities\">" + string.Concat(entities.Select(e => $"<li class=\"chip chip-{E(e.Type)}\">{E(e.Name)}</li>")) + "</ul>" : "")}
                  </div>
                  <div class="story-card-spark">{(detail is null ? "" : Charts.Sparkline(detail.Articles))}</div>
                </li>
                """);
        }

        body.Append("</ol>");
        body.Append(Pager(page, list.Stories.Count, "/?"));
        return Html.Document("Stories", body.ToString(), Frame("front"));
    }

    public async Task<string?> StoryPageAsync(string storyId, CancellationToken cancellationToken)
    {
        if (await views.StoryAsync(storyId, cancellationToken) is not { } story)
        {
            return null;
        }

        var brief = story.Brief;
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in brief.Articles)
        {
            numbers.TryAdd(article.Id, numbers.Count + 1);
        }

        var byId = story.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        string Cite(IReadOnlyList<string> sources) => string.Concat(sources.Where(numbers.ContainsKey).Select(id =>
        {
            var title = byId.TryGetValue(id, out var a) ? $"{a.Source ?? "unknown source"}: {a.DisplayTitle}" : id;
            return $"<a class=\"cite\" href=\"{ArticleHref(id)}\" title=\"{E(title)}\" aria-label=\"Source {numbers[id]}: {E(title)}\">{numbers[id]}</a>";
        }));

        var info = story.Info;
        var body = new StringBuilder();
        body.Append($"""
            <article class="story" aria-labelledby="story-title">
            <header class="story-head">
              <p class="kicker">Story · {Plural(info.Articles, "article", "articles")} from {Plural(info.Sources, "source", "sources")}</p>
              <h1 id="story-title">{E(brief.Headline)}</h1>
              <p class="meta"><span>{E(Span(info.FirstPublished, info.LastPublished))}</span><span><a href="/api/stories/{Url(storyId)}/brief">Brief as JSON</a></span></p>
            </header>
            <div class="story-grid">
            <div class="story-main">
            <section class="panel" aria-labelledby="summary-title">
              <h2 id="summary-title">Summary</h2>
            """);
        if (brief.Summary.Count == 0)
        {
            body.Append("<p class=\"muted\">No summary could be written for this story.</p>");
        }
        else
        {
            body.Append("<div class=\"summary\">");
            foreach (var sentence in brief.Summary)
            {
                body.Append($"<p>{E(sentence.Text)} <span class=\"cites\">{Cite(sentence.Sources)}</span></p>");
            }

            body.Append("</div>");
        }

        body.Append("</section>");
        body.Append(TimelineSection(brief, Cite));
        body.Append(ClaimsSection(brief.Claims, Cite));
        body.Append(FramingSection(brief.Framing, byId, Cite));
        body.Append("</div><aside class=\"story-side\" aria-label=\"About this story\">");
        body.Append($"""
            <section class="panel" aria-labelledby="coverage-heading">
              <h2 id="coverage-heading">Coverage by source</h2>
              {Charts.Coverage(story.Articles)}
              <div class="spark-wide">{Charts.Sparkline(story.Articles)}</div>
            </section>
            """);
        body.Append(EntitiesSection(brief.Entities));
        body.Append("<section class=\"panel\" aria-labelledby=\"articles-heading\"><h2 id=\"articles-heading\">Articles</h2><ol class=\"article-list\" data-nav-list>");
        foreach (var article in brief.Articles)
        {
            var inferred = article.PublishedInferred ? " <span class=\"muted\" title=\"date inferred from the text\">(inferred)</span>" : "";
            body.Append($"""
                <li id="article-{numbers[article.Id]}" data-nav-item>
                  <span class="num" aria-hidden="true">{numbers[article.Id]}</span>
                  <div><a href="{ArticleHref(article.Id)}">{E(article.Title)}</a>
                  <p class="meta"><span>{E(article.Source ?? "unknown source")}</span><span>{Time(PublicationDate.TryParseIso(article.Published))}{inferred}</span></p></div>
                </li>
                """);
        }

        body.Append("</ol></section></aside></div></article>");
        return Html.Document(brief.Headline, body.ToString(), Frame("story", storyId: story.Info.StoryId));
    }

    private static string TimelineSection(StoryBrief brief, Func<IReadOnlyList<string>, string> cite)
    {
        var html = new StringBuilder("<section class=\"panel\" aria-labelledby=\"timeline-heading\"><h2 id=\"timeline-heading\">Timeline</h2>");
        if (brief.Timeline.Count == 0)
        {
            html.Append("<p class=\"muted\">No dated events were found in the articles.</p></section>");
            return html.ToString();
        }

        html.Append("<ol class=\"timeline\">");
        foreach (var item in brief.Timeline.OrderBy(t => t.Date, StringComparer.Ordinal))
        {
            var when = item.End is null ? E(item.Date) : $"{E(item.Date)} – {E(item.End)}";
            html.Append($"""
                <li class="timeline-event{(item.End is null ? "" : " timeline-span")}">
                  <time datetime="{E(item.Date)}">{when}</time>
                  <p>{E(item.Text)} <span class="cites">{cite(item.Sources)}</span></p>
                </li>
                """);
        }

        html.Append("</ol></section>");
        return html.ToString();
    }

    private static string ClaimsSection(BriefClaims claims, Func<IReadOnlyList<string>, string> cite)
    {
        static string Items(IEnumerable<CitedText> items, Func<IReadOnlyList<string>, string> cite) =>
            "<ul>" + string.Concat(items.Select(c => $"<li>{E(c.Text)} <span class=\"cites\">{cite(c.Sources)}</span></li>")) + "</ul>";

        // A long list shows its first claims of each source and folds the rest, so one column does not run for pages.
        static string List(IReadOnlyList<CitedText> items, Func<IReadOnlyList<string>, string> cite, string empty, int perSource)
        {
            if (items.Count == 0)
            {
                return $"<p class=\"muted\">{empty}</p>";
            }

            var (shown, folded) = ClaimDigest.Split(items, perSource);
            return Items(shown, cite) + (folded.Count == 0
                ? ""
                : $"<details class=\"more-claims\"><summary>{folded.Count} more</summary>{Items(folded, cite)}</details>");
        }

        var conflicts = claims.Conflicts.Count == 0
            ? "<p class=\"muted\">No contradictions between sources were found.</p>"
            : string.Concat(claims.Conflicts.Select(c =>
                $"<div class=\"conflict\"><h4>{E(c.About)}</h4><ul>" +
                string.Concat(c.Versions.Select(v => $"<li><strong>{E(v.Value)}</strong>: {E(v.Text)} <span class=\"cites\">{cite(v.Sources)}</span></li>")) +
                "</ul></div>"));
        return $"""
            <section class="panel" aria-labelledby="claims-heading">
              <h2 id="claims-heading">What the sources say</h2>
              <div class="claims">
                <div class="claim-col claim-agreed"><h3>Agreed <span class="count">{claims.Agreed.Count}</span></h3>{List(claims.Agreed, cite, "No claim is carried by several sources yet.", ClaimDigest.Shown)}</div>
                <div class="claim-col claim-unique"><h3>Only one source <span class="count">{claims.Unique.Count}</span></h3>{List(claims.Unique, cite, "No claim rests on a single source.", ClaimDigest.UniquePerSource)}</div>
                <div class="claim-col claim-conflicts"><h3>Conflicting <span class="count">{claims.Conflicts.Count}</span></h3>{conflicts}</div>
              </div>
            </section>
            """;
    }

    private static string FramingSection(
        IReadOnlyList<Framing> framing, IReadOnlyDictionary<string, Article> byId, Func<IReadOnlyList<string>, string> cite)
    {
        if (framing.Count == 0)
        {
            return "<section class=\"panel\" aria-labelledby=\"framing-heading\"><h2 id=\"framing-heading\">Framing</h2><p class=\"muted\">The sources describe the actors alike.</p></section>";
        }

        var html = new StringBuilder("<section class=\"panel\" aria-labelledby=\"framing-heading\"><h2 id=\"framing-heading\">Framing</h2>");
        foreach (var item in framing)
        {
            html.Append($"<h3 class=\"framing-entity\">{E(item.Entity)}</h3><div class=\"framing-row\">");
            foreach (var description in item.Descriptions)
            {
                var source = description.Sources.Select(id => byId.TryGetValue(id, out var a) ? a.Source ?? Shorten(a.DisplayTitle) : null)
                    .FirstOrDefault(s => s is not null) ?? "a source";
                html.Append($"<blockquote class=\"framing-card\"><p>“{E(description.Text)}”</p><footer>{E(source)} {cite(description.Sources)}</footer></blockquote>");
            }

            html.Append("</div>");
        }

        html.Append("</section>");
        return html.ToString();
    }

    private static string EntitiesSection(IReadOnlyList<BriefEntity> entities)
    {
        var html = new StringBuilder("<section class=\"panel\" aria-labelledby=\"entities-heading\"><h2 id=\"entities-heading\">Who and what</h2>");
        if (entities.Count == 0)
        {
            html.Append("<p class=\"muted\">No people, organisations or places were identified.</p></section>");
            return html.ToString();
        }

        html.Append("<ul class=\"entities\">");
        foreach (var entity in entities.OrderByDescending(e => e.Mentions).Take(16))
        {
            var aliases = entity.Aliases.Count > 0 ? $"<span class=\"muted\"> also {E(string.Join(", ", entity.Aliases))}</span>" : "";
            var role = string.IsNullOrWhiteSpace(entity.Role) ? "" : $"<span class=\"entity-role\">{E(entity.Role)}</span>";
            html.Append($"<li><span class=\"chip chip-{E(entity.Type)}\">{E(entity.Type)}</span> <strong>{E(entity.Name)}</strong> {role}{aliases} <span class=\"count\" title=\"mentions\">{entity.Mentions}</span></li>");
        }

        html.Append("</ul></section>");
        return html.ToString();
    }

    public async Task<string?> ArticlePageAsync(Article? article, CancellationToken cancellationToken)
    {
        if (article is null)
        {
            return null;
        }

        var storyId = article.StoryId ?? article.Id;
        var story = await views.StoryAsync(storyId, cancellationToken);
        var host = Uri.TryCreate(article.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.Host : null;
        var body = new StringBuilder();
        body.Append($"""
            <article class="article" aria-labelledby="article-title">
            <header class="article-head">
              {(story is null ? "" : $"<p class=\"kicker\"><a href=\"{StoryHref(storyId)}\">Story: {E(story.Info.Headline)}</a> · {Plural(story.Info.Articles, "article", "articles")}</p>")}
              <h1 id="article-title">{E(article.DisplayTitle)}</h1>
              <dl class="article-meta">
                <div><dt>Source</dt><dd>{E(article.Source ?? "unknown")}</dd></div>
                <div><dt>Published</dt><dd>{Time(article.Published)}{(article.PublishedInferred ? " <span class=\"muted\">(inferred)</span>" : "")}</dd></div>
                {(article.Author is null ? "" : $"<div><dt>By</dt><dd>{E(article.Author)}</dd></div>")}
                {(article.Language is null ? "" : $"<div><dt>Language</dt><dd>{E(article.Language)}</dd></div>")}
                <div><dt>Id</dt><dd><code>{E(article.Id)}</code></dd></div>
              </dl>
              {(host is null ? "" : $"<p><a class=\"original-link\" href=\"{E(article.Url)}\" rel=\"noopener noreferrer\">Read the original on {E(host)} ↗</a></p>")}
              {(article.DuplicateOf is null ? "" : $"<p class=\"notice\">A copy of <a href=\"{ArticleHref(article.DuplicateOf)}\">an earlier article</a>.</p>")}
            </header>
            <div class="article-body">
            """);
        foreach (var paragraph in article.Paragraphs)
        {
            body.Append($"<p>{E(paragraph)}</p>");
        }

        body.Append("</div>");
        if (article.Captions.Count > 0)
        {
            body.Append("<aside class=\"captions\" aria-label=\"Photo captions\"><h2>Captions</h2><ul>");
            body.Append(string.Concat(article.Captions.Select(c => $"<li>{E(c)}</li>")));
            body.Append("</ul></aside>");
        }

        body.Append("</article>");
        return Html.Document(article.DisplayTitle, body.ToString(), Frame("article"));
    }

    public string SearchPage(
        SearchFormValues form, SearchResults? results, string? error)
    {
        var body = new StringBuilder();
        body.Append($"""
            <div class="page-head"><h1>Search</h1></div>
            <form class="search-form panel" action="/search" method="get" role="search" aria-label="Search articles">
              <div class="field field-wide"><label for="search-q">Words or "a phrase"</label>
                <input id="search-q" name="q" type="search" value="{E(form.Q)}" placeholder="e.g. &quot;state visit&quot; OR summit -rumour" aria-describedby="search-help"></div>
              <div class="field"><label for="search-source">Source</label><input id="search-source" name="source" value="{E(form.Source)}" placeholder="any"></div>
              <div class="field"><label for="search-language">Language</label><input id="search-language" name="language" value="{E(form.Language)}" placeholder="any" size="6"></div>
              <div class="field"><label for="search-from">From</label><input id="search-from" name="from" type="date" value="{E(form.From)}"></div>
              <div class="field"><label for="search-to">To</label><input id="search-to" name="to" type="date" value="{E(form.To)}"></div>
              <div class="field field-button"><button type="submit">Search</button></div>
              <p id="search-help" class="help">Words must all appear; <code>"quotes"</code> for a phrase, <code>word*</code> for a prefix, <code>OR</code> for either, <code>-word</code> to leave out, <code>title:word</code> in titles.</p>
            </form>
            """);
        if (error is not null)
        {
            body.Append($"<p class=\"notice notice-error\" role=\"alert\">{E(error)}</p>");
        }
        else if (results is not null)
        {
            var count = Plural(results.MatchingArticles, "matching article", "matching articles");
            body.Append($"<p class=\"lede\" role=\"status\">{(results.MatchingArticlesCapped ? "More than " + count : count)}" +
                        $"{(results.Stories.Count > 0 ? $" in {Plural(results.Stories.Count, "story", "stories")}{(results.HasMore ? " on this page" : "")}" : "")}.</p>");
            body.Append("<ol class=\"results\" data-nav-list>");
            foreach (var story in results.Stories)
            {
                body.Append($"""
                    <li class="result" data-nav-item>
                      <h2 class="result-title"><a href="{StoryHref(story.StoryId)}">{E(story.Headline)}</a></h2>
                      <p class="meta"><span>{Plural(story.StoryArticles, "article", "articles")} in the story</span></p>
                      <ul class="matches">
                    """);
                foreach (var hit in story.Articles)
                {
                    var snippet = string.Concat(hit.Snippet.Select(p => p.Matched ? $"<mark>{E(p.Text)}</mark>" : E(p.Text)));
                    body.Append($"""
                        <li><a href="{ArticleHref(hit.ArticleId)}">{E(hit.Title)}</a>
                        <span class="meta"><span>{E(hit.Source ?? "unknown source")}</span><span>{Time(hit.Published)}</span></span>
                        <p class="snippet">{snippet}</p></li>
                        """);
                }

                body.Append("</ul></li>");
            }

            body.Append("</ol>");
            if (results.HasMore)
            {
                var next = form with { Cursor = Page.Cursor(results.Request.Offset + results.Request.Limit) };
                body.Append($"<nav class=\"pager\" aria-label=\"More results\"><a rel=\"next\" href=\"/search?{E(next.ToQueryString())}\">More results →</a></nav>");
            }
        }

        return Html.Document(string.IsNullOrWhiteSpace(form.Q) ? "Search" : $"{form.Q} – Search", body.ToString(), Frame("search", form.Q));
    }

    public string AddPage()
    {
        string body;
        if (!options.WritesAllowed)
        {
            body = """
                <div class="page-head"><h1>Add articles</h1></div>
                <p class="notice">This server is read-only. Start it with <code>--api-key KEY</code> or <code>--allow-anonymous-writes</code> to add articles here, or use <code>storyfold ingest</code>.</p>
                """;
            return Html.Document("Add articles", body, Frame("add"));
        }

        var keyField = options.ApiKey is null ? "" : """
            <div class="field"><label for="add-key">API key</label>
              <input id="add-key" name="key" type="password" autocomplete="off" required aria-describedby="add-key-help">
              <p id="add-key-help" class="help">The key this server was started with; kept in this tab only.</p></div>
            """;
        body = $"""
            <div class="page-head"><h1>Add articles</h1>
              <p class="lede">Paste an article, or drop files: JSON Lines (<code>.jsonl</code>), JSON (<code>.json</code>) or plain text (<code>.txt</code>). Each article joins its story as soon as it is stored.</p></div>
            <div class="add-grid">
            <form id="add-form" class="panel add-form" data-needs-key="{(options.ApiKey is null ? "false" : "true")}" aria-labelledby="add-form-heading">
              <h2 id="add-form-heading">Paste an article</h2>
              <div class="field"><label for="add-title">Headline</label><input id="add-title" name="title" required></div>
              <div class="field-row">
                <div class="field"><label for="add-source">Source</label><input id="add-source" name="source" placeholder="e.g. Reuters"></div>
                <div class="field"><label for="add-published">Published</label><input id="add-published" name="published" type="date"></div>
                <div class="field"><label for="add-language">Language</label><input id="add-language" name="language" placeholder="auto" size="6"></div>
              </div>
              <div class="field"><label for="add-url">Link to the original</label><input id="add-url" name="url" type="url" placeholder="https://…"></div>
              <div class="field"><label for="add-text">Text</label><textarea id="add-text" name="text" rows="12" required></textarea></div>
              {keyField}
              <button type="submit">Add article</button>
            </form>
            <section class="panel" aria-labelledby="drop-heading">
              <h2 id="drop-heading">Or drop files</h2>
              <div id="drop-zone" class="drop-zone" tabindex="0" role="button" aria-describedby="drop-help">
                <p><strong>Drop files here</strong> or press Enter to choose them</p>
                <p id="drop-help" class="help">.jsonl, .json or .txt, up to {options.MaxBodyBytes / (1024 * 1024)} MB at a time</p>
              </div>
              <label for="add-files" class="visually-hidden">Choose article files</label>
              <input id="add-files" type="file" multiple accept=".jsonl,.ndjson,.json,.txt" class="visually-hidden">
            </section>
            </div>
            <div id="add-status" class="add-status" role="status" aria-live="polite"></div>
            """;
        return Html.Document("Add articles", body, Frame("add"));
    }

    public string NotFoundPage(string what) =>
        Html.Document("Not found", $"""
            <div class="page-head"><h1>Not found</h1><p class="lede">{E(what)}</p><p><a href="/">Back to the stories</a></p></div>
            """, Frame("notfound"));

    private static string Shorten(string text) => text.Length > 48 ? text[..47].TrimEnd() + "…" : text;

    private static string Pager(Page page, int total, string prefix)
    {
        var links = new List<string>();
        if (page.Offset > 0)
        {
            var previous = Math.Max(0, page.Offset - page.Limit);
            links.Add($"<a rel=\"prev\" href=\"{prefix}{(previous == 0 ? "" : "cursor=" + Page.Cursor(previous))}\">← Newer stories</a>");
        }

        if (page.Offset + page.Limit < total)
        {
            links.Add($"<a rel=\"next\" href=\"{prefix}cursor={Page.Cursor(page.Offset + page.Limit)}\">Older stories →</a>");
        }

        return links.Count == 0 ? "" : $"<nav class=\"pager\" aria-label=\"Pages\">{string.Join("", links)}</nav>";
    }
}

/// <summary>The search form's values as the user sent them, echoed back into the form.</summary>
public sealed record SearchFormValues(string? Q, string? Source, string? Language, string? From, string? To, string? Cursor)
{
    public string ToQueryString() => string.Join("&", new[] { ("q", Q), ("source", Source), ("language", Language), ("from", From), ("to", To), ("cursor", Cursor) }
        .Where(p => !string.IsNullOrEmpty(p.Item2))
        .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}
