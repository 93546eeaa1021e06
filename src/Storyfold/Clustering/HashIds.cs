namespace Storyfold.Clustering;

/// <summary>
/// Small dense ids for 64-bit hashes (term hashes, signature band keys), so that what is kept for each hash can sit in
/// flat arrays indexed by id. Open addressing with linear probing: a lookup reads one cell (a dictionary read a bucket
/// and then an entry, two cache misses on a table of millions of keys). Capacity is a power of two, at most 70% full;
/// a removed hash's id goes to the next hash added.
/// </summary>
internal sealed class HashIds
{
    private readonly Stack<int> _free = new();
    private IdCell[] _cells = new IdCell[2048];

    /// <summary>Hashes held.</summary>
    public int Count { get; private set; }

    /// <summary>One more than the highest id handed out: arrays indexed by id need this length.</summary>
    public int Limit { get; private set; }

    public bool TryGetId(ulong hash, out int id)
    {
        var mask = _cells.Length - 1;
        for (var at = Home(hash, mask); ; at = (at + 1) & mask)
        {
            ref var cell = ref _cells[at];
            if (cell.IdPlusOne == 0)
            {
                id = -1;
                return false;
            }

            if (cell.Hash == hash)
            {
                id = cell.IdPlusOne - 1;
                return true;
            }
        }
    }

    /// <summary>The id of a hash; <paramref name="added"/> tells whether the hash was new (its id freshly handed out).</summary>
    public int GetOrAdd(ulong hash, out bool added)
    {
        added = !TryGetId(hash, out var id);
        if (!added)
        {
            return id;
        }

        if (!_free.TryPop(out id))
        {
            id = Limit++;
        }

        if (10 * (Count + 1) > 7 * _cells.Length)
        {
            var old = _cells;
            _cells = new IdCell[old.Length * 2];
            foreach (var cell in old)
            {
                if (cell.IdPlusOne != 0)
                {
                    Place(cell);
                }
            }
        }

        Place(new IdCell { Hash = hash, IdPlusOne = id + 1 });
        Count++;
        return id;
    }

    /// <summary>Takes a hash out; its id may be given to the next hash added.</summary>
    public void Remove(ulong hash)
    {
        var mask = _cells.Length - 1;
        var at = Home(hash, mask);
        while (_cells[at].Hash != hash || _cells[at].IdPlusOne == 0)
        {
            at = (at + 1) & mask;
        }

        _free.Push(_cells[at].IdPlusOne - 1);

        // Backward-shift deletion: later cells of the probe run move up into the gap when the gap lies on their way
        // from home, so every remaining hash stays reachable without tombstones.
        var gap = at;
        for (var next = (gap + 1) & mask; _cells[next].IdPlusOne != 0; next = (next + 1) & mask)
        {
            var home = Home(_cells[next].Hash, mask);
            var distanceToNext = (next - home) & mask;
            var distanceToGap = (gap - home) & mask;
            if (distanceToGap < distanceToNext)
            {
                _cells[gap] = _cells[next];
                gap = next;
            }
        }

        _cells[gap] = default;
        Count--;
    }

    /// <summary>The first cell to probe: term hashes carry their channel in the top bits, so mix before taking bits.</summary>
    private static int Home(ulong hash, int mask) => (int)((hash * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private void Place(IdCell cell)
    {
        var mask = _cells.Length - 1;
        var at = Home(cell.Hash, mask);
        while (_cells[at].IdPlusOne != 0)
        {
            at = (at + 1) & mask;
        }

        _cells[at] = cell;
    }

    /// <summary>One cell of the index; an id of zero marks an empty cell, so ids are stored one up.</summary>
    private struct IdCell
    {
        public ulong Hash;

        public int IdPlusOne;
    }
}
