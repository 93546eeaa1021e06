using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Storyfold.Clustering;
using Storyfold.News;
using Storyfold.Storage;
using Storyfold.Text;

namespace Storyfold.Ingest;

/// <summary>How far an ingest has got, for progress displays.</summary>
public readonly record struct IngestProgress(int FilesDone, int FilesTotal, int ArticlesRead, int ArticlesAdded);

/// <summary>What an ingest did: how many articles were added or already stored, and what went wrong where.</summary>
public sealed record IngestReport(int Read, int Added, int Unchanged, IReadOnlyList<SourceProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => !p.IsWarning);
}

/// <summary>
/// Runs the pipeline for a set of inputs: read, clean, drop what is already stored, assign stories, store batch by batch.
/// Reading, cleaning and storing overlap: one task reads, cleaning runs across cores in chunks whose order is kept,
/// a full batch has its clustering features read on the pool, and batches are assigned and stored in order, one at a
/// time each, a batch being assigned while the one before is stored and the next ones are cleaned and featurized. Input order is preserved end to end, so story assignment
/// and "first copy wins" duplicate handling behave as in a one-by-one ingest.
/// </summary>
public sealed partial class ArticleIngestor(
    IArticleStore store,
    IStoryAssigner assigner,
    ArticleCleaner cleaner,
    IReadOnlyList<IArticleReader> readers,
    ILogger<ArticleIngestor> logger)
{
    /// <summary>Articles stored per transaction: large enough to be fast, small enough that a kill loses little work.</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>Where the time goes, stage by stage, when a caller (a benchmark) wants to know; null to not count.</summary>
    public IngestStageTimes? StageTimes { get; init; }

    /// <summary>Inputs cleaned together across cores; small enough to keep memory flat on big files.</summary>
    public int ChunkSize { get; init; } = 256;

    /// <summary>One thing read, in input order: an article to clean, a problem to report, or the end of a file.</summary>
    private readonly record struct Entry(ArticleInput? Input, SourceProblem? Problem, bool EndOfFile);

    /// <summary>The cleaning stage, for callers that ingest articles not read from files (feeds).</summary>
    public ArticleCleaner Cleaner => cleaner;

    /// <summary>The story assignment stage, for callers that ingest articles not read from files (feeds).</summary>
    public IStoryAssigner Assigner => assigner;

    public async Task<IngestReport> IngestAsync(
        IReadOnlyList<InputFile> files, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var problems = new List<SourceProblem>();
        var batch = new List<Article>(BatchSize);
        var batchIds = new HashSet<string>(StringComparer.Ordinal);
        var batchHashes = new HashSet<string>(StringComparer.Ordinal);
        int read = 0, added = 0, unchanged = 0, filesDone = 0;

        // Decides one batch's stories. The batch before may still be being stored (saving): its articles count as
        // stored, both for what is new and for the assigner's state.
        async Task<(StoryAssignment Assignment, int Unchanged)> AssignAsync(List<Article> articles, StoryAssignment? saving)
        {
            var started = Stopwatch.GetTimestamp();
            var stored = await store.FindStoredAsync(articles, cancellationToken);
            var fresh = stored.Count == 0 ? articles : articles.Where(a => !stored.Contains(a.Id)).ToList();
            if (saving is { Articles.Count: > 0 })
            {
                var savingIds = saving.Articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
                var savingHashes = saving.Articles.Select(a => a.ContentHash).ToHashSet(StringComparer.Ordinal);
                fresh = fresh.Where(a => !savingIds.Contains(a.Id) && !savingHashes.Contains(a.ContentHash)).ToList();
            }

            StageTimes?.Add(IngestStage.Lookup, started);
            started = Stopwatch.GetTimestamp();
            var assignment = saving is null
                ? await assigner.AssignAsync(fresh, cancellationToken)
                : await assigner.AssignNextAsync(fresh, saving, cancellationToken);
            StageTimes?.Add(IngestStage.Assign, started);
            Interlocked.Add(ref unchanged, articles.Count - fresh.Count);
            return (assignment, articles.Count - fresh.Count);
        }

        // Stores one assigned batch. Articles and the story merges they caused commit in one transaction: a kill
        // leaves both or neither. Batches are stored one after another, in the order they were assigned.
        async Task SaveAsync(StoryAssignment assignment, int batchUnchanged)
        {
            var started = Stopwatch.GetTimestamp();
            await store.SaveBatchAsync(assignment.Articles, assignment.Merges, cancellationToken);
            StageTimes?.Add(IngestStage.Store, started);
            Interlocked.Add(ref added, assignment.Articles.Count);
            LogBatchStored(logger, assignment.Articles.Count, batchUnchanged);
        }

        // Full batches wait here with their features being read on the pool. The one in-order path (assign a batch,
        // store it) is itself split in two: a batch is assigned while the batch before is being stored (SQLite's one
        // writer, mostly its search index), and the next ones are cleaned and featurized meanwhile.
        var batches = Channel.CreateBounded<(List<Article> Articles, Task Prepared)>(
            new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var storing = Task.Run(async () =>
        {
            var saving = Task.CompletedTask;
            StoryAssignment? unsaved = null;
            try
            {
                await foreach (var (articles, prepared) in batches.Reader.ReadAllAsync(cancellationToken))
                {
                    await prepared;
                    var (assignment, batchUnchanged) = await AssignAsync(articles, unsaved);
                    await saving;
                    // Microsoft.Data.Sqlite's async calls complete synchronously: the save needs a thread of its own.
                    saving = Task.Run(() => SaveAsync(assignment, batchUnchanged), cancellationToken);
                    unsaved = assignment;
                }

                await saving;
            }
            catch (Exception e)
            {
                // The cleaning loop must not wait on a queue nobody empties any more, and a batch being stored
                // finishes its transaction before the caller goes on (its own failure, if any, is the one reported).
                batches.Writer.TryComplete(e);
                await saving;
                throw;
            }
        }, cancellationToken);

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var full = batch;
            var prepared = Task.Run(
                () =>
                {
                    var started = Stopwatch.GetTimestamp();
                    assigner.Prepare(full);
                    StageTimes?.Add(IngestStage.Features, started);
                },
                cancellationToken);
            batch = new List<Article>(BatchSize);
            batchIds.Clear();
            batchHashes.Clear();
            try
            {
                await batches.Writer.WriteAsync((full, prepared), cancellationToken);
            }
            catch (ChannelClosedException)
            {
                // The store stage failed: its own exception is what the caller sees.
                await storing;
                throw;
            }
        }

        var chunks = Channel.CreateBounded<List<Entry>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAllAsync(files, chunks.Writer, stop.Token), stop.Token);
        var cleaned = new CleanResult[ChunkSize];
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
            {
                var cleaning = Stopwatch.GetTimestamp();
                CleanChunk(chunk, cleaned, cancellationToken);
                StageTimes?.Add(IngestStage.Clean, cleaning);
                for (var i = 0; i < chunk.Count; i++)
                {
                    var entry = chunk[i];
                    if (entry.EndOfFile)
                    {
                        filesDone++;
                        progress?.Report(new IngestProgress(filesDone, files.Count, read, Volatile.Read(ref added)));
                        continue;
                    }

                    if (entry.Problem is { } problem)
                    {
                        problems.Add(problem);
                    }

                    if (entry.Input is null)
                    {
                        continue;
                    }

                    read++;
                    if (cleaned[i].Problem is { } cleanProblem)
                    {
                        problems.Add(cleanProblem);
                        continue;
                    }

                    var article = cleaned[i].Article!;
                    // The same article twice in one batch (same id or same content) is stored once.
                    if (!batchIds.Add(article.Id) || !batchHashes.Add(article.ContentHash))
                    {
                        unchanged++;
                        continue;
                    }

                    batch.Add(article);
                    if (batch.Count >= BatchSize)
                    {
                        await FlushAsync();
                    }
                }

                Array.Clear(cleaned);
                progress?.Report(new IngestProgress(filesDone, files.Count, read, Volatile.Read(ref added)));
            }

            await reading;
            await FlushAsync();
            batches.Writer.TryComplete();
            await storing;
        }
        finally
        {
            // On failure or cancellation, stop the reader and let a batch already being stored finish its transaction
            // (and one already queued, unless cancelled).
            batches.Writer.TryComplete();
            await stop.CancelAsync();
            await Task.WhenAll(reading, storing).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        progress?.Report(new IngestProgress(filesDone, files.Count, read, added));
        return new IngestReport(read, added, unchanged, problems);
    }

    /// <summary>Cleans the chunk's articles across cores; result i belongs to entry i.</summary>
    private void CleanChunk(List<Entry> chunk, CleanResult[] results, CancellationToken cancellationToken)
    {
        var inputs = 0;
        foreach (var entry in chunk)
        {
            inputs += entry.Input is null ? 0 : 1;
        }

        if (inputs < 8)
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                results[i] = chunk[i].Input is { } input ? cleaner.Clean(input) : default;
            }

            return;
        }

        Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            results[i] = chunk[i].Input is { } input ? cleaner.Clean(input) : default;
        });
    }

    private async Task ReadAllAsync(IReadOnlyList<InputFile> files, ChannelWriter<List<Entry>> writer, CancellationToken cancellationToken)
    {
        var chunk = new List<Entry>(ChunkSize);
        var started = Stopwatch.GetTimestamp();
        try
        {
            async ValueTask AddAsync(Entry entry)
            {
                chunk.Add(entry);
                if (chunk.Count >= ChunkSize)
                {
                    // Time spent waiting for the cleaners is theirs, not reading's.
                    StageTimes?.Add(IngestStage.Read, started);
                    await writer.WriteAsync(chunk, cancellationToken);
                    started = Stopwatch.GetTimestamp();
                    chunk = new List<Entry>(ChunkSize);
                }
            }

            foreach (var file in files)
            {
                var reader = readers.FirstOrDefault(r => r.Accepts(file));
                if (reader is null)
                {
                    await AddAsync(new Entry(null, new SourceProblem(file.Name, null, UnsupportedMessage(file)), false));
                }
                else
                {
                    await foreach (var item in reader.ReadAsync(file, cancellationToken))
                    {
                        await AddAsync(new Entry(item.Article, item.Problem, false));
                    }
                }

                await AddAsync(new Entry(null, null, true));
            }

            StageTimes?.Add(IngestStage.Read, started);
            if (chunk.Count > 0)
            {
                await writer.WriteAsync(chunk, cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    private static string UnsupportedMessage(InputFile file)
    {
        var kind = file.Extensions.Count == 0 ? "a file without extension" : string.Concat(file.Extensions);
        return $"unsupported format ({kind}); supported: .txt, .jsonl, .html, and RSS, Atom or JSON Feed files (.rss, .atom, .xml, .json)";
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {Added} articles ({Unchanged} already stored)")]
    private static partial void LogBatchStored(ILogger logger, int added, int unchanged);
}
