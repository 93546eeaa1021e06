using Storyfold.Clustering;

namespace Storyfold.Tests.Clustering;

public sealed class CentroidTableTests
{
    [Fact]
    public void Holds_sums_by_term_and_forgets_a_removed_term()
    {
        var table = new CentroidTable();
        table.GetOrAdd(7, 1, out var existed) += 300;
        Assert.False(existed);
        table.GetOrAdd(7, 1, out existed) += 200;
        Assert.True(existed);
        table.GetOrAdd(9, 2, out _) += 50;

        Assert.True(table.TryGetSum(7, out var sum));
        Assert.Equal(500, sum);
        Assert.True(table.Remove(9));
        Assert.False(table.ContainsKey(9));
        Assert.False(table.Remove(9));
        Assert.True(System.Runtime.CompilerServices.Unsafe.IsNullRef(ref table.Get(9)));
        Assert.Equal(1, table.Count);
        Assert.Equal([(7, 1, 500L)], Walk(table));
    }

    [Fact]
    public void Walks_terms_in_the_order_a_dictionary_enumerates_them_after_removals_and_reuse()
    {
        var table = new CentroidTable();
        var dictionary = new Dictionary<int, long>();
        foreach (var term in new[] { 5, 1, 9, 3, 7 })
        {
            table.GetOrAdd(term, term % 4, out _) += term;
            dictionary[term] = term;
        }

        foreach (var term in new[] { 1, 3 })
        {
            table.Remove(term);
            dictionary.Remove(term);
        }

        foreach (var term in new[] { 11, 13, 15 })
        {
            table.GetOrAdd(term, term % 4, out _) += term;
            dictionary[term] = term;
        }

        // 3 was freed last, so 11 takes its place, 13 takes 1's, and 15 comes at the end.
        Assert.Equal([5, 13, 9, 11, 7, 15], Walk(table).Select(e => e.Term));
        Assert.Equal(dictionary.Keys, Walk(table).Select(e => e.Term));
    }

    [Fact]
    public void Agrees_with_a_dictionary_on_random_additions_removals_and_growth()
    {
        var random = new Random(17);
        var table = new CentroidTable();
        var dictionary = new Dictionary<int, long>();
        for (var step = 0; step < 50_000; step++)
        {
            // Few distinct ids, so probe runs collide, shift on removal and terms come back after leaving.
            var term = random.Next(600);
            var roll = random.Next(10);
            if (roll < 6)
            {
                var weight = random.Next(1, 1000);
                table.GetOrAdd(term, term & 3, out var existed) += weight;
                Assert.Equal(dictionary.ContainsKey(term), existed);
                dictionary[term] = dictionary.GetValueOrDefault(term) + weight;
            }
            else if (roll < 9)
            {
                Assert.Equal(dictionary.Remove(term), table.Remove(term));
            }
            else if (random.Next(200) == 0)
            {
                table.Clear();
                dictionary.Clear();
            }
            else
            {
                table.EnsureCapacity(table.Count + random.Next(300));
            }

            Assert.Equal(dictionary.Count, table.Count);
            Assert.Equal(dictionary.TryGetValue(term, out var expected), table.TryGetSum(term, out var sum));
            Assert.Equal(expected, sum);
        }

        Assert.Equal(dictionary.Select(kv => (kv.Key, kv.Key & 3, kv.Value)), Walk(table));
        Assert.Equal(dictionary.Keys.Order(), table.Places.ToArray().Where(p => p.Term >= 0).Select(p => p.Term).Order());
    }

    private static List<(int Term, int Channel, long Sum)> Walk(CentroidTable table)
    {
        var terms = new List<(int, int, long)>();
        foreach (var entry in table)
        {
            terms.Add((entry.Term, entry.Channel, entry.Sum));
        }

        return terms;
    }
}
