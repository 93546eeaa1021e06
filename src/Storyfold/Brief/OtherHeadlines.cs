using Storyfold.Text;

namespace Storyfold.Brief;

/// <summary>
/// How close a sentence is to the headlines of the other articles of its story (TF-IDF cosine with their terms taken
/// together): what other editors chose to headline is the common ground, and an article's own headline says nothing
/// about whether the other outlets agree. One term count for all headlines, less the article's own on lookup, so a
/// 100-article story needs no vector per article.
/// </summary>
internal sealed class OtherHeadlines
{
    private readonly StoryAnalysis _story;
    private readonly Dictionary<int, int> _all = [];
    private readonly Dictionary<int, int>[] _own;
    private readonly double[] _norm;

    public OtherHeadlines(StoryAnalysis story)
    {
        _story = story;
        _own = new Dictionary<int, int>[story.Articles.Count];
        foreach (var article in story.Articles)
        {
            var own = _own[article.Order] = [];
            foreach (var term in Tokens.ContentTerms(article.Article.Title))
            {
                if (story.TermIds.TryGetValue(term, out var id))
                {
                    own[id] = own.GetValueOrDefault(id) + 1;
                    _all[id] = _all.GetValueOrDefault(id) + 1;
                }
            }
        }

        var squares = _all.Sum(kv => Square(Weight(kv.Key, kv.Value)));
        _norm = new double[story.Articles.Count];
        for (var order = 0; order < _own.Length; order++)
        {
            // Only the terms of the article's own headline weigh differently once it is left out.
            var sum = squares;
            foreach (var (id, count) in _own[order])
            {
                sum += Square(Weight(id, _all[id] - count)) - Square(Weight(id, _all[id]));
            }

            _norm[order] = Math.Sqrt(Math.Max(0, sum));
        }
    }

    /// <summary>Cosine of the sentence's vector with the other articles' headlines (0 when they share no term).</summary>
    public double Likeness(AnalyzedSentence sentence)
    {
        var norm = _norm[sentence.ArticleOrder];
        if (norm < 1e-12)
        {
            return 0;
        }

        var own = _own[sentence.ArticleOrder];
        var sum = 0.0;
        var vector = sentence.Vector;
        for (var i = 0; i < vector.Ids.Length; i++)
        {
            var id = vector.Ids[i];
            if (_all.TryGetValue(id, out var count))
            {
                sum += vector.Weights[i] * Weight(id, count - own.GetValueOrDefault(id));
            }
        }

        return sum / norm;
    }

    // The same sublinear TF-IDF weight as StoryAnalysis.Vectorise, before normalising.
    private double Weight(int id, int count) => count <= 0 ? 0 : (1 + Math.Log(count)) * _story.Idf[id];

    private static double Square(double x) => x * x;
}
