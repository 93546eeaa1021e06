using System.Diagnostics;

namespace Storyfold.Search;

/// <summary>The in-memory index's postings and the sets of articles searches combine.</summary>
public sealed partial class MemorySearchIndex
{
    /// <summary>One term's articles (ascending seq) and, for each, its positions (column and offset).</summary>
    private sealed class Postings
    {
        public int[] Docs = new int[1];
        public int Count;
        private int[] _ends = new int[1];
        private int[] _positions = new int[2];
        private int _positionCount;

        public ReadOnlySpan<int> PositionsAt(int index) =>
            _positions.AsSpan(index == 0 ? 0 : _ends[index - 1], _ends[index] - (index == 0 ? 0 : _ends[index - 1]));

        public int Find(int seq) => Array.BinarySearch(Docs, 0, Count, seq);

        public PositionSpan SpanAt(int index) => new(_positions, index == 0 ? 0 : _ends[index - 1], _ends[index]);

        /// <summary>The first index at or after <paramref name="from"/> whose article is not before <paramref name="seq"/> (galloping).</summary>
        public int Seek(int from, int seq)
        {
            var step = 1;
            var hi = from;
            while (hi < Count && Docs[hi] < seq)
            {
                from = hi + 1;
                hi += step;
                step <<= 1;
            }

            hi = Math.Min(hi, Count);
            var at = Array.BinarySearch(Docs, from, hi - from, seq);
            return at >= 0 ? at : ~at;
        }

        /// <summary>Adds a position of article <paramref name="seq"/>, the newest article so far.</summary>
        public void Append(int seq, int position)
        {
            if (Count == 0 || Docs[Count - 1] != seq)
            {
                if (Count == Docs.Length)
                {
                    Array.Resize(ref Docs, Count * 2);
                    Array.Resize(ref _ends, Count * 2);
                }

                Docs[Count] = seq;
                _ends[Count] = _positionCount;
                Count++;
            }

            if (_positionCount == _positions.Length)
            {
                Array.Resize(ref _positions, _positionCount * 2);
            }

            _positions[_positionCount++] = position;
            _ends[Count - 1] = _positionCount;
        }

        /// <summary>Adds article <paramref name="seq"/> among older and newer ones.</summary>
        public void Insert(int seq, List<int> positions)
        {
            var at = ~Find(seq);
            Debug.Assert(at >= 0, "the article was removed first");
            var start = at == 0 ? 0 : _ends[at - 1];
            if (Count == Docs.Length)
            {
                Array.Resize(ref Docs, Count * 2);
                Array.Resize(ref _ends, Count * 2);
            }

            if (_positionCount + positions.Count > _positions.Length)
            {
                Array.Resize(ref _positions, Math.Max(_positions.Length * 2, _positionCount + positions.Count));
            }

            Array.Copy(Docs, at, Docs, at + 1, Count - at);
            Array.Copy(_ends, at, _ends, at + 1, Count - at);
            Array.Copy(_positions, start, _positions, start + positions.Count, _positionCount - start);
            positions.CopyTo(_positions, start);
            Docs[at] = seq;
            _ends[at] = start + positions.Count;
            for (var i = at + 1; i <= Count; i++)
            {
                _ends[i] += positions.Count;
            }

            Count++;
            _positionCount += positions.Count;
        }

        /// <summary>Drops the articles marked in <paramref name="removed"/>.</summary>
        public void Remove(bool[] removed)
        {
            var kept = 0;
            var keptPositions = 0;
            var start = 0;
            for (var i = 0; i < Count; i++)
            {
                var end = _ends[i];
                if (!removed[Docs[i]])
                {
                    Array.Copy(_positions, start, _positions, keptPositions, end - start);
                    keptPositions += end - start;
                    Docs[kept] = Docs[i];
                    _ends[kept] = keptPositions;
                    kept++;
                }

                start = end;
            }

            Count = kept;
            _positionCount = keptPositions;
        }

