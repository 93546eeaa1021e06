using System.Globalization;
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

    /// <summary>The sentence trimmed of asides and attribution, as the summary shows it.</summary>
    public string Trimmed { get; init; } = "";

    public int TrimmedWords { get; init; }

    /// <summary>Stemmed content words of <see cref="Trimmed"/> in order (the same list as <see cref="Terms"/> when trimming changed nothing).</summary>
    public IReadOnlyList<string> TrimmedTerms { get; init; } = [];

    /// <summary>Leans on a sentence before it (<see cref="SummarySelector.Dangling(string)"/>), read once.</summary>
    public bool IsDangling { get; init; }

    /// <summary>Leans on an earlier sentence only through a definite person or act ("The man died"): still a claim on its own.</summary>
    public bool OpensWithDefiniteReference { get; init; }

    /// <summary>Stemmed content words in order.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>How loaded the wording is (<see cref="LoadedLanguage.Score(string)"/>).</summary>
    public double Loaded { get; init; }

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

    /// <summary>The vector as a dense array over all term ids, so that many sentences can be compared with it by lookup.</summary>
    public float[] ToDense(int terms)
    {
        var dense = new float[terms];
        for (var i = 0; i < Ids.Length; i++)
        {
            dense[Ids[i]] = Weights[i];
        }

        return dense;
    }

    /// <summary>The same value as <see cref="Cosine(SparseVector)"/> with the vector that <paramref name="dense"/> was made from, in one pass over this vector.</summary>
    public double Cosine(float[] dense)
    {
        double sum = 0;
        for (var i = 0; i < Ids.Length; i++)
        {
            var weight = dense[Ids[i]];
            if (weight != 0)
            {
                sum += Weights[i] * weight;
            }
        }

        return sum;
    }

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

    /// <summary>For each sentence id, its same-fact candidates (at least <see cref="CitationVerifier.SameFactThreshold"/>) by article order, most similar first.</summary>
    public IReadOnlyList<IReadOnlyDictionary<int, (int Id, double Cosine)[]>> SameFact { get; }

    /// <summary>The entity key each mention was resolved to.</summary>
    public IReadOnlyDictionary<EntityMention, string> KeyOfMention { get; }

    /// <summary>Entities by key.</summary>
    public IReadOnlyDictionary<string, StoryEntity> EntityByKey { get; }

    /// <summary>For each term id, how many articles (title or body) use it.</summary>
    public int[] ArticleFrequency { get; }

    public Dictionary<string, int> TermIds { get; } = new(StringComparer.Ordinal);

    public double[] Idf { get; }

    /// <summary>
    /// The language the headline and summary are written in: that of most articles, English on a tie that includes it
    /// (a summary that switches language mid-way reads as neither); null when no article's language is known.
    /// </summary>
    public string? BriefLanguage { get; }

    /// <summary>Whether the article may give the headline and summary their words (<see cref="BriefLanguage"/>; unknown languages may).</summary>
    public bool WritesInBriefLanguage(int articleOrder) =>
        BriefLanguage is null || Articles[articleOrder].Article.Language is not { } language || language == BriefLanguage;

    public StoryAnalysis(IReadOnlyList<Article> articles, Gazetteer gazetteer)
        : this(articles, gazetteer, new PhaseClock(null))
    {
    }

    public StoryAnalysis(IReadOnlyList<Article> articles, Gazetteer gazetteer, PhaseClock clock)
    {
        BriefLanguage = articles.Where(a => a.Language is not null)
            .GroupBy(a => a.Language!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key == "en").ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();
        var recognizer = new EntityRecognizer(gazetteer);
        var anchors = ArticleDates.Anchors(articles);
        var common = CommonWords(articles);
        // Reading the sentences is the costly part and each sentence is independent: read them in parallel. A sentence
        // repeated word for word (wire copy, syndicated paragraphs, boilerplate) is read once; its dates and numbers once
        // per article date. The distinct work is collected first so that the parallel loops share no locks.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var split = new IReadOnlyList<Sentence>[articles.Count];
        Parallel.For(0, articles.Count, parallel, a => split[a] = SentenceSplitter.Split(articles[a].Text));
        var textIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var datingIndex = new Dictionary<(string Text, DateOnly? Anchor), int>();
        foreach (var (sentences, a) in split.Select((x, a) => (x, a)))
        {
            foreach (var s in sentences)
            {
                textIndex.TryAdd(s.Text, textIndex.Count);
                datingIndex.TryAdd((s.Text, anchors[a].Day), datingIndex.Count);
            }
        }

        var texts = textIndex.Keys.ToArray();
        var datingKeys = datingIndex.Keys.ToArray();
        var readings = new SentenceReading[texts.Length];
        var dates = new IReadOnlyList<TemporalExpression>[datingKeys.Length];
        Parallel.For(0, texts.Length + datingKeys.Length, parallel, i =>
        {
            if (i < texts.Length)
            {
                readings[i] = Read(texts[i], recognizer, common, gazetteer);
            }
            else
            {
                var (text, anchor) = datingKeys[i - texts.Length];
                dates[i - texts.Length] = TemporalResolver.Find(text, anchor);
            }
        });

        // A sentence's numbers depend on its text and on which characters are dates, not on the article's date: a
        // sentence repeated by articles of different days is read for numbers once.
        var numberIndex = new Dictionary<(string Text, string DateSpans), int>();
        var numbersOf = new int[datingKeys.Length];
        for (var i = 0; i < datingKeys.Length; i++)
        {
            var key = (datingKeys[i].Text, string.Join(',', dates[i].Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Index}+{d.Text.Length}"))));
            if (!numberIndex.TryGetValue(key, out numbersOf[i]))
            {
                numberIndex[key] = numbersOf[i] = numberIndex.Count;
            }
        }

        var numberKeys = new (string Text, int Dating)[numberIndex.Count];
        for (var i = 0; i < datingKeys.Length; i++)
        {
            numberKeys[numbersOf[i]] = (datingKeys[i].Text, i);
        }

        var numbers = new IReadOnlyList<Quantity>[numberKeys.Length];
        Parallel.For(0, numberKeys.Length, parallel, i => numbers[i] = Numbers(numberKeys[i].Text, dates[numberKeys[i].Dating]));
        var raw = split.SelectMany((sentences, order) => sentences.Select(s =>
        {
            var dating = datingIndex[(s.Text, anchors[order].Day)];
            return (Order: order, Position: s.Index, Count: sentences.Count, Reading: readings[textIndex[s.Text]] with { Dates = dates[dating], Numbers = numbers[numbersOf[dating]] });
        })).ToList();
        clock.Lap("sentences");

        // Document frequency over sentences: words every sentence shares say little about which fact it states.
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in raw)
        {
            foreach (var term in r.Reading.DistinctTerms)
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
        var vectors = new Dictionary<string, SparseVector>(StringComparer.Ordinal);
        foreach (var r in raw)
        {
            var reading = r.Reading;
            if (!vectors.TryGetValue(reading.Text, out var vector))
            {
                vectors[reading.Text] = vector = Vectorise(reading.Terms);
            }

            list.Add(new AnalyzedSentence(list.Count, articles[r.Order].Id, r.Order, r.Position, r.Count, reading.Text, reading.Words, vector, reading.Mentions, reading.Numbers, reading.Dates)
            {
                QuoteShare = reading.QuoteShare,
                IsCandidate = reading.IsCandidate,
                IsBody = reading.IsBody,
                Trimmed = reading.Trimmed,
                TrimmedWords = reading.TrimmedWords,
                TrimmedTerms = reading.TrimmedTerms,
                IsDangling = reading.IsDangling,
                OpensWithDefiniteReference = reading.OpensWithDefiniteReference,
                Loaded = reading.Loaded,
                Terms = reading.Terms,
            });
        }

        Sentences = list;
        var byArticle = list.GroupBy(s => s.ArticleOrder).ToDictionary(g => g.Key, g => g.ToList());
        Articles = articles.Select((article, i) => new AnalyzedArticle(article, i, anchors[i].Day, anchors[i].Inferred,
            byArticle.GetValueOrDefault(i) ?? [])).ToList();
        ById = Articles.GroupBy(a => a.Article.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        clock.Lap("vectors");
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

        for (var i = 0; i < list.Count; i++)
        {
            var s = list[i];
            var places = placesBySentence.GetValueOrDefault(s.Id) ?? [];
            // Demonyms carry their country: "Chinese officials" speaks of China.
            places.UnionWith(raw[i].Reading.DemonymCountries);

            s.EntityKeys = keysBySentence.GetValueOrDefault(s.Id) ?? [];
            s.PlaceKeys = places;
        }

        clock.Lap("entities");
        Neighbours = FindNeighbours(list);
        SameFact = Neighbours.Select(n => (IReadOnlyDictionary<int, (int, double)[]>)n
            .Where(x => x.Cosine >= CitationVerifier.SameFactThreshold)
            .GroupBy(x => list[x.Id].ArticleOrder)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Cosine).ToArray())).ToList();
        var keyOfMention = new Dictionary<EntityMention, string>(ReferenceEqualityComparer.Instance);
        foreach (var entity in Entities)
        {
            foreach (var occurrence in entity.Occurrences)
            {
                keyOfMention[occurrence.Mention] = entity.Key;
            }
        }

        clock.Lap("neighbours");
        KeyOfMention = keyOfMention;
        EntityByKey = Entities.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Centroid = BuildCentroid(list);
        ArticleFrequency = new int[TermIds.Count];
        var seen = new HashSet<int>();
        foreach (var sentences in Articles.Select(a => a.Sentences))
        {
            // The article's body terms are its sentences' terms; only the title is read anew.
            seen.Clear();
            seen.UnionWith(sentences.SelectMany(x => x.Vector.Ids));
            seen.UnionWith(Tokens.ContentTerms(articles[sentences.Count > 0 ? sentences[0].ArticleOrder : 0].Title).Where(TermIds.ContainsKey).Select(t => TermIds[t]));
            foreach (var id in seen)
            {
                ArticleFrequency[id]++;
            }
        }

        clock.Lap("frequencies");
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

    /// <summary>Everything that depends only on a sentence's text and its article's date.</summary>
    private sealed record SentenceReading(
        string Text, int Words, List<string> Terms, string[] DistinctTerms, IReadOnlyList<EntityMention> Mentions, IReadOnlyList<Quantity> Numbers,
        IReadOnlyList<TemporalExpression> Dates, double QuoteShare, bool IsCandidate, bool IsBody, string Trimmed, int TrimmedWords, double Loaded,
        string[] DemonymCountries, IReadOnlyList<string> TrimmedTerms, bool IsDangling, bool OpensWithDefiniteReference);

    private static IReadOnlyList<Quantity> Numbers(string text, IReadOnlyList<TemporalExpression> dates)
    {
        return Quantities.Find(text, i => dates.Any(d => i >= d.Index && i < d.Index + d.Text.Length + 2));
    }

    private static SentenceReading Read(string text, EntityRecognizer recognizer, HashSet<string> common, Gazetteer gazetteer)
    {
        var mentions = recognizer.Recognize(text, common);
        var quote = (double)QuoteSpan.Matches(text).Sum(m => m.Length) / Math.Max(1, text.Length);
        var words = Tokens.Words(text).ToList();
        var terms = Tokens.ContentTerms(words).ToList();
        var trimmed = SentenceCompressor.Compress(text);
        var boilerplate = Boilerplate.IsMatch(text);
        return new SentenceReading(
            text, words.Count, terms, terms.Distinct(StringComparer.Ordinal).ToArray(), mentions, [], [], quote,
            IsCandidate(text, words.Count, quote, boilerplate), words.Count >= 5 && !boilerplate, trimmed,
            ReferenceEquals(trimmed, text) ? words.Count : Tokens.Words(trimmed).Count(), LoadedLanguage.Score(text, words),
            words.Select(gazetteer.CountryOfDemonym).OfType<string>().Select(EntityResolver.Slug).Distinct(StringComparer.Ordinal).ToArray(),
            string.Equals(trimmed, text, StringComparison.Ordinal) ? terms : Tokens.ContentTerms(trimmed).ToList(), SummarySelector.Dangling(text),
            SummarySelector.OpensWithDefiniteReference(text));
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

    private static bool IsCandidate(string text, int words, double quoteShare, bool boilerplate) =>
        words is >= 6 and <= 70
        && quoteShare < 0.6
        && !text.EndsWith('?')
        && !text.EndsWith(':')
        && !boilerplate;

    private static readonly System.Text.RegularExpressions.Regex Boilerplate = new(
        @"\b(?:read more|click here|sign up|subscribe|newsletter|follow (?:us|our)|download (?:the|our) app|all rights reserved|copyright|cookies?|advertisement|share this|leave a (?:reply|comment)|updated:?\s+\d|getty images|pictured:|\(pictured\)|photo:|image:|email address|https?://|www\.)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Compiled);
}
