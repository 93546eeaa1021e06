using Microsoft.Extensions.Logging.Abstractions;
using Storyfold.Feeds;
using Storyfold.Storage;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Feeds;

/// <summary>A clock the test moves by hand, so schedules are tested without waiting.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>A store in a temporary folder, a loopback server and a hand-moved clock: what a watcher test needs.</summary>
public sealed class WatchFixture : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<HttpClient> _clients = [];

    public WatchFixture()
    {
        Store = SqliteArticleStore.Open(_directory.File("store.db"), Time);
        Feeds = new FeedStore(Store);
    }

    public ManualTime Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public LoopbackFeedServer Server { get; } = new();

    public SqliteArticleStore Store { get; }

    public FeedStore Feeds { get; }

    public string DbPath => _directory.File("store.db");

    /// <summary>Short timeouts and no jitter surprises: the test's own random source.</summary>
    public static FeedPollingOptions FastOptions { get; } = new()
    {
        RequestTimeout = TimeSpan.FromSeconds(5),
        Interval = TimeSpan.FromMinutes(10),
    };

    public FeedWatcher Watcher(FeedPollingOptions? options = null, int seed = 7)
    {
        options ??= FastOptions;
        var http = FeedFetcher.CreateClient(options);
        _clients.Add(http);
        return FeedPipeline.CreateWatcher(Store, NullLoggerFactory.Instance, options, http, Time, new Random(seed));
    }

    public async Task<FeedSubscription> AddAsync(string path, string? name = null) =>
        (await Feeds.AddAsync(Server.Url(path), name, Time.GetUtcNow(), TestContext.Current.CancellationToken)).Feed;

    public async Task<FeedSubscription> FeedAsync(string path) =>
        (await Feeds.FindAsync(Server.Url(path), TestContext.Current.CancellationToken))!;

    public Task<int> ArticlesAsync() => Store.CountArticlesAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Server.Dispose();
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
