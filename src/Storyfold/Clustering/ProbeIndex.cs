namespace Storyfold.Clustering;

/// <summary>
/// The current article's terms by id, for matching a story's centroid against them: a small open-addressing index (it
/// stays in cache over all of an article's candidates) and, per match, the story's sum for each article term found.
/// </summary>
internal sealed class ProbeIndex
{
    private int[] _keys = new int[512];
    private int[] _positions = new int[512];
    private long[] _sums = new long[256];
    private int[] _matchStamps = new int[256];
    private int _stamp;
    private int _mask;

    /// <summary>Indexes the article's terms (ids distinct); a term's position in <paramref name="terms"/> is what a match reports.</summary>
    public void Reset(ReadOnlySpan<int> terms)
    {
        var size = 16;
        while (size < 2 * terms.Length)
        {
            size *= 2;
        }

        if (size > _keys.Length)
        {
            _keys = new int[size];
            _positions = new int[size];
        }

        if (terms.Length > _sums.Length)
        {
            _sums = new long[Math.Max(terms.Length, 2 * _sums.Length)];
            _matchStamps = new int[_sums.Length];
            _stamp = 0;
        }

        _mask = size - 1;
        _positions.AsSpan(0, size).Clear();
        for (var k = 0; k < terms.Length; k++)
        {
            var term = terms[k];
            var at = Home(term, _mask);
            while (_positions[at] != 0)
            {
                at = (at + 1) & _mask;
            }

            _keys[at] = term;
            _positions[at] = k + 1;
        }
    }

    /// <summary>Finds each held place's term among the article's; the result is valid until the next match or reset.</summary>
    public Matches Match(ReadOnlySpan<CentroidTable.Entry> places)
    {
        if (++_stamp == int.MaxValue)
        {
            _matchStamps.AsSpan().Clear();
            _stamp = 1;
        }

        var keys = _keys;
        var positions = _positions;
        var mask = _mask;
        foreach (ref readonly var place in places)
        {
            var term = place.Term;
            if (term < 0)
            {
                continue;
            }

            for (var at = Home(term, mask); positions[at] != 0; at = (at + 1) & mask)
            {
                if (keys[at] == term)
                {
                    var k = positions[at] - 1;
                    _sums[k] = place.Sum;
                    _matchStamps[k] = _stamp;
                    break;
                }
            }
        }

        return new Matches(this, _stamp);
    }

    private static int Home(int term, int mask) => (int)(((ulong)(uint)term * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    /// <summary>What one match found: by the article term's position, whether the story holds it and with what sum.</summary>
    public readonly struct Matches(ProbeIndex index, int stamp)
    {
        public bool Has(int position, out long sum)
        {
            sum = index._sums[position];
            return index._matchStamps[position] == stamp;
        }
    }
}
