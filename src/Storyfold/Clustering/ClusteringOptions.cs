namespace Storyfold.Clustering;

/// <summary>The knobs of online story clustering. Defaults were measured on the development corpora (see README).</summary>
public sealed record ClusteringOptions
{
    /// <summary>How many of the most recent articles the clusterer keeps in memory; older stories are closed.</summary>
    public int Window { get; init; } = 50_000;

    /// <summary>Similarity an article needs to join a story rather than start one.</summary>
    public double JoinThreshold { get; init; } = 0.28;

    /// <summary>Similarity of two stories' centroids above which they are one story after all.</summary>
    public double MergeThreshold { get; init; } = 0.45;

    /// <summary>Estimated shingle Jaccard above which an article is a copy or light rewrite of an earlier one.</summary>
    public double DuplicateThreshold { get; init; } = 0.5;

    /// <summary>Days between an article and a story that cost nothing; beyond them similarity decays.</summary>
    public double GraceDays { get; init; } = 3;

    /// <summary>Days over which similarity falls to 1/e past the grace period.</summary>
    public double DecayDays { get; init; } = 10;

    /// <summary>
    /// Named-entity cosine at which the days between a dated article and a dated story (or two dated stories) cost
    /// nothing; below it the time discount is at most in proportion (0 turns this off). A later development of one
    /// event names the people and places of the first reports, another event of the same kind names others.
    /// </summary>
    public double NameAnchor { get; init; } = 0.4;

    /// <summary>Copies further apart than this are separate reports, not syndication.</summary>
    public double DuplicateDays { get; init; } = 7;

    /// <summary>Terms of an article used to find candidate stories (its highest weighted).</summary>
    public int QueryTerms { get; init; } = 16;

    /// <summary>Candidate stories scored in full.</summary>
    public int Candidates { get; init; } = 6;

    /// <summary>Stories looked up per query term: those that used the term most recently (keeps cost per article flat).</summary>
    public int RecentStoriesPerTerm { get; init; } = 50;

    /// <summary>Weight of the word cosine in the combined similarity.</summary>
    public double WordWeight { get; init; } = 0.6;

    /// <summary>Weight of the named-entity cosine in the combined similarity.</summary>
    public double NameWeight { get; init; } = 0.3;

    /// <summary>Weight of the numbers-and-dates cosine in the combined similarity.</summary>
    public double NumberWeight { get; init; } = 0.1;

    /// <summary>Weight of the Chinese character-bigram cosine (Chinese with Chinese) in the combined similarity.</summary>
    public double BigramWeight { get; init; } = 0.5;

    /// <summary>
    /// Factor on the similarity of an article to a story with no article in its language: reports in two languages share
    /// only names, numbers and glossed words, so the same event scores lower across languages than within one.
    /// </summary>
    public double CrossLanguageBoost { get; init; } = 2.0;

    /// <summary>How much more a headline's features count than the body's.</summary>
    public double TitleBoost { get; init; } = 2.0;

    /// <summary>Weight of a named-entity feature (added on top of the word itself).</summary>
    public double NameBoost { get; init; } = 1.0;

    /// <summary>Weight of a number feature (counts, scores, amounts, magnitudes).</summary>
    public double NumberBoost { get; init; } = 1.0;

    /// <summary>Weight of a calendar-date feature (month and day, month and year).</summary>
    public double DateBoost { get; init; } = 1.0;

    /// <summary>Factor on similarity when an article's year is none of the story's years (undated articles, years from the text).</summary>
    public double YearMismatch { get; init; } = 0.4;

    /// <summary>
    /// Factor on similarity between an undated article and a dated story (or a dated article and an undated story) when
    /// the undated side names none of the other's years: with no time evidence, two events of the same kind look alike,
    /// so joining needs more evidence from the content.
    /// </summary>
    public double UndatedFactor { get; init; } = 0.6;

    /// <summary>Stories of at most this many articles are weighed again, as a whole, against a story that grows (0 turns it off).</summary>
    public int AbsorbSize { get; init; } = 1;

    /// <summary>Fraction of the join threshold that the growing story's new article must reach with a small story to weigh it again.</summary>
    public double AbsorbFloor { get; init; } = 0.5;

    /// <summary>
    /// Articles after a story's first report at which a story still small (<see cref="ReviewSize"/>) is weighed again, as a
    /// whole, against the stories its terms find (0 turns it off): a short report compared with the one or two reports its
    /// story had when it arrived often shares too few words with them, while the story they grew into says more.
    /// </summary>
    public int ReviewAfter { get; init; } = 20;

    /// <summary>Stories of at most this many articles are reviewed (see <see cref="ReviewAfter"/>).</summary>
    public int ReviewSize { get; init; } = 4;

    /// <summary>Articles a story needs to take in a reviewed story: one built by several reports, not another fragment.</summary>
    public int ReviewTargetSize { get; init; } = 3;

    /// <summary>Story similarity a reviewed story needs with the story it joins.</summary>
    public double ReviewThreshold { get; init; } = 0.2;

    /// <summary>
    /// How many times the runner-up's similarity the best story must reach: a small story that resembles two stories
    /// alike (two events of the same kind) stays apart.
    /// </summary>
    public double ReviewMargin { get; init; } = 1.2;
}
