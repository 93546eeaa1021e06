namespace Storyfold.Search;

/// <summary>The in-memory index's query phrases: which articles hold them, and how often (for bm25).</summary>
public sealed partial class MemorySearchIndex
{
    /// <summary>A query phrase: for each of its tokens, the terms that can stand there (several for a prefix).</summary>
    private sealed class Phrase(Postings[][] slots, int columns)
    {
        private DocSet? _docs;

        /// <summary>The articles where the phrase occurs in one of its columns.</summary>
        public DocSet Docs => _docs ??= Find();

        private bool AllColumns => columns == SearchPhrase.InAll;

        private DocSet Find()
        {
            if (slots.Length == 1 && AllColumns)
            {
                var terms = slots[0];
                return terms.Length switch
                {
                    0 => DocSet.Empty,
                    1 => new DocSet(terms[0].Docs, terms[0].Count),
                    _ => DocSet.UnionAll(terms),
                };
            }

            if (slots.All(slot => slot.Length == 1))
            {
                return FindSingleTerms();
            }

            var candidates = slots[0].Length == 1 ? new DocSet(slots[0][0].Docs, slots[0][0].Count) : DocSet.UnionAll(slots[0]);
            for (var i = 1; i < slots.Length && candidates.Count > 0; i++)
            {
                candidates = DocSet.Intersect(candidates, slots[i].Length == 1 ? new DocSet(slots[i][0].Docs, slots[i][0].Count) : DocSet.UnionAll(slots[i]));
            }

            var kept = new int[candidates.Count];
            var count = 0;
            var positions = new List<int>[slots.Length];
            for (var s = 0; s < slots.Length; s++)
            {
                positions[s] = [];
            }

            for (var i = 0; i < candidates.Count; i++)
            {
                var seq = candidates.Docs[i];
                if (Instances(seq, positions, null) > 0)
                {
                    kept[count++] = seq;
                }
            }

            return new DocSet(kept, count);
        }

        /// <summary>
        /// <see cref="Find"/> when each token is one term (no prefix): walks the rarest term's articles, steps the
        /// others' to each (galloping), and checks positions there without copying them.
        /// </summary>
        private DocSet FindSingleTerms()
        {
            var terms = new Postings[slots.Length];
            var driver = 0;
            for (var s = 0; s < slots.Length; s++)
            {
                if (slots[s].Length == 0)
                {
                    return DocSet.Empty;
                }

                terms[s] = slots[s][0];
                if (terms[s].Count < terms[driver].Count)
                {
                    driver = s;
                }
            }

            var kept = new int[terms[driver].Count];
            var count = 0;
            var cursors = new int[slots.Length];
            var spans = new PositionSpan[slots.Length];
            var lead = terms[driver];
            for (var i = 0; i < lead.Count; i++)
            {
                var seq = lead.Docs[i];
                var all = true;
                for (var s = 0; s < terms.Length && all; s++)
                {
                    var at = s == driver ? i : terms[s].Seek(cursors[s], seq);
                    if (s != driver)
                    {
                        cursors[s] = at;
                    }

                    all = at < terms[s].Count && terms[s].Docs[at] == seq;
                    if (all)
                    {
                        spans[s] = terms[s].SpanAt(at);
                    }
                }

                var unused = 0.0;
                if (all && CountInstances(spans, columns, ref unused, firstOnly: true) > 0)
                {
                    kept[count++] = seq;
                }
            }

            return new DocSet(kept, count);
        }

