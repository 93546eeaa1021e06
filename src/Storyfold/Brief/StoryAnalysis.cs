using Storyfold.Entities;
using Storyfold.News;
using Storyfold.Temporal;
using Storyfold.Text;

namespace Storyfold.Brief;

/// <summary>A sentence with what the brief needs to compare it: weighted terms, entities, numbers and resolved dates.</summary>
internal sealed record AnalyzedSentence(
    int Id, string ArticleId, int ArticleOrder, int Position, int ArticleSentences, string Text, int Words,
    SparseVector Vector, IReadOnlyList<EntityMention> Mentions, IReadOnlyList<Quantity> Numbers, IReadOnlyList<TemporalExpression> Dates)
{
    /// <summary>Entity keys (filled once coreference has run).</summary>
    public IReadOnlySet<string> EntityKeys { get; set; } = new HashSet<string>();

    /// <summary>Places at country level (a city counts as its country; demonyms too), so "Moscow" is carried by "Russia".</summary>
    public IReadOnlySet<string> PlaceKeys { get; set; } = new HashSet<string>();

    /// <summary>Share of the sentence inside quotation marks.</summary>
    public double QuoteShare { get; init; }

    public bool IsCandidate { get; init; }

    /// <summary>Body prose (not boilerplate, not a fragment), even if quoted or leaning on the sentence before.</summary>
    public bool IsBody { get; init; }

    public double RelativePosition => ArticleSentences <= 1 ? 0 : (double)Position / ArticleSentences;
}

/// <summary>One article as the brief sees it: its sentences and the date its relative expressions resolve against.</summary>
internal sealed record AnalyzedArticle(Article Article, int Order, DateOnly? Anchor, bool AnchorInferred, IReadOnlyList<AnalyzedSentence> Sentences);

/// <summary>A sentence's terms, TF-IDF weighted and unit length, as sorted ids for fast cosine.</summary>
internal sealed record SparseVector(int[] Ids, float[] Weights)
{
    public static readonly SparseVector Empty = new([], []);

