using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Storyfold.Tests.Feeds;

/// <summary>A real HTTP server on 127.0.0.1 that serves documents the test sets, honouring ETag and If-None-Match like a real one.</summary>
public sealed class LoopbackFeedServer : IDisposable
{
    /// <summary>What one path answers.</summary>
    public sealed record Route
    {
        public string Body { get; init; } = "";

        public byte[]? Bytes { get; init; }

        public string ContentType { get; init; } = "application/rss+xml; charset=utf-8";

        public int Status { get; init; } = 200;

        /// <summary>When set, the response carries this ETag and a matching If-None-Match gets 304.</summary>
        public string? ETag { get; init; }

        public TimeSpan Delay { get; init; }

        public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    }

    /// <summary>A request the server received.</summary>
    public sealed record Seen(string Path, string? UserAgent, string? IfNoneMatch, string? IfModifiedSince, int Status);

    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Route> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _inFlight;
    private int _maxInFlight;

    public LoopbackFeedServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; private set; }

    public ConcurrentQueue<Seen> Requests { get; } = new();

    /// <summary>The most requests that were in flight at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    public void Set(string path, Route route) => _routes["/" + path.TrimStart('/')] = route;

    public IReadOnlyList<Seen> RequestsFor(string path) => Requests.Where(r => r.Path == "/" + path.TrimStart('/')).ToList();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while ((seen = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        var response = context.Response;
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            var ifNoneMatch = context.Request.Headers["If-None-Match"];
            if (!_routes.TryGetValue(path, out var route))
            {
                route = new Route { Status = 404, Body = "not found", ContentType = "text/plain" };
            }

            if (route.Delay > TimeSpan.Zero)
            {
                await Task.Delay(route.Delay, _stop.Token);
            }

            var status = route.ETag is not null && ifNoneMatch == route.ETag ? 304 : route.Status;
            Requests.Enqueue(new Seen(path, context.Request.UserAgent, ifNoneMatch, context.Request.Headers["If-Modified-Since"], status));
            response.StatusCode = status;
            foreach (var (name, value) in route.Headers)
            {
                response.AddHeader(name, value);
            }

            if (route.ETag is not null)
            {
                response.AddHeader("ETag", route.ETag);
            }

            if (status == 304)
            {
                response.Close();
                return;
            }

            var bytes = route.Bytes ?? Encoding.UTF8.GetBytes(route.Body);
            response.ContentType = route.ContentType;
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, _stop.Token);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The client gave up (a timeout under test) or the server is stopping.
            try
            {
                response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }

        _loop.Wait(TimeSpan.FromSeconds(2));
        _stop.Dispose();
    }
}
