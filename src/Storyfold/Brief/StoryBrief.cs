namespace Storyfold.Brief;

// The brief's shape, as ../shared/CONTRACT.md fixes it. Property names map to snake_case JSON.

/// <summary>Everything a reader needs about one story: summary, entities, timeline, claims and framing, each cited.</summary>
public sealed record StoryBrief(
    string StoryId,
    string Headline,
    IReadOnlyList<BriefArticle> Articles,
    IReadOnlyList<CitedText> Summary,
    IReadOnlyList<BriefEntity> Entities,
    IReadOnlyList<TimelineEvent> Timeline,
    BriefClaims Claims,
    IReadOnlyList<Framing> Framing)
{
    /// <summary>Which source reported what (an extension of the contract's shape).</summary>
    public IReadOnlyList<SourceCoverage> Coverage { get; init; } = [];
}

/// <summary>An article of the story as the brief lists it.</summary>
public sealed record BriefArticle(string Id, string Title, string? Source, string? Published, bool PublishedInferred);

/// <summary>A sentence and the ids of every article that carries its fact.</summary>
public sealed record CitedText(string Text, IReadOnlyList<string> Sources);

/// <summary>A person, organisation, place or other named thing, with its name variants merged.</summary>
public sealed record BriefEntity(
    string Name, string Type, string? Role, IReadOnlyList<string> Aliases, int Mentions, IReadOnlyList<string> Sources);

/// <summary>A dated event; <see cref="End"/> is set for spans such as a visit from one day to another.</summary>
public sealed record TimelineEvent(string Date, string? End, string Precision, string Text, IReadOnlyList<string> Sources);

/// <summary>What sources agree on, what only one reports, and where they contradict each other.</summary>
public sealed record BriefClaims(
    IReadOnlyList<CitedText> Agreed, IReadOnlyList<CitedText> Unique, IReadOnlyList<ClaimConflict> Conflicts);

/// <summary>Sources giving different values for the same fact.</summary>
public sealed record ClaimConflict(string About, IReadOnlyList<ConflictVersion> Versions);

/// <summary>One side of a conflict: the value, the sentence that gives it, and who says so.</summary>
public sealed record ConflictVersion(string Value, string Text, IReadOnlyList<string> Sources);

/// <summary>How outlets describe one actor differently.</summary>
public sealed record Framing(string Entity, IReadOnlyList<CitedText> Descriptions);

/// <summary>What one article contributes to the brief: the entities it names and how many claims and summary sentences cite it.</summary>
public sealed record SourceCoverage(
    string ArticleId, string? Source, IReadOnlyList<string> Entities, int Agreed, int Unique, int Conflicts, int SummarySentences);
