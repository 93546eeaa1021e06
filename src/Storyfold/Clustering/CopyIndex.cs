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
    /// <summary>Key to chain, linear probing; capacity a power of two, at most half full. A head of zero marks an empty cell.</summary>
    private KeyCell[] _cells = new KeyCell[1024];

    private int _count;

    /// <summary>By node: the article's sequence number, and the next node of its chain plus one (0 at the end).</summary>
    private long[] _sequences = new long[1024];

    private int[] _next = new int[1024];

    /// <summary>Nodes handed out (used and freed); freed nodes chain through <see cref="_next"/> from <see cref="_free"/>.</summary>
    private int _nodes;

    private int _free = -1;

    /// <summary>Keys held.</summary>
    public int Count => _count;

    /// <summary>The first (oldest) node listed under a key, or -1 when none is.</summary>
    public int First(ulong key)
    {
        var at = FindCell(key);
        return at >= 0 ? _cells[at].Head - 1 : -1;
    }

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
            var at = FindCell(key);
            if (at >= 0)
            {
                ref var cell = ref _cells[at];
                _next[cell.Tail - 1] = node + 1;
                cell.Tail = node + 1;
                continue;
            }

            if (2 * (_count + 1) > _cells.Length)
            {
                Resize(_cells.Length * 2);
            }

            Place(new KeyCell { Key = key, Head = node + 1, Tail = node + 1 });
            _count++;
        }
    }

    /// <summary>Takes an article out from under its keys; it must be the oldest listed under each.</summary>
    public void RemoveOldest(long sequence, ReadOnlySpan<ulong> keys)
    {
        foreach (var key in keys)
        {
            var at = FindCell(key);
            if (at < 0 || _sequences[_cells[at].Head - 1] != sequence)
            {
                throw new InvalidOperationException("CopyIndex: only the oldest article of a key can leave");
            }

            ref var cell = ref _cells[at];
            var node = cell.Head - 1;
            cell.Head = _next[node];
            _next[node] = _free + 1;
            _free = node;
            if (cell.Head == 0)
            {
                RemoveCell(at);
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

    private int FindCell(ulong key)
    {
        var mask = _cells.Length - 1;
        for (var at = Home(key, mask); ; at = (at + 1) & mask)
        {
            ref var cell = ref _cells[at];
            if (cell.Head == 0)
            {
                return -1;
            }

            if (cell.Key == key)
            {
                return at;
            }
        }
    }

    /// <summary>Band keys are hashes already, but of few bits' variety in the low end for short rows: mix before taking bits.</summary>
    private static int Home(ulong key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private void Place(KeyCell cell)
    {
        var mask = _cells.Length - 1;
        var at = Home(cell.Key, mask);
        while (_cells[at].Head != 0)
        {
            at = (at + 1) & mask;
        }

        _cells[at] = cell;
    }

    private void Resize(int size)
    {
        var old = _cells;
        _cells = new KeyCell[size];
        foreach (var cell in old)
        {
            if (cell.Head != 0)
            {
                Place(cell);
            }
        }
    }

    /// <summary>Backward-shift deletion, as in <see cref="TermTable"/>: every remaining key stays reachable without tombstones.</summary>
    private void RemoveCell(int at)
    {
        var mask = _cells.Length - 1;
        var gap = at;
        for (var next = (gap + 1) & mask; _cells[next].Head != 0; next = (next + 1) & mask)
        {
            var home = Home(_cells[next].Key, mask);
            if (((gap - home) & mask) < ((next - home) & mask))
            {
                _cells[gap] = _cells[next];
                gap = next;
            }
        }

        _cells[gap] = default;
        _count--;
    }

    /// <summary>One key's chain: its first and last nodes, each plus one.</summary>
    private struct KeyCell
    {
        public ulong Key;

        public int Head;

        public int Tail;
    }
}
