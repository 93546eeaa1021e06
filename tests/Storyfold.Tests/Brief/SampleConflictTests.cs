using Microsoft.Extensions.Logging.Abstractions;
using Storyfold.Brief;
using Storyfold.Ingest;
using Storyfold.Storage;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Brief;

/// <summary>
/// The demo's sample stories (samples/README.md) were written with a planted disagreement each; the briefs the demo shows
/// must report them, in the outlets' own differing words.
/// </summary>
public sealed class SampleConflictTests
{
    private static async Task<StoryBrief> BriefOfAsync(string storyId)
    {
        using var temp = new TempDirectory();
        await using var store = SqliteArticleStore.Open(temp.File("samples.db"));
        var (files, problems) = InputCollector.Collect([Path.Combine(SharedData.RepoRoot, "samples", "articles")], () => Stream.Null);
        Assert.Empty(problems);
        await IngestPipeline.Create(store, NullLoggerFactory.Instance).IngestAsync(files, null, TestContext.Current.CancellationToken);
        var id = await store.ResolveStoryIdAsync(storyId, TestContext.Current.CancellationToken);
        var articles = await store.GetStoryArticlesAsync(id, TestContext.Current.CancellationToken);
        return new StoryBriefBuilder().BuildStored(id, articles, BriefOptions.Default);
    }

    [Fact]
    public async Task Reports_the_outlets_disagreeing_on_the_day_the_storm_hit()
    {
        var brief = await BriefOfAsync("coastline-courier-idris");

        // One disagreement only: the leads that follow the storm a day later (the clean-up, the army sent in) are new events.
        AssertOnlyDisagreement(brief, ("Wednesday", "harbour-radio-idris"), ("Tuesday", "coastline-courier-idris"));
        // The summary tells it as most sources do, and leaves the other day to the dispute.
        Assert.DoesNotContain(brief.Summary, s => s.Text.Contains("Wednesday", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reports_the_outlets_disagreeing_on_how_many_were_evacuated()
    {
        var brief = await BriefOfAsync("valley-herald-petra");

        // One disagreement only: Monday's flood and Tuesday's clean-up, told in different outlets' leads, are two events.
        AssertOnlyDisagreement(brief, ("450", "kestrel-post-petra"), ("300", "valley-herald-petra"));
    }

    /// <summary>The brief's one conflict: the lone outlet's value against a value another outlet gives.</summary>
    private static void AssertOnlyDisagreement(StoryBrief brief, (string Value, string Source) lone, (string Value, string Source) other)
    {
        var conflict = Assert.Single(brief.Claims.Conflicts);
        Assert.Equal([lone.Source], Assert.Single(conflict.Versions, v => v.Value.Contains(lone.Value, StringComparison.Ordinal)).Sources);
        Assert.Contains(other.Source, Assert.Single(conflict.Versions, v => v.Value.Contains(other.Value, StringComparison.Ordinal)).Sources);
    }

    [Fact]
    public async Task Takes_a_later_report_of_a_later_day_for_a_development_not_a_disagreement()
    {
        // Thursday evening's reports have the last miner out on Thursday; the next day's wire has all freed "by Friday
        // morning", which is true of Thursday too.
        var brief = await BriefOfAsync("dunhollow-gazette-mine");

        Assert.Empty(brief.Claims.Conflicts);
    }
}
