using Storyfold.Clustering;

namespace Storyfold.Tests.Clustering;

public sealed class TermTableTests
{
    [Fact]
    public void A_term_keeps_its_id_and_counts_until_removed()
    {
        var table = new TermTable();
        var id = table.GetOrAdd(42);
        table.DfOf(id) = 3;
        table[id].Live = 2;

        Assert.Equal(id, table.GetOrAdd(42));
        Assert.True(table.TryGetId(42, out var found));
        Assert.Equal(id, found);
        Assert.Equal(3, table.DfOf(found));
        Assert.Equal(2, table[found].Live);
        Assert.Equal(42UL, table[found].Hash);
        Assert.False(table.TryGetId(43, out _));
    }

    [Fact]
    public void A_removed_terms_id_goes_to_the_next_new_term_which_starts_empty()
    {
        var table = new TermTable();
        var old = table.GetOrAdd(7);
        table.DfOf(old) = 5;
        table[old].Live = 1;
        table[old].Append(9);
        _ = table.GetOrAdd(8);

        table.Remove(old);
        var reused = table.GetOrAdd(1234);

        Assert.Equal(old, reused);
        Assert.False(table.TryGetId(7, out _));
        Assert.Equal(0, table.DfOf(reused));
        Assert.Equal(0, table[reused].Live);
        Assert.Equal(0, table[reused].List.Length);
        Assert.Equal(1234UL, table[reused].Hash);
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void Terms_survive_the_storage_growing_past_its_first_size()
    {
        var table = new TermTable();
        var ids = new List<int>();
        for (ulong hash = 0; hash < 5000; hash++)
        {
            var id = table.GetOrAdd(hash * 31);
            table.DfOf(id) = (int)hash + 1;
            ids.Add(id);
        }

        Assert.Equal(5000, table.Count);
        Assert.Equal(5000, ids.Distinct().Count());
        for (ulong hash = 0; hash < 5000; hash++)
        {
            Assert.True(table.TryGetId(hash * 31, out var id));
            Assert.Equal((int)hash + 1, table.DfOf(id));
        }
    }

    [Fact]
    public void Entries_keep_their_order_through_growth_and_trimming_from_the_front()
    {
        var table = new TermTable();
        var id = table.GetOrAdd(1);
        for (var story = 0; story < 20; story++)
        {
            table[id].Append(story);
        }

        Assert.Equal(Enumerable.Range(0, 20), table[id].List.ToArray());

        table[id].KeepFrom(15);
        Assert.Equal([15, 16, 17, 18, 19], table[id].List.ToArray());

        table[id].Append(3);
        Assert.Equal([15, 16, 17, 18, 19, 3], table[id].List.ToArray());

        table[id].KeepFrom(6);
        Assert.Equal(0, table[id].List.Length);
    }

    [Fact]
    public void Adding_and_removing_many_terms_in_mixed_order_finds_exactly_those_still_in()
    {
        // Thousands of adds and removals in mixed order, through the table's growth: a removal inside a run of probed
        // cells has to keep the terms later in the run reachable.
        var table = new TermTable();
        var expected = new Dictionary<ulong, int>();
        var random = new Random(17);
        for (var step = 0; step < 20_000; step++)
        {
            var hash = ((ulong)random.Next(3000) << 40) | (uint)random.Next(4);
            if (expected.TryGetValue(hash, out var id) && random.Next(2) == 0)
            {
                table.Remove(id);
                expected.Remove(hash);
            }
            else
            {
                var added = table.GetOrAdd(hash);
                Assert.Equal(expected.GetValueOrDefault(hash, added), added);
                expected[hash] = added;
            }
        }

        Assert.Equal(expected.Count, table.Count);
        foreach (var (hash, id) in expected)
        {
            Assert.True(table.TryGetId(hash, out var found));
            Assert.Equal(id, found);
            Assert.Equal(hash, table[found].Hash);
        }

        for (ulong missing = 0; missing < 500; missing++)
        {
            Assert.Equal(expected.ContainsKey(missing << 20), table.TryGetId(missing << 20, out _));
        }
    }
}
