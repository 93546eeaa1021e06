namespace Storyfold.Clustering;

/// <summary>Precision, recall and F1 of one measure.</summary>
public readonly record struct PrecisionRecall(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// One gold story's part of the B-cubed scores: its articles, and the sums of their per-article B-cubed precision and
/// recall (each article's overlap of its gold and predicted story over the predicted story's size, and over the gold one's).
/// </summary>
public readonly record struct GoldStoryScore(string Story, int Articles, double PrecisionSum, double RecallSum);

/// <summary>
/// How well predicted stories match gold stories: B-cubed and pairwise scores, the story counts, and each gold story's part
/// of the B-cubed scores (in the gold labels' ordinal order, for intervals over stories).
/// </summary>
public sealed record ClusteringScores(PrecisionRecall BCubed, PrecisionRecall Pairwise, int Articles, int GoldStories, int PredictedStories, IReadOnlyList<GoldStoryScore> Stories)
{
    /// <summary>
    /// B-cubed precision and recall over the articles of the given gold stories (indices into <see cref="Stories"/>, a
    /// story as often as it is listed): the per-article means, as <see cref="BCubed"/> is over all of them.
    /// </summary>
    public PrecisionRecall BCubedOver(IReadOnlyList<int> stories)
    {
        double precision = 0, recall = 0;
        var articles = 0;
        foreach (var index in stories)
        {
            var story = Stories[index];
            precision += story.PrecisionSum;
            recall += story.RecallSum;
            articles += story.Articles;
        }

        return articles == 0 ? new PrecisionRecall(0, 0) : new PrecisionRecall(precision / articles, recall / articles);
    }

    /// <summary>Scores the articles present in both maps (article id to story label).</summary>
    public static ClusteringScores Compute(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        var ids = gold.Keys.Where(predicted.ContainsKey).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var goldSize = ids.GroupBy(id => gold[id], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var predictedSize = ids.GroupBy(id => predicted[id], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var both = ids.GroupBy(id => (gold[id], predicted[id])).ToDictionary(g => g.Key, g => g.Count());

        double precision = 0, recall = 0;
        var stories = new SortedDictionary<string, GoldStoryScore>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var overlap = both[(gold[id], predicted[id])];
            var articlePrecision = (double)overlap / predictedSize[predicted[id]];
            var articleRecall = (double)overlap / goldSize[gold[id]];
            precision += articlePrecision;
            recall += articleRecall;
            var story = stories.GetValueOrDefault(gold[id], new GoldStoryScore(gold[id], 0, 0, 0));
            stories[gold[id]] = story with
            {
                Articles = story.Articles + 1, PrecisionSum = story.PrecisionSum + articlePrecision, RecallSum = story.RecallSum + articleRecall,
            };
        }

        var n = Math.Max(1, ids.Count);
        static double Pairs(int k) => k * (k - 1) / 2.0;
        var truePairs = both.Values.Sum(Pairs);
        var predictedPairs = predictedSize.Values.Sum(Pairs);
        var goldPairs = goldSize.Values.Sum(Pairs);
        var pairwise = new PrecisionRecall(
            predictedPairs == 0 ? 1 : truePairs / predictedPairs,
            goldPairs == 0 ? 1 : truePairs / goldPairs);
        return new ClusteringScores(new PrecisionRecall(precision / n, recall / n), pairwise, ids.Count, goldSize.Count, predictedSize.Count, [.. stories.Values]);
    }
}
