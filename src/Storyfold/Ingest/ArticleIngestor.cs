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

    public async Task<IngestReport> IngestAsync(
        IReadOnlyList<InputFile> files, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var problems = new List<SourceProblem>();
        var batch = new List<Article>(BatchSize);
        var batchIds = new HashSet<string>(StringComparer.Ordinal);
        var batchHashes = new HashSet<string>(StringComparer.Ordinal);
        int read = 0, added = 0, unchanged = 0, filesDone = 0;

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var stored = await store.FindStoredAsync(batch, cancellationToken);
            var fresh = batch.Where(a => !stored.Contains(a.Id)).ToList();
            unchanged += batch.Count - fresh.Count;
            var assignment = await assigner.AssignAsync(fresh, cancellationToken);
            // Articles and the story merges they caused commit in one transaction: a kill leaves both or neither.
            await store.SaveBatchAsync(assignment.Articles, assignment.Merges, cancellationToken);
            added += assignment.Articles.Count;
            LogBatchStored(logger, assignment.Articles.Count, batch.Count - fresh.Count);
            batch.Clear();
            batchIds.Clear();
            batchHashes.Clear();
        }

        foreach (var file in files)
        {
            var reader = readers.FirstOrDefault(r => r.Accepts(file));
            if (reader is null)
            {
                problems.Add(new SourceProblem(file.Name, null, UnsupportedMessage(file)));
                filesDone++;
                continue;
            }

            await foreach (var item in reader.ReadAsync(file, cancellationToken))
            {
                if (item.Problem is { } problem)
                {
                    problems.Add(problem);
                }

                if (item.Article is not { } input)
                {
                    continue;
                }

                read++;
                var cleaned = cleaner.Clean(input);
                if (cleaned.Problem is { } cleanProblem)
                {
                    problems.Add(cleanProblem);
                    continue;
                }

                var article = cleaned.Article!;
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

                progress?.Report(new IngestProgress(filesDone, files.Count, read, added));
            }

            filesDone++;
            progress?.Report(new IngestProgress(filesDone, files.Count, read, added));
        }

        await FlushAsync();
        progress?.Report(new IngestProgress(filesDone, files.Count, read, added));
        return new IngestReport(read, added, unchanged, problems);
    }

    private static string UnsupportedMessage(InputFile file)
    {
        var kind = file.Extensions.Count == 0 ? "a file without extension" : string.Concat(file.Extensions);
        return $"unsupported format ({kind}); supported: .txt, .jsonl";
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {Added} articles ({Unchanged} already stored)")]
    private static partial void LogBatchStored(ILogger logger, int added, int unchanged);
}
