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

    public string? Error { get; init; }
}

/// <summary>GETs feeds and pages with conditional headers, a descriptive User-Agent, a timeout and a size cap.</summary>
public sealed class FeedFetcher(HttpClient http, FeedPollingOptions options, TimeProvider time)
{
    private const string FeedAccept =
        "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private const string PageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    /// <summary>An HTTP client suited to polling: decompression, a few redirects, no cookies, bounded connection lifetime.</summary>
    public static HttpClient CreateClient(FeedPollingOptions options) =>
        new(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
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
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
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

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var result = new FetchResult
            {
                Status = FetchStatus.Failed,
                HttpStatus = (int)response.StatusCode,
                ETag = response.Headers.ETag?.ToString() ?? etag,
                LastModified = response.Content.Headers.TryGetValues("Last-Modified", out var modified) ? modified.FirstOrDefault() : lastModified,
                MaxAge = response.Headers.CacheControl?.MaxAge,
                RetryAfter = RetryAfter(response.Headers.RetryAfter),
                FinalUrl = response.RequestMessage?.RequestUri ?? uri,
            };
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return result with { Status = FetchStatus.NotModified };
            }

            if (!response.IsSuccessStatusCode)
            {
                return result with { Error = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd() };
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var (bytes, truncated) = await BoundedRead.ReadAsync(body, maxBytes, timeout.Token);
            return result with
            {
                Status = FetchStatus.Ok,
                Body = bytes,
                Truncated = truncated,
                Charset = response.Content.Headers.ContentType?.CharSet,
                MediaType = response.Content.Headers.ContentType?.MediaType,
            };
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
