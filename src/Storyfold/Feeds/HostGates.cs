namespace Storyfold.Feeds;

/// <summary>Limits requests in flight per host, so polling many feeds of one outlet does not hammer its server.</summary>
internal sealed class HostGates(int perHost)
{
    private readonly Dictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public async Task<IDisposable> EnterAsync(string host, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_lock)
        {
            if (!_gates.TryGetValue(host, out gate!))
            {
                gate = new SemaphoreSlim(Math.Max(1, perHost));
                _gates[host] = gate;
            }
        }

        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
