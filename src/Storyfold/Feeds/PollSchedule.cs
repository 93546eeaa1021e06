namespace Storyfold.Feeds;

/// <summary>When to poll a feed next: its interval or the server's max-age after success; exponential backoff with jitter after failures.</summary>
public sealed class PollSchedule(FeedPollingOptions options, Random random)
{
    public DateTimeOffset AfterSuccess(DateTimeOffset now, TimeSpan? maxAge, TimeSpan? retryAfter)
    {
        var wait = options.Interval;
        if (maxAge is { } fresh && fresh > wait)
        {
            wait = fresh;
        }

        if (retryAfter is { } asked && asked > wait)
        {
            wait = asked;
        }

        return now + Min(wait, options.MaxInterval);
    }

    /// <summary>Interval × 2^(failures−1), capped, spread by ±15% so feeds that failed together do not retry together.</summary>
    public DateTimeOffset AfterFailure(DateTimeOffset now, int failures, TimeSpan? retryAfter)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var backoff = TimeSpan.FromTicks((long)Math.Min(options.Interval.Ticks * Math.Pow(2, exponent), options.MaxBackoff.Ticks));
        var jittered = TimeSpan.FromTicks((long)(backoff.Ticks * (0.85 + (0.3 * random.NextDouble()))));
        if (retryAfter is { } asked && asked > jittered)
        {
            jittered = Min(asked, options.MaxInterval);
        }

        return now + jittered;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
