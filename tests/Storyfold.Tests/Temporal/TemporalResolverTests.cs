using Storyfold.Temporal;

namespace Storyfold.Tests.Temporal;

public sealed class TemporalResolverTests
{
    // Saturday 25 February 2023.
    private static readonly DateOnly Anchor = new(2023, 2, 25);

    private static TemporalExpression One(string sentence, DateOnly? anchor = null) =>
        Assert.Single(TemporalResolver.Find(sentence, anchor ?? Anchor));

    [Theory]
    [InlineData("The minister said on Friday that talks would resume.", "2023-02-24")]
    [InlineData("The visit was announced, the ministry said Saturday.", "2023-02-25")]
    [InlineData("Yesterday, the president thanked the troops.", "2023-02-24")]
    [InlineData("He will travel to China on Tuesday.", "2023-02-28")]
    [InlineData("The spokesperson said the trip would start on February 28.", "2023-02-28")]
    [InlineData("The summit was held on 3 November 2022 in Bali.", "2022-11-03")]
    [InlineData("The storm could reach Canada's Atlantic coast on Friday.", "2023-03-03")]
    [InlineData("Officials may have met on Friday to discuss the plan.", "2023-02-24")]
    [InlineData("Sunday's league match at the stadium has been postponed because the pitch is flooded.", "2023-02-26")]
    [InlineData("Tuesday's vote was called off after the speaker resigned.", "2023-02-28")]
    [InlineData("Tuesday's vote passed by 12 votes.", "2023-02-21")]
    [InlineData("国民警卫队于 2022 年 9 月 21 日分发饮用水。", "2022-09-21")]
    [InlineData("习近平于2月28日会见了卢卡申科。", "2023-02-28")]
    public void Resolves_days_against_the_publication_date(string sentence, string expected) =>
        Assert.Equal(expected, One(sentence).StartIso);

    [Fact]
    public void The_month_may_is_no_future_cue()
    {
        var dates = TemporalResolver.Find("He was elected in May and stepped down on Friday.", Anchor);
        Assert.Contains(dates, d => d.Text.Contains("Friday", StringComparison.Ordinal) && d.StartIso == "2023-02-24");
    }

    [Fact]
    public void Resolves_spans_of_dates_and_weekdays()
    {
        var dates = One("He will pay a state visit to China from February 28 to March 2.");
        Assert.Equal(("2023-02-28", "2023-03-02"), (dates.StartIso, dates.EndIso));

        var days = One("He is to meet officials in Beijing from Tuesday to Thursday.", new DateOnly(2023, 2, 28));
        Assert.Equal(("2023-02-28", "2023-03-02"), (days.StartIso, days.EndIso));

        var week = One("Lukashenko will travel to China next week.");
        Assert.Equal(("2023-02-27", "2023-03-05"), (week.StartIso, week.EndIso));
    }

    [Fact]
    public void Resolves_months_with_their_precision()
    {
        var september = One("In September last year, the two leaders announced a partnership.");
        Assert.Equal(("2022-09", DatePrecision.Month), (september.StartIso, september.Precision));

        Assert.Equal("2022-09", One("They met in September in Samarkand.").StartIso);
        Assert.Equal("2023-02", One("Before visiting Moscow earlier this month he spoke.").StartIso);
        Assert.Equal(("2020", DatePrecision.Year), (One("The 2020 election sparked protests.").StartIso, One("The 2020 election sparked protests.").Precision));
    }

    [Fact]
    public void Marks_dates_that_say_when_something_was_announced()
    {
        var date = One("The trip was confirmed, the Chinese foreign ministry announced on Sunday.", new DateOnly(2023, 2, 28));
        Assert.True(date.IsReporting);
        Assert.Equal("2023-02-26", date.StartIso);
    }

    [Fact]
    public void Leaves_relative_dates_alone_without_a_publication_date()
    {
        Assert.Empty(TemporalResolver.Find("He said on Friday that he would go.", null));
        Assert.Single(TemporalResolver.Find("The deal was signed on March 3, 2021.", null));
    }

    [Fact]
    public void Does_not_read_may_the_verb_as_a_month() =>
        Assert.Empty(TemporalResolver.Find("Beijing may be considering helping Moscow.", Anchor));
}
