using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Tests.Text;

public sealed class ArticleCleanerDateTests
{
    private const string Headline = "Thieves ram car into jewellery shop near the main square";
    private const string Body = "Four robbers drove an SUV through the front of a jewellery shop early on Monday and made off with watches worth two million euros, police said.";

    private static Article Clean(string text, string? url, PublicationDate? published = null) =>
        new ArticleCleaner().Clean(new ArticleInput { Id = "a", Origin = "test", Text = text, Url = url, Published = published }).Article!;

    [Theory]
    [InlineData("https://news.example.org/world/2013/09/09/thieves-ram-car/", "2013-09-09")]
    [InlineData("https://news.example.org/article/20130909/WORLD/704259841", "2013-09-09")]
    [InlineData("https://news.example.org/film/2013/sep/09/thieves-ram-car", "2013-09-09")]
    public void Takes_the_day_from_the_url_of_an_undated_report(string url, string day)
    {
        var article = Clean(Headline + "\n" + Body, url);
        Assert.Equal(day, article.Published?.ToIso());
        Assert.False(article.PublishedInferred);
    }

    [Fact]
    public void Takes_the_middle_of_the_month_from_a_month_only_url_and_marks_it_inferred()
    {
        var article = Clean(Headline + "\n" + Body, "https://blog.example.com/2008/12/thieves-ram-car.html");
        Assert.Equal("2008-12-15", article.Published?.ToIso());
        Assert.True(article.PublishedInferred);
    }

    [Fact]
    public void A_dateline_in_the_text_wins_over_the_url()
    {
        var article = Clean(Headline + "\nSeptember 10, 2013\n" + Body, "https://news.example.org/2013/09/09/thieves-ram-car/");
        Assert.Equal("2013-09-10", article.Published?.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(article.PublishedInferred);
    }

    [Fact]
    public void A_date_given_with_the_article_wins_over_the_url()
    {
        var given = PublicationDate.FromDay(new DateOnly(2013, 9, 12));
        var article = Clean(Headline + "\n" + Body, "https://blog.example.com/2008/12/thieves-ram-car.html", given);
        Assert.Equal(given, article.Published);
        Assert.False(article.PublishedInferred);
    }

    [Theory]
    [InlineData("https://news.example.org/stories/2013/38/thieves-ram-car.html")] // a week number, not a month
    [InlineData("https://news.example.org/world/thieves-ram-car-2013")]
    [InlineData(null)]
    public void Leaves_a_report_undated_when_the_url_names_no_month(string? url)
    {
        Assert.Null(Clean(Headline + "\n" + Body, url).Published);
    }
}
