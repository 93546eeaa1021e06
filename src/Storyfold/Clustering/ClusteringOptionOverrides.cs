using System.Globalization;

namespace Storyfold.Clustering;

/// <summary>Applies <c>Name=value</c> overrides to <see cref="ClusteringOptions"/> (for evaluation runs).</summary>
public static class ClusteringOptionOverrides
{
    public static ClusteringOptions? Apply(ClusteringOptions options, IEnumerable<string> overrides, out string? problem)
    {
        problem = null;
        foreach (var item in overrides)
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"'{item}' is not NAME=NUMBER";
                return null;
            }

            ClusteringOptions? changed = parts[0] switch
            {
                nameof(ClusteringOptions.Window) => options with { Window = (int)value },
                nameof(ClusteringOptions.ReviewAfter) => options with { ReviewAfter = (int)value },
                nameof(ClusteringOptions.ReviewSize) => options with { ReviewSize = (int)value },
                nameof(ClusteringOptions.ReviewTargetSize) => options with { ReviewTargetSize = (int)value },
                nameof(ClusteringOptions.ReviewMargin) => options with { ReviewMargin = value },
                nameof(ClusteringOptions.ReviewThreshold) => options with { ReviewThreshold = value },
                nameof(ClusteringOptions.JoinThreshold) => options with { JoinThreshold = value },
                nameof(ClusteringOptions.MergeThreshold) => options with { MergeThreshold = value },
                nameof(ClusteringOptions.DuplicateThreshold) => options with { DuplicateThreshold = value },
                nameof(ClusteringOptions.GraceDays) => options with { GraceDays = value },
                nameof(ClusteringOptions.DecayDays) => options with { DecayDays = value },
                nameof(ClusteringOptions.NameAnchor) => options with { NameAnchor = value },
                nameof(ClusteringOptions.DuplicateDays) => options with { DuplicateDays = value },
                nameof(ClusteringOptions.QueryTerms) => options with { QueryTerms = (int)value },
                nameof(ClusteringOptions.Candidates) => options with { Candidates = (int)value },
                nameof(ClusteringOptions.RecentStoriesPerTerm) => options with { RecentStoriesPerTerm = (int)value },
                nameof(ClusteringOptions.NameWeight) => options with { NameWeight = value },
                nameof(ClusteringOptions.WordWeight) => options with { WordWeight = value },
                nameof(ClusteringOptions.NumberWeight) => options with { NumberWeight = value },
                nameof(ClusteringOptions.BigramWeight) => options with { BigramWeight = value },
                nameof(ClusteringOptions.TitleBoost) => options with { TitleBoost = value },
                nameof(ClusteringOptions.NameBoost) => options with { NameBoost = value },
                nameof(ClusteringOptions.NumberBoost) => options with { NumberBoost = value },
                nameof(ClusteringOptions.DateBoost) => options with { DateBoost = value },
                nameof(ClusteringOptions.YearMismatch) => options with { YearMismatch = value },
                nameof(ClusteringOptions.UndatedFactor) => options with { UndatedFactor = value },
                nameof(ClusteringOptions.CrossLanguageBoost) => options with { CrossLanguageBoost = value },
                nameof(ClusteringOptions.AbsorbSize) => options with { AbsorbSize = (int)value },
                nameof(ClusteringOptions.AbsorbFloor) => options with { AbsorbFloor = value },
                _ => null,
            };
            if (changed is null)
            {
                problem = $"unknown clustering option '{parts[0]}'";
                return null;
            }

            options = changed;
        }

        return options;
    }
}
