using Storyfold.Brief;
using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Tests.Brief;

/// <summary>How long the summary runs: the requested length, but never longer than the longest article it draws on.</summary>
public sealed class SummaryLengthTests
{
    // Three short wire items about one flood, each with facts of its own, so a padded summary has sentences to pad with.
    private static IReadOnlyList<Article> ShortStory() =>
    [
        SeedStory.Make("a", "River Severn floods Shrewsbury", """
            The River Severn burst its banks in Shrewsbury on Tuesday after three days of heavy rain.

            Around 200 homes near the Frankwell quay were evacuated overnight by fire crews.
            """, "2024-02-13"),
        SeedStory.Make("b", "Hundreds evacuated as Severn floods town", """
            Flood barriers in Shrewsbury were overwhelmed on Tuesday as the Severn reached its highest level since 2000.

            The Environment Agency issued two severe flood warnings for Shropshire and Worcestershire.
            """, "2024-02-13"),
        SeedStory.Make("c", "Shropshire schools close as floodwater rises", """
            Eleven schools across Shropshire stayed closed on Tuesday because roads were under water.

            A rest centre for displaced families opened at the Shrewsbury sports village in the afternoon.
            """, "2024-02-13"),
    ];

    [Fact]
    public void A_summary_of_short_articles_is_no_longer_than_the_longest_of_them()
    {
        var articles = ShortStory();
        var longest = articles.Max(a => Tokens.Words(a.Text).Count());
        var (_, summary) = new StoryBriefBuilder().Summarize(articles, 120);

        var words = summary.Sum(s => Tokens.Words(s.Text).Count());
        Assert.NotEmpty(summary);
        // The budget is nine tenths of the longest article; the last sentence may overrun a budget by 15%, so the summary
        // ends at most about as long as that article (0.9 x 1.15), not 15% past it.
        Assert.InRange(words, longest / 2, longest * 1.04);
    }

    [Fact]
    public void A_summary_of_long_articles_keeps_to_the_requested_length()
    {
        var (_, summary) = new StoryBriefBuilder().Summarize(SeedStory.Load(), 60);

        Assert.InRange(summary.Sum(s => Tokens.Words(s.Text).Count()), 45, 70);
    }
}
