namespace Storyfold.Feeds;

/// <summary>How politely and how often feeds are polled, and how much of a response is read.</summary>
public sealed record FeedPollingOptions
{
    /// <summary>Sent with every request, so publishers can see who polls them and how to reach the project.</summary>
    public string UserAgent { get; init; } = "Storyfold/1.0 (news story reader; polls feeds with conditional GET; +https://github.com/storyfold/storyfold)";

    /// <summary>How often a healthy feed is polled, unless its server asks for less (Cache-Control max-age).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest a server's max-age or Retry-After can push the next poll out.</summary>
    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The longest wait after repeated failures; backoff doubles up to here.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(12);

    /// <summary>A slow server is given up on after this long, for the whole request including the body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public long MaxFeedBytes { get; init; } = 8L * 1024 * 1024;

    public long MaxPageBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Requests in flight to one host at a time.</summary>
    public int PerHostConcurrency { get; init; } = 2;

    /// <summary>Feeds polled at the same time.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Fetch the linked page for items that carry only a teaser.</summary>
    public bool FetchLinkedPages { get; init; } = true;

    /// <summary>
    /// Linked pages fetched in one poll of one feed; teaser items beyond it wait for the next poll, so a feed of
    /// hundreds of teasers is read over several polls instead of in one burst against its site.
    /// </summary>
    public int MaxPagesPerPoll { get; init; } = 40;
}
