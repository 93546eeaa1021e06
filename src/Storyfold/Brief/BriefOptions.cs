namespace Storyfold.Brief;

/// <summary>How long and how detailed a brief is.</summary>
/// <param name="Words">About how many words the summary has.</param>
/// <param name="MaxUniquePerSource">At most this many facts only one source reports, per source, most informative first.</param>
/// <param name="MaxTimelineEvents">At most this many timeline events.</param>
public sealed record BriefOptions(int Words = 120, int MaxUniquePerSource = 6, int MaxTimelineEvents = 30)
{
    public static BriefOptions Default { get; } = new();
}
