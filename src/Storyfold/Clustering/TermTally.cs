using System.Numerics;

namespace Storyfold.Clustering;

/// <summary>
/// Feature hashes with a running sum each, for one article at a time: an open-addressing table that is emptied by
/// moving a stamp rather than by clearing or reallocating, so the featurizer reuses it article after article without
/// garbage (a new dictionary per article was a large share of the feature threads' allocations). Feature hashes are
/// mixed, so their low bits index the table directly. Not thread-safe.
/// </summary>
internal sealed class TermTally
{
    /// <summary>A table grown past this many slots is not kept for the next article: one huge article must not pin it.</summary>
    private const int KeptSlots = 1 << 15;

    private const int InitialSlots = 512;

    private ulong[] _terms = new ulong[InitialSlots];
    private double[] _sums = new double[InitialSlots];
    private int[] _stamps = new int[InitialSlots];

    /// <summary>Occupied slots in the order their terms came.</summary>
    private int[] _order = new int[(InitialSlots / 2) + 1];

    private int _stamp = 1;

    public int Count { get; private set; }

    /// <summary>Forgets every term.</summary>
    public void Clear()
    {
        if (_terms.Length > KeptSlots)
        {
            Allocate(InitialSlots);
        }
        else if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stamps);
            _stamp = 1;
        }

        Count = 0;
    }

    /// <summary>Adds <paramref name="amount"/> to the sum of <paramref name="term"/> (a new term starts at 0).</summary>
    public void Add(ulong term, double amount)
    {
        var mask = _terms.Length - 1;
        for (var slot = (int)term & mask; ; slot = (slot + 1) & mask)
        {
            if (_stamps[slot] != _stamp)
            {
                _stamps[slot] = _stamp;
                _terms[slot] = term;
                _sums[slot] = amount;
                _order[Count++] = slot;
                if (Count * 2 > _terms.Length)
                {
                    Grow();
                }

                return;
            }

            if (_terms[slot] == term)
            {
                _sums[slot] += amount;
                return;
            }
        }
    }

    public bool Contains(ulong term) => IndexOf(term) >= 0;

    /// <summary>The sum of a term that was added.</summary>
    public double SumOf(ulong term) => _sums[IndexOf(term)];

    /// <summary>The distinct terms, ascending, in a new array.</summary>
    public ulong[] SortedTerms()
    {
        var terms = new ulong[Count];
        if (Count < 64 || Count > 1 << 12)
        {
            for (var i = 0; i < terms.Length; i++)
            {
                terms[i] = _terms[_order[i]];
            }

            Array.Sort(terms);
            return terms;
        }

        // Feature hashes are spread evenly (within each channel, the top two bits), so placing each by its top bits into
        // about as many buckets as there are terms, then sorting within the buckets (a few terms each), takes two passes
        // where a comparison sort took a tenth of the featurizer's time.
        var bits = BitOperations.Log2((uint)Count) + 1;
        var shift = 64 - bits;
        Span<int> starts = stackalloc int[(1 << bits) + 1];
        for (var i = 0; i < Count; i++)
        {
            starts[(int)(_terms[_order[i]] >> shift) + 1]++;
        }

        for (var bucket = 1; bucket < starts.Length; bucket++)
        {
            starts[bucket] += starts[bucket - 1];
        }

        // Placing moves each bucket's start to its end, which is the next bucket's start.
        for (var i = 0; i < Count; i++)
        {
            var term = _terms[_order[i]];
            terms[starts[(int)(term >> shift)]++] = term;
        }

        var from = 0;
        for (var bucket = 0; bucket < starts.Length - 1; bucket++)
        {
            var end = starts[bucket];
            for (var i = from + 1; i < end; i++)
            {
                var term = terms[i];
                var j = i - 1;
                while (j >= from && terms[j] > term)
                {
                    terms[j + 1] = terms[j];
                    j--;
                }

                terms[j + 1] = term;
            }

            from = end;
        }

        return terms;
    }

    private int IndexOf(ulong term)
    {
        var mask = _terms.Length - 1;
        for (var slot = (int)term & mask; _stamps[slot] == _stamp; slot = (slot + 1) & mask)
        {
            if (_terms[slot] == term)
            {
                return slot;
            }
        }

        return -1;
    }

    private void Grow()
    {
        var terms = _terms;
        var sums = _sums;
        var order = _order;
        var count = Count;
        Allocate(terms.Length * 2);
        for (var i = 0; i < count; i++)
        {
            Add(terms[order[i]], sums[order[i]]);
        }
    }

    private void Allocate(int slots)
    {
        _terms = new ulong[slots];
        _sums = new double[slots];
        _stamps = new int[slots];
        _order = new int[(slots / 2) + 1];
        _stamp = 1;
        Count = 0;
    }
}
