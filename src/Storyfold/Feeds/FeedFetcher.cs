using System.Net;
using System.Net.Http.Headers;

namespace Storyfold.Feeds;

/// <summary>How a fetch ended.</summary>
public enum FetchStatus
{
    Ok,
    NotModified,
    Failed,
}

/// <summary>What a fetch returned: the body (possibly cut at the cap), validators and the server's scheduling hints.</summary>
public sealed record FetchResult
{
    public required FetchStatus Status { get; init; }

    public int? HttpStatus { get; init; }

    public byte[] Body { get; init; } = [];

    /// <summary>True when the body was longer than the cap and was cut.</summary>
    public bool Truncated { get; init; }

    public string? Charset { get; init; }

    public string? MediaType { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>Cache-Control max-age: the server says the document stays fresh this long.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>Retry-After: the server asks not to be asked again before this long.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Where the document ended up after redirects.</summary>
    public Uri? FinalUrl { get; init; }

    /// <summary>
    /// Set when every redirect on the way was permanent (301 or 308): the document has moved for good, and whoever
    /// follows it should ask the new address from now on.
    /// </summary>
    public Uri? MovedPermanentlyTo { get; init; }

    public string? Error { get; init; }
}

/// <summary>GETs feeds and pages with conditional headers, a descriptive User-Agent, a timeout and a size cap.</summary>
public sealed class FeedFetcher(HttpClient http, FeedPollingOptions options, TimeProvider time)
{
    private const string FeedAccept =
        "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private const string PageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    private const int MaxRedirects = 5;

    /// <summary>
    /// An HTTP client suited to polling: decompression, no cookies, bounded connection lifetime. It follows no
    /// redirects itself: the fetcher does, to tell a feed that moved for good from one that is elsewhere for now.
    /// </summary>
    public static HttpClient CreateClient(FeedPollingOptions options) =>
        new(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = options.RequestTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            // Timeouts are per request below, so they cover reading the body too.
            Timeout = Timeout.InfiniteTimeSpan,
        };

    public Task<FetchResult> FetchFeedAsync(string url, FeedPollState state, CancellationToken cancellationToken) =>
        FetchAsync(url, FeedAccept, state.ETag, state.LastModified, options.MaxFeedBytes, cancellationToken);

    public Task<FetchResult> FetchPageAsync(string url, CancellationToken cancellationToken) =>
        FetchAsync(url, PageAccept, null, null, options.MaxPageBytes, cancellationToken);

    private async Task<FetchResult> FetchAsync(
        string url, string accept, string? etag, string? lastModified, long maxBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return new FetchResult { Status = FetchStatus.Failed, Error = "not an http(s) URL" };
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            var permanent = true;
            for (var hop = 0; ; hop++)
            {
                using var request = Request(uri, accept, etag, lastModified);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if (hop == MaxRedirects)
                    {
                        return new FetchResult { Status = FetchStatus.Failed, HttpStatus = (int)response.StatusCode, Error = $"more than {MaxRedirects} redirects" };
                    }

                    if (next.Scheme is not ("http" or "https") || (uri.Scheme == "https" && next.Scheme == "http"))
                    {
                        return new FetchResult { Status = FetchStatus.Failed, HttpStatus = (int)response.StatusCode, Error = $"redirect to {next} refused" };
                    }

                    permanent &= response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect;
                    uri = next;
                    continue;
                }

                var result = await ReadAsync(response, uri, etag, lastModified, maxBytes, timeout.Token);
                return hop > 0 && permanent ? result with { MovedPermanentlyTo = uri } : result;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchResult { Status = FetchStatus.Failed, Error = $"timed out after {Seconds(options.RequestTimeout)}" };
        }
        catch (HttpRequestException e)
        {
            return new FetchResult { Status = FetchStatus.Failed, Error = e.InnerException?.Message ?? e.Message };
        }
        catch (IOException e)
        {
            return new FetchResult { Status = FetchStatus.Failed, Error = $"connection broke: {e.Message}" };
        }
    }

    private HttpRequestMessage Request(Uri uri, string accept, string? etag, string? lastModified)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (lastModified is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        return request;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private async Task<FetchResult> ReadAsync(
        HttpResponseMessage response, Uri uri, string? etag, string? lastModified, long maxBytes, CancellationToken cancellationToken)
    {
        var result = new FetchResult
        {
            Status = FetchStatus.Failed,
            HttpStatus = (int)response.StatusCode,
            ETag = response.Headers.ETag?.ToString() ?? etag,
            LastModified = response.Content.Headers.TryGetValues("Last-Modified", out var modified) ? modified.FirstOrDefault() : lastModified,
            MaxAge = response.Headers.CacheControl?.MaxAge,
            RetryAfter = RetryAfter(response.Headers.RetryAfter),
            FinalUrl = uri,
        };
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return result with { Status = FetchStatus.NotModified };
        }

        if (!response.IsSuccessStatusCode)
        {
            return result with { Error = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd() };
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var (bytes, truncated) = await BoundedRead.ReadAsync(body, maxBytes, cancellationToken);
        return result with
        {
            Status = FetchStatus.Ok,
            Body = bytes,
            Truncated = truncated,
            Charset = response.Content.Headers.ContentType?.CharSet,
            MediaType = response.Content.Headers.ContentType?.MediaType,
        };
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.#}s" : $"{span.TotalMilliseconds:0}ms";
}