    public double Cosine(SparseVector other)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < Ids.Length && j < other.Ids.Length)
        {
            if (Ids[i] == other.Ids[j])
            {
                sum += Weights[i] * other.Weights[j];
                i++;
                j++;
            }
            else if (Ids[i] < other.Ids[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }
}

/// <summary>Splits, tags and weights every sentence of a story once, so later steps only compare.</summary>
internal sealed class StoryAnalysis
{
    private static readonly System.Text.RegularExpressions.Regex QuoteSpan = new("[“\"«][^”\"»]*[”\"»]?", System.Text.RegularExpressions.RegexOptions.Compiled);

    public IReadOnlyList<AnalyzedArticle> Articles { get; }

    public IReadOnlyList<AnalyzedSentence> Sentences { get; }

    public IReadOnlyList<StoryEntity> Entities { get; }

    public IReadOnlyDictionary<string, AnalyzedArticle> ById { get; }

    /// <summary>For each sentence id, the sentences of other articles at least <see cref="NeighbourThreshold"/> similar.</summary>
    public IReadOnlyList<IReadOnlyList<(int Id, double Cosine)>> Neighbours { get; }

    public const double NeighbourThreshold = 0.12;

    public SparseVector Centroid { get; }

    public Dictionary<string, int> TermIds { get; } = new(StringComparer.Ordinal);

    public double[] Idf { get; }

    public StoryAnalysis(IReadOnlyList<Article> articles, Gazetteer gazetteer)
    {
        var recognizer = new EntityRecognizer(gazetteer);
        var anchors = ArticleDates.Anchors(articles);
        var common = CommonWords(articles);
        var raw = new List<(string ArticleId, int Order, int Position, int Count, string Text, List<string> Terms, IReadOnlyList<EntityMention> Mentions, IReadOnlyList<Quantity> Numbers, IReadOnlyList<TemporalExpression> Dates, double Quote)>();
        for (var a = 0; a < articles.Count; a++)
        {
            var article = articles[a];
            var sentences = SentenceSplitter.Split(article.Text);
            var anchor = anchors[a].Day;
            foreach (var s in sentences)
            {
                var dates = TemporalResolver.Find(s.Text, anchor);
                var numbers = Quantities.Find(s.Text, i => dates.Any(d => i >= d.Index && i < d.Index + d.Text.Length + 2));
                var mentions = recognizer.Recognize(s.Text, common);
                var quoted = QuoteSpan.Matches(s.Text).Sum(m => m.Length);
                raw.Add((article.Id, a, s.Index, sentences.Count, s.Text, Tokens.ContentTerms(s.Text).ToList(), mentions, numbers, dates, (double)quoted / Math.Max(1, s.Text.Length)));
            }
        }

        // Document frequency over sentences: words every sentence shares say little about which fact it states.
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in raw)
        {
            foreach (var term in r.Terms.Distinct(StringComparer.Ordinal))
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        foreach (var term in df.Keys.Order(StringComparer.Ordinal))
        {
            TermIds[term] = TermIds.Count;
        }

        Idf = new double[TermIds.Count];
        foreach (var (term, id) in TermIds)
        {
            Idf[id] = Math.Log((raw.Count + 1.0) / (df[term] + 0.5));
        }

        var list = new List<AnalyzedSentence>(raw.Count);
        foreach (var r in raw)
        {
            var words = Tokens.Words(r.Text).Count();
            list.Add(new AnalyzedSentence(list.Count, r.ArticleId, r.Order, r.Position, r.Count, r.Text, words, Vectorise(r.Terms), r.Mentions, r.Numbers, r.Dates)
            {
                QuoteShare = r.Quote,
                IsCandidate = IsCandidate(r.Text, words, r.Quote),
                IsBody = words >= 5 && !Boilerplate.IsMatch(r.Text),
            });
        }

        Sentences = list;
        Articles = articles.Select((article, i) => new AnalyzedArticle(article, i, anchors[i].Day, anchors[i].Inferred,
            list.Where(s => s.ArticleOrder == i).ToList())).ToList();
        ById = Articles.GroupBy(a => a.Article.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var placed = list.SelectMany(s => s.Mentions.Select(m => new PlacedMention(s.ArticleId, s.Id, m))).ToList();
        Entities = EntityResolver.Resolve(placed);
        var keysBySentence = new Dictionary<int, HashSet<string>>();
        var placesBySentence = new Dictionary<int, HashSet<string>>();
        foreach (var entity in Entities)
        {
            foreach (var occurrence in entity.Occurrences)
            {
                (entity.Type == "place" ? placesBySentence : keysBySentence).TryAdd(occurrence.Sentence, []);
                if (entity.Type == "place")
                {
                    // Places count at country level: "Moscow" is carried by a passage that says "Russia".
                    placesBySentence[occurrence.Sentence].Add(entity.Country is { } country ? EntityResolver.Slug(country) : entity.Key);
                }
                else
                {
                    keysBySentence[occurrence.Sentence].Add(entity.Key);
                }
            }
        }

        foreach (var s in list)
        {
            var places = placesBySentence.GetValueOrDefault(s.Id) ?? [];
            // Demonyms carry their country: "Chinese officials" speaks of China.
            foreach (var word in Tokens.Words(s.Text))
            {
                if (gazetteer.CountryOfDemonym(word) is { } country)
                {
                    places.Add(EntityResolver.Slug(country));
                }
            }

            s.EntityKeys = keysBySentence.GetValueOrDefault(s.Id) ?? [];
            s.PlaceKeys = places;
        }

        Neighbours = FindNeighbours(list);
        Centroid = BuildCentroid(list);
    }

    public SparseVector Vectorise(IEnumerable<string> terms)
    {
        var counts = new Dictionary<int, double>();
        foreach (var term in terms)
        {
            if (TermIds.TryGetValue(term, out var id))
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        return Normalise(counts.ToDictionary(kv => kv.Key, kv => (1 + Math.Log(kv.Value)) * Idf[kv.Key]));
    }

    private static SparseVector Normalise(Dictionary<int, double> weights)
    {
        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm == 0)
        {
            return SparseVector.Empty;
        }

        var ids = weights.Keys.Order().ToArray();
        return new SparseVector(ids, ids.Select(id => (float)(weights[id] / norm)).ToArray());
    }

    private SparseVector BuildCentroid(IReadOnlyList<AnalyzedSentence> sentences)
    {
        var sum = new Dictionary<int, double>();
        foreach (var s in sentences.Where(s => s.IsCandidate))
        {
            for (var i = 0; i < s.Vector.Ids.Length; i++)
            {
                sum[s.Vector.Ids[i]] = sum.GetValueOrDefault(s.Vector.Ids[i]) + s.Vector.Weights[i];
            }
        }

        return Normalise(sum);
    }

    // Inverted index over terms: only sentences that share a term are ever compared, which keeps 100-article stories fast.
    private List<IReadOnlyList<(int Id, double Cosine)>> FindNeighbours(IReadOnlyList<AnalyzedSentence> sentences)
    {
        var postings = new List<(int Sentence, float Weight)>[TermIds.Count];
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Vector.Ids.Length; i++)
            {
                (postings[s.Vector.Ids[i]] ??= []).Add((s.Id, s.Vector.Weights[i]));
            }
        }

        var result = new List<IReadOnlyList<(int, double)>>(sentences.Count);
        var scores = new double[sentences.Count];
        var touched = new List<int>();
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Vector.Ids.Length; i++)
            {
                foreach (var (other, weight) in postings[s.Vector.Ids[i]])
                {
                    if (sentences[other].ArticleOrder == s.ArticleOrder)
                    {
                        continue;
                    }

                    if (scores[other] == 0)
                    {
                        touched.Add(other);
                    }

                    scores[other] += s.Vector.Weights[i] * weight;
                }
            }

            var near = new List<(int, double)>();
            foreach (var other in touched)
            {
                if (scores[other] >= NeighbourThreshold)
                {
                    near.Add((other, scores[other]));
                }

                scores[other] = 0;
            }

            touched.Clear();
            result.Add(near);
        }

        return result;
    }

    // Lower-case words the story writes uncapitalised somewhere: a capitalised "The" or "Western" is then no name.
    private static HashSet<string> CommonWords(IReadOnlyList<Article> articles)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var word in Tokens.Words(article.Text))
            {
                if (char.IsLower(word[0]))
                {
                    words.Add(word);
                }
            }
        }

        foreach (var stop in Tokens.StopWords)
        {
            words.Add(stop);
        }

        return words;
    }

    private static bool IsCandidate(string text, int words, double quoteShare) =>
        words is >= 6 and <= 70
        && quoteShare < 0.6
        && !text.EndsWith('?')
        && !text.EndsWith(':')
        && !Boilerplate.IsMatch(text);

    private static readonly System.Text.RegularExpressions.Regex Boilerplate = new(
        @"\b(?:read more|click here|sign up|subscribe|newsletter|follow (?:us|our)|download (?:the|our) app|all rights reserved|copyright|cookies?|advertisement|share this|leave a (?:reply|comment)|updated:?\s+\d|getty images|pictured:|\(pictured\)|photo:|image:|email address|https?://|www\.)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Compiled);
}
