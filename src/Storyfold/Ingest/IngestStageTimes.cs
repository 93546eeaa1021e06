using System.Diagnostics;

namespace Storyfold.Ingest;

/// <summary>The stages of an ingest, as <see cref="IngestStageTimes"/> counts them.</summary>
public enum IngestStage
{
    /// <summary>Reading and parsing input files (the reader task, not counting waits for the cleaners).</summary>
    Read,

    /// <summary>Cleaning articles (text clean-up, dates, language), across cores.</summary>
    Clean,

    /// <summary>Reading clustering features (tokens, weights, MinHash), across cores, ahead of assignment.</summary>
    Features,

    /// <summary>Looking up which articles of a batch are already stored.</summary>
    Lookup,

    /// <summary>Assigning stories, in order.</summary>
    Assign,

    /// <summary>Writing a batch (articles, search index, merges) in one transaction.</summary>
    Store,
}

/// <summary>Where an ingest spent its time, stage by stage (wall time inside each stage; stages overlap). Thread-safe.</summary>
public sealed class IngestStageTimes
{
    private readonly long[] _ticks = new long[Enum.GetValues<IngestStage>().Length];

    /// <summary>Adds the time since <paramref name="startTimestamp"/> (from <see cref="Stopwatch.GetTimestamp"/>) to a stage.</summary>
    public void Add(IngestStage stage, long startTimestamp) =>
        Interlocked.Add(ref _ticks[(int)stage], Stopwatch.GetTimestamp() - startTimestamp);

    public TimeSpan this[IngestStage stage] => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[(int)stage]));
}
