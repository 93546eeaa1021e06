using System.Runtime.CompilerServices;

namespace Storyfold.Clustering;

/// <summary>
/// A story's centroid: for each term id of the window's <see cref="TermTable"/>, the members' summed weight. Open
/// addressing with linear probing over small cells (id and sum side by side), so a lookup, the innermost step of every
/// article-to-story comparison, reads one cell where a dictionary read a bucket and then an entry.
/// <para>
/// Enumeration visits the terms in the order a <see cref="Dictionary{TKey, TValue}"/> given the same additions and
/// removals would: in order of addition, a removed term's place taken by the next term added (last freed, first
/// reused). Norms and story comparisons sum floating-point values in that order, so keeping it keeps every decision
/// exactly as before, down to the last bit of each score.
/// </para>
/// </summary>
internal sealed class CentroidTable
{
    private const int MinCells = 8;

    /// <summary>Cells by hashed position; capacity a power of two, at most 70% full.</summary>
    private Cell[] _cells = [];

    /// <summary>
    /// By order of addition, the position of the term's cell; a freed order holds the next freed one as -2 - order
    /// (-1 ends the chain), as a dictionary's free list does.
    /// </summary>
    private int[] _positions = [];

    /// <summary>Orders handed out (used and freed).</summary>
    private int _orders;

    private int _freeOrder = -1;
    private int _count;

    /// <summary>Terms held.</summary>
    public int Count => _count;

    /// <summary>Makes room for <paramref name="capacity"/> terms, so that adding up to that many never grows the storage.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _positions.Length)
        {
            Array.Resize(ref _positions, capacity);
        }

        if (10 * capacity > 7 * _cells.Length)
        {
            Rehash(CellsFor(capacity));
        }
    }

    public bool ContainsKey(int term) => Find(term) >= 0;

    public bool TryGetSum(int term, out long sum)
    {
        var at = Find(term);
        sum = at >= 0 ? _cells[at].Sum : 0;
        return at >= 0;
    }

    /// <summary>
    /// The sum of a term, added at 0 when not held. The reference is into the table's storage: use it before the next
    /// addition, which may move the storage.
    /// </summary>
    public ref long GetOrAdd(int term, out bool existed)
    {
        var at = Find(term);
        existed = at >= 0;
        if (existed)
        {
            return ref _cells[at].Sum;
        }

        if (_count == _positions.Length && _freeOrder < 0)
        {
            Array.Resize(ref _positions, Math.Max(4, _positions.Length * 2));
        }

        if (10 * (_count + 1) > 7 * _cells.Length)
        {
            Rehash(CellsFor(Math.Max(_count + 1, 2 * _count)));
        }

        int order;
        if (_freeOrder >= 0)
        {
            order = _freeOrder;
            _freeOrder = -2 - _positions[order];
        }
        else
        {
            order = _orders++;
        }

        at = Home(term, _cells.Length - 1);
        while (_cells[at].OrderPlusOne != 0)
        {
            at = (at + 1) & (_cells.Length - 1);
        }

        _cells[at] = new Cell { Term = term, OrderPlusOne = order + 1 };
        _positions[order] = at;
        _count++;
        return ref _cells[at].Sum;
    }

    /// <summary>The sum of a term held (a reference into the storage, see <see cref="GetOrAdd"/>), or a null reference.</summary>
    public ref long Get(int term)
    {
        var at = Find(term);
        return ref at >= 0 ? ref _cells[at].Sum : ref Unsafe.NullRef<long>();
    }

    public bool Remove(int term)
    {
        var at = Find(term);
        if (at < 0)
        {
            return false;
        }

        var order = _cells[at].OrderPlusOne - 1;
        _positions[order] = -2 - _freeOrder;
        _freeOrder = order;
        _count--;

        // Backward-shift deletion: later cells of the probe run move up into the gap when it lies on their way from
        // home, so no tombstones are needed; a moved cell tells its order where it went.
        var mask = _cells.Length - 1;
        var gap = at;
        for (var next = (gap + 1) & mask; _cells[next].OrderPlusOne != 0; next = (next + 1) & mask)
        {
            var home = Home(_cells[next].Term, mask);
            if (((gap - home) & mask) < ((next - home) & mask))
            {
                _cells[gap] = _cells[next];
                _positions[_cells[gap].OrderPlusOne - 1] = gap;
                gap = next;
            }
        }

        _cells[gap] = default;
        return true;
    }

    /// <summary>Takes every term out and gives back the storage.</summary>
    public void Clear()
    {
        _cells = [];
        _positions = [];
        _orders = 0;
        _freeOrder = -1;
        _count = 0;
    }

    /// <summary>The terms in dictionary order (see the type's summary); the table must not change during the walk.</summary>
    public Enumerator GetEnumerator() => new(this);

    private int Find(int term)
    {
        if (_count == 0)
        {
            return -1;
        }

        var mask = _cells.Length - 1;
        for (var at = Home(term, mask); ; at = (at + 1) & mask)
        {
            ref var cell = ref _cells[at];
            if (cell.Term == term && cell.OrderPlusOne != 0)
            {
                return at;
            }

            if (cell.OrderPlusOne == 0)
            {
                return -1;
            }
        }
    }

    private static int CellsFor(int capacity)
    {
        var cells = MinCells;
        while (7 * cells < 10 * capacity)
        {
            cells *= 2;
        }

        return cells;
    }

    /// <summary>Ids are small and dense, so they are spread by a multiplicative hash before taking bits.</summary>
    private static int Home(int term, int mask) => (int)(((ulong)(uint)term * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private void Rehash(int size)
    {
        var old = _cells;
        _cells = new Cell[size];
        var mask = size - 1;
        foreach (var cell in old)
        {
            if (cell.OrderPlusOne == 0)
            {
                continue;
            }

            var at = Home(cell.Term, mask);
            while (_cells[at].OrderPlusOne != 0)
            {
                at = (at + 1) & mask;
            }

            _cells[at] = cell;
            _positions[cell.OrderPlusOne - 1] = at;
        }
    }

    /// <summary>One term held: its id, its summed weight, and its order of addition plus one (0 marks an empty cell).</summary>
    private struct Cell
    {
        public long Sum;

        public int Term;

        public int OrderPlusOne;
    }

    /// <summary>One term of the walk.</summary>
    public readonly record struct Entry(int Term, long Sum);

    /// <summary>Walks the orders handed out, skipping freed ones.</summary>
    public struct Enumerator(CentroidTable table)
    {
        private int _order = -1;

        public readonly Entry Current
        {
            get
            {
                ref var cell = ref table._cells[table._positions[_order]];
                return new Entry(cell.Term, cell.Sum);
            }
        }

        public bool MoveNext()
        {
            while (++_order < table._orders)
            {
                if (table._positions[_order] >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
