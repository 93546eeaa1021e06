using Storyfold.Brief;
using Storyfold.News;

namespace Storyfold.Tests.Brief;

/// <summary>How a summary reads: it opens with a shared fact that stands on its own and says each fact once, however the outlets word it.</summary>
public sealed class SummaryReadingTests
{
    private static IReadOnlyList<Article> Story() =>
    [
        SeedStory.Make("herald", "Storm Orla floods Brannock as river bursts its banks", """
            Storm Orla brought hail and torrential rain to Brannock on Monday, and the Linnet river burst its banks at two points in the town.

            A 61-year-old man died when a tree fell on his van on the Mill Road.

            About 200 residents of the Ferndale estate were taken to the town's leisure centre as water rose in the streets.

            The roof of the Hollins primary school hall collapsed, but the building was empty because lessons had ended early.
            """, "2025-10-20"),
        SeedStory.Make("post", "Brannock counts the cost of Storm Orla", """
            Brannock began counting the cost of Storm Orla on Tuesday after a day of hail and flash floods.

            The man, a courier, died when a falling tree struck his van on the Mill Road during the height of the storm on Monday afternoon.

            The school hall roof at Hollins primary fell in under the weight of hail and water, but no children were inside.
            """, "2025-10-21"),
        SeedStory.Make("wire", "Soldiers sent to flooded Brannock", """
            Soldiers were sent to Brannock on Tuesday to shore up river defences after Storm Orla flooded parts of the town.

            The man died on Monday when a tree came down on his van on the Mill Road, police said.

            Around 200 people from the Ferndale estate spent the night in the town's leisure centre.
            """, "2025-10-21"),
    ];

    [Fact]
    public void Opens_with_a_shared_fact_that_stands_on_its_own_and_tells_of_the_death_once()
    {
        var brief = new StoryBriefBuilder().Build("orla", Story(), BriefOptions.Default);

        Assert.True(brief.Summary[0].Sources.Count >= 2, "a fact several sources share comes first");
        Assert.False(SummarySelector.Dangling(brief.Summary[0].Text));
        Assert.Single(brief.Summary, s => s.Text.Contains("died", StringComparison.Ordinal));
        Assert.DoesNotContain(brief.Summary, s => s.Text.StartsWith("The man", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fact_told_as_the_man_died_is_still_a_claim_the_sources_agree_on()
    {
        var brief = new StoryBriefBuilder().Build("orla", Story(), BriefOptions.Default);

        Assert.Contains(brief.Claims.Agreed, c => c.Text.Contains("died", StringComparison.Ordinal) && c.Sources.Count >= 2);
    }

    [Fact]
    public void A_stored_story_leaves_its_syndicated_copies_out_of_the_sources()
    {
        var story = Story();
        var copy = story[0] with { Id = "herald-copy", Source = "Regional Wire", DuplicateOf = story[0].Id };

        var brief = new StoryBriefBuilder().BuildStored("orla", [.. story, copy], BriefOptions.Default);

        Assert.Equal(["herald", "post", "wire"], brief.Articles.Select(a => a.Id).Order());
        Assert.DoesNotContain(brief.Summary.SelectMany(s => s.Sources), id => id == "herald-copy");
    }

    [Fact]
    public void A_trimmed_summary_sentence_is_checked_for_the_facts_it_still_states()
    {
        IReadOnlyList<Article> story =
        [
            SeedStory.Make("ministry", "Premier Okafor to visit Lisbon", """
                Premier Adaeze Okafor will visit Lisbon on March 3 for trade talks, the foreign ministry announced on Saturday.

                The talks are expected to cover port fees and fishing quotas.
                """, "2024-02-24"),
            SeedStory.Make("daily", "Okafor heads to Lisbon", """
                Premier Adaeze Okafor will travel to Lisbon on March 3 for trade talks with Portuguese officials.

                Port fees and fishing quotas top the agenda.
                """, "2024-02-25"),
            SeedStory.Make("wire", "Okafor trip to Lisbon", """
                Premier Adaeze Okafor will visit Lisbon on March 4 for trade talks.

                Officials said fishing quotas would be discussed.
                """, "2024-02-25"),
        ];

        var analysis = new StoryAnalysis(story, Storyfold.Entities.Gazetteer.Default);
        var verifier = new CitationVerifier(analysis);
        var sentence = analysis.Sentences.Single(s => s.Text.StartsWith("Premier Adaeze Okafor will visit Lisbon on March 3", StringComparison.Ordinal));
        Assert.Equal("Premier Adaeze Okafor will visit Lisbon on March 3 for trade talks.", sentence.Trimmed);

        // Shown whole, the sentence also says when it was announced, which only the ministry's report carries; shown
        // trimmed, the daily report carries all it says, and the wire's other day still does not.
        Assert.Equal(["ministry"], verifier.VerifiedSources(sentence));
        Assert.Equal(["ministry", "daily"], verifier.VerifiedSources(sentence, shown: sentence.Trimmed));
    }
}
