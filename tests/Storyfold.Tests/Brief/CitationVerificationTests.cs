using Storyfold.Brief;
using Storyfold.News;

namespace Storyfold.Tests.Brief;

/// <summary>A corpus of our own with planted near-miss facts: another number, another weekday, another official.</summary>
public sealed class CitationVerificationTests
{
    private const string Day = "2024-05-10";

    private static IReadOnlyList<Article> Story() =>
    [
        SeedStory.Make("plant-a", "Acme Motors to close Leeds plant", """
            Acme Motors will close its car plant in Leeds with the loss of 450 jobs, chief executive Maria Lopez said on Thursday.

            The company blamed falling demand for petrol cars and rising energy costs.

            Unions called the decision a betrayal of loyal workers.
            """, Day),
        SeedStory.Make("plant-b", "Carmaker Acme to shut Leeds factory", """
            Carmaker Acme Motors is to close its car plant in Leeds, cutting 450 jobs, chief executive Maria Lopez said on Thursday.

            Acme Motors said falling demand for petrol cars and rising energy costs forced the closure.

            Production will move to a plant in Slovakia next year.
            """, Day),
        SeedStory.Make("plant-number", "Acme closure hits Leeds", """
            Acme Motors will close its car plant in Leeds with the loss of 540 jobs, chief executive Maria Lopez said on Thursday.

            Local leaders said the region would need help.
            """, Day),
        SeedStory.Make("plant-weekday", "Leeds plant to close", """
            Acme Motors will close its car plant in Leeds with the loss of 450 jobs, chief executive Maria Lopez said on Wednesday.

            Shares in the company rose 3% after the news.
            """, Day),
        SeedStory.Make("plant-official", "Acme confirms Leeds closure", """
            Acme Motors will close its car plant in Leeds with the loss of 450 jobs, chief executive John Carter said on Thursday.

            The government said it was disappointed.
            """, Day),
    ];

    private static IEnumerable<CitedText> Cited(StoryBrief brief) =>
        brief.Summary.Concat(brief.Claims.Agreed).Concat(brief.Claims.Unique)
            .Concat(brief.Timeline.Select(t => new CitedText(t.Text, t.Sources)));

    [Fact]
    public void No_near_miss_fact_slips_into_a_citation()
    {
        var brief = new StoryBriefBuilder().Build("plant", Story(), new BriefOptions(Words: 120));
        var closure = Cited(brief).Where(c => c.Text.Contains("Leeds", StringComparison.Ordinal) && c.Text.Contains("jobs", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(closure);
        foreach (var claim in closure)
        {
            if (claim.Text.Contains("450", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("plant-number", claim.Sources);
            }

            if (claim.Text.Contains("540", StringComparison.Ordinal))
            {
                Assert.Equal(["plant-number"], claim.Sources);
            }

            if (claim.Text.Contains("Thursday", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("plant-weekday", claim.Sources);
            }

            if (claim.Text.Contains("Lopez", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("plant-official", claim.Sources);
            }

            if (claim.Text.Contains("Carter", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("plant-a", claim.Sources);
            }
        }

        // The true paraphrase is still credited: verification drops wrong citations, not right ones.
        Assert.Contains(closure, c => c.Sources.Contains("plant-a") && c.Sources.Contains("plant-b"));
    }

    [Fact]
    public void Reports_the_planted_differences_as_conflicts()
    {
        var brief = new StoryBriefBuilder().Build("plant", Story(), BriefOptions.Default);
        var conflicts = brief.Claims.Conflicts;
        Assert.Contains(conflicts, c => c.Versions.Any(v => v.Value.Contains("450", StringComparison.Ordinal)) && c.Versions.Any(v => v.Value.Contains("540", StringComparison.Ordinal) && v.Sources.SequenceEqual(["plant-number"])));
        Assert.Contains(conflicts, c => c.Versions.Any(v => v.Value.StartsWith("Thursday", StringComparison.Ordinal)) && c.Versions.Any(v => v.Value.StartsWith("Wednesday", StringComparison.Ordinal) && v.Sources.SequenceEqual(["plant-weekday"])));
        Assert.Contains(conflicts, c => c.Versions.Any(v => v.Value == "Maria Lopez") && c.Versions.Any(v => v.Value == "John Carter"));
    }

    [Fact]
    public void A_sentence_two_articles_share_word_for_word_resolves_against_each_article_date()
    {
        // Identical sentences are read once; their weekdays must still resolve against each article's own date.
        const string text = "The harbour master closed the port on Tuesday after the storm damaged two cranes.\n\nShips waited offshore.";
        var brief = new StoryBriefBuilder().Build("port", [
            SeedStory.Make("port-a", "Port closed after storm", text, "2024-03-08"),
            SeedStory.Make("port-b", "Storm shuts port", text, "2024-03-15"),
        ], BriefOptions.Default);
        var closures = brief.Timeline.Where(t => t.Text.Contains("closed the port", StringComparison.Ordinal)).ToList();
        Assert.Contains(closures, t => t.Date == "2024-03-05" && t.Sources.SequenceEqual(["port-a"]));
        Assert.Contains(closures, t => t.Date == "2024-03-12" && t.Sources.SequenceEqual(["port-b"]));
    }
}
