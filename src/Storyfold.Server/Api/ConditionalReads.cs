using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Storyfold.Server.Api;

/// <summary>What a read produced: a body to send (and cache), or a problem to answer with.</summary>
public sealed record ReadOutcome(byte[]? Body, string? Link, IResult? Problem)
{
    public static ReadOutcome Of(byte[] body, string? link = null) => new(body, link, null);

    public static ReadOutcome Fail(IResult problem) => new(null, null, problem);
}

/// <summary>
/// Serves GET responses by store version: an ETag that changes with the store (304 when the client has it), and the
/// encoded body cached per URL until the store moves, so repeated reads cost a version check and a copy.
/// </summary>
public sealed class ConditionalReads(Storyfold.Storage.StoreVersion versions)
{
    private const int MaxEntries = 4096;

    // Differs per server start, so a client's ETag from before a restart (and perhaps an upgrade) never matches.
    private readonly string _instance = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly ConcurrentDictionary<string, CachedRead> _cache = new(StringComparer.Ordinal);

    public async Task<IResult> ServeAsync(
        HttpContext http, string contentType, Func<CancellationToken, Task<ReadOutcome>> produce)
    {
        var version = versions.Read();
        var etag = $"\"{_instance}-{version}\"";
        var key = http.Request.Path.Value + http.Request.QueryString.Value;
        if (_cache.TryGetValue(key, out var hit) && hit.Version == version)
        {
            return Respond(http, etag, contentType, hit.Body, hit.Link);
        }

        var outcome = await produce(http.RequestAborted);
        if (outcome.Problem is { } problem)
        {
            return problem;
        }

        // The body was built from a store at least as new as `version`; a write in between only makes the cache miss later.
        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        _cache[key] = new CachedRead(version, outcome.Body!, outcome.Link);
        return Respond(http, etag, contentType, outcome.Body!, outcome.Link);
    }

    private static IResult Respond(HttpContext http, string etag, string contentType, byte[] body, string? link)
    {
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "no-cache";
        if (link is not null)
        {
            headers.Link = link;
        }

        return Matches(http.Request.Headers.IfNoneMatch, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(body, contentType);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0)
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    private sealed record CachedRead(long Version, byte[] Body, string? Link);
}
