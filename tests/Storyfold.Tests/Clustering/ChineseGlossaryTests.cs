using Storyfold.Clustering;

namespace Storyfold.Tests.Clustering;

public sealed class ChineseGlossaryTests
{
    [Fact]
    public void Reads_the_cc_cedict_text_format_and_segments_by_longest_match()
    {
        var load = ChineseGlossary.Load(Path.Combine(ClusteringTestKit.GlossaryFolder, "sample-cedict.u8"));

        var glossary = Assert.IsType<ChineseGlossary>(load.Glossary);
        var words = glossary.Segment("飓风袭击多米尼加和波多黎各").ToList();
        Assert.Equal(["飓风", "袭击", "多米尼加", "波多黎各"], words.Select(w => w.Chinese));
        Assert.Equal(["hurricane"], words[0].Words);
        Assert.Equal(["attack"], words[1].Words);
        Assert.Equal(["dominican", "republic"], words[2].Words);
        Assert.True(words[2].IsName);
        Assert.False(words[0].IsName);
        // Traditional forms map to the same English.
        Assert.Equal(["hurricane"], glossary.Segment("颶風").Single().Words);
    }

    [Fact]
    public void Reads_the_data_file_of_the_npm_package()
    {
        var load = ChineseGlossary.Load(Path.Combine(ClusteringTestKit.GlossaryFolder, "sample-package.js"));

        var glossary = Assert.IsType<ChineseGlossary>(load.Glossary);
        Assert.Equal(["arrest"], glossary.Segment("逮捕").Single().Words);
        Assert.Equal(["dominican", "republic"], glossary.Segment("多米尼加").Single().Words);
        // Single characters are too ambiguous to gloss.
        Assert.Empty(glossary.Segment("的"));
    }

    [Theory]
    [InlineData("中国人民银行", "中国人民银行")]
    [InlineData("中国人民", "中国人")]
    [InlineData("中国人民银", "中国人")]
    [InlineData("中国x人民", "中国|人民")]
    [InlineData("在中国人民大会堂", "中国人")]
    [InlineData("在人民大会堂", "人民大会堂")]
    [InlineData("全国人民代表大会开幕", "全国人民代表大会")]
    [InlineData("全國人民代表大會", "全國人民代表大會")]
    [InlineData("全国人民代表大", "全国|人民")]
    [InlineData("中", "")]
    [InlineData("", "")]
    public void Takes_the_longest_word_where_words_start_inside_longer_ones(string run, string expected)
    {
        var glossary = ClusteringTestKit.Glossary(
        [
            "中國 中国 [Zhong1 guo2] /China/",
            "中國人 中国人 [Zhong1 guo2 ren2] /Chinese person/",
            "中國人民銀行 中国人民银行 [Zhong1 guo2 Ren2 min2 Yin2 hang2] /People's Bank of China/",
            "人民 人民 [ren2 min2] /populace/",
            "人民大會堂 人民大会堂 [Ren2 min2 Da4 hui4 tang2] /Great Hall of the People/",
            "全國 全国 [quan2 guo2] /nationwide/",
            "全國人民代表大會 全国人民代表大会 [Quan2 guo2 Ren2 min2 Dai4 biao3 Da4 hui4] /National People's Congress/",
        ]);

        Assert.Equal(expected, string.Join('|', glossary.Segment(run).Select(word => word.Chinese)));
    }

    [Fact]
    public void Says_why_when_the_dictionary_is_missing()
    {
        var load = ChineseGlossary.Load("/nonexistent/cedict.js");

        Assert.Null(load.Glossary);
        Assert.Contains("no such file", load.Problem, StringComparison.Ordinal);
    }
}
