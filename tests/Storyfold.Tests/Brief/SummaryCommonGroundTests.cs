using Storyfold.Brief;
using Storyfold.Entities;
using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Tests.Brief;

/// <summary>
/// The summary leans on the story's common ground: what the other outlets headline, and one lead for the main event
/// rather than every outlet's lead in turn.
/// </summary>
public sealed class SummaryCommonGroundTests
{
    private static IReadOnlyList<Article> Story() =>
    [
        SeedStory.Make("gazette", "Harbour bridge closes after crack found in main span", """
            Engineers closed the Kestrel harbour bridge on Wednesday after inspectors found a crack in its main steel span.

            Ferries will run every twenty minutes between the two quays while the bridge stays shut.

            The council said repairs could take until the end of March and cost about 4 million euros.
            """, "2025-01-15"),
        SeedStory.Make("courier", "Kestrel bridge shut as inspectors find crack", """
            Traffic was halted on the Kestrel harbour span on Wednesday morning when a routine inspection revealed a fracture in a load-bearing girder.

            Commuters faced queues of up to an hour on the ring road as drivers looked for another route.

            Ferries will run every twenty minutes between the quays until the bridge reopens.
            """, "2025-01-15"),
        SeedStory.Make("wire", "Crack shuts Kestrel harbour bridge", """
            A fractured girder has forced the closure of the bridge over Kestrel harbour, the city's busiest crossing, officials said on Wednesday.

            The council put the cost of repairs at about 4 million euros and said work could last until the end of March.

            Ferry services between the two quays have been doubled.
            """, "2025-01-15"),
    ];

    [Fact]
    public void A_sentence_is_weighed_against_the_other_outlets_headlines_not_its_own()
    {
        var story = new StoryAnalysis(Story(), Gazetteer.Default);
        var headlines = new OtherHeadlines(story);
        var lead = story.Sentences.First(s => s.ArticleId == "gazette" && s.Position == 0);
        var cost = story.Sentences.First(s => s.ArticleId == "gazette" && s.Text.StartsWith("The council", StringComparison.Ordinal));
        var queues = story.Sentences.First(s => s.ArticleId == "courier" && s.Text.StartsWith("Commuters", StringComparison.Ordinal));

        // The lead shares "Kestrel", "crack", "bridge", "harbour" with the others' headlines; the cost of repairs and the
        // queues share nothing with them.
        Assert.True(headlines.Likeness(lead) > 0.2, $"lead likeness {headlines.Likeness(lead)}");
        Assert.Equal(0, headlines.Likeness(cost), 6);
        Assert.Equal(0, headlines.Likeness(queues), 6);
    }

    [Fact]
    public void An_articles_own_headline_does_not_count_towards_its_likeness()
    {
        IReadOnlyList<Article> articles =
        [
            SeedStory.Make("a", "Quarry blast shakes village", "A blast at the Tarn quarry shook houses in the village on Friday afternoon."),
            SeedStory.Make("b", "Inspectors visit Tarn quarry", "Inspectors from the mines agency visited the Tarn quarry on Saturday morning."),
        ];
        var story = new StoryAnalysis(articles, Gazetteer.Default);
        var headlines = new OtherHeadlines(story);
        var inspectors = story.Sentences.Single(s => s.ArticleId == "b");
        var otherHeadline = story.Vectorise(Tokens.ContentTerms("Quarry blast shakes village"));
        var ownHeadline = story.Vectorise(Tokens.ContentTerms("Inspectors visit Tarn quarry"));

        // With two articles, b's sentence is weighed against a's headline alone, though it echoes its own far more.
        Assert.Equal(inspectors.Vector.Cosine(otherHeadline), headlines.Likeness(inspectors), 5);
        Assert.True(inspectors.Vector.Cosine(ownHeadline) > headlines.Likeness(inspectors) + 0.2);
    }

    [Fact]
    public void States_the_main_event_with_one_lead_and_spends_the_rest_on_other_facts()
    {
        // Three leads tell of the reversal in words too different for the restatement test; the rest carry the letter,
        // the hearing and who brought the challenge.
        IReadOnlyList<Article> story =
        [
            SeedStory.Make("herald", "Transport ministry tells tribunal harbour levy is lawful, reversing earlier position", """
                The Transport Ministry notified the Maritime Tribunal on Wednesday that it no longer considers the Kestrel harbour levy to be unlawful, the latest reversal from the ministry since Premier Ines Marlow took office in January.

                The tribunal is hearing a challenge to the levy brought by Dunmore and four other port towns.

                The ministry under former Premier Tomas Vey backed Dunmore in written pleadings and at the hearing in November.
                """, "2025-03-12"),
            SeedStory.Make("courier", "Marlow drops government challenge to harbour levy", """
                Premier Marlow on Wednesday changed the government's position in a Maritime Tribunal case in which former Premier Vey challenged the Kestrel harbour levy.

                The case, Dunmore v. Kestrel, was heard in November, a week after the autumn election.

                In a letter to the tribunal, a ministry lawyer wrote that the government now opposes the challenge to the levy.
                """, "2025-03-12"),
            SeedStory.Make("post", "Marlow government tells tribunal the harbour levy should stand", """
                Premier Marlow's government told the Maritime Tribunal on Wednesday that her predecessor had been wrong to argue that the Kestrel harbour levy was unlawful and urged the tribunal to uphold it.

                A senior ministry lawyer, in a letter to the tribunal, reversed the government's position in the case heard last November in which no ruling has been announced.
                """, "2025-03-12"),
        ];
        var leads = story.Select(a => a.Text.Split('.')[0]).ToList();

        foreach (var words in new[] { 45, 60 })
        {
            var (_, summary) = new StoryBriefBuilder().Summarize(story, words);

            Assert.Single(summary, s => leads.Any(lead => s.Text.StartsWith(lead[..30], StringComparison.Ordinal)));
            Assert.Contains(summary, s => s.Text.Contains("letter to the tribunal", StringComparison.Ordinal));
        }
    }
}
