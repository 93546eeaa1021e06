using Storyfold.News;

namespace Storyfold.Clustering;

/// <summary>
/// The textbook reference clusterer the evaluation prints beside ours: bag of words, sublinear TF-IDF over the whole
/// collection, a single pass in the given order joining the nearest centroid when cosine reaches the threshold.
/// </summary>
public static class TfIdfBaseline
{
    public static Dictionary<string, string> Cluster(IReadOnlyList<Article> articles, double threshold = 0.3)
    {
        var documents = articles.Select(a => Words(a.Title + "\n" + a.Text)).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            foreach (var word in doc.Keys)
            {
                df[word] = df.GetValueOrDefault(word) + 1;
            }
        }

        var vectors = documents.Select(doc => Normalise(doc.ToDictionary(
            kv => kv.Key, kv => (1 + Math.Log(kv.Value)) * Math.Log((double)documents.Count / df[kv.Key]), StringComparer.Ordinal))).ToList();
        var centroids = new List<(string Id, Dictionary<string, double> Sum)>();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            var best = -1;
            var bestScore = 0.0;
            for (var c = 0; c < centroids.Count; c++)
            {
                var score = Cosine(vectors[i], centroids[c].Sum);
                if (score > bestScore)
                {
                    (best, bestScore) = (c, score);
                }
            }

            if (best >= 0 && bestScore >= threshold)
            {
                foreach (var (word, weight) in vectors[i])
                {
                    centroids[best].Sum[word] = centroids[best].Sum.GetValueOrDefault(word) + weight;
                }

                result[articles[i].Id] = centroids[best].Id;
            }
            else
            {
                centroids.Add((articles[i].Id, new Dictionary<string, double>(vectors[i], StringComparer.Ordinal)));
                result[articles[i].Id] = articles[i].Id;
            }
        }

        return result;
    }

    private static Dictionary<string, int> Words(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                var word = text[start..i].ToLowerInvariant();
                start = -1;
                if (!ArticleFeaturizer.StopWords.Contains(word))
                {
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }
            }
        }

        return counts;
    }

    private static Dictionary<string, double> Normalise(Dictionary<string, double> vector)
    {
        var norm = Math.Sqrt(vector.Values.Sum(v => v * v));
        return norm == 0 ? vector : vector.ToDictionary(kv => kv.Key, kv => kv.Value / norm, StringComparer.Ordinal);
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        double dot = 0, normB = 0;
        foreach (var (word, weight) in a)
        {
            if (b.TryGetValue(word, out var other))
            {
                dot += weight * other;
            }
        }

        foreach (var value in b.Values)
        {
            normB += value * value;
        }

        return normB == 0 ? 0 : dot / Math.Sqrt(normB);
    }
}
