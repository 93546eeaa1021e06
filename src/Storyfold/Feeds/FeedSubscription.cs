namespace Storyfold.Feeds;

/// <summary>A feed someone follows, with where its polling stands.</summary>
public sealed record FeedSubscription
{
    public required long Id { get; init; }

    public required string Url { get; init; }

    /// <summary>The address the feed had before it moved, when it has moved: its items' identities stay scoped by it.</summary>
    public string? IdentityUrl { get; init; }

    /// <summary>What scopes the feed's short GUIDs: the first address it was followed at.</summary>
    public string ItemScope => IdentityUrl ?? Url;

    /// <summary>The name the user gave, if any.</summary>
    public string? Name { get; init; }

    /// <summary>The title the feed gives itself, learnt on the last successful poll.</summary>
    public string? Title { get; init; }

    public string? SiteUrl { get; init; }

    public DateTimeOffset AddedAt { get; init; }

    public FeedPollState State { get; init; } = FeedPollState.New;

    /// <summary>Items of this feed that are stored as articles.</summary>
    public int Items { get; init; }

    /// <summary>What to call the feed: the user's name, the feed's title, or its URL.</summary>
    public string DisplayName => Name ?? Title ?? Url;
}

/// <summary>What the next poll of a feed needs and what the last ones did: validators, failures, schedule.</summary>
public sealed record FeedPollState
{
    public static readonly FeedPollState New = new();

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public DateTimeOffset? LastPolledAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    public int? LastStatus { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>Failed polls since the last success.</summary>
    public int Failures { get; init; }

    /// <summary>When the feed is due; null means now.</summary>
    public DateTimeOffset? NextPollAt { get; init; }
}
