namespace Storyfold.Clustering;

/// <summary>
/// What the clusterer knows of one article: weighted features (words, names, numbers, dates) as sorted hashes with
/// integer weights, a MinHash signature for near-duplicate detection, and when it was published.
/// </summary>
/// <param name="Terms">Feature hashes, ascending.</param>
/// <param name="Weights">Sublinear tf weight of each feature (fixed point, <see cref="ArticleFeaturizer.WeightScale"/> = 1.0).</param>
/// <param name="Names">Hashes of the named entities (capitalised spans, Chinese names via the glossary), ascending.</param>
/// <param name="Signature">MinHash of word shingles; empty when the text is too short to compare.</param>
/// <param name="Day">Publication time in days since the epoch; null when undated.</param>
/// <param name="EventDay">The publication day, or for undated articles the first date their text gives; null when neither.</param>
/// <param name="Year">The year of <paramref name="EventDay"/>; null when undated.</param>
/// <param name="MentionedYear">The latest year the text names (a report seldom names a year after its own); null when none.</param>
/// <param name="RecalledYears">
/// For a dated article, the years before its own that its text names ("the 2005 killing"), ascending; empty otherwise.
/// </param>
public sealed record ArticleFeatures(
    string ArticleId,
    ulong[] Terms,
    int[] Weights,
    ulong[] Names,
    uint[] Signature,
    double? Day,
    double? EventDay,
    int? Year,
    string? Language,
    int? MentionedYear = null,
    int[]? RecalledYears = null)
{
    /// <summary>The years before its own that a dated article's text names (see the parameter); never null.</summary>
    public int[] RecalledYears { get; init; } = RecalledYears ?? [];
}
