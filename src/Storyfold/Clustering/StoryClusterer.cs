using Storyfold.News;

namespace Storyfold.Clustering;

/// <summary>Where one article went: its story, the earlier copy it duplicates, and the stories that merged on the way.</summary>
public sealed record ClusterDecision(string StoryId, string? DuplicateOf, IReadOnlyList<StoryMerge> Merges);

/// <summary>
/// Online single-pass story clustering over a window of recent articles. Each article is compared with the stories
/// found through an inverted index of its rarest terms (never a scan of all stories), joins the most similar one
/// when the time-decayed similarity is high enough, and may bring two stories together when it shows they are one.
/// Everything it holds is a function of the window's articles and their stories, so replaying the stored window
/// after a restart gives exactly the state an uninterrupted run would have.
/// </summary>
public sealed class StoryClusterer(ClusteringOptions options)
{
    private const int Bands = 8;
    private const int RowsPerBand = 4;
    private const long NormEpoch = 50;

    /// <summary>How many times the article's probe terms a story may hold and still be walked rather than looked up in.</summary>
    private const int WalkRatio = 3;

    /// <summary>The window's articles by sequence number, each with what the near-duplicate lookup reads of it.</summary>
    private readonly WindowRing<WindowPlace> _window = new();
    private readonly Dictionary<string, Story> _stories = new(StringComparer.Ordinal);

    /// <summary>Per term: window document frequency and the stories using it (one table, so a term costs one lookup).</summary>
    private readonly TermTable _terms = new();

    /// <summary>Stories by slot: term lists name their stories by slot, which the garbage collector need not trace.</summary>
    private readonly SlotTable<Story, Listing> _storySlots = new();
    private readonly List<int> _hitSlots = [];

    /// <summary>The candidates of the article being added, best first (see <see cref="ScoreCandidates"/>); reused.</summary>
    private readonly List<(Story Story, double Score)> _scored = [];

    private readonly List<(Story Story, double Hits)> _shortlist = [];

    /// <summary>The query terms of the current candidate lookup and their weights (see <see cref="QueryOrder"/>); reused.</summary>
    private int[] _queryTop = new int[16];

    private double[] _queryValues = new double[16];

    /// <summary>A reviewed story's terms (hash, id, weight) in ascending order, and their weights, ids and IDF; reused.</summary>
    private (ulong Hash, int Id, int Weight)[] _reviewCells = new (ulong, int, int)[256];

    private int[] _reviewWeights = new int[256];
    private int[] _reviewIds = new int[256];
    private double[] _reviewIdf = new double[256];
    /// <summary>The window's articles by the band keys of their signatures (see <see cref="FindOriginal"/>).</summary>
    private readonly CopyIndex _copies = new();

    /// <summary>Stories started by <see cref="Add"/>, in the order they started, until their review (see <see cref="ClusteringOptions.ReviewAfter"/>).</summary>
    private readonly Queue<(long Due, Story Story)> _reviews = new();
    private long _sequence;

    /// <summary>The IDF of each term of the article being added (see <see cref="ArticleIdf"/>); reused, longer than the article.</summary>
    private double[] _idf = new double[256];

    /// <summary>IDF by document frequency, each for the window size it was computed at (see <see cref="Idf"/>).</summary>
    private IdfValue[] _idfByDf = new IdfValue[256];

    /// <summary>The current article's terms to look up in candidate stories (see <see cref="ScoreCandidates"/>); reused.</summary>
    private ProbeTerm[] _probe = new ProbeTerm[256];

    private int[] _probeIds = new int[256];

    private readonly ProbeIndex _probeIndex = new();

    /// <summary>Marks stories and articles as seen in one pass without a set: a pass takes the next stamp.</summary>
    private long _stamp;

    public ClusteringOptions Options => options;

    /// <summary>Stories with at least one article in the window.</summary>
    public int OpenStories => _stories.Count;

    public int WindowCount => _window.Count;

    /// <summary>Story slots held: open stories, and closed ones that a term list still names (bounded by list compaction).</summary>
    internal int StorySlotsInUse => _storySlots.Count;

    /// <summary>Puts an already-assigned article back into the window (start-up replay of the store); decides nothing.</summary>
    public void Replay(ArticleFeatures features, string storyId)
    {
        var started = !_stories.TryGetValue(storyId, out var story);
        if (started)
        {
            story = NewStory(storyId);
        }

        Admit(features, story!, null);
        if (started)
        {
            ScheduleReview(story!);
        }

        ReviewDueStories(null);
    }

    /// <summary>Assigns a new article to a story (possibly a new one) and records it in the window.</summary>
    public ClusterDecision Add(ArticleFeatures features)
    {
        var termIds = new int[features.Terms.Length];
        var idf = ArticleIdf(features, termIds);
        var norm = Norm(features.Weights, idf);
        var original = FindOriginal(features);
        var merges = new List<StoryMerge>();
        Story target;
        Story? started = null;
        List<(Story Story, double Score)>? scored = null;
        if (original is not null)
        {
            target = original.Story;
        }
        else
        {
            scored = ScoreCandidates(features, termIds, idf, norm);
            if (scored.Count > 0 && scored[0].Score >= options.JoinThreshold)
            {
                target = scored[0].Story;
                // Further stories that this article also fits are checked as a whole: one event reported twice merges.
                for (var i = 1; i < scored.Count && scored[i].Score >= options.JoinThreshold; i++)
                {
                    var other = scored[i].Story;
                    if (other.Alive && target.Alive && StorySimilarity(target, other) >= options.MergeThreshold)
                    {
                        target = MergeIntoOlder(target, other, merges);
                    }
                }
            }
            else
            {
                target = NewStory(features.ArticleId);
                started = target;
            }
        }

        Admit(features, target, termIds);
        if (started is not null)
        {
            ScheduleReview(started);
        }

        if (scored is not null && target.Members.Count > 1)
        {
            target = AbsorbSmallStories(target, scored, merges);
        }

        ReviewDueStories(merges);
        if (!target.Alive)
        {
            // A review merged the article's story into an older one.
            target = Survivor(target, merges);
        }

        return new ClusterDecision(target.Id, original?.Features.ArticleId, merges);
    }

    /// <summary>Queues a story that <see cref="Add"/> or <see cref="Replay"/> just started for its review.</summary>
    private void ScheduleReview(Story story)
    {
        if (options.ReviewAfter > 0)
        {
            // Due when the article that arrives ReviewAfter articles after its first report has been admitted.
            _reviews.Enqueue((story.FirstSequence + options.ReviewAfter, story));
        }
    }

