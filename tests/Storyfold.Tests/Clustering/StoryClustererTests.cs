using Storyfold.Clustering;
using Storyfold.News;
using Storyfold.Storage;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Clustering;

public sealed class StoryClustererTests
{
    internal static Article Article(string id, string title, string text, string? day) => new()
    {
        Id = id,
        Title = title,
        DisplayTitle = title,
        Text = text,
        Original = text,
        ContentHash = id,
        Language = "en",
        Published = PublicationDate.TryParseIso(day),
    };

    [Fact]
    public void A_long_story_whose_terms_many_earlier_stories_share_stays_one_story()
    {
        // A tiny per-term lookup, so a handful of earlier stories makes every term of the story "common".
        var options = new ClusteringOptions { RecentStoriesPerTerm = 3 };
        var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, options);
        var clusterer = new StoryClusterer(options);
        string[] shared = ["reservoir", "turbines", "spillway", "hydrology", "sediment", "floodgates", "engineers", "embankment", "inspection", "cracks", "downstream", "evacuation"];

        // Earlier, unrelated stories: each uses one of the shared words among words of its own, so every shared word
        // ends up in more stories than the lookup takes.
        const int earlier = 48;
        for (var k = 0; k < earlier; k++)
        {
            var own = string.Join(' ', Enumerable.Range(0, 10).Select(w => FakeWord((k * 10) + w)));
            clusterer.Add(featurizer.Extract(Article($"other-{k}", $"{FakeWord(k * 10)} {shared[k % shared.Length]} {FakeWord((k * 10) + 1)}",
                $"The {shared[k % shared.Length]} {own}. Officials {own}.", "2024-03-01")));
        }

        Assert.Equal(earlier, clusterer.OpenStories);

        // Then one story reported again and again, in words all of which those stories use, each report worded differently.
        var storyIds = new List<string>();
        for (var n = 0; n < 40; n++)
        {
            var words = Enumerable.Range(0, shared.Length).OrderBy(i => ((i + 1) * (n + 3) * 7919) % 1009).Take(9).Select(i => shared[i]).ToArray();
            var decision = clusterer.Add(featurizer.Extract(Article($"dam-{n}", $"{words[0]} {words[1]} {words[2]} {words[3]}",
                $"The {string.Join(" and ", words)}. The {string.Join(", ", words.Reverse())}.", "2024-03-02")));
            storyIds.Add(decision.StoryId);
        }

