using Storyfold.Clustering;

namespace Storyfold.Tests.Clustering;

/// <summary>
/// A story still small some articles after its first report is weighed again, as a whole, against the stories that have
/// grown since (<see cref="ClusteringOptions.ReviewAfter"/>): short reports of one event often share too few words with the
/// one report their story had when they arrived. The reports are written for these tests, undated as pasted text often is.
/// </summary>
public sealed class StoryReviewTests
{
    private static readonly ClusteringOptions Reviewing = new() { ReviewAfter = 8 };

    /// <summary>One jewel heist, told in short reports; the second and third share few words with the first.</summary>
    private static readonly TestArticle[] Heist =
    [
        new("heist-1", "", "Armed robbers disguised as women stole diamonds worth 80 million euros from the Maison Orlac boutique in Lyon.", null),
        new("heist-2", "", "Four thieves burst into the store on the Rue Garnier late Thursday afternoon and took watches, rings and necklaces.", null),
        new("heist-2b", "", "Thieves burst into the store on the Rue Garnier on Thursday afternoon and made off with watches, rings and necklaces.", null),
        new("heist-3", "", "Robbers dressed as women took diamonds, rings and watches worth 80 million euros from Maison Orlac on the Rue Garnier in Lyon.", null),
        new("heist-4", "", "Four armed robbers, two disguised as women, stole necklaces, rings and watches from the Maison Orlac store in Lyon on Thursday.", null),
        new("heist-5", "", "The Maison Orlac boutique on the Rue Garnier in Lyon lost diamonds, watches and necklaces worth 80 million euros to four robbers.", null),
        new("heist-6", "", "Police in Lyon are hunting four thieves who stole rings and necklaces from Maison Orlac on Thursday afternoon.", null),
    ];

    [Fact]
    public void A_short_report_that_started_a_story_of_its_own_joins_the_story_its_event_grew_into()
    {
        var apart = Cluster(Heist, Reviewing with { ReviewAfter = 0 });
        Assert.NotEqual(apart["heist-1"], apart["heist-2"]);

        var reviewed = Cluster(Heist, Reviewing);
        Assert.Single(reviewed.Values.Distinct());
        Assert.Equal("heist-1", reviewed["heist-2"]);
    }

    /// <summary>Another heist of the same kind, in another city and store, told by two short reports.</summary>
    private static readonly TestArticle[] OtherHeist =
    [
        new("other-1", "", "Robbers stole watches and rings from the Bijouterie Castel on the Quai Vidal in Marseille on Monday morning.", null),
        new("other-2", "", "Two masked men took rings and watches from Bijouterie Castel in Marseille and fled on a scooter along the Quai Vidal.", null),
    ];

    /// <summary>A third heist of the same kind, in Nice, told at length as the Lyon one is.</summary>
    private static readonly TestArticle[] NiceHeist =
    [
        new("nice-1", "", "Armed robbers stole diamonds worth 60 million euros from the Atelier Brun boutique in Nice.", null),
        new("nice-2", "", "Robbers took diamonds, rings and watches worth 60 million euros from Atelier Brun on the Avenue Verdun in Nice.", null),
        new("nice-3", "", "Four armed robbers stole necklaces, rings and watches from the Atelier Brun store in Nice on Thursday.", null),
        new("nice-4", "", "The Atelier Brun boutique on the Avenue Verdun in Nice lost diamonds, watches and necklaces worth 60 million euros.", null),
        new("nice-5", "", "Police in Nice are hunting four thieves who stole rings and necklaces from Atelier Brun on Thursday afternoon.", null),
    ];

    [Fact]
    public void Another_event_of_the_same_kind_stays_apart_after_the_review()
    {
        var stories = Cluster([.. Heist, .. OtherHeist], Reviewing);

        Assert.Equal("heist-1", stories["heist-2"]);
        Assert.Equal(stories["other-1"], stories["other-2"]);
        Assert.NotEqual(stories["heist-1"], stories["other-1"]);
    }

