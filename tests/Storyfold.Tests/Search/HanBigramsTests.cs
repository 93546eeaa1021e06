using Storyfold.Search;

namespace Storyfold.Tests.Search;

public sealed class HanBigramsTests
{
    [Fact]
    public void Indexes_each_run_of_han_characters_as_overlapping_bigrams_and_its_last_character()
    {
        Assert.Equal("金文 文泰 泰 ", HanBigrams.ForIndex("金文泰"));
        Assert.Equal("警方 方 逮捕 捕 ", HanBigrams.ForIndex("Police 警方, 42 逮捕!"));
        Assert.Equal("火 ", HanBigrams.ForIndex("a 火 b"));
    }

    [Fact]
    public void Leaves_text_without_han_characters_out_of_the_han_columns()
    {
        Assert.Equal("", HanBigrams.ForIndex("The Old River bridge, naïve café — 東"[..^1]));
        Assert.Equal("", HanBigrams.ForIndex("カタカナ 한국어"));
        Assert.Equal("", HanBigrams.ForIndex(null));
    }

    [Fact]
    public void Cuts_a_query_run_into_the_bigrams_it_must_match_in_sequence()
    {
        Assert.Equal(["抢劫", "劫伤", "伤人"], HanBigrams.QueryTokens("抢劫伤人"));
        Assert.Equal(["地震"], HanBigrams.QueryTokens("地震"));
        Assert.Equal(["火"], HanBigrams.QueryTokens("火"));
    }

    [Fact]
    public void Keeps_characters_outside_the_basic_plane_whole()
    {
        Assert.Equal("𠀀中 中 ", HanBigrams.ForIndex("𠀀中"));
        Assert.Equal([("iPhone", false), ("手机", true), ("2", false)], HanBigrams.Split("iPhone手机2"));
    }
}
