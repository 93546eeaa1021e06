namespace Storyfold.Clustering;

/// <summary>
/// The window's articles by the band keys of their MinHash signatures (the near-duplicate lookup), in flat storage: a
/// list of the articles sharing a key is a chain of nodes holding their sequence numbers. No list object for each key and
/// no reference to trace, where a dictionary of lists held two objects for each of an article's eight keys, whose
/// pointers every collection traced. A chain runs in arrival order, oldest first; the window evicts its oldest article,
/// which therefore heads each of its chains.
/// </summary>
internal sealed class CopyIndex
{
    /// <summary>Key to id, and by key id the first and last nodes of its chain, each plus one.</summary>
    private readonly HashIds _keys = new();

    private int[] _heads = new int[1024];
    private int[] _tails = new int[1024];

    /// <summary>By node: the article's sequence number, and the next node of its chain plus one (0 at the end).</summary>
    private long[] _sequences = new long[1024];

    private int[] _next = new int[1024];

    /// <summary>Nodes handed out (used and freed); freed nodes chain through <see cref="_next"/> from <see cref="_free"/>.</summary>
    private int _nodes;

    private int _free = -1;

    /// <summary>Keys held.</summary>
    public int Count => _keys.Count;

    /// <summary>The first (oldest) node listed under a key, or -1 when none is.</summary>
    public int First(ulong key) => _keys.TryGetId(key, out var id) ? _heads[id] - 1 : -1;

    /// <summary>The node after <paramref name="node"/> in its chain, or -1 at the end.</summary>
    public int Next(int node) => _next[node] - 1;

    /// <summary>The sequence number of the article a node lists.</summary>
    public long SequenceOf(int node) => _sequences[node];

    /// <summary>Lists an article under its keys, after every article listed before (its sequence is the highest yet).</summary>
    public void Add(long sequence, ReadOnlySpan<ulong> keys)
    {
        foreach (var key in keys)
        {
            var node = NewNode(sequence);
            var id = _keys.GetOrAdd(key, out var added);
            if (!added)
            {
                _next[_tails[id] - 1] = node + 1;
                _tails[id] = node + 1;
                continue;
            }

            if (id >= _heads.Length)
            {
                Array.Resize(ref _heads, _heads.Length * 2);
                Array.Resize(ref _tails, _heads.Length);
            }

            _heads[id] = _tails[id] = node + 1;
        }
    }

    /// <summary>Takes an article out from under its keys; it must be the oldest listed under each.</summary>
    public void RemoveOldest(long sequence, ReadOnlySpan<ulong> keys)
    {
        foreach (var key in keys)
        {
            if (!_keys.TryGetId(key, out var id) || _sequences[_heads[id] - 1] != sequence)
            {
                throw new InvalidOperationException("CopyIndex: only the oldest article of a key can leave");
            }

            var node = _heads[id] - 1;
            _heads[id] = _next[node];
            _next[node] = _free + 1;
            _free = node;
            if (_heads[id] == 0)
            {
                _keys.Remove(key);
            }
        }
    }

    private int NewNode(long sequence)
    {
        int node;
        if (_free >= 0)
        {
            node = _free;
            _free = _next[node] - 1;
        }
        else
        {
            if (_nodes == _next.Length)
            {
                Array.Resize(ref _next, _nodes * 2);
                Array.Resize(ref _sequences, _nodes * 2);
            }

            node = _nodes++;
        }

        _sequences[node] = sequence;
        _next[node] = 0;
        return node;
    }
}
