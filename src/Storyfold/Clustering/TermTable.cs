namespace Storyfold.Clustering;

/// <summary>
/// The window's terms in flat storage: each term hash gets a small integer id, and each id a document frequency, a
/// count of open stories holding it, and its list of story slots in order of use. No entry holds an object reference
/// but the lists' own int arrays, so the garbage collector, which traced millions of per-term objects and story
/// references in these lists before (a quarter of assignment time), has next to nothing to scan here.
/// </summary>
internal sealed class TermTable
{
    private readonly Stack<int> _free = new();

    /// <summary>
    /// Hash to id, open addressing with linear probing: a lookup reads one cell (a dictionary read a bucket and then an
    /// entry, two cache misses on a table of millions of terms). Capacity is a power of two, at most 70% full.
    /// </summary>
    private IdCell[] _cells = new IdCell[2048];
    private int _count;
    private Term[] _terms = new Term[1024];

    /// <summary>
    /// Document frequency by id, apart from the rest of the term: story norms read it for every term of a story, and a
    /// dense array of ints has sixteen terms to a cache line where the terms themselves have two.
    /// </summary>
    private int[] _df = new int[1024];
    private int _used;

    /// <summary>Terms in the table.</summary>
    public int Count => _count;

    /// <summary>
    /// The term behind an id. The reference is into the table's storage: do not hold it across <see cref="GetOrAdd"/>,
    /// which may move the storage.
    /// </summary>
    public ref Term this[int id] => ref _terms[id];

    /// <summary>Window articles using the term (see <see cref="_df"/>); the same caveat as the indexer's.</summary>
    public ref int DfOf(int id) => ref _df[id];

    /// <summary>Document frequency by id, for loops over many terms (see <see cref="_df"/>); valid until the next <see cref="GetOrAdd"/>.</summary>
    public ReadOnlySpan<int> Frequencies => _df;

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

    /// <summary>The id of a term, added (no documents, no stories) when it is not in the table.</summary>
    public int GetOrAdd(ulong hash)
    {
        if (TryGetId(hash, out var id))
        {
            return id;
        }

        if (!_free.TryPop(out id))
        {
            if (_used == _terms.Length)
            {
                Array.Resize(ref _terms, _terms.Length * 2);
                Array.Resize(ref _df, _terms.Length);
            }

            id = _used++;
        }

        _terms[id] = new Term { Hash = hash, Entries = [] };
        _df[id] = 0;
        if (10 * (_count + 1) > 7 * _cells.Length)
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
        _count++;
        return id;
    }

    /// <summary>Takes a term out; its id may be given to the next new term.</summary>
    public void Remove(int id)
    {
        var hash = _terms[id].Hash;
        var mask = _cells.Length - 1;
        var at = Home(hash, mask);
        while (_cells[at].Hash != hash || _cells[at].IdPlusOne == 0)
        {
            at = (at + 1) & mask;
        }

        // Backward-shift deletion: later cells of the probe run move up into the gap when the gap lies on their way
        // from home, so every remaining term stays reachable without tombstones.
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
        _count--;
        _terms[id] = default;
        _df[id] = 0;
        _free.Push(id);
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

    /// <summary>One cell of the hash-to-id index; an id of zero marks an empty cell, so ids are stored one up.</summary>
    private struct IdCell
    {
        public ulong Hash;

        public int IdPlusOne;
    }

    /// <summary>One term of the window.</summary>
    internal struct Term
    {
        public ulong Hash;

        /// <summary>Open stories holding the term.</summary>
        public int Live;

        /// <summary>Story slots that used the term, oldest use first (a story may appear more than once; its latest use counts).</summary>
        public int[] Entries;

        public int EntryCount;

        public readonly Span<int> List => Entries.AsSpan(0, EntryCount);

        public void Append(int story)
        {
            if (EntryCount == Entries.Length)
            {
                Array.Resize(ref Entries, Math.Max(4, Entries.Length * 2));
            }

            Entries[EntryCount++] = story;
        }

        /// <summary>Keeps the entries from <paramref name="start"/> on, moved to the front, in their order.</summary>
        public void KeepFrom(int start)
        {
            Entries.AsSpan(start, EntryCount - start).CopyTo(Entries);
            EntryCount -= start;
        }
    }
}