    [Fact]
    public void A_short_report_that_fits_two_stories_of_the_same_kind_alike_stays_apart()
    {
        TestArticle vague = new("vague", "", "Thieves burst into a jewellery boutique late on Thursday and took watches and necklaces.", null);
        TestArticle[] reports = [.. Heist.Where(r => !r.Id.StartsWith("heist-2", StringComparison.Ordinal)), .. NiceHeist, vague];

        var loose = Cluster(reports, Reviewing with { ReviewMargin = 1.0 });
        Assert.NotEqual("vague", loose["vague"]);

        var stories = Cluster(reports, Reviewing);
        Assert.Equal("vague", stories["vague"]);
        Assert.NotEqual(stories["heist-1"], stories["nice-1"]);
    }

    [Fact]
    public void A_restart_replays_the_window_and_reviews_as_an_uninterrupted_run_would()
    {
        TestArticle[] reports = [.. Heist, .. OtherHeist, .. Fillers(Reviewing.ReviewAfter)];
        var uninterrupted = Decide(reports, 0);
        Assert.Contains(uninterrupted, d => d.Contains("MergedId = heist-2, SurvivorId = heist-1", StringComparison.Ordinal));

        // Restarts before, at and after the small story's review fall due: the replay never reviews again.
        for (var restartAt = 1; restartAt < reports.Length; restartAt++)
        {
            Assert.Equal(uninterrupted, Decide(reports, restartAt));
        }

        List<string> Decide(TestArticle[] all, int restartAt)
        {
            var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, Reviewing);
            var clusterer = new StoryClusterer(Reviewing);
            var stories = new Dictionary<string, string>(StringComparer.Ordinal);
            var decisions = new List<string>();
            for (var i = 0; i < all.Length; i++)
            {
                if (i == restartAt && restartAt > 0)
                {
                    // A new process: the stored articles, with their stories as merges left them, replayed in order.
                    clusterer = new StoryClusterer(Reviewing);
                    foreach (var earlier in all.Take(i))
                    {
                        clusterer.Replay(featurizer.Extract(ToArticle(earlier)), stories[earlier.Id]);
                    }
                }

                var decision = clusterer.Add(featurizer.Extract(ToArticle(all[i])));
                stories[all[i].Id] = decision.StoryId;
                foreach (var merge in decision.Merges)
                {
                    foreach (var key in stories.Where(kv => kv.Value == merge.MergedId).Select(kv => kv.Key).ToList())
                    {
                        stories[key] = merge.SurvivorId;
                    }
                }

                decisions.Add($"{all[i].Id}->{decision.StoryId} {string.Join(",", decision.Merges)}");
            }

            return decisions;
        }
    }

    private static Storyfold.News.Article ToArticle(TestArticle report) =>
        StoryClustererTests.Article(report.Id, report.Title, report.Text, report.Published);

    /// <summary>Clusters the reports in order (with unrelated reports after them, so reviews fall due) and returns each one's story at the end.</summary>
    private static Dictionary<string, string> Cluster(IEnumerable<TestArticle> reports, ClusteringOptions options)
    {
        var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, options);
        var clusterer = new StoryClusterer(options);
        var assigned = new Dictionary<string, string>(StringComparer.Ordinal);
        var survivors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var report in reports.Concat(Fillers(options.ReviewAfter)))
        {
            var decision = clusterer.Add(featurizer.Extract(ToArticle(report)));
            assigned[report.Id] = decision.StoryId;
            foreach (var merge in decision.Merges)
            {
                survivors[merge.MergedId] = merge.SurvivorId;
            }
        }

        return assigned.Where(kv => !kv.Key.StartsWith("filler-", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => Resolve(kv.Value), StringComparer.Ordinal);

        string Resolve(string story) => survivors.TryGetValue(story, out var next) ? Resolve(next) : story;
    }

    /// <summary>Reports of unrelated events, each in words of its own.</summary>
    private static IEnumerable<TestArticle> Fillers(int count)
    {
        string[] topics = ["harvest", "election", "orchestra", "marathon", "bridge", "satellite", "vaccine", "museum", "tariff", "glacier", "ferry", "startup"];
        for (var i = 0; i < count; i++)
        {
            var topic = topics[i % topics.Length];
            yield return new TestArticle($"filler-{i}", "", $"The {topic} report number {i + 100} concerns the {topic} committee and its {topic} budget.", null);
        }
    }
}