        Assert.All(storyIds, id => Assert.Equal("dam-0", id));
        Assert.Equal(earlier + 1, clusterer.OpenStories);
    }

    [Fact]
    public void A_copy_points_to_the_earliest_copy_still_in_the_window_and_to_none_once_every_copy_has_left()
    {
        var options = new ClusteringOptions { Window = 1500 };
        var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, options);
        var clusterer = new StoryClusterer(options);
        const string Title = "Harbour crane collapses onto a container ship";
        const string Text = "A harbour crane collapsed onto a container ship on Tuesday morning, injuring three dock workers. " +
            "The port authority closed two berths while engineers inspected the remaining cranes along the quay. " +
            "Shipping lines were told to expect delays of several days as cargo is moved to other terminals.";
        var unrelated = 0;
        void AddUnrelated(int count)
        {
            for (var k = 0; k < count; k++, unrelated++)
            {
                var own = string.Join(' ', Enumerable.Range(0, 24).Select(w => FakeWord((unrelated * 24) + w)));
                clusterer.Add(featurizer.Extract(Article($"other-{unrelated}", FakeWord(unrelated * 24), $"{own}. {own}.", "2024-03-05")));
            }
        }

        Assert.Null(clusterer.Add(featurizer.Extract(Article("crane", Title, Text, "2024-03-05"))).DuplicateOf);
        // More articles than the window's first storage holds, so the copies are found after it has grown.
        AddUnrelated(1200);
        Assert.Equal("crane", clusterer.Add(featurizer.Extract(Article("crane-wire", Title, Text, "2024-03-05"))).DuplicateOf);
        Assert.Equal("crane", clusterer.Add(featurizer.Extract(Article("crane-wire-2", Title, Text, "2024-03-06"))).DuplicateOf);

        // The first report leaves the window: a new copy points to the earliest copy still in it.
        AddUnrelated(299);
        Assert.Equal("crane-wire", clusterer.Add(featurizer.Extract(Article("crane-wire-3", Title, Text, "2024-03-06"))).DuplicateOf);

        // Every copy leaves: the next one is an original.
        AddUnrelated(1500);
        Assert.Equal(1500, clusterer.WindowCount);
        Assert.Null(clusterer.Add(featurizer.Extract(Article("crane-again", Title, Text, "2024-03-06"))).DuplicateOf);
    }

    /// <summary>A made-up lowercase word for each number, so stories can have words nothing else uses.</summary>
    private static string FakeWord(int n)
    {
        string[] syllables = ["ka", "lor", "min", "tes", "vu", "dra", "pel", "zon", "qui", "bet", "hu", "sar"];
        var word = "";
        do
        {
            word += syllables[n % syllables.Length];
            n /= syllables.Length;
        }
        while (n > 0);

        return word + "ix";
    }

    [Fact]
    public void Closed_and_merged_stories_give_up_their_slots_over_a_stream_far_longer_than_the_window()
    {
        // Each round: two reports that start stories of their own, then one that shows them to be one story; a window
        // of nine articles closes every round's story three rounds later, so slots held must not grow with the stream.
        var options = new ClusteringOptions { Window = 9, JoinThreshold = 0.6, MergeThreshold = 0.05 };
        var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, options);
        var clusterer = new StoryClusterer(options);
        const int rounds = 120;
        var merged = 0;
        for (var k = 0; k < rounds; k++)
        {
            string Words(int from, int count) => string.Join(' ', Enumerable.Range(from, count).Select(w => FakeWord((k * 20) + w)));
            var (first, second, shared) = (Words(0, 6), Words(6, 6), Words(12, 2));
            var a = clusterer.Add(featurizer.Extract(Article($"a{k}", Words(0, 3), $"The {first} {shared} report.", "2024-06-01")));
            var b = clusterer.Add(featurizer.Extract(Article($"b{k}", Words(6, 3), $"The {second} {shared} report.", "2024-06-01")));
            var c = clusterer.Add(featurizer.Extract(Article($"c{k}", $"{Words(0, 3)} {Words(6, 3)}", $"The {first} {second} {shared} report.", "2024-06-01")));

            Assert.Equal($"a{k}", a.StoryId);
            Assert.Equal($"b{k}", b.StoryId);
            merged += c.Merges.Contains(new StoryMerge($"b{k}", $"a{k}")) ? 1 : 0;
        }

        // Most rounds merge (a few made-up words score differently), so merged stories forwarding to survivors are exercised.
        Assert.InRange(merged, rounds / 2, rounds);
        Assert.InRange(clusterer.OpenStories, 3, 6);
        // Without freeing, every story ever opened would hold a slot (240 here).
        Assert.InRange(clusterer.StorySlotsInUse, clusterer.OpenStories, 30);
    }

    [Fact]
    public void Two_stories_that_a_later_report_shows_to_be_one_merge_into_the_older()
    {
        // Strict joining, lenient merging: the first two reports start separate stories; the third bridges them.
        var options = new ClusteringOptions { JoinThreshold = 0.6, MergeThreshold = 0.05 };
        var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, options);
        var clusterer = new StoryClusterer(options);
        var a = clusterer.Add(featurizer.Extract(Article("a", "Flooding closes Danube bridges in Budapest",
            "Flooding closed three Danube bridges in Budapest as the river rose to 8.9 metres, mayor Gergely Karacsony said.", "2024-06-01")));
        var b = clusterer.Add(featurizer.Extract(Article("b", "Karacsony orders sandbags along Budapest embankment",
            "Mayor Gergely Karacsony ordered volunteers to fill sandbags along the Budapest embankment before the crest arrives.", "2024-06-01")));
        Assert.Equal("a", a.StoryId);
        Assert.Equal("b", b.StoryId);

        var c = clusterer.Add(featurizer.Extract(Article("c", "Danube flooding in Budapest: bridges closed, sandbags on embankment",
            "Flooding closed Danube bridges in Budapest at 8.9 metres while mayor Gergely Karacsony ordered sandbags along the embankment.", "2024-06-02")));

        Assert.Equal("a", c.StoryId);
        Assert.Contains(new StoryMerge("b", "a"), c.Merges);
        Assert.Equal(1, clusterer.OpenStories);
    }

    [Fact]
    public void A_story_of_undated_reports_merges_into_a_dated_story_only_with_the_year_evidence_its_reports_would_need()
    {
        // Strict joining, lenient merging, and a heavy discount for an undated report set against a dated story.
        var options = new ClusteringOptions { JoinThreshold = 0.5, MergeThreshold = 0.05, UndatedFactor = 0.01 };
        var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, options);
        const string DatedTitle = "Flooding closes Danube bridges in Budapest";
        const string DatedText = "Flooding closed three Danube bridges in Budapest as the river rose to 8.9 metres, mayor Gergely Karacsony said.";
        const string BridgeTitle = "Danube flooding in Budapest: bridges closed, sandbags on embankment";
        const string BridgeText = "Flooding closed Danube bridges in Budapest at 8.9 metres in June 2024 while mayor Gergely Karacsony ordered " +
            "sandbags along the embankment.";

        ClusterDecision Run(string undatedText)
        {
            var clusterer = new StoryClusterer(options);
            Assert.Equal("a", clusterer.Add(featurizer.Extract(Article("a", DatedTitle, DatedText, "2024-06-01"))).StoryId);
            Assert.Equal("b", clusterer.Add(featurizer.Extract(Article("b", "Karacsony orders sandbags along Budapest embankment", undatedText, null))).StoryId);
            // The bridging report names the dated story's year, so it may join either story; whether the two stories
            // merge depends on what the undated story itself says about its time.
            return clusterer.Add(featurizer.Extract(Article("c", BridgeTitle, BridgeText, null)));
        }

        var noYear = Run("Mayor Gergely Karacsony ordered volunteers to fill sandbags along the Budapest embankment before the crest arrives.");
        Assert.Empty(noYear.Merges);

        var sameYear = Run("Mayor Gergely Karacsony ordered volunteers to fill sandbags along the Budapest embankment before the June 2024 crest arrives.");
        Assert.Contains(new StoryMerge("b", "a"), sameYear.Merges);
        Assert.Equal("a", sameYear.StoryId);
    }

    [Fact]
    public void A_lone_first_report_joins_the_story_that_later_reports_of_its_event_build()
    {
        var strict = new ClusteringOptions { JoinThreshold = 0.3, AbsorbSize = 0 };
        var absorbing = strict with { AbsorbSize = 1 };
        TestArticle[] reports =
        [
            new("first", "Wildfire forces evacuations in West Kelowna",
                "A wildfire forced the evacuation of 2,400 homes in West Kelowna on Thursday, fire chief Jason Brolund said.", "2023-08-17"),
            new("second", "McDougall Creek fire jumps Okanagan Lake",
                "Embers from the McDougall Creek fire crossed Okanagan Lake overnight, starting blazes near Kelowna airport and Lake Country.", "2023-08-18"),
            new("third", "McDougall Creek fire: thousands flee as blaze crosses Okanagan Lake",
                "The McDougall Creek fire crossed Okanagan Lake and reached Lake Country, and 2,400 homes in West Kelowna were evacuated, " +
                "fire chief Jason Brolund said. Embers started blazes near Kelowna airport.", "2023-08-18"),
            new("fourth", "Okanagan Lake fire: Lake Country and West Kelowna evacuated",
                "Residents of Lake Country and West Kelowna fled the McDougall Creek fire as embers crossed Okanagan Lake; " +
                "fire chief Jason Brolund asked people to stay away from the Kelowna airport road.", "2023-08-18"),
        ];

        List<ClusterDecision> Run(ClusteringOptions options)
        {
            var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, options);
            var clusterer = new StoryClusterer(options);
            return [.. reports.Select(r => clusterer.Add(featurizer.Extract(Article(r.Id, r.Title, r.Text, r.Published))))];
        }

        // Without weighing lone stories again, the first report keeps a story of its own.
        var apart = Run(strict);
        Assert.Equal("first", apart[0].StoryId);
        Assert.Equal("second", apart[^1].StoryId);

        // With it, the first report joins once the later reports show what the event looks like, and its id survives.
        var together = Run(absorbing);
        Assert.Equal("first", together[^1].StoryId);
        Assert.Contains(together, d => d.Merges.Contains(new StoryMerge("second", "first")));
    }

    [Fact]
    public void A_development_months_later_that_recalls_its_event_joins_and_an_event_of_the_same_kind_does_not()
    {
        const string KillingText = "Sheriff's deputy Jerry Ortiz was shot dead in Hawaiian Gardens while searching for a gang suspect, " +
            "and detectives named Jose Luis Orozco as the gunman.";
        const string SentenceText = "A judge sentenced Jose Luis Orozco to death for the 2005 shooting of sheriff's deputy Jerry Ortiz in " +
            "Hawaiian Gardens while the deputy searched for a gang suspect.";
        const string OtherText = "Sheriff's deputy Maria Delgado was shot dead in Compton while serving a warrant, and detectives named " +
            "Darnell Pruitt as the gunman.";

        List<ClusterDecision> Run(ClusteringOptions options, string sentenceText)
        {
            var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, options);
            var clusterer = new StoryClusterer(options);
            return
            [
                clusterer.Add(featurizer.Extract(Article("killing", "Deputy Jerry Ortiz shot dead in Hawaiian Gardens", KillingText, "2005-06-25"))),
                clusterer.Add(featurizer.Extract(Article("sentence", "Orozco sentenced to death for killing deputy Jerry Ortiz", sentenceText, "2007-03-02"))),
                clusterer.Add(featurizer.Extract(Article("other", "Deputy Maria Delgado shot dead in Compton", OtherText, "2007-03-05"))),
            ];
        }

        // Twenty months apart, the sentence names the killing's year, people and place, so the days cost it nothing.
        var anchored = Run(new ClusteringOptions(), SentenceText);
        Assert.Equal("killing", anchored[1].StoryId);
        Assert.Equal("other", anchored[2].StoryId);

        // Days alone would have kept the sentence apart.
        var daysOnly = Run(new ClusteringOptions { NameAnchor = 0 }, SentenceText);
        Assert.Equal("sentence", daysOnly[1].StoryId);

        // So do the same names without a look back at the event: they could as well tell the same people's next event.
        var unrecalled = Run(new ClusteringOptions(), SentenceText.Replace("the 2005 shooting of", "shooting", StringComparison.Ordinal));
        Assert.Equal("sentence", unrecalled[1].StoryId);
    }

    [Fact]
    public void A_report_weeks_after_its_story_joins_only_when_the_days_between_cost_little()
    {
        const string Text = "Floodwaters swept through the river town of Dunmore after three days of rain, forcing hundreds of " +
            "families from their homes while rescue crews searched flooded streets for stranded residents.";

        string StoryOfLater(ClusteringOptions options)
        {
            var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, options);
            var clusterer = new StoryClusterer(options);
            clusterer.Add(featurizer.Extract(Article("first", "Floods force hundreds from homes in Dunmore", Text, "2020-03-02")));
            return clusterer.Add(featurizer.Extract(Article("later", "Floods force hundreds from homes in Dunmore", Text, "2020-04-15"))).StoryId;
        }

        // Six weeks on, even the same words cannot outweigh the days: the story is not compared term by term at all.
        Assert.Equal("later", StoryOfLater(new ClusteringOptions()));
        // When the days cost little, the same story is compared and joined: only comparisons that cannot matter are left out.
        Assert.Equal("first", StoryOfLater(new ClusteringOptions { DecayDays = 1000 }));
    }

    [Fact]
    public void A_development_later_in_the_year_that_names_the_day_of_its_event_joins()
    {
        var options = new ClusteringOptions();
        var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, options);
        var clusterer = new StoryClusterer(options);
        clusterer.Add(featurizer.Extract(Article("shooting", "Gunman kills two at Kraft plant in Philadelphia",
            "A worker opened fire at the Kraft Foods plant in northeast Philadelphia, killing two colleagues, police said. " +
            "Yvonne Hiller had been suspended from her job hours earlier.", "2010-09-10")));

        var trial = clusterer.Add(featurizer.Extract(Article("trial", "Hiller goes on trial for Kraft plant killings",
            "Yvonne Hiller went on trial on Monday for the September 9 shootings at the Kraft Foods plant in Philadelphia, " +
            "in which two of her colleagues were killed after she was suspended.", "2010-12-06")));

        Assert.Equal("shooting", trial.StoryId);
    }

    [Fact]
    public void A_later_story_that_names_the_day_of_an_earlier_one_merges_into_it_when_a_report_shows_them_one()
    {
        var options = new ClusteringOptions();
        var featurizer = new ArticleFeaturizer((ChineseGlossary?)null, options);
        var clusterer = new StoryClusterer(options);
        const string Shooting = "A worker opened fire at the Kraft Foods plant in northeast Philadelphia, killing two colleagues, police said. " +
            "Yvonne Hiller had been suspended from her job hours earlier.";
        clusterer.Add(featurizer.Extract(Article("shooting", "Gunman kills two at Kraft plant in Philadelphia", Shooting, "2010-09-10")));
        // Months later, a report that does not look back at the day starts a story of its own ...
        var hearing = clusterer.Add(featurizer.Extract(Article("hearing", "Hiller ordered to stand trial over Kraft plant killings",
            "A judge ordered Yvonne Hiller to stand trial for the killings of two colleagues at the Kraft Foods plant in Philadelphia " +
            "after she was suspended from her job.", "2010-12-06")));
        Assert.Equal("hearing", hearing.StoryId);

        // ... until a report of it names the day of the shooting: the later story recalls the earlier one.
        var trial = clusterer.Add(featurizer.Extract(Article("trial", "Hiller trial set over Kraft plant killings",
            "Yvonne Hiller will stand trial for the September 9 killings of two colleagues at the Kraft Foods plant in Philadelphia, " +
            "a judge ordered after she was suspended from her job.", "2010-12-07")));

        Assert.Equal("shooting", trial.StoryId);
        Assert.Contains(trial.Merges, m => m is { MergedId: "hearing", SurvivorId: "shooting" });
    }

    [Fact]
    public async Task A_merged_away_story_id_resolves_to_the_survivor_in_the_store()
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("t.db"));
        await store.SaveBatchAsync(
            [
                Article("a", "A", "Text of a.", "2024-06-01") with { StoryId = "a" },
                Article("b", "B", "Text of b.", "2024-06-01") with { StoryId = "b" },
                Article("c", "C", "Text of c.", "2024-06-01") with { StoryId = "c" },
            ],
            CancellationToken.None);

        await store.SaveBatchAsync([Article("d", "D", "Text of d.", "2024-06-02") with { StoryId = "a" }], [new StoryMerge("b", "a")], CancellationToken.None);
        // A chain: the survivor later merges into another story; both old ids follow.
        await store.SaveBatchAsync([], [new StoryMerge("a", "c")], CancellationToken.None);

        Assert.Equal("c", await store.ResolveStoryIdAsync("b", CancellationToken.None));
        Assert.Equal("c", await store.ResolveStoryIdAsync("a", CancellationToken.None));
        Assert.Equal("c", await store.ResolveStoryIdAsync("c", CancellationToken.None));
        var viaOldId = await store.GetStoryArticlesAsync("b", CancellationToken.None);
        Assert.Equal(["a", "b", "c", "d"], viaOldId.Select(x => x.Id).Order().ToArray());
        Assert.All(viaOldId, x => Assert.Equal("c", x.StoryId));
        var stories = await store.ListStoriesAsync(CancellationToken.None);
        Assert.Equal("c", Assert.Single(stories).StoryId);
    }
}
