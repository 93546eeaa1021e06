using Storyfold.Brief;

namespace Storyfold.Tests.Brief;

public sealed class ClaimDigestTests
{
    private static List<CitedText> Claims(int sources, int each) =>
        [.. Enumerable.Range(0, sources).SelectMany(s => Enumerable.Range(0, each).Select(i => new CitedText($"Fact {i} of source {s}.", [$"source-{s}"])))];

    [Fact]
    public void A_short_list_is_shown_whole()
    {
        var claims = Claims(3, 4);

        var (shown, folded) = ClaimDigest.Split(claims, perSource: 2);

        Assert.Equal(claims, shown);
        Assert.Empty(folded);
    }

    [Fact]
    public void A_long_list_shows_the_first_claims_of_each_source_and_folds_the_rest_in_order()
    {
        var claims = Claims(5, 6);

        var (shown, folded) = ClaimDigest.Split(claims, perSource: 2);

        Assert.Equal(10, shown.Count);
        Assert.All(shown.GroupBy(c => c.Sources[0]), g => Assert.Equal(["Fact 0", "Fact 1"], g.Select(c => c.Text[..6])));
        Assert.Equal(20, folded.Count);
        Assert.Equal(claims.Except(shown), folded);
    }

    [Fact]
    public void Never_shows_more_than_the_limit_however_many_sources()
    {
        var (shown, folded) = ClaimDigest.Split(Claims(100, 6), perSource: 2);

        Assert.Equal(ClaimDigest.Shown, shown.Count);
        Assert.Equal(600 - ClaimDigest.Shown, folded.Count);
    }
}
