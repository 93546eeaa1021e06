namespace Storyfold.Clustering;

/// <summary>Precision, recall and F1 of one measure.</summary>
public readonly record struct PrecisionRecall(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>How well predicted stories match gold stories: B-cubed and pairwise scores and the story counts.</summary>
public sealed record ClusteringScores(PrecisionRecall BCubed, PrecisionRecall Pairwise, int Articles, int GoldStories, int PredictedStories)
{
    /// <summary>Scores the articles present in both maps (article id to story label).</summary>
    public static ClusteringScores Compute(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        var ids = gold.Keys.Where(predicted.ContainsKey).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var goldSize = ids.GroupBy(id => gold[id], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var predictedSize = ids.GroupBy(id => predicted[id], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var both = ids.GroupBy(id => (gold[id], predicted[id])).ToDictionary(g => g.Key, g => g.Count());

        double precision = 0, recall = 0;
        foreach (var id in ids)
        {
            var overlap = both[(gold[id], predicted[id])];
            precision += (double)overlap / predictedSize[predicted[id]];
            recall += (double)overlap / goldSize[gold[id]];
        }

        var n = Math.Max(1, ids.Count);
        static double Pairs(int k) => k * (k - 1) / 2.0;
        var truePairs = both.Values.Sum(Pairs);
        var predictedPairs = predictedSize.Values.Sum(Pairs);
        var goldPairs = goldSize.Values.Sum(Pairs);
        var pairwise = new PrecisionRecall(
            predictedPairs == 0 ? 1 : truePairs / predictedPairs,
            goldPairs == 0 ? 1 : truePairs / goldPairs);
        return new ClusteringScores(new PrecisionRecall(precision / n, recall / n), pairwise, ids.Count, goldSize.Count, predictedSize.Count);
    }
}