    /// <summary>
    /// Reviews the stories whose time has come (see <see cref="ClusteringOptions.ReviewAfter"/>), or, on replay, drops
    /// them: the run that stored these articles reviewed them then, and the stored stories show the outcome.
    /// </summary>
    private void ReviewDueStories(List<StoryMerge>? merges)
    {
        while (_reviews.Count > 0 && _reviews.Peek().Due <= _sequence)
        {
            var (_, story) = _reviews.Dequeue();
            if (merges is not null && story.Alive && story.Members.Count <= options.ReviewSize)
            {
                Review(story, merges);
            }
        }
    }

    /// <summary>The story that <paramref name="story"/> merged into, following the merges of this decision.</summary>
    private Story Survivor(Story story, List<StoryMerge> merges)
    {
        var id = story.Id;
        foreach (var merge in merges)
        {
            if (merge.MergedId == id)
            {
                id = merge.SurvivorId;
            }
        }

        return _stories[id];
    }

    /// <summary>
    /// A story still small <see cref="ClusteringOptions.ReviewAfter"/> articles after its first report. Each of its reports
    /// was compared with the stories as they were when it arrived, often with a story of one or two reports that shared
    /// too few words with it (short reports of one event word it differently). A story that several reports have built
    /// since says more: the small story is weighed against the stories its terms find, as a whole, and joins the best
    /// if it has grown to <see cref="ClusteringOptions.ReviewTargetSize"/> reports, resembles the small story well enough,
    /// and clearly more than any other candidate does (two stories of the same kind of event resemble it about as much).
    /// </summary>
    private void Review(Story story, List<StoryMerge> merges)
    {
        var count = story.Centroid.Count;
        if (_reviewCells.Length < count)
        {
            _reviewCells = new (ulong, int, int)[Math.Max(count, 2 * _reviewCells.Length)];
            _reviewWeights = new int[_reviewCells.Length];
            _reviewIds = new int[_reviewCells.Length];
            _reviewIdf = new double[_reviewCells.Length];
        }

        var cells = _reviewCells.AsSpan(0, count);
        var i = 0;
        foreach (var cell in story.Centroid)
        {
            cells[i++] = (_terms[cell.Term].Hash, cell.Term, (int)Math.Min(int.MaxValue, cell.Sum));
        }

        // Ascending terms, as an article's: the query's ties then go the same way whatever the table's order.
        cells.Sort(static (a, b) => a.Hash.CompareTo(b.Hash));
        var weights = _reviewWeights.AsSpan(0, count);
        var ids = _reviewIds.AsSpan(0, count);
        var idf = _reviewIdf.AsSpan(0, count);
        for (i = 0; i < count; i++)
        {
            (_, ids[i], weights[i]) = cells[i];
            idf[i] = Idf(_terms.DfOf(ids[i]));
        }

        var shortlist = Shortlist(weights, idf, ids);
        // Only a story of ReviewTargetSize reports can take it in: with none among the candidates, no comparison can.
        var canJoin = false;
        foreach (var (candidate, _) in shortlist)
        {
            canJoin |= !ReferenceEquals(candidate, story) && candidate.Members.Count >= options.ReviewTargetSize;
        }

        // A candidate scoring below this can neither be the story it joins nor a runner-up close enough to stop that.
        var heeded = options.ReviewThreshold / Math.Max(1.0, options.ReviewMargin);
        Story? best = null;
        double bestScore = 0, runnerUp = 0;
        foreach (var (candidate, _) in shortlist)
        {
            if (ReferenceEquals(candidate, story))
            {
                continue;
            }

            if (!canJoin || (Unreachable(StoryTimeFactor(story, candidate, 0), heeded) && Unreachable(StoryTimeFactor(story, candidate, 1.0), heeded)))
            {
                continue;
            }

            var score = StorySimilarity(story, candidate, forReview: true);
            if (score > bestScore && candidate.Members.Count >= options.ReviewTargetSize)
            {
                runnerUp = Math.Max(runnerUp, bestScore);
                (best, bestScore) = (candidate, score);
            }
            else
            {
                runnerUp = Math.Max(runnerUp, score);
            }
        }

        if (best is null || bestScore < options.ReviewThreshold || bestScore < options.ReviewMargin * runnerUp)
        {
            return;
        }

        MergeIntoOlder(story, best, merges);
    }

    /// <summary>
    /// A report that arrived when its story had one article compared with that article alone, and two reports of one event
    /// often share too few words for that; now that the story it belongs to has grown, a small story that this article
    /// also resembles is weighed against the grown story as a whole, as if its articles arrived now, and joins it if it fits.
    /// </summary>
    private Story AbsorbSmallStories(Story target, List<(Story Story, double Score)> scored, List<StoryMerge> merges)
    {
        foreach (var (other, score) in scored)
        {
            if (ReferenceEquals(other, target) || !other.Alive || other.Members.Count > options.AbsorbSize ||
                score < options.AbsorbFloor * options.JoinThreshold)
            {
                continue;
            }

            if (StorySimilarity(target, other) >= options.JoinThreshold)
            {
                target = MergeIntoOlder(target, other, merges);
            }
        }

        return target;
    }

    /// <param name="termIds">
    /// The article's term ids where already looked up (index by term; -1 where new), or null; filled in, and kept with
    /// the article for its eviction.
    /// </param>
    private void Admit(ArticleFeatures features, Story story, int[]? termIds)
    {
        termIds ??= NewTermIds(features.Terms.Length);
        // Nothing reads a window article's term hashes or names once it is admitted (its term ids stand for its terms):
        // held without them, each window article keeps eight bytes a term less (with the copy index, 11.6 to 10.0 KB an article).
        var entry = new WindowArticle(features with { Terms = [], Names = [] }, termIds, _sequence++) { Story = story };
        if (story.Members.Count == 0)
        {
            story.FirstSequence = entry.Sequence;
            // Most stories hold one article: sized for it at once rather than doubling up to it (the resizes were a
            // sixth of assignment time).
            story.Centroid.EnsureCapacity(features.Terms.Length);
        }

        story.Members.Add(entry);
        story.Version++;
        for (var i = 0; i < features.Terms.Length; i++)
        {
            var id = termIds[i] >= 0 ? termIds[i] : termIds[i] = _terms.GetOrAdd(features.Terms[i]);
            ref var state = ref _terms[id];
            _terms.DfOf(id)++;
            story.Centroid.GetOrAdd(id, (int)(features.Terms[i] >> 62), out var existed) += features.Weights[i];
            // Every use of a term moves its story to the recent end of the term's list, not only the first.
            state.Append(story.Slot);
            _storySlots.StateOf(story.Slot).References++;
            if (!existed)
            {
                state.Live++;
            }

            CompactIfStale(id);
        }

        story.AddMember(features);
        _window.Add(entry.Sequence, new WindowPlace { Article = entry, Day = features.Day });
        _copies.Add(entry.Sequence, BandKeys(features.Signature, stackalloc ulong[Bands]));
        while (_window.Count > options.Window)
        {
            Evict(_window.RemoveOldest().Article);
        }
    }

