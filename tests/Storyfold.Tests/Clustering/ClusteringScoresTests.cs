using Storyfold.Clustering;

namespace Storyfold.Tests.Clustering;

public sealed class ClusteringScoresTests
{
    [Fact]
    public void Computes_bcubed_and_pairwise_scores()
    {
        var gold = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "1", ["d"] = "2" };
        var predicted = new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "y", ["d"] = "y" };

        var scores = ClusteringScores.Compute(gold, predicted);

        // B-cubed precision: a,b 2/2; c,d 1/2 -> 0.75. Recall: a,b 2/3; c 1/3; d 1/1 -> 2/3.
        Assert.Equal(0.75, scores.BCubed.Precision, 6);
        Assert.Equal(2.0 / 3, scores.BCubed.Recall, 6);
        // Pairs: predicted {ab, cd}, gold {ab, ac, bc}: one true pair.
        Assert.Equal(0.5, scores.Pairwise.Precision, 6);
        Assert.Equal(1.0 / 3, scores.Pairwise.Recall, 6);
        Assert.Equal(2, scores.GoldStories);
        Assert.Equal(2, scores.PredictedStories);
    }
}
