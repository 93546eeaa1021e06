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

    [Fact]
    public void Resampling_whole_groups_widens_the_interval_when_a_group_s_items_hang_together()
    {
        // 20 stories of 10 articles; an article scores what its story scores (half 1, half 0). Drawn one by one, the
        // 200 articles look like 200 independent trials; drawn by story, there are 20: about sqrt(10) = 3.2 times wider.
        var storyScores = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 1.0 : 0).ToList();
        var articles = storyScores.SelectMany(score => Enumerable.Repeat(score, 10)).ToList();

        var byArticle = Bootstrap.MeanInterval(articles);
        var byStory = Bootstrap.GroupInterval(storyScores.Count, sample => sample.Average(i => storyScores[i]));

        Assert.InRange(0.5, byStory.Low, byStory.High);
        Assert.InRange((byStory.High - byStory.Low) / (byArticle.High - byArticle.Low), 2.2, 4.5);
    }

    [Fact]
    public void Groups_that_all_score_the_same_give_the_score_itself_and_none_gives_nothing()
    {
        var interval = Bootstrap.GroupInterval(30, sample => 0.75);

        Assert.Equal(new Interval(0.75, 0.75), interval);
        Assert.Equal(new Interval(0, 0), Bootstrap.GroupInterval(0, sample => 1));
        Assert.Equal(0, Bootstrap.GroupShareAhead(0, sample => 1, sample => 0));
    }

    [Fact]
    public void Over_groups_a_side_better_on_every_group_is_ahead_in_every_resample_and_the_figures_repeat()
    {
        var scores = Enumerable.Range(0, 40).Select(i => 0.6 + i % 5 / 20.0).ToList();
        double First(IReadOnlyList<int> sample) => sample.Average(i => scores[i]);
        double Second(IReadOnlyList<int> sample) => sample.Average(i => scores[i] - 0.02);

        Assert.Equal(1, Bootstrap.GroupShareAhead(scores.Count, First, Second));
        Assert.Equal(0, Bootstrap.GroupShareAhead(scores.Count, Second, First));
        Assert.Equal(Bootstrap.GroupInterval(scores.Count, First), Bootstrap.GroupInterval(scores.Count, First));
        // Each resample draws as many groups as there are, indices in range.
        Assert.Equal(0, Bootstrap.GroupShareAhead(scores.Count, sample => sample.Count == scores.Count && sample.All(i => i is >= 0 and < 40) ? 0 : 1, sample => 0));
    }
}
