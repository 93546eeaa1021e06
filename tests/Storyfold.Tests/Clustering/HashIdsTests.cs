using Storyfold.Clustering;

namespace Storyfold.Tests.Clustering;

public sealed class HashIdsTests
{
    [Fact]
    public void Every_hash_keeps_its_id_through_growth_and_removals_and_a_removed_id_goes_to_the_next_hash()
    {
        var ids = new HashIds();
        var given = new Dictionary<ulong, int>();
        // Hashes that differ only in their top bits (a term's channel) and runs of neighbours, added and removed in turn.
        for (ulong n = 0; n < 10_000; n++)
        {
            var hash = (n << 40) | (n % 3 == 0 ? 0xC000_0000_0000_0000UL : 0);
            given[hash] = ids.GetOrAdd(hash, out var added);
            Assert.True(added);
            if (n % 4 == 3)
            {
                var gone = ((n - 2) << 40) | ((n - 2) % 3 == 0 ? 0xC000_0000_0000_0000UL : 0);
                ids.Remove(gone);
                var freed = given[gone];
                given.Remove(gone);
                var next = (n + 1_000_000) << 40;
                Assert.Equal(freed, ids.GetOrAdd(next, out _));
                given[next] = freed;
            }
        }

        Assert.Equal(given.Count, ids.Count);
        Assert.Equal(given.Count, given.Values.Distinct().Count());
        Assert.True(given.Values.Max() < ids.Limit);
        foreach (var (hash, id) in given)
        {
            Assert.True(ids.TryGetId(hash, out var found));
            Assert.Equal(id, found);
            Assert.Equal(id, ids.GetOrAdd(hash, out var added));
            Assert.False(added);
        }

        Assert.False(ids.TryGetId(1UL << 40, out _));
    }
}