        /// <summary>
        /// How often the phrase stands in one searched column, given each token's positions in the article, adding each
        /// instance's column weight to <paramref name="frequency"/>. Positions ascend, so one pointer a token suffices.
        /// </summary>
        private static int CountInstances(PositionSpan[] spans, int columns, ref double frequency, bool firstOnly)
        {
            Span<int> at = stackalloc int[spans.Length];
            for (var s = 0; s < spans.Length; s++)
            {
                at[s] = spans[s].Start;
            }

            var count = 0;
            var first = spans[0];
            for (var k = first.Start; k < first.End; k++)
            {
                var position = first.Positions[k];
                var column = position >> ColumnShift;
                if ((columns & (1 << column)) == 0)
                {
                    continue;
                }

                var all = true;
                for (var s = 1; s < spans.Length && all; s++)
                {
                    var target = position + s;
                    var span = spans[s];
                    var j = at[s];
                    while (j < span.End && span.Positions[j] < target)
                    {
                        j++;
                    }

                    at[s] = j;
                    all = j < span.End && span.Positions[j] == target;
                }

                if (all)
                {
                    count++;
                    frequency += Weights[column];
                    if (firstOnly)
                    {
                        return count;
                    }
                }
            }

            return count;
        }

        /// <summary>The phrase's weighted count in each of <paramref name="docs"/> (ascending), as bm25 sums it.</summary>
        public double[] Frequencies(int[] docs)
        {
            var frequencies = new double[docs.Length];
            if (slots.Length == 1)
            {
                // One token (or a prefix's terms): each term's positions in the columns searched, found by walking the
                // term's articles alongside the window's.
                foreach (var postings in slots[0])
                {
                    postings.Visit(docs, (d, positions) =>
                    {
                        foreach (var position in positions)
                        {
                            var column = position >> ColumnShift;
                            if ((columns & (1 << column)) != 0)
                            {
                                frequencies[d] += Weights[column];
                            }
                        }
                    });
                }

                return frequencies;
            }

            if (slots.All(slot => slot.Length == 1))
            {
                var spans = new PositionSpan[slots.Length];
                for (var d = 0; d < docs.Length; d++)
                {
                    var all = true;
                    for (var s = 0; s < slots.Length && all; s++)
                    {
                        var at = slots[s][0].Find(docs[d]);
                        all = at >= 0;
                        if (all)
                        {
                            spans[s] = slots[s][0].SpanAt(at);
                        }
                    }

                    if (all)
                    {
                        CountInstances(spans, columns, ref frequencies[d], firstOnly: false);
                    }
                }

                return frequencies;
            }

            var lists = new List<int>[slots.Length];
            for (var s = 0; s < slots.Length; s++)
            {
                lists[s] = [];
            }

            for (var d = 0; d < docs.Length; d++)
            {
                Instances(docs[d], lists, frequencies.AsSpan(d, 1));
            }

            return frequencies;
        }

        /// <summary>
        /// Counts where the phrase's tokens stand one after another in one searched column of article
        /// <paramref name="seq"/>, adding each instance's column weight to <paramref name="frequency"/> when given.
        /// </summary>
        private int Instances(int seq, List<int>[] positions, Span<double> frequency)
        {
            for (var s = 0; s < slots.Length; s++)
            {
                positions[s].Clear();
                foreach (var postings in slots[s])
                {
                    var at = postings.Find(seq);
                    if (at >= 0)
                    {
                        positions[s].AddRange(postings.PositionsAt(at));
                    }
                }

                if (positions[s].Count == 0)
                {
                    return 0;
                }

                if (slots[s].Length > 1)
                {
                    positions[s].Sort();
                }
            }

            var instances = 0;
            foreach (var start in positions[0])
            {
                var column = start >> ColumnShift;
                if ((columns & (1 << column)) == 0)
                {
                    continue;
                }

                // Each next token one offset further in the same column (an offset never spills into the next column).
                var all = true;
                for (var s = 1; s < slots.Length && all; s++)
                {
                    all = ((start & OffsetMask) + s) <= OffsetMask && positions[s].BinarySearch(start + s) >= 0;
                }

                if (all)
                {
                    instances++;
                    if (!frequency.IsEmpty)
                    {
                        frequency[0] += Weights[column];
                    }
                }
            }

            return instances;
        }
    }
}
