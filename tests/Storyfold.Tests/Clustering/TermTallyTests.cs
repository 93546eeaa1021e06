using Storyfold.Clustering;

namespace Storyfold.Tests.Clustering;

public sealed class TermTallyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(300)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(20_000)]
    public void Gives_each_distinct_term_once_in_ascending_order_with_its_sum(int distinct)
    {
        var random = new Random(distinct);
        // Mostly word-channel hashes (top bits 00), as in news text, some of every other channel, and repeats.
        var terms = Enumerable.Range(0, distinct)
            .Select(i => ((ulong)random.NextInt64() >> 2) | ((ulong)(i % 10 < 7 ? 0 : i % 4) << 62))
            .Distinct()
            .ToArray();
        var tally = new TermTally();
        var expected = new Dictionary<ulong, double>();
        foreach (var term in terms.Concat(terms.Where((_, i) => i % 3 == 0)))
        {
            var amount = 0.5 + random.Next(4);
            tally.Add(term, amount);
            expected[term] = expected.GetValueOrDefault(term) + amount;
        }

        var sorted = tally.SortedTerms();

        Assert.Equal(expected.Keys.Order(), sorted);
        Assert.All(sorted, term => Assert.Equal(expected[term], tally.SumOf(term)));
        Assert.Equal(terms.Length, tally.Count);
    }

    [Fact]
    public void A_cleared_tally_forgets_its_terms_but_takes_new_ones()
    {
        var tally = new TermTally();
        for (var term = 1UL; term <= 5000; term++)
        {
            tally.Add(term * 0x9E3779B97F4A7C15UL, 1);
        }

        tally.Clear();
        tally.Add(42, 2);
        tally.Add(42, 0.5);

        Assert.False(tally.Contains(0x9E3779B97F4A7C15UL));
        Assert.Equal([42UL], tally.SortedTerms());
        Assert.Equal(2.5, tally.SumOf(42));
    }
}