        /// <summary>Calls <paramref name="visit"/> with the index in <paramref name="docs"/> (ascending) and the
        /// positions of each of those articles this term occurs in.</summary>
        public void Visit(int[] docs, PositionsVisitor visit)
        {
            // A short window in a long list: binary searches; otherwise one walk of both lists from the window's start.
            var from = Array.BinarySearch(Docs, 0, Count, docs[0]);
            from = from < 0 ? ~from : from;
            if ((long)(Count - from) > docs.Length * 16L)
            {
                for (var d = 0; d < docs.Length; d++)
                {
                    var at = Array.BinarySearch(Docs, from, Count - from, docs[d]);
                    if (at >= 0)
                    {
                        visit(d, PositionsAt(at));
                        from = at + 1;
                    }
                    else
                    {
                        from = ~at;
                    }
                }

                return;
            }

            var i = from;
            var j = 0;
            while (i < Count && j < docs.Length)
            {
                if (Docs[i] < docs[j])
                {
                    i++;
                }
                else if (Docs[i] > docs[j])
                {
                    j++;
                }
                else
                {
                    visit(j, PositionsAt(i));
                    i++;
                    j++;
                }
            }
        }

        public void Trim()
        {
            Array.Resize(ref Docs, Math.Max(1, Count));
            Array.Resize(ref _ends, Math.Max(1, Count));
            Array.Resize(ref _positions, Math.Max(1, _positionCount));
        }
    }

    private delegate void PositionsVisitor(int index, ReadOnlySpan<int> positions);

    /// <summary>One article's positions of one term: <c>Positions[Start..End]</c>.</summary>
    private readonly record struct PositionSpan(int[] Positions, int Start, int End);

    /// <summary>Articles by ascending seq: the first <see cref="Count"/> of <see cref="Docs"/> (which may be shared).</summary>
    private readonly record struct DocSet(int[] Docs, int Count)
    {
        public static DocSet Empty { get; } = new([], 0);

        public static DocSet Intersect(DocSet a, DocSet b)
        {
            if (a.Count > b.Count)
            {
                (a, b) = (b, a);
            }

            var result = new int[a.Count];
            var count = 0;
            var from = 0;
            for (var i = 0; i < a.Count && from < b.Count; i++)
            {
                var at = a.Count * 8 < b.Count ? Array.BinarySearch(b.Docs, from, b.Count - from, a.Docs[i]) : Walk(b, from, a.Docs[i]);
                if (at >= 0)
                {
                    result[count++] = a.Docs[i];
                    from = at + 1;
                }
                else
                {
                    from = ~at;
                }
            }

            return new DocSet(result, count);
        }

        private static int Walk(DocSet set, int from, int seq)
        {
            while (from < set.Count && set.Docs[from] < seq)
            {
                from++;
            }

            return from < set.Count && set.Docs[from] == seq ? from : ~from;
        }

        public static DocSet Union(DocSet a, DocSet b)
        {
            var result = new int[a.Count + b.Count];
            int i = 0, j = 0, count = 0;
            while (i < a.Count && j < b.Count)
            {
                var x = a.Docs[i];
                var y = b.Docs[j];
                result[count++] = Math.Min(x, y);
                i += x <= y ? 1 : 0;
                j += y <= x ? 1 : 0;
            }

            while (i < a.Count)
            {
                result[count++] = a.Docs[i++];
            }

            while (j < b.Count)
            {
                result[count++] = b.Docs[j++];
            }

            return new DocSet(result, count);
        }

        public static DocSet Except(DocSet a, DocSet b)
        {
            var result = new int[a.Count];
            var count = 0;
            var j = 0;
            for (var i = 0; i < a.Count; i++)
            {
                while (j < b.Count && b.Docs[j] < a.Docs[i])
                {
                    j++;
                }

                if (j >= b.Count || b.Docs[j] != a.Docs[i])
                {
                    result[count++] = a.Docs[i];
                }
            }

            return new DocSet(result, count);
        }

        /// <summary>The union of many terms' articles (a prefix's), through a bit per article.</summary>
        public static DocSet UnionAll(Postings[] terms)
        {
            if (terms.Length == 0)
            {
                return Empty;
            }

            if (terms.Length == 1)
            {
                return new DocSet(terms[0].Docs, terms[0].Count);
            }

            var max = terms.Max(t => t.Docs[t.Count - 1]);
            var bits = new ulong[(max >> 6) + 1];
            var total = 0L;
            foreach (var term in terms)
            {
                total += term.Count;
                for (var i = 0; i < term.Count; i++)
                {
                    var seq = term.Docs[i];
                    bits[seq >> 6] |= 1UL << seq;
                }
            }

            var result = new int[Math.Min(total, max + 1)];
            var count = 0;
            for (var w = 0; w < bits.Length; w++)
            {
                var word = bits[w];
                while (word != 0)
                {
                    result[count++] = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                }
            }

            return new DocSet(result, count);
        }
    }
}
