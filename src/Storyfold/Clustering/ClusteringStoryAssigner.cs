using Microsoft.Extensions.Logging;
using Storyfold.News;
using Storyfold.Storage;

namespace Storyfold.Clustering;

/// <summary>
/// The ingest pipeline's story assigner: keeps a <see cref="StoryClusterer"/> in step with the store. On first use,
/// and whenever someone else has stored articles since, it rebuilds the clusterer from the store's most recent
/// window; so nothing but the articles themselves (and the story aliases saved with them) needs persisting.
/// </summary>
public sealed partial class ClusteringStoryAssigner(
    IArticleStore store,
    ArticleFeaturizer featurizer,
    ClusteringOptions options,
    ILogger<ClusteringStoryAssigner> logger) : IStoryAssigner
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Features read ahead by <see cref="Prepare"/>, per article instance; an entry goes with its article.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Article, ArticleFeatures> _prepared = [];
    private StoryClusterer? _clusterer;
    private long _expectedSequence = -1;

    public Task<StoryAssignment> AssignAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken) =>
        AssignAsync(articles, 0, cancellationToken);

    public Task<StoryAssignment> AssignNextAsync(IReadOnlyList<Article> articles, StoryAssignment saving, CancellationToken cancellationToken) =>
        AssignAsync(articles, saving.Articles.Count, cancellationToken);

    /// <summary>Assigns a batch; <paramref name="unsaved"/> articles assigned before may not be in the store yet.</summary>
    private async Task<StoryAssignment> AssignAsync(IReadOnlyList<Article> articles, int unsaved, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var clusterer = await EnsureCurrentAsync(unsaved, cancellationToken);
            var ordered = ArrivalOrder(articles);
            var features = FeaturesOf(ordered);
            var assigned = new Article[ordered.Count];
            var merges = new List<StoryMerge>();
            for (var i = 0; i < ordered.Count; i++)
            {
                var decision = clusterer.Add(features[i]);
                merges.AddRange(decision.Merges);
                assigned[i] = ordered[i] with { StoryId = decision.StoryId, DuplicateOf = decision.DuplicateOf };
            }

            // Articles of this batch that joined a story merged later in the batch go straight to the survivor.
            var survivors = Survivors(merges);
            for (var i = 0; i < assigned.Length; i++)
            {
                if (survivors.TryGetValue(assigned[i].StoryId!, out var survivor))
                {
                    assigned[i] = assigned[i] with { StoryId = survivor };
                }
            }

            _expectedSequence += assigned.Length;
            return new StoryAssignment(assigned, merges);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task WarmAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureCurrentAsync(0, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Prepare(IReadOnlyList<Article> articles)
    {
        // Read ahead while the batch before is being assigned: the assignment is the one in-order step, so the read-ahead
        // leaves it a core of its own (see ReadAheadWorkers).
        var features = Featurize(articles, featurizer, ReadAheadWorkers);
        for (var i = 0; i < articles.Count; i++)
        {
            _prepared.AddOrUpdate(articles[i], features[i]);
        }
    }

    /// <summary>Features of the batch: those read ahead by <see cref="Prepare"/>, the rest read now (on all cores).</summary>
    private ArticleFeatures[] FeaturesOf(List<Article> ordered)
    {
        var features = new ArticleFeatures[ordered.Count];
        var missing = new List<int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (_prepared.TryGetValue(ordered[i], out var ready))
            {
                features[i] = ready;
                _prepared.Remove(ordered[i]);
            }
            else
            {
                missing.Add(i);
            }
        }

        Parallel.For(0, missing.Count, k => features[missing[k]] = featurizer.Extract(ordered[missing[k]]));
        return features;
    }

    /// <summary>Articles in publication order (undated ones last), ties in the order they arrived.</summary>
    public static List<Article> ArrivalOrder(IReadOnlyList<Article> articles) =>
        articles.Select((a, i) => (a, i))
            .OrderBy(x => x.a.Published is null)
            .ThenBy(x => x.a.Published?.Value.UtcTicks ?? 0)
            .ThenBy(x => x.i)
            .Select(x => x.a)
            .ToList();

    /// <summary>
    /// Workers for features read while assignment runs: one core fewer than the machine has (at least one). Reading
    /// features costs about half of what assigning costs an article, so one core fewer keeps up, and workers on every
    /// core would take turns on the assigning thread's core and slow the step that nothing else can do in parallel.
    /// </summary>
    public static int ReadAheadWorkers => Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Features of many articles at once, on <paramref name="workers"/> threads (-1: all cores; extraction is pure; order is kept).</summary>
    public static ArticleFeatures[] Featurize(IReadOnlyList<Article> articles, ArticleFeaturizer featurizer, int workers = -1)
    {
        var features = new ArticleFeatures[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = workers }, i => features[i] = featurizer.Extract(articles[i]));
        return features;
    }

    private static Dictionary<string, string> Survivors(List<StoryMerge> merges)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var merge in merges)
        {
            foreach (var key in map.Where(kv => kv.Value == merge.MergedId).Select(kv => kv.Key).ToList())
            {
                map[key] = merge.SurvivorId;
            }

            map[merge.MergedId] = merge.SurvivorId;
        }

        return map;
    }

    private async Task<StoryClusterer> EnsureCurrentAsync(int unsaved, CancellationToken cancellationToken)
    {
        var last = await store.GetLastSequenceAsync(cancellationToken);
        // The batch assigned last may still be on its way into the store (its transaction not yet committed).
        if (_clusterer is not null && (last == _expectedSequence || last == _expectedSequence - unsaved))
        {
            return _clusterer;
        }

        // First use, a batch that was never stored, or another writer: rebuild from what the store holds.
        var clusterer = new StoryClusterer(options);
        var recent = new List<Article>();
        await foreach (var article in store.ListRecentArticlesAsync(options.Window, cancellationToken))
        {
            recent.Add(article);
        }

        var features = Featurize(recent, featurizer);
        for (var i = 0; i < recent.Count; i++)
        {
            clusterer.Replay(features[i], recent[i].StoryId ?? recent[i].Id);
        }

        LogRebuilt(logger, recent.Count, clusterer.OpenStories);
        _clusterer = clusterer;
        _expectedSequence = last;
        return clusterer;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Story clusterer rebuilt from {Articles} stored articles ({Stories} open stories)")]
    private static partial void LogRebuilt(ILogger logger, int articles, int stories);
}
