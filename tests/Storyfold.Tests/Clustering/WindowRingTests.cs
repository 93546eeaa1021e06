using Storyfold.Clustering;

namespace Storyfold.Tests.Clustering;

public sealed class WindowRingTests
{
    [Fact]
    public void Items_are_found_by_sequence_and_leave_oldest_first_as_the_ring_grows()
    {
        var ring = new WindowRing<string>();
        for (long n = 5; n < 5005; n++)
        {
            ring.Add(n, $"item {n}");
            if (n % 3 == 0)
            {
                Assert.Equal($"item {ring.OldestSequence}", ring.RemoveOldest());
            }
        }

        Assert.Equal(5000 - (5004 / 3) + (4 / 3), ring.Count);
        Assert.Equal(5004 - ring.Count + 1, ring.OldestSequence);
        for (var n = ring.OldestSequence; n < 5005; n++)
        {
            Assert.Equal($"item {n}", ring.At(n));
        }
    }

    [Fact]
    public void A_sequence_that_does_not_follow_the_newest_is_refused()
    {
        var ring = new WindowRing<int>();
        ring.Add(0, 1);

        Assert.Throws<InvalidOperationException>(() => ring.Add(2, 3));
    }
}
