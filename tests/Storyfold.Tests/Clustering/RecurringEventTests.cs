using Storyfold.Clustering;

namespace Storyfold.Tests.Clustering;

/// <summary>
/// Events that recur with the same people and places (a yearly summit of the same two leaders, the same player traded
/// twice) are different stories: users judge the product by whether a story page holds one event. The reports below
/// are written for these tests; each event is told by two outlets in their own words.
/// </summary>
public sealed class RecurringEventTests
{
    private static readonly (string Id, string Day, string Title, string Text)[] Summits =
    [
        ("summit-2023-a", "2023-03-01", "Varga arrives in Kalestria for talks with Reyn on grain corridor",
            "Mardovian Prime Minister Elena Varga arrived in Ostrava on Wednesday for two days of talks with Kalestrian President " +
            "Tomas Reyn. The two leaders are expected to sign an agreement on a grain corridor through the port of Selmo, " +
            "which Kalestria says could carry 4 million tonnes a year. Varga was met at the airport by Foreign Minister Ilse Dorn."),
        ("summit-2023-b", "2023-03-02", "Reyn and Varga sign grain corridor deal in Ostrava",
            "Kalestria and Mardovia signed a grain corridor agreement in Ostrava on Thursday, as President Tomas Reyn hosted " +
            "Prime Minister Elena Varga. Grain will move through the port of Selmo under the deal, up to 4 million tonnes a year, " +
            "Reyn told reporters after the signing. Varga called the corridor a lifeline for Mardovian farmers."),
        ("summit-2024-a", "2024-04-16", "Varga back in Ostrava as Reyn talks turn to power lines",
            "Elena Varga returned to Ostrava on Tuesday for her second visit as Mardovian prime minister, and talks with " +
            "President Tomas Reyn of Kalestria centred on a cross-border power line. Officials said the line would carry " +
            "900 megawatts from the Halden dams. Foreign Minister Ilse Dorn greeted Varga at the airport."),
        ("summit-2024-b", "2024-04-17", "Kalestria and Mardovia agree on Halden power line",
            "President Tomas Reyn and Prime Minister Elena Varga agreed in Ostrava on Wednesday to build a power line linking the " +
            "Halden dams in Kalestria to the Mardovian grid. The 900-megawatt line is due to open in 2027, Reyn said. Varga said " +
            "cheaper power would follow for Mardovian towns."),
    ];

    private static readonly (string Id, string Day, string Title, string Text)[] Trades =
    [
        ("trade-2024-a", "2024-02-08", "Gulls trade Bellini to Hawks for two draft picks",
            "The Harbor City Gulls traded forward Marco Bellini to the Riverton Hawks on Thursday for two second-round draft " +
            "picks. Bellini, 27, scored 31 goals for the Gulls last season. Hawks coach Dana Pruitt said Bellini would play on the " +
            "top line."),
        ("trade-2024-b", "2024-02-09", "Bellini heads to Riverton after Gulls deal",
            "Marco Bellini is a Riverton Hawk. The Gulls sent the forward to Riverton in exchange for two second-round picks, " +
            "ending six seasons in Harbor City. Coach Dana Pruitt said the Hawks had wanted Bellini since the summer."),
        ("trade-2025-a", "2025-01-21", "Hawks trade Bellini to Kings in goalie swap",
            "The Riverton Hawks traded forward Marco Bellini to the Lakeside Kings on Tuesday in exchange for goaltender " +
            "Pavel Sorin. Bellini, 28, had 12 goals in 40 games for Riverton this season. Hawks coach Dana Pruitt said the team " +
            "needed help in goal."),
        ("trade-2025-b", "2025-01-22", "Bellini dealt again as Lakeside lands forward",
            "Marco Bellini is on the move again. Riverton sent the forward to Lakeside for goaltender Pavel Sorin, less than a year " +
            "after the Hawks acquired him from the Harbor City Gulls. Kings general manager Rita Olsen said Bellini would join " +
            "the team on Thursday."),
    ];

    [Fact]
    public void The_same_two_leaders_meeting_a_year_later_start_a_new_story()
    {
        var stories = Cluster(Summits);

        Assert.Equal(stories["summit-2023-a"], stories["summit-2023-b"]);
        Assert.Equal(stories["summit-2024-a"], stories["summit-2024-b"]);
        Assert.NotEqual(stories["summit-2023-a"], stories["summit-2024-a"]);
    }

    [Fact]
    public void The_same_player_traded_again_the_next_season_is_another_story()
    {
        var stories = Cluster(Trades);

        Assert.Equal(stories["trade-2024-a"], stories["trade-2024-b"]);
        Assert.Equal(stories["trade-2025-a"], stories["trade-2025-b"]);
        Assert.NotEqual(stories["trade-2024-a"], stories["trade-2025-a"]);
    }

    /// <summary>Clusters the reports in publication order and returns each one's story id at the end (merges resolved).</summary>
    private static Dictionary<string, string> Cluster((string Id, string Day, string Title, string Text)[] reports)
    {
        var options = new ClusteringOptions();
        var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, options);
        var clusterer = new StoryClusterer(options);
        var assigned = new Dictionary<string, string>(StringComparer.Ordinal);
        var survivors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, day, title, text) in reports.OrderBy(r => r.Day, StringComparer.Ordinal))
        {
            var decision = clusterer.Add(featurizer.Extract(StoryClustererTests.Article(id, title, text, day)));
            assigned[id] = decision.StoryId;
            foreach (var merge in decision.Merges)
            {
                survivors[merge.MergedId] = merge.SurvivorId;
            }
        }

        return assigned.ToDictionary(kv => kv.Key, kv => Resolve(kv.Value), StringComparer.Ordinal);

        string Resolve(string story) => survivors.TryGetValue(story, out var next) ? Resolve(next) : story;
    }
}
