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

    [Fact]
    public void Says_why_when_the_dictionary_is_missing()
    {
        var load = ChineseGlossary.Load("/nonexistent/cedict.js");

        Assert.Null(load.Glossary);
        Assert.Contains("no such file", load.Problem, StringComparison.Ordinal);
    }
}
