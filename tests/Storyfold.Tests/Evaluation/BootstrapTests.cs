using Storyfold.Evaluation;

namespace Storyfold.Tests.Evaluation;

public sealed class BootstrapTests
{
    private static List<double> Hits(int hits, int items) => Enumerable.Range(0, items).Select(i => i < hits ? 1.0 : 0).ToList();

    [Fact]
    public void The_interval_of_scores_that_never_vary_is_the_score_itself()
    {
        var interval = Bootstrap.MeanInterval(Enumerable.Repeat(0.8, 50).ToList());

        Assert.Equal(0.8, interval.Low, 12);
        Assert.Equal(0.8, interval.High, 12);
    }

    [Fact]
    public void The_interval_of_a_share_is_about_as_wide_as_the_normal_approximation_says_and_holds_the_share()
    {
        // 638 hits in 711 pages: 89.7%, standard error sqrt(p(1-p)/n) = 1.14 points, so about +-2.2 points at 95%.
        var interval = Bootstrap.MeanInterval(Hits(638, 711));

        Assert.InRange(638 / 711.0, interval.Low, interval.High);
        Assert.InRange(interval.High - interval.Low, 0.037, 0.052);
        Assert.InRange(638 / 711.0 - interval.Low, 0.017, 0.027);
    }

    [Fact]
    public void More_items_give_a_narrower_interval()
    {
        var few = Bootstrap.MeanInterval(Hits(90, 100));
        var many = Bootstrap.MeanInterval(Hits(9000, 10000));

        // Width shrinks with the square root of the count: a hundred times the items, about a tenth of the width.
        Assert.InRange((many.High - many.Low) / (few.High - few.Low), 0.07, 0.14);
    }

    [Fact]
    public void The_same_scores_give_the_same_figures_every_run()
    {
        var scores = Enumerable.Range(0, 300).Select(i => i % 7 / 7.0).ToList();

        Assert.Equal(Bootstrap.MeanInterval(scores), Bootstrap.MeanInterval(scores));
        Assert.Equal(Bootstrap.ShareAhead(scores, scores.Select(s => 1 - s).ToList()), Bootstrap.ShareAhead(scores, scores.Select(s => 1 - s).ToList()));
    }

    [Fact]
    public void A_tool_better_on_every_item_is_ahead_in_every_resample_and_an_equal_one_in_none()
    {
        var first = Enumerable.Range(0, 200).Select(i => 0.5 + i % 10 / 40.0).ToList();
        var second = first.Select(s => s - 0.01).ToList();

        Assert.Equal(1, Bootstrap.ShareAhead(first, second));
        Assert.Equal(0, Bootstrap.ShareAhead(second, first));
        Assert.Equal(0, Bootstrap.ShareAhead(first, first));
    }

    [Fact]
    public void A_lead_that_rests_on_one_item_of_many_holds_in_only_part_of_the_resamples()
    {
        // The first tool wins one page by a lot and loses nine by a little: ahead on the mean, but only while that page is drawn.
        var first = Enumerable.Range(0, 10).Select(i => i == 0 ? 1.0 : 0.5).ToList();
        var second = Enumerable.Range(0, 10).Select(i => i == 0 ? 0.0 : 0.55).ToList();

        Assert.True(first.Average() > second.Average());
        Assert.InRange(Bootstrap.ShareAhead(first, second), 0.4, 0.8);
    }

    [Fact]
    public void Paired_scores_must_cover_the_same_items()
    {
        Assert.Throws<ArgumentException>(() => Bootstrap.ShareAhead([1.0, 0.5], [1.0]));
    }
}