    private void Evict(WindowArticle entry)
    {
        var story = entry.Story;
        var features = entry.Features;
        story.Members.Remove(entry);

        story.Version++;
        for (var i = 0; i < entry.TermIds.Length; i++)
        {
            // The article's story holds each of its terms (with at least its weight), under the ids they had on admission.
            var id = entry.TermIds[i];
            ref var state = ref _terms[id];
            _terms.DfOf(id)--;
            ref var sum = ref story.Centroid.Get(id);
            sum -= features.Weights[i];
            if (sum <= 0)
            {
                story.Centroid.Remove(id);
                story.HasLostTerms = true;
                _storySlots.StateOf(story.Slot).HasLostTerms = true;
                state.Live--;
                if (state.Live > 0)
                {
                    CompactIfStale(id);
                }
                else
                {
                    // No open story uses the term: its list starts afresh should the term come back.
                    foreach (var slot in state.List)
                    {
                        Release(slot);
                    }

                    state.EntryCount = 0;
                }
            }

            if (_terms.DfOf(id) <= 0 && state.Live <= 0)
            {
                _terms.Remove(id);
            }
        }

        if (story.Members.Count == 0)
        {
            story.Alive = false;
            _stories.Remove(story.Id);
            Close(story.Slot);
        }
        else
        {
            story.FirstSequence = story.Members.First.Sequence;
            story.RemoveMember(features);
        }

        _copies.RemoveOldest(entry.Sequence, BandKeys(features.Signature, stackalloc ulong[Bands]));
    }

    /// <summary>Merges two stories into the one that started first (its id is the one readers have seen longest), records the merge, and returns the survivor.</summary>
    private Story MergeIntoOlder(Story story, Story other, List<StoryMerge> merges)
    {
        var (survivor, merged) = other.FirstSequence < story.FirstSequence ? (other, story) : (story, other);
        Merge(survivor, merged);
        merges.Add(new StoryMerge(merged.Id, survivor.Id));
        return survivor;
    }

    private void Merge(Story survivor, Story merged)
    {
        // One resize up front instead of a doubling for each power of two the merged terms pass.
        survivor.Centroid.EnsureCapacity(survivor.Centroid.Count + merged.Centroid.Count);
        foreach (var member in merged.Members.Span)
        {
            member.Story = survivor;
            survivor.AddMember(member.Features);
        }

        survivor.Members.AddInArrivalOrder(merged.Members.Span);
        survivor.Version++;
        survivor.FirstSequence = Math.Min(survivor.FirstSequence, merged.FirstSequence);
        // The survivor takes the merged story's places in the term lists, so each list stays in the order its articles
        // arrived. When the merged story still holds every term it is listed under, its entries simply stand for the
        // survivor from now on (see Current); rewriting them meant scanning the whole list of each of its terms, the
        // common ones tens of thousands of entries long.
        var forward = !merged.HasLostTerms;
        if (forward)
        {
            _storySlots.StateOf(merged.Slot).MergedInto = survivor.Slot;
            _storySlots.StateOf(survivor.Slot).References++;
        }

        foreach (var cell in merged.Centroid)
        {
            var term = cell.Term;
            survivor.Centroid.GetOrAdd(term, cell.Channel, out var existed) += cell.Sum;
            ref var posting = ref _terms[term];
            if (posting.Live > 0)
            {
                if (!forward)
                {
                    var entries = posting.List;
                    for (var i = 0; i < entries.Length; i++)
                    {
                        var listed = entries[i];
                        if (Current(listed) == merged.Slot)
                        {
                            entries[i] = survivor.Slot;
                            _storySlots.StateOf(survivor.Slot).References++;
                            Release(listed);
                        }
                    }
                }

                if (existed)
                {
                    posting.Live--;
                }

                CompactIfStale(term);
            }
        }

        // A forwarded story stays reachable from term lists until they are compacted: keep none of its tables' memory.
        merged.Members.Clear();
        merged.Centroid.Clear();
        merged.Alive = false;
        _stories.Remove(merged.Id);
        Close(merged.Slot);
    }

    private Story NewStory(string id)
    {
        var story = new Story(id);
        story.Slot = _storySlots.Add(story, new Listing { Alive = true, MergedInto = -1 });
        _stories.Add(id, story);
        return story;
    }

    /// <summary>A story closed (evicted or merged away): its slot is freed once nothing names it.</summary>
    private void Close(int slot)
    {
        _storySlots.StateOf(slot).Alive = false;
        Release(slot, 0);
    }

    /// <summary>
    /// Drops <paramref name="count"/> references to a story's slot (term-list entries, or a merged story forwarding to
    /// it); a closed story that nothing names any more gives up its slot, and with it its reference to where it forwarded.
    /// </summary>
    private void Release(int slot, int count = 1)
    {
        ref var listing = ref _storySlots.StateOf(slot);
        listing.References -= count;
        while (!listing.Alive && listing.References == 0)
        {
            var next = listing.MergedInto;
            _storySlots.Free(slot);
            if (next < 0)
            {
                return;
            }

            slot = next;
            listing = ref _storySlots.StateOf(slot);
            listing.References--;
        }
    }

    /// <summary>The story slot a term-list entry stands for now: a story merged away forwards to the one it merged into.</summary>
    private int Current(int slot)
    {
        while (_storySlots.StateOf(slot).MergedInto is var next && next >= 0)
        {
            slot = next;
        }

        return slot;
    }

    private WindowArticle? FindOriginal(ArticleFeatures features)
    {
        if (features.Signature.Length == 0)
        {
            return null;
        }

        // The earliest window article that is a copy: each key's chain runs oldest first, so its walk ends at the first
        // copy, or at the earliest found under another key.
        WindowArticle? best = null;
        var stamp = ++_stamp;
        foreach (var key in BandKeys(features.Signature, stackalloc ulong[Bands]))
        {
            for (var node = _copies.First(key); node >= 0; node = _copies.Next(node))
            {
                var sequence = _copies.SequenceOf(node);
                if (best is not null && sequence >= best.Sequence)
                {
                    break;
                }

                ref var candidate = ref _window.At(sequence);
                if (candidate.Stamp == stamp)
                {
                    continue;
                }

                candidate.Stamp = stamp;
                if (DaysApart(features.Day, candidate.Day) > options.DuplicateDays)
                {
                    continue;
                }

                if (Jaccard(features.Signature, candidate.Article.Features.Signature) >= options.DuplicateThreshold)
                {
                    best = candidate.Article;
                    break;
                }
            }
        }

        // The first copy is the original; a copy of a copy points to it.
        return best;
    }

