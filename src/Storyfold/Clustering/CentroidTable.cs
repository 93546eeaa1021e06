using System.Runtime.CompilerServices;

namespace Storyfold.Clustering;

/// <summary>
/// A story's centroid: for each term id of the window's <see cref="TermTable"/>, the term's channel and the members'
/// summed weight. The terms sit in one dense array in the order a <see cref="Dictionary{TKey, TValue}"/> given the same
/// additions and removals would keep them (in order of addition, a removed term's place taken by the next term added,
/// last freed first), so a walk over them reads memory in sequence; an open-addressing index of small cells (id and
/// place) finds one term with a read or two, where a dictionary read a bucket and then an entry.
/// <para>
/// Norms and story comparisons sum floating-point values in walk order, so keeping the dictionary's order keeps every
/// decision exactly as before, down to the last bit of each score.
/// </para>
/// </summary>
internal sealed class CentroidTable
{
    private const int MinIndexCells = 8;

    /// <summary>Terms in walk order; a freed place holds -2 - (the next freed place) as its term (-1 ends the chain).</summary>
    private Entry[] _entries = [];

    /// <summary>Term id to place, linear probing; capacity a power of two, at most half full (cells are small).</summary>
    private IndexCell[] _index = [];

    /// <summary>Places handed out (used and freed).</summary>
    private int _places;

    private int _freePlace = -1;
    private int _count;

    /// <summary>Terms held.</summary>
    public int Count => _count;

    /// <summary>Every place handed out, in walk order; a freed place has a negative term.</summary>
    public ReadOnlySpan<Entry> Places => _entries.AsSpan(0, _places);

    /// <summary>Makes room for <paramref name="capacity"/> terms, so that adding up to that many never grows the storage.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _entries.Length)
        {
            Array.Resize(ref _entries, capacity);
        }

        if (2 * capacity > _index.Length)
        {
            Reindex(IndexCellsFor(capacity));
        }
    }

    public bool ContainsKey(int term) => Find(term) >= 0;

    public bool TryGetSum(int term, out long sum)
    {
        var place = Find(term);
        if (place < 0)
        {
            sum = 0;
            return false;
        }

        sum = _entries[place].Sum;
        return true;
    }

    /// <summary>
    /// The sum of a term, added at 0 (with its channel) when not held. The reference is into the table's storage: use
    /// it before the next addition, which may move the storage.
    /// </summary>
    public ref long GetOrAdd(int term, int channel, out bool existed)
    {
        var place = Find(term);
        existed = place >= 0;
        if (existed)
        {
            return ref _entries[place].Sum;
        }

        // The index is rebuilt from the terms before the new one takes its place (a place not yet filled reads as term 0).
        if (2 * (_count + 1) > _index.Length)
        {
            Reindex(IndexCellsFor(Math.Max(_count + 1, 2 * _count)));
        }

        if (_freePlace >= 0)
        {
            place = _freePlace;
            _freePlace = -2 - _entries[place].Term;
        }
        else
        {
            if (_places == _entries.Length)
            {
                Array.Resize(ref _entries, Math.Max(4, _entries.Length * 2));
            }

            place = _places++;
        }

        var mask = _index.Length - 1;
        var at = Home(term, mask);
        while (_index[at].PlacePlusOne != 0)
        {
            at = (at + 1) & mask;
        }

        _index[at] = new IndexCell { Term = term, PlacePlusOne = place + 1 };
        _entries[place] = new Entry { Term = term, Channel = channel };
        _count++;
        return ref _entries[place].Sum;
    }

    /// <summary>The sum of a term held (a reference into the storage, see <see cref="GetOrAdd"/>), or a null reference.</summary>
    public ref long Get(int term)
    {
        var place = Find(term);
        return ref place >= 0 ? ref _entries[place].Sum : ref Unsafe.NullRef<long>();
    }

    public bool Remove(int term)
    {
        var mask = _index.Length - 1;
        var at = FindCell(term);
        if (at < 0)
        {
            return false;
        }

        var place = _index[at].PlacePlusOne - 1;
        _entries[place] = new Entry { Term = -2 - _freePlace };
        _freePlace = place;
        _count--;

        // Backward-shift deletion: later cells of the probe run move up into the gap when it lies on their way from
        // home, so no tombstones are needed (the terms themselves never move).
        var gap = at;
        for (var next = (gap + 1) & mask; _index[next].PlacePlusOne != 0; next = (next + 1) & mask)
        {
            var home = Home(_index[next].Term, mask);
            if (((gap - home) & mask) < ((next - home) & mask))
            {
                _index[gap] = _index[next];
                gap = next;
            }
        }

        _index[gap] = default;
        return true;
    }

    /// <summary>Takes every term out and gives back the storage.</summary>
    public void Clear()
    {
        _entries = [];
        _index = [];
        _places = 0;
        _freePlace = -1;
        _count = 0;
    }

    /// <summary>The terms in dictionary order (see the type's summary); the table must not change during the walk.</summary>
    public Enumerator GetEnumerator() => new(this);

    private int Find(int term)
    {
        var at = FindCell(term);
        return at >= 0 ? _index[at].PlacePlusOne - 1 : -1;
    }

    private int FindCell(int term)
    {
        if (_count == 0)
        {
            return -1;
        }

        var mask = _index.Length - 1;
        for (var at = Home(term, mask); ; at = (at + 1) & mask)
        {
            var cell = _index[at];
            if (cell.PlacePlusOne == 0)
            {
                return -1;
            }

            if (cell.Term == term)
            {
                return at;
            }
        }
    }

    private static int IndexCellsFor(int capacity)
    {
        var cells = MinIndexCells;
        while (cells < 2 * capacity)
        {
            cells *= 2;
        }

        return cells;
    }

    /// <summary>Ids are small and dense, so they are spread by a multiplicative hash before taking bits.</summary>
    private static int Home(int term, int mask) => (int)(((ulong)(uint)term * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private void Reindex(int size)
    {
        _index = new IndexCell[size];
        var mask = size - 1;
        for (var place = 0; place < _places; place++)
        {
            var term = _entries[place].Term;
            if (term < 0)
            {
                continue;
            }

            var at = Home(term, mask);
            while (_index[at].PlacePlusOne != 0)
            {
                at = (at + 1) & mask;
            }

            _index[at] = new IndexCell { Term = term, PlacePlusOne = place + 1 };
        }
    }

    /// <summary>One term held: its id, its channel and its summed weight.</summary>
    public struct Entry
    {
        public long Sum;

        public int Term;

        public int Channel;
    }

    /// <summary>One cell of the index: a term id and its place plus one (0 marks an empty cell).</summary>
    private struct IndexCell
    {
        public int Term;

        public int PlacePlusOne;
    }

    /// <summary>Walks the places handed out, skipping freed ones.</summary>
    public struct Enumerator(CentroidTable table)
    {
        private int _place = -1;

        public readonly Entry Current => table._entries[_place];

        public bool MoveNext()
        {
            while (++_place < table._places)
            {
                if (table._entries[_place].Term >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
