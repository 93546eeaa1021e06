using Storyfold.Clustering;

namespace Storyfold.Tests.Clustering;

public sealed class CopyIndexTests
{
    private static List<long> Listed(CopyIndex index, ulong key)
    {
        var sequences = new List<long>();
        for (var node = index.First(key); node >= 0; node = index.Next(node))
        {
            sequences.Add(index.SequenceOf(node));
        }

        return sequences;
    }

    [Fact]
    public void Articles_sharing_a_key_are_listed_oldest_first_and_leave_from_the_front()
    {
        var index = new CopyIndex();
        index.Add(0, [10UL, 20UL]);
        index.Add(1, [10UL, 30UL]);
        index.Add(2, [20UL, 10UL]);

        Assert.Equal([0L, 1L, 2L], Listed(index, 10));
        Assert.Equal([0L, 2L], Listed(index, 20));
        Assert.Equal([1L], Listed(index, 30));
        Assert.Empty(Listed(index, 40));

        index.RemoveOldest(0, [10UL, 20UL]);
        index.RemoveOldest(1, [10UL, 30UL]);

        Assert.Equal([2L], Listed(index, 10));
        Assert.Equal([2L], Listed(index, 20));
        Assert.Empty(Listed(index, 30));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Only_the_oldest_article_of_a_key_can_leave()
    {
        var index = new CopyIndex();
        index.Add(0, [10UL]);
        index.Add(1, [10UL]);

        Assert.Throws<InvalidOperationException>(() => index.RemoveOldest(1, [10UL]));
    }

    [Fact]
    public void A_window_sliding_over_many_keys_reuses_its_nodes_and_keeps_every_chain_whole()
    {
        const int Window = 500;
        var index = new CopyIndex();
        static ulong[] KeysOf(long n) => [unchecked((ulong)(n % 7) * 0x9E3779B97F4A7C15UL), 0xABCDEF00UL + (ulong)n];
        for (long n = 0; n < 20_000; n++)
        {
            index.Add(n, KeysOf(n));
            if (n >= Window)
            {
                index.RemoveOldest(n - Window, KeysOf(n - Window));
            }
        }

        // Seven shared keys over the window's 500 articles, and one key of each article's own.
        Assert.Equal(7 + Window, index.Count);
        var shared = Listed(index, unchecked(3 * 0x9E3779B97F4A7C15UL));
        Assert.Equal(Enumerable.Range(0, 20_000).Select(n => (long)n).Where(n => n >= 20_000 - Window && n % 7 == 3), shared);
        Assert.Equal([19_999L], Listed(index, 0xABCDEF00UL + 19_999));
        Assert.Empty(Listed(index, 0xABCDEF00UL + 100));
    }
}
