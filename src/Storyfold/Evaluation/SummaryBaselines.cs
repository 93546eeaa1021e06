using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Evaluation;

/// <summary>
/// The classic extractive multi-document baselines Storyfold is measured against: the first article's first three
/// sentences, centroid selection (Radev et al. 2004) and LexRank (Erkan and Radev 2004), each over plain TF-IDF.
/// </summary>
public static class SummaryBaselines
{
    public static string Lead3(IReadOnlyList<Article> articles) =>
        articles.Count == 0 ? "" : string.Join(' ', SentenceSplitter.Split(articles[0].Text).Take(3).Select(s => s.Text));

    public static string Centroid(IReadOnlyList<Article> articles, int words)
    {
        var (sentences, vectors) = Vectors(articles);
        var centroid = Normalise(vectors.SelectMany(v => v).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value)));
        var ranked = Enumerable.Range(0, sentences.Count).OrderByDescending(i => Cosine(vectors[i], centroid)).ThenBy(i => i);
        return Budget(sentences, vectors, ranked, words);
    }

    public static string LexRank(IReadOnlyList<Article> articles, int words, double threshold = 0.1, double damping = 0.85)
    {
        var (sentences, vectors) = Vectors(articles);
        var n = sentences.Count;
        var links = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            links[i] = [];
            for (var j = 0; j < n; j++)
            {
                if (i != j && Cosine(vectors[i], vectors[j]) >= threshold)
                {
                    links[i].Add(j);
                }
            }
        }

        var rank = Enumerable.Repeat(1.0 / Math.Max(1, n), n).ToArray();
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var next = Enumerable.Repeat((1 - damping) / Math.Max(1, n), n).ToArray();
            for (var i = 0; i < n; i++)
            {
                if (links[i].Count == 0)
                {
                    continue;
                }

                foreach (var j in links[i])
                {
                    next[j] += damping * rank[i] / links[i].Count;
                }
            }

            rank = next;
        }

        var ranked = Enumerable.Range(0, n).OrderByDescending(i => rank[i]).ThenBy(i => i);
        return Budget(sentences, vectors, ranked, words);
    }

    // The same budget rule as Storyfold's summary: about the word budget, no near-duplicate sentences.
    private static string Budget(IReadOnlyList<string> sentences, IReadOnlyList<Dictionary<string, double>> vectors, IEnumerable<int> ranked, int words)
    {
        var chosen = new List<int>();
        var total = 0;
        foreach (var i in ranked)
        {
            if (total >= words * 0.85)
            {
                break;
            }

            var length = Tokens.Words(sentences[i]).Count();
            if ((chosen.Count > 0 && total + length > words * 1.15) || chosen.Any(c => Cosine(vectors[c], vectors[i]) > 0.5))
            {
                continue;
            }

            chosen.Add(i);
            total += length;
        }

        return string.Join(' ', chosen.Order().Select(i => sentences[i]));
    }

    private static (List<string> Sentences, List<Dictionary<string, double>> Vectors) Vectors(IReadOnlyList<Article> articles)
    {
        var sentences = articles.SelectMany(a => SentenceSplitter.Split(a.Text)).Select(s => s.Text).ToList();
        var terms = sentences.Select(s => Tokens.ContentTerms(s).ToList()).ToList();
        var df = terms.SelectMany(t => t.Distinct()).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var vectors = terms.Select(t => Normalise(t.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count() * Math.Log((terms.Count + 1.0) / (df[g.Key] + 0.5))))).ToList();
        return (sentences, vectors);
    }

    private static Dictionary<string, double> Normalise(Dictionary<string, double> v)
    {
        var norm = Math.Sqrt(v.Values.Sum(x => x * x));
        return norm == 0 ? v : v.ToDictionary(kv => kv.Key, kv => kv.Value / norm);
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b) =>
        (a.Count < b.Count ? a : b).Sum(kv => kv.Value * (a.Count < b.Count ? b : a).GetValueOrDefault(kv.Key));
}
