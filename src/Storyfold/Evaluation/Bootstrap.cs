namespace Storyfold.Evaluation;

/// <summary>A range that a figure is likely to fall in on other items of the same kind.</summary>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>[low, high] to four places, as the evals write an interval in their JSON.</summary>
    public double[] ToJsonPair() => [Math.Round(Low, 4), Math.Round(High, 4)];
}

/// <summary>
/// Percentile bootstrap over the items of an evaluation (pages, cases): how far a mean measured on these items could move
/// on others of the same kind. A fixed seed makes every run print the same figures for the same scores.
/// </summary>
public static class Bootstrap
{
    public const int DefaultResamples = 2000;

    /// <summary>The central <paramref name="level"/> share of the resampled means of <paramref name="values"/>.</summary>
    public static Interval MeanInterval(IReadOnlyList<double> values, double level = 0.95, int resamples = DefaultResamples, int seed = 1)
    {
        if (values.Count == 0)
        {
            return new Interval(0, 0);
        }

        return Central(ResampledMeans(values, resamples, seed), level);
    }

    /// <summary>
    /// Paired: the share of resamples of the items in which the mean of <paramref name="first"/> is above that of
    /// <paramref name="second"/>, the two lists scoring the same items in the same order. Near 1, the first is ahead on
    /// items of this kind in general, not only on these.
    /// </summary>
    public static double ShareAhead(IReadOnlyList<double> first, IReadOnlyList<double> second, int resamples = DefaultResamples, int seed = 1)
    {
        if (first.Count != second.Count)
        {
            throw new ArgumentException("Paired scores need the same items on both sides.", nameof(second));
        }

        if (first.Count == 0)
        {
            return 0;
        }

        var differences = new double[first.Count];
        for (var i = 0; i < differences.Length; i++)
        {
            differences[i] = first[i] - second[i];
        }

        return ResampledMeans(differences, resamples, seed).Count(mean => mean > 0) / (double)resamples;
    }

    /// <summary>
    /// Grouped (cluster) bootstrap: the central <paramref name="level"/> share of <paramref name="statistic"/> over
    /// resamples of whole groups, drawn with repeats. For scores whose items hang together in groups, such as articles of
    /// one gold story: resampling the articles one by one would treat a story's articles as independent and narrow the
    /// interval. The statistic reads the indices (0 to <paramref name="groups"/> - 1) of one resample's groups.
    /// </summary>
    public static Interval GroupInterval(int groups, Func<IReadOnlyList<int>, double> statistic, double level = 0.95, int resamples = DefaultResamples, int seed = 1)
    {
        if (groups == 0)
        {
            return new Interval(0, 0);
        }

        var values = new double[resamples];
        var r = 0;
        foreach (var sample in GroupResamples(groups, resamples, seed))
        {
            values[r++] = statistic(sample);
        }

        return Central(values, level);
    }

    /// <summary>
    /// Paired, over groups: the share of resamples of the groups in which <paramref name="first"/> is above
    /// <paramref name="second"/>, both read on the same resample.
    /// </summary>
    public static double GroupShareAhead(int groups, Func<IReadOnlyList<int>, double> first, Func<IReadOnlyList<int>, double> second, int resamples = DefaultResamples, int seed = 1)
    {
        if (groups == 0)
        {
            return 0;
        }

        return GroupResamples(groups, resamples, seed).Count(sample => first(sample) > second(sample)) / (double)resamples;
    }

    /// <summary>The same array refilled with each resample's group indices; read it before asking for the next.</summary>
    private static IEnumerable<int[]> GroupResamples(int groups, int resamples, int seed)
    {
        var random = new Random(seed);
        var sample = new int[groups];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < groups; i++)
            {
                sample[i] = random.Next(groups);
            }

            yield return sample;
        }
    }

    private static double[] ResampledMeans(IReadOnlyList<double> values, int resamples, int seed)
    {
        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < values.Count; i++)
            {
                sum += values[random.Next(values.Count)];
            }

            means[r] = sum / values.Count;
        }

        return means;
    }

    /// <summary>The central <paramref name="level"/> share of the resampled figures (sorted in place): the percentile interval.</summary>
    private static Interval Central(double[] figures, double level)
    {
        Array.Sort(figures);
        var tail = (1 - level) / 2;
        return new Interval(figures[Index(tail, figures.Length)], figures[Index(1 - tail, figures.Length)]);
    }

    private static int Index(double quantile, int count) => Math.Clamp((int)Math.Round(quantile * (count - 1)), 0, count - 1);
}