    private List<(Story Story, double Score)> ScoreCandidates(ArticleFeatures features, int[] termIds, double[] idf, double norm)
    {
        var result = _scored;
        result.Clear();
        if (norm <= 0 || _stories.Count == 0)
        {
            return result;
        }

        var shortlist = Shortlist(features.Weights, idf, termIds);
        // What every comparison needs of the article, read once: its norms by channel, and the terms a story can hold.
        Span<double> articleNorm = stackalloc double[4];
        articleNorm.Clear();
        var probeCount = 0;
        if (_probe.Length < features.Terms.Length)
        {
            _probe = new ProbeTerm[Math.Max(features.Terms.Length, 2 * _probe.Length)];
            _probeIds = new int[_probe.Length];
        }

        for (var i = 0; i < features.Terms.Length; i++)
        {
            var channel = (int)(features.Terms[i] >> 62);
            var w = features.Weights[i] * idf[i];
            articleNorm[channel] += w * w;
            // A term new to the window (no id), or held by no open story, is in no candidate.
            if (termIds[i] >= 0 && _terms[termIds[i]].Live > 0)
            {
                _probeIds[probeCount] = termIds[i];
                _probe[probeCount++] = new ProbeTerm(termIds[i], channel, w, idf[i]);
            }
        }

        _probeIndex.Reset(_probeIds.AsSpan(0, probeCount));

        // The least score that any use of the list heeds: joining, or a small story weighed again (AbsorbSmallStories).
        var heeded = options.AbsorbSize > 0 ? options.JoinThreshold * Math.Min(1.0, options.AbsorbFloor) : options.JoinThreshold;
        foreach (var (story, _) in shortlist)
        {
            var boost = features.Language is { } language && story.Languages.Count > 0 && !story.Languages.ContainsKey(language)
                ? options.CrossLanguageBoost
                : 1.0;
            // Most candidates the index finds are stories far off in time (last month's report of the same kind of
            // event): when even a perfect match could not bring the time-discounted score to what is heeded (names at
            // their most for the time factor), the term-by-term comparison is skipped: three in four of the synthetic
            // stream's candidates, and most of the scoring. So is the reading of the story's norms, which would fix the
            // IDF they are cached with until the story changes or the epoch ends (see StoryNorms): a later comparison
            // sums them under an IDF a few articles on, which moves its score by a hair and, rarely, a decision on the
            // edge of a threshold (the dev corpora's stories are the same; the synthetic stream's merges come a report
            // sooner or later). Reading them anyway kept every decision but cost a tenth of the step.
            if (Unreachable(boost * TimeFactor(features, story, 0), heeded) && Unreachable(boost * TimeFactor(features, story, 1.0), heeded))
            {
                continue;
            }

            var score = Similarity(_probe.AsSpan(0, probeCount), articleNorm, norm, story, out var names) * TimeFactor(features, story, names);
            if (boost != 1.0)
            {
                score = Math.Min(1.0, score * boost);
            }

            result.Add((story, score));
        }

        result.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Story.FirstSequence.CompareTo(b.Story.FirstSequence));
        return result;
    }

    /// <summary>
    /// Whether a comparison whose similarity is scaled by <paramref name="ceiling"/> cannot reach <paramref name="heeded"/>.
    /// A cosine is at most 1, but a story's cached norms lag the IDF by up to <see cref="NormEpoch"/> articles, which lets
    /// one overshoot by a little (at most 1.02 in 1.9 million comparisons of the synthetic stream): twice a perfect match
    /// leaves ample room.
    /// </summary>
    private static bool Unreachable(double ceiling, double heeded) => 2.0 * ceiling < heeded;

    /// <summary>
    /// The stories with the most evidence from the inverted index for the given terms (in ascending order of hash: their
    /// weights and IDF, and their ids in the window's term table, -1 where new; <paramref name="idf"/> may run on past the
    /// terms), best first, at most <see cref="ClusteringOptions.Candidates"/>. The list is the clusterer's own, reused by the next call.
    /// </summary>
    private List<(Story Story, double Hits)> Shortlist(ReadOnlySpan<int> weights, ReadOnlySpan<double> idf, ReadOnlySpan<int> termIds)
    {
        // Query by the article's most telling terms.
        var order = QueryOrder(weights, idf);
        var recent = options.RecentStoriesPerTerm;
        var scanLimit = (4 * recent) + 16;
        var hitStamp = ++_stamp;
        _hitSlots.Clear();
        foreach (var i in order)
        {
            var id = termIds[i];
            if (id < 0 || _terms[id].Live <= 0)
            {
                continue;
            }

            // A common term still counts, for the stories that used it most recently: bounded work, and a story
            // that keeps going keeps using its terms, so it stays near the recent end however common they are.
            var weight = weights[i] * idf[i];
            var entries = _terms[id].List;
            var found = 0;
            var examined = 0;
            var seen = ++_stamp;
            for (var at = entries.Length - 1; at >= 0 && found < recent && examined < scanLimit; at--, examined++)
            {
                var slot = Current(entries[at]);
                ref var listing = ref _storySlots.StateOf(slot);
                if (listing.Stamp == seen)
                {
                    continue;
                }

                listing.Stamp = seen;
                if (!IsListed(slot, listing, id))
                {
                    continue;
                }

                found++;
                if (listing.HitStamp != hitStamp)
                {
                    listing.HitStamp = hitStamp;
                    listing.Hits = 0;
                    _hitSlots.Add(slot);
                }

                listing.Hits += weight;
            }
        }

        // Top candidates by evidence, ties to the older story; a bounded selection, not a sort of every hit.
        var shortlist = _shortlist;
        shortlist.Clear();
        foreach (var slot in _hitSlots)
        {
            var value = _storySlots.StateOf(slot).Hits;
            if (shortlist.Count == options.Candidates && !Better(value, slot, shortlist[^1]))
            {
                continue;
            }

            var at = shortlist.Count;
            while (at > 0 && Better(value, slot, shortlist[at - 1]))
            {
                at--;
            }

            shortlist.Insert(at, (_storySlots[slot], value));
            if (shortlist.Count > options.Candidates)
            {
                shortlist.RemoveAt(shortlist.Count - 1);
            }
        }

        // The story object is read only on a tie: the evidence sits with the slot's state.
        bool Better(double value, int slot, (Story Story, double Hits) other) =>
            value > other.Hits || (value == other.Hits && _storySlots[slot].FirstSequence < other.Story.FirstSequence);

        return shortlist;
    }

    /// <summary>
    /// Indices of the article's <see cref="ClusteringOptions.QueryTerms"/> highest weighted terms, best first, ties to the
    /// smaller hash: a bounded insertion into a short list rather than a sort of every term.
    /// </summary>
    private ReadOnlySpan<int> QueryOrder(ReadOnlySpan<int> weights, ReadOnlySpan<double> idf)
    {
        var limit = Math.Min(options.QueryTerms, weights.Length);
        if (_queryTop.Length < limit)
        {
            _queryTop = new int[limit];
            _queryValues = new double[limit];
        }

        var top = _queryTop.AsSpan(0, limit);
        var values = _queryValues.AsSpan(0, limit);
        var count = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var value = weights[i] * idf[i];
            // Terms are ascending, so a later term never wins a tie against an earlier one.
            if (count == limit && value <= values[count - 1])
            {
                continue;
            }

            var at = count == limit ? count - 1 : count++;
            while (at > 0 && value > values[at - 1])
            {
                top[at] = top[at - 1];
                values[at] = values[at - 1];
                at--;
            }

            top[at] = i;
            values[at] = value;
        }

        return top;
    }

    /// <param name="names">The named-entity cosine alone (0 when either side names nobody), for <see cref="TimeFactor"/>.</param>
    /// <param name="probe">The article's terms that open stories hold, in the article's order.</param>
    /// <param name="articleNorm">The article's squared norms by channel.</param>
    private double Similarity(ReadOnlySpan<ProbeTerm> probe, ReadOnlySpan<double> articleNorm, double norm, Story story, out double names)
    {
        names = 0;
        Span<double> dot = stackalloc double[4];
        Span<double> storyNorm = stackalloc double[4];
        dot.Clear();
        storyNorm.Clear();
        var any = false;
        var centroid = story.Centroid;
        if (centroid.Count <= WalkRatio * probe.Length)
        {
            // A story not much bigger than the article: walking its terms in sequence and finding each in the article's
            // small index (in cache) beats a lookup into the story's table per article term. The products are still
            // summed in the article's order, so the result is the same to the bit.
            var found = _probeIndex.Match(centroid.Places);
            for (var k = 0; k < probe.Length; k++)
            {
                if (found.Has(k, out var sum))
                {
                    ref readonly var term = ref probe[k];
                    dot[term.Channel] += term.Weight * sum * term.Idf;
                    any = true;
                }
            }
        }
        else
        {
            foreach (ref readonly var term in probe)
            {
                if (centroid.TryGetSum(term.Term, out var sum))
                {
                    dot[term.Channel] += term.Weight * sum * term.Idf;
                    any = true;
                }
            }
        }

        if (!any || norm <= 0)
        {
            return 0;
        }

        StoryNorms(story).CopyTo(storyNorm);
        return Combine(dot, articleNorm, storyNorm, out names);
    }

    /// <summary>
    /// Squared per-channel norms of a story's centroid. Summing over every centroid term is the costliest step, so the
    /// result is kept until the story changes or <see cref="NormEpoch"/> more articles have moved the IDF.
    /// </summary>
    /// <param name="forReview">
    /// True for a review's comparisons, which keep their norms apart: the cached norms are those of the first comparison
    /// in an epoch, so a comparison that decides nothing (a review that merges nothing) must not change which IDF later
    /// articles are compared with. Reviews still reuse the article comparisons' norms, and their own within an epoch,
    /// rather than sum a large story's whole centroid for every review.
    /// </param>
    private double[] StoryNorms(Story story, bool forReview = false)
    {
        var epoch = _sequence / NormEpoch;
        if (story.Norms is { } cached && story.NormsVersion == story.Version && story.NormsEpoch == epoch)
        {
            return cached;
        }

        if (forReview && story.ReviewNorms is { } kept && kept.Version == story.Version && kept.Epoch == epoch)
        {
            return kept.Values;
        }

        // The article comparisons' array is refilled (callers copy the norms out before the next call); a review's is new.
        var norms = !forReview && story.Norms is { } reused ? reused : new double[4];
        // Each channel's sum in a register rather than in the array: adding to an array element waited on the store of
        // the previous term's. Same terms, same order, so the same sums to the bit.
        double words = 0, names = 0, numbers = 0, bigrams = 0;
        var df = _terms.Frequencies;
        var idfByDf = IdfTable(out var sizePlusOne);
        foreach (ref readonly var cell in story.Centroid.Places)
        {
            if (cell.Term < 0)
            {
                continue;
            }

            var w = cell.Sum * IdfOf(idfByDf, df[cell.Term], sizePlusOne);
            switch (cell.Channel)
            {
                case 0:
                    words += w * w;
                    break;
                case 1:
                    names += w * w;
                    break;
                case 2:
                    numbers += w * w;
                    break;
                default:
                    bigrams += w * w;
                    break;
            }
        }

        (norms[0], norms[1], norms[2], norms[3]) = (words, names, numbers, bigrams);

        if (forReview)
        {
            story.ReviewNorms = new CachedNorms(norms, story.Version, epoch);
        }
        else
        {
            story.Norms = norms;
            story.NormsVersion = story.Version;
            story.NormsEpoch = epoch;
        }

        return norms;
    }

    /// <summary>Per-channel cosines, weighted; a channel empty on either side drops out and the rest are renormalised.</summary>
    /// <param name="names">The named-entity channel's cosine (0 when that channel is empty on either side).</param>
    private double Combine(ReadOnlySpan<double> dot, ReadOnlySpan<double> normA, ReadOnlySpan<double> normB, out double names)
    {
        const int NameChannel = (int)FeatureChannel.Name;
        names = normA[NameChannel] > 0 && normB[NameChannel] > 0 ? dot[NameChannel] / Math.Sqrt(normA[NameChannel] * normB[NameChannel]) : 0;
        ReadOnlySpan<double> weights = [options.WordWeight, options.NameWeight, options.NumberWeight, options.BigramWeight];
        double total = 0, weightSum = 0;
        for (var c = 0; c < 4; c++)
        {
            if (normA[c] <= 0 || normB[c] <= 0)
            {
                continue;
            }

            total += weights[c] * dot[c] / Math.Sqrt(normA[c] * normB[c]);
            weightSum += weights[c];
        }

        return weightSum <= 0 ? 0 : total / weightSum;
    }

    /// <param name="forReview">See <see cref="StoryNorms"/>.</param>
    private double StorySimilarity(Story a, Story b, bool forReview = false)
    {
        var (small, large) = a.Centroid.Count <= b.Centroid.Count ? (a, b) : (b, a);
        Span<double> dot = stackalloc double[4];
        Span<double> normA = stackalloc double[4];
        Span<double> normB = stackalloc double[4];
        dot.Clear();
        normA.Clear();
        normB.Clear();
        foreach (var cell in small.Centroid)
        {
            var idf = Idf(_terms.DfOf(cell.Term));
            var sum = cell.Sum;
            var channel = cell.Channel;
            normA[channel] += sum * idf * sum * idf;
            if (large.Centroid.TryGetSum(cell.Term, out var other))
            {
                dot[channel] += sum * idf * other * idf;
            }
        }

        // The larger story's norms as cached for article comparisons: summing its whole centroid was most of the cost.
        StoryNorms(large, forReview).CopyTo(normB);
        var similarity = Combine(dot, normA, normB, out var names);
        return StoryTimeFactor(a, b, names) * similarity;
    }

    /// <summary>
    /// How well two stories fit in time: the decay of the days between them; for stories of undated reports, the same
    /// year evidence an undated article gets against a dated story (<see cref="TimeFactor"/>), so that a story of undated
    /// reports needs as much evidence to merge into a dated story as each of its reports needed to join it.
    /// </summary>
    private double StoryTimeFactor(Story a, Story b, double names)
    {
        if (DaysApart(a, b) is { } gap)
        {
            var (earlier, later) = a.MinDay <= b.MinDay ? (a, b) : (b, a);
            var recalls = NamesCount(gap, names) && (Recalls(later.RecalledYears.Keys, earlier.Years) ||
                (earlier.MinDay is { } first && NamesFirstDays(first, (_terms, later.Centroid), static (s, day) => s._terms.TryGetId(day, out var id) && s.Centroid.ContainsKey(id))));
            return Decay(gap, recalls ? names : 0);
        }

        if (a.Years.Count > 0 && b.Years.Count > 0)
        {
            return a.Years.Keys.Any(b.Years.ContainsKey) ? 1.0 : options.YearMismatch;
        }

        var (dated, undated) = a.Years.Count > 0 ? (a, b) : (b, a);
        if (dated.Years.Count == 0)
        {
            return 1.0;
        }

        return undated.MentionedYears.Count > 0 ? YearFit(undated.MentionedYears.Keys.Max(), dated.Years.Keys, yearIsNamed: true) : options.UndatedFactor;
    }

    /// <param name="names">The article's named-entity cosine with the story (see <see cref="Decay(double, double)"/>).</param>
    private double TimeFactor(ArticleFeatures features, Story story, double names)
    {
        if (features.EventDay is { } d && story.MinDay is { } min && story.MaxDay is { } max)
        {
            var gap = d < min ? min - d : d > max ? d - max : 0;
            var recalls = NamesCount(gap, names) && (d > max
                ? Recalls(features.RecalledYears, story.Years) || NamesFirstDays(min, features.Terms, static (terms, term) => Array.BinarySearch(terms, term) >= 0)
                : d < min && features.Year is { } own && story.RecalledYears.ContainsKey(own));
            return Decay(gap, recalls ? names : 0);
        }

        if (features.Year is { } year)
        {
            // Undated reports of the same kind of event years apart (last year's summit, this year's) stay apart.
            if (story.Years.Count > 0 && !story.Years.ContainsKey(year))
            {
                return options.YearMismatch;
            }

            // A dated article and a story of undated articles: the years their texts name are the only clue to time.
            return YearFit(year, story.MentionedYears.Keys, yearIsNamed: false);
        }

        if (story.Years.Count > 0)
        {
            // An undated article and a dated story: the latest year the article names is a bound on when it was written.
            return features.MentionedYear is { } mentioned ? YearFit(mentioned, story.Years.Keys, yearIsNamed: true) : options.UndatedFactor;
        }

        return 1.0;
    }

    /// <summary>
    /// How a year on one side fits the years of the other, one side dated and the other only naming years: one of
    /// them, full weight; the latest named year later than the dated ones (written after the other's event, so another
    /// event), a mismatch; otherwise (no year named, or only earlier ones, as background) the caution due to a missing date.
    /// </summary>
    private double YearFit(int year, Dictionary<int, int>.KeyCollection others, bool yearIsNamed)
    {
        var latest = int.MinValue;
        foreach (var y in others)
        {
            if (y == year)
            {
                return 1.0;
            }

            latest = Math.Max(latest, y);
        }

        var namedIsLater = yearIsNamed ? year > latest + 1 : latest > year + 1;
        return namedIsLater ? options.YearMismatch : options.UndatedFactor;
    }

    /// <summary>
    /// The discount for the days between two dated sides. Days alone cannot tell a later development of one event (the
    /// charge, the trial and the sentence after a killing, months apart) from another event of the same kind; the names
    /// can: the development names the same people and places, the other event names others. So the decay never goes
    /// below the share of <see cref="ClusteringOptions.NameAnchor"/> that the named-entity cosine reaches. Names alone
    /// would also carry the same two leaders' summit a year later, or the same player's next trade, into the story: a
    /// development recalls its event, so names count only when the later side names a year of the earlier side's reports
    /// ("the 2005 killing"); the callers pass 0 otherwise.
    /// </summary>
    private double Decay(double gapDays, double names)
    {
        var decay = gapDays <= options.GraceDays ? 1.0 : Math.Exp(-(gapDays - options.GraceDays) / options.DecayDays);
        return options.NameAnchor > 0 ? Math.Max(decay, Math.Min(1.0, names / options.NameAnchor)) : decay;
    }

    /// <summary>
    /// Whether a later side (an article's terms, or a later story's centroid, as <paramref name="names"/> tells) names the
    /// calendar day of a story's first report or one of the two days before it (when its event happened): "the August 7
    /// shooting", months later in the same year.
    /// </summary>
    /// <remarks>The side comes as <paramref name="side"/> to a static test: a capturing lambda cost an allocation per comparison.</remarks>
    private static bool NamesFirstDays<TSide>(double firstDay, TSide side, Func<TSide, ulong, bool> names)
    {
        var first = DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)Math.Floor(firstDay));
        for (var back = 0; back <= 2; back++)
        {
            var day = first.AddDays(-back);
            if (names(side, ArticleFeaturizer.DayTerm(day.Month, day.Day)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether names can lift <see cref="Decay"/> at all (a gap past the grace period, names shared, the anchor on):
    /// only then is it worth asking whether the later side recalls the earlier, which is dearer than the decay itself.
    /// </summary>
    private bool NamesCount(double gapDays, double names) => options.NameAnchor > 0 && names > 0 && gapDays > options.GraceDays;

    /// <summary>Whether a later side names a year (before its own) in which the earlier side's reports were published.</summary>
    private static bool Recalls(IEnumerable<int> laterRecalled, Dictionary<int, int> earlierYears)
    {
        foreach (var year in laterRecalled)
        {
            if (earlierYears.ContainsKey(year))
            {
                return true;
            }
        }

        return false;
    }

    private static double? DaysApart(Story a, Story b)
    {
        if (a.MinDay is not { } aMin || a.MaxDay is not { } aMax || b.MinDay is not { } bMin || b.MaxDay is not { } bMax)
        {
            return null;
        }

        return aMax < bMin ? bMin - aMax : bMax < aMin ? aMin - bMax : 0;
    }

    private static double DaysApart(double? a, double? b) => a is { } x && b is { } y ? Math.Abs(x - y) : 0;

    private static int[] NewTermIds(int count)
    {
        var ids = new int[count];
        Array.Fill(ids, -1);
        return ids;
    }

    /// <summary>
    /// IDF of each of the article's terms, in a buffer reused for the next article (it may be longer than the article);
    /// <paramref name="termIds"/> gets the terms' ids (-1 for new ones), for admitting it after.
    /// </summary>
    private double[] ArticleIdf(ArticleFeatures features, int[] termIds)
    {
        if (_idf.Length < features.Terms.Length)
        {
            _idf = new double[Math.Max(features.Terms.Length, 2 * _idf.Length)];
        }

        var idf = _idf;
        for (var i = 0; i < features.Terms.Length; i++)
        {
            var df = 0;
            termIds[i] = -1;
            if (_terms.TryGetId(features.Terms[i], out var id))
            {
                termIds[i] = id;
                df = _terms.DfOf(id);
            }

            idf[i] = Idf(df);
        }

        return idf;
    }

    /// <summary>Smoothed inverse document frequency over the window; a prior keeps the first articles from overrating every word.</summary>
    /// <remarks>
    /// Kept by document frequency for the window's current size (which stays put once the window is full): the logarithm
    /// was a tenth of assignment time, over norms recomputed for every term of a story. The value is the same either way.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private double Idf(int df)
    {
        if (df >= _idfByDf.Length)
        {
            Array.Resize(ref _idfByDf, Math.Max(df + 1, 2 * _idfByDf.Length));
        }

        return IdfOf(_idfByDf, df, _window.Count + 1);
    }

    /// <summary>
    /// The IDF table for loops over many terms: long enough for any document frequency in the window (a term is in at
    /// most every window article), with the window's size plus one that its values must be for (see <see cref="IdfOf"/>).
    /// </summary>
    private IdfValue[] IdfTable(out int sizePlusOne)
    {
        sizePlusOne = _window.Count + 1;
        if (sizePlusOne > _idfByDf.Length)
        {
            Array.Resize(ref _idfByDf, Math.Max(sizePlusOne, 2 * _idfByDf.Length));
        }

        return _idfByDf;
    }

    /// <summary>The IDF at <paramref name="df"/> from <paramref name="table"/>, computed there first if it is for another window size.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double IdfOf(IdfValue[] table, int df, int sizePlusOne)
    {
        ref var known = ref table[df];
        if (known.WindowSizePlusOne != sizePlusOne)
        {
            known = new IdfValue(Math.Log((sizePlusOne - 1 + 20.0) / (df + 1.0)), sizePlusOne);
        }

        return known.Value;
    }

    private static double Norm(int[] weights, double[] idf)
    {
        double sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i] * idf[i];
            sum += w * w;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>
    /// A list entry counts while its story is open and still holds the term (an evicted or merged story does not). A story
    /// is listed under a term only when it gains the term, so one that never lost a term still holds all it is listed
    /// under: the centroid lookup, a cache miss into another story's table and most of the candidate search, is needed
    /// only for stories that eviction has trimmed.
    /// </summary>
    private bool IsListed(int slot, in Listing listing, int term) =>
        listing.Alive && (!listing.HasLostTerms || _storySlots[slot].Centroid.ContainsKey(term));

    /// <summary>
    /// Drops entries that no longer count (older repeats of a story, evicted or merged stories) once they outnumber
    /// the live ones, so a list never holds much more than its open stories: memory stays bounded by the window and
    /// the cost is amortised over the appends and removals that made the entries stale.
    /// </summary>
    private void CompactIfStale(int termId)
    {
        ref var posting = ref _terms[termId];
        if (posting.EntryCount <= (2 * posting.Live) + 8)
        {
            return;
        }

        var entries = posting.List;
        var seen = ++_stamp;
        var keep = entries.Length;
        for (var at = entries.Length - 1; at >= 0; at--)
        {
            var listed = entries[at];
            var slot = Current(listed);
            ref var listing = ref _storySlots.StateOf(slot);
            var kept = listing.Stamp != seen && IsListed(slot, listing, termId);
            listing.Stamp = seen;
            if (kept)
            {
                entries[--keep] = slot;
                if (slot == listed)
                {
                    continue;
                }

                listing.References++;
            }

            Release(listed);
        }

        posting.KeepFrom(keep);
    }

    /// <summary>The signature's band keys, into <paramref name="keys"/> (room for <see cref="Bands"/>); none when it is too short.</summary>
    private static Span<ulong> BandKeys(uint[] signature, Span<ulong> keys)
    {
        if (signature.Length < Bands * RowsPerBand)
        {
            return [];
        }

        for (var band = 0; band < Bands; band++)
        {
            var key = (ulong)band * 0x9E3779B97F4A7C15UL;
            for (var row = 0; row < RowsPerBand; row++)
            {
                key = (key ^ signature[(band * RowsPerBand) + row]) * 0x100000001B3UL;
            }

            keys[band] = key;
        }

        return keys[..Bands];
    }

    private static double Jaccard(uint[] a, uint[] b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            return 0;
        }

        var same = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return (double)same / a.Length;
    }

    private readonly record struct IdfValue(double Value, int WindowSizePlusOne);

    /// <summary>One article term to look up in a story: its id, channel, tf-idf weight and IDF.</summary>
    private readonly record struct ProbeTerm(int Term, int Channel, double Weight, double Idf);

    /// <summary>A story's squared per-channel norms, as computed for its members at <paramref name="Version"/> in an IDF epoch.</summary>
    private sealed record CachedNorms(double[] Values, int Version, long Epoch);

    private sealed class WindowArticle(ArticleFeatures features, int[] termIds, long sequence)
    {
        /// <summary>The article's features without its term hashes and names (see <see cref="Admit"/>).</summary>
        public ArticleFeatures Features { get; } = features;

        /// <summary>The ids of the article's terms in the window's term table (they stay while it is in the window).</summary>
        public int[] TermIds { get; } = termIds;

        public long Sequence { get; } = sequence;

        public required Story Story { get; set; }
    }

    /// <summary>
    /// A window article as the near-duplicate lookup reads it: its publication time and the last lookup that saw it, in
    /// the window's array, so that passing over the earlier copies under a key reads no article object.
    /// </summary>
    private struct WindowPlace
    {
        public WindowArticle Article;

        public double? Day;

        /// <summary>The last pass that saw this article (see <see cref="_stamp"/>).</summary>
        public long Stamp;
    }

    /// <summary>
    /// A story's window articles in arrival order. The window evicts its oldest article, nearly always its story's first
    /// member, so leaving from the front moves a start index instead of shifting the list: on a big story that shift
    /// was a tenth of assignment time.
    /// </summary>
    private sealed class MemberList
    {
        private readonly List<WindowArticle> _items = [];
        private int _head;

        public int Count => _items.Count - _head;

        public WindowArticle First => _items[_head];

        public ReadOnlySpan<WindowArticle> Span => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_items)[_head..];

        public void Add(WindowArticle member) => _items.Add(member);

        public void Remove(WindowArticle member)
        {
            if (Count > 0 && ReferenceEquals(_items[_head], member))
            {
                _items[_head++] = null!;
                if (_head == _items.Count || (_head >= 32 && 2 * _head >= _items.Count))
                {
                    _items.RemoveRange(0, _head);
                    _head = 0;
                }

                return;
            }

            var at = _items.IndexOf(member, _head);
            if (at >= 0)
            {
                _items.RemoveAt(at);
            }
        }

        /// <summary>Adds another story's members, keeping arrival order: both lists are in it already.</summary>
        public void AddInArrivalOrder(ReadOnlySpan<WindowArticle> joining)
        {
            _items.RemoveRange(0, _head);
            _head = 0;
            var kept = _items.Count;
            _items.AddRange(joining);
            if (kept == 0 || joining.Length == 0 || _items[kept - 1].Sequence < joining[0].Sequence)
            {
                return;
            }

            var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_items);
            var older = all[..kept].ToArray();
            var newer = all[kept..].ToArray();
            int a = 0, b = 0, at = 0;
            while (a < older.Length && b < newer.Length)
            {
                all[at++] = older[a].Sequence <= newer[b].Sequence ? older[a++] : newer[b++];
            }

            older.AsSpan(a).CopyTo(all[at..]);
            newer.AsSpan(b).CopyTo(all[(at + older.Length - a)..]);
        }

        public void Clear()
        {
            _items.Clear();
            _items.TrimExcess();
            _head = 0;
        }
    }

    /// <summary>
    /// What a pass over a term list needs of a story, kept by slot side by side with the other stories' (see
    /// <see cref="SlotTable{T, TState}"/>): reading these instead of each story object was a cache miss per list entry.
    /// </summary>
    private struct Listing
    {
        /// <summary>The last pass that saw this story (see <see cref="_stamp"/>).</summary>
        public long Stamp;

        /// <summary>Term-list entries naming the slot, and merged stories forwarding to it: the slot is freed at none.</summary>
        public int References;

        /// <summary>The slot of the story this one merged into, when its term-list entries were left to stand for it; -1 if none.</summary>
        public int MergedInto;

        /// <summary>Mirrors <see cref="Story.Alive"/>.</summary>
        public bool Alive;

        /// <summary>Mirrors <see cref="Story.HasLostTerms"/>.</summary>
        public bool HasLostTerms;

        /// <summary>The candidate lookup this story's <see cref="Hits"/> belong to.</summary>
        public long HitStamp;

        /// <summary>Evidence summed for this story during one candidate lookup.</summary>
        public double Hits;
    }

    private sealed class Story(string id)
    {
        public string Id { get; } = id;

        /// <summary>Where <see cref="_storySlots"/> holds the story; term lists name it by this.</summary>
        public int Slot { get; set; }

        public MemberList Members { get; } = new();

        /// <summary>
        /// Sum of the members' fixed-point feature weights, integer so add and remove commute exactly; by term id, so that
        /// norms and story comparisons read the IDF by index instead of a lookup per term.
        /// </summary>
        public CentroidTable Centroid { get; } = new();

        public long FirstSequence { get; set; }

        /// <summary>Bumped whenever members join or leave, so cached norms know they are stale.</summary>
        public int Version { get; set; }

        public double[]? Norms { get; set; }

        public int NormsVersion { get; set; }

        public long NormsEpoch { get; set; }

        /// <summary>Norms that reviews computed, apart from <see cref="Norms"/> (see <see cref="StoryNorms"/>).</summary>
        public CachedNorms? ReviewNorms { get; set; }

        public bool Alive { get; set; } = true;

        /// <summary>True once eviction has taken a term out of the centroid (see <see cref="IsListed"/>).</summary>
        public bool HasLostTerms { get; set; }

        public double? MinDay { get; private set; }

        public double? MaxDay { get; private set; }

        /// <summary>How many members name each year.</summary>
        public Dictionary<int, int> Years { get; } = [];

        /// <summary>How many undated members name each year as the latest in their text.</summary>
        public Dictionary<int, int> MentionedYears { get; } = [];

        /// <summary>How many dated members name each year before their own (see <see cref="ArticleFeatures.RecalledYears"/>).</summary>
        public Dictionary<int, int> RecalledYears { get; } = [];

        /// <summary>How many members are in each language.</summary>
        public Dictionary<string, int> Languages { get; } = new(StringComparer.Ordinal);

        public void AddMember(ArticleFeatures features)
        {
            if (features.Language is { } language)
            {
                Languages[language] = Languages.GetValueOrDefault(language) + 1;
            }

            foreach (var recalled in features.RecalledYears)
            {
                RecalledYears[recalled] = RecalledYears.GetValueOrDefault(recalled) + 1;
            }

            if (features.Year is { } year)
            {
                Years[year] = Years.GetValueOrDefault(year) + 1;
            }
            else if (features.MentionedYear is { } mentioned)
            {
                MentionedYears[mentioned] = MentionedYears.GetValueOrDefault(mentioned) + 1;
            }

            if (features.EventDay is not { } d)
            {
                return;
            }

            MinDay = MinDay is { } min ? Math.Min(min, d) : d;
            MaxDay = MaxDay is { } max ? Math.Max(max, d) : d;
        }

        /// <summary>Takes a leaving member out of the counts; the time span is rebuilt only when the member was at its edge.</summary>
        public void RemoveMember(ArticleFeatures features)
        {
            Decrement(Languages, features.Language);
            foreach (var recalled in features.RecalledYears)
            {
                Decrement(RecalledYears, recalled);
            }

            if (features.Year is { } year)
            {
                Decrement(Years, year);
            }
            else if (features.MentionedYear is { } mentioned)
            {
                Decrement(MentionedYears, mentioned);
            }

            if (features.EventDay is { } d && (d == MinDay || d == MaxDay))
            {
                MinDay = null;
                MaxDay = null;
                foreach (var member in Members.Span)
                {
                    if (member.Features.EventDay is { } day)
                    {
                        MinDay = MinDay is { } min ? Math.Min(min, day) : day;
                        MaxDay = MaxDay is { } max ? Math.Max(max, day) : day;
                    }
                }
            }
        }

        private static void Decrement<TKey>(Dictionary<TKey, int> counts, TKey? key)
            where TKey : notnull
        {
            if (key is not null && counts.TryGetValue(key, out var count))
            {
                if (count <= 1)
                {
                    counts.Remove(key);
                }
                else
                {
                    counts[key] = count - 1;
                }
            }
        }
    }
}
