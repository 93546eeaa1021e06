using Storyfold.Clustering;

namespace Storyfold.Tests.Clustering;

public sealed class ProbeIndexTests
{
    [Fact]
    public void Reports_by_article_position_the_sums_of_the_terms_a_story_holds()
    {
        var story = new CentroidTable();
        story.GetOrAdd(40, 0, out _) += 400;
        story.GetOrAdd(2, 1, out _) += 20;
        story.GetOrAdd(99, 0, out _) += 990;
        story.Remove(99);
        var index = new ProbeIndex();
        index.Reset([2, 8, 40]);

        var found = index.Match(story.Places);

        Assert.True(found.Has(0, out var sum));
        Assert.Equal(20, sum);
        Assert.False(found.Has(1, out _));
        Assert.True(found.Has(2, out sum));
        Assert.Equal(400, sum);
    }

    [Fact]
    public void Agrees_with_looking_each_term_up_over_many_articles_and_stories()
    {
        var random = new Random(5);
        var index = new ProbeIndex();
        for (var round = 0; round < 200; round++)
        {
            var article = Enumerable.Range(0, random.Next(1, 400)).Select(_ => random.Next(2000)).Distinct().ToArray();
            index.Reset(article);
            for (var s = 0; s < 5; s++)
            {
                var story = new CentroidTable();
                foreach (var term in Enumerable.Range(0, random.Next(0, 900)).Select(_ => random.Next(2000)))
                {
                    story.GetOrAdd(term, 0, out _) += term + 1;
                }

                var found = index.Match(story.Places);
                for (var k = 0; k < article.Length; k++)
                {
                    Assert.Equal(story.TryGetSum(article[k], out var expected), found.Has(k, out var sum));
                    if (expected > 0)
                    {
                        Assert.Equal(expected, sum);
                    }
                }
            }
        }
    }
}
