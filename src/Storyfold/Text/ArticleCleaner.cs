using Storyfold.Extraction;
using Storyfold.News;

namespace Storyfold.Text;

/// <summary>The outcome of cleaning one input: an article, or the reason there is none.</summary>
public readonly record struct CleanResult(Article? Article, SourceProblem? Problem)
{
    public static CleanResult Ok(Article article) => new(article, null);

    public static CleanResult Fail(SourceProblem problem) => new(null, problem);
}

/// <summary>Turns what a reader found into a cleaned <see cref="Article"/>: boilerplate out, title, date, source and language in.</summary>
public sealed class ArticleCleaner(PageExtractor? extractor = null)
{
    private readonly PageExtractor _extractor = extractor ?? new PageExtractor();

    public CleanResult Clean(ArticleInput input)
    {
        if (input.Text is null)
        {
            return input.Html is null
                ? CleanResult.Fail(new SourceProblem(input.Origin, input.Line, "no article text or HTML"))
                : CleanHtml(input, input.Html);
        }

        var cleaned = PastedTextCleaner.Clean(input.Text);
        if (cleaned.Paragraphs.Count == 0)
        {
            return CleanResult.Fail(new SourceProblem(input.Origin, input.Line, "no article text left after removing boilerplate"));
        }

        IEnumerable<string> paragraphs = cleaned.Paragraphs;
        var title = !string.IsNullOrWhiteSpace(input.Title) ? input.Title.Trim() : cleaned.Title;
        if (title.Length > 0 && cleaned.Title.Length == 0 && cleaned.Paragraphs.Count > 1 && SameWords(cleaned.Paragraphs[0], title))
        {
            // The source's title repeated as the first line of the text is not body.
            paragraphs = cleaned.Paragraphs.Skip(1);
        }
        else if (cleaned.Title.Length > 0 && !SameWords(cleaned.Title, title))
        {
            // The source gave its own title, so the headline-shaped first line is the story's first line after all.
            paragraphs = cleaned.Paragraphs.Prepend(cleaned.Title);
        }

        var body = string.Join("\n\n", paragraphs);

        // Pasted text and JSON without a date often keep the article's URL, and news URLs carry the day
        // (/2013/09/09/slug) or the month (/2008/12/slug) of publication: an undated report weighs less against
        // the dated stories of its own event, so a date from the URL keeps it with them.
        // The URL is read only for an article that has no date otherwise; a month-only date is marked inferred.
        var monthOnly = false;
        var published = input.Published ?? cleaned.Dateline ?? TextDates.FromUrlOrMonth(input.Url, out monthOnly);

        var displayTitle = title.Length > 0 ? title : PastedTextCleaner.DisplayTitleFromLead(body.Split("\n\n", 2)[0]);
        var article = new Article
        {
            Id = input.Id,
            Title = title,
            DisplayTitle = displayTitle,
            Published = published,
            PublishedInferred = monthOnly,
            Source = input.Source ?? SourceFromUrl(input.Url) ?? cleaned.Outlet,
            Language = input.Language ?? LanguageDetector.Detect(body),
            Url = input.Url,
            Author = input.Author ?? cleaned.Byline,
            Text = body,
            Captions = cleaned.Captions,
            Original = input.Text,
            ContentHash = ContentHash.Of(body),
        };
        return CleanResult.Ok(article);
    }

    /// <summary>Equal when the letters and digits match, whatever the case, spacing and punctuation.</summary>
    private static bool SameWords(string a, string b) =>
        a.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).SequenceEqual(b.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

    /// <summary>A web page through the extractor; what the input itself says (title, date, source) wins over what the page says.</summary>
    private CleanResult CleanHtml(ArticleInput input, string html)
    {
        var extracted = _extractor.Extract(html, input.Url);
        if (extracted.Page is not { } page)
        {
            return CleanResult.Fail(new SourceProblem(input.Origin, input.Line, extracted.Problem ?? "no article found in the page"));
        }

        if (page.Text.Length == 0)
        {
            return CleanResult.Fail(new SourceProblem(input.Origin, input.Line, "no article text found in the page"));
        }

        var title = !string.IsNullOrWhiteSpace(input.Title) ? input.Title.Trim() : page.Title;
        var displayTitle = title.Length > 0 ? title : PastedTextCleaner.DisplayTitleFromLead(page.Text.Split("\n\n")[0]);
        var article = new Article
        {
            Id = input.Id,
            Title = title,
            DisplayTitle = displayTitle,
            Published = input.Published ?? page.Published,
            Source = input.Source ?? page.SiteName ?? SourceFromUrl(input.Url),
            Language = input.Language ?? page.Language,
            Url = input.Url ?? page.Url,
            Author = input.Author ?? page.Author,
            Text = page.Text,
            Captions = page.Captions,
            Original = html,
            ContentHash = ContentHash.Of(page.Text),
        };
        return CleanResult.Ok(article);
    }

    /// <summary>The outlet's host name without <c>www.</c>, as a stand-in for a source name.</summary>
    public static string? SourceFromUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return null;
        }

        return HostName(uri);
    }

    /// <summary>The host of an absolute http(s) address in lower case without its <c>www.</c>, else null.</summary>
    internal static string? WebHost(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? HostName(uri) : null;

    /// <summary>The address's host in lower case without <c>www.</c>.</summary>
    internal static string HostName(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
