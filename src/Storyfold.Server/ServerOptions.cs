namespace Storyfold.Server;

/// <summary>How <c>storyfold serve</c> runs: which store, where it listens, who may write and how much.</summary>
public sealed record ServerOptions
{
    public required string DbPath { get; init; }

    /// <summary>Loopback by default: exposing the server is a deliberate choice.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests read the bound address back).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>When set, writes need <c>Authorization: Bearer KEY</c>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Allows writes without a key; off by default so a public server is read-only unless asked.</summary>
    public bool AllowAnonymousWrites { get; init; }

    /// <summary>Requests a second each client may make on average (0 turns the limit off).</summary>
    public int RateLimitPerSecond { get; init; } = 200;

    /// <summary>Article writes a second each client may make on average.</summary>
    public int WriteRateLimitPerSecond { get; init; } = 5;

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxBodyBytes { get; init; } = 8 * 1024 * 1024;

    public bool WritesAllowed => ApiKey is not null || AllowAnonymousWrites;
}
