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

    [Fact]
    public void Splits_the_bcubed_sums_by_gold_story_and_rebuilds_the_scores_from_any_draw_of_stories()
    {
        var gold = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "1", ["d"] = "2" };
        var predicted = new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "y", ["d"] = "y" };

        var scores = ClusteringScores.Compute(gold, predicted);

        // Story 1: precision a,b 1 + c 1/2 = 2.5; recall 2/3 + 2/3 + 1/3 = 5/3. Story 2: d 1/2 and 1.
        Assert.Equal(["1", "2"], scores.Stories.Select(s => s.Story));
        Assert.Equal(3, scores.Stories[0].Articles);
        Assert.Equal(2.5, scores.Stories[0].PrecisionSum, 6);
        Assert.Equal(5.0 / 3, scores.Stories[0].RecallSum, 6);
        Assert.Equal(0.5, scores.Stories[1].PrecisionSum, 6);
        Assert.Equal(1, scores.Stories[1].RecallSum, 6);

        // All stories once: the scores themselves. Story 2 twice: its article counts twice (precision (2.5 + 1) / 5).
        Assert.Equal(scores.BCubed.Precision, scores.BCubedOver([0, 1]).Precision, 12);
        Assert.Equal(scores.BCubed.Recall, scores.BCubedOver([0, 1]).Recall, 12);
        Assert.Equal(3.5 / 5, scores.BCubedOver([0, 1, 1]).Precision, 12);
        Assert.Equal((5.0 / 3 + 2) / 5, scores.BCubedOver([0, 1, 1]).Recall, 12);
        Assert.Equal(new PrecisionRecall(0, 0), scores.BCubedOver([]));
    }
}
