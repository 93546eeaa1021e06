using System.Globalization;
using System.Text;
using Storyfold.Clustering;
using Storyfold.News;

namespace Storyfold.Tests.Clustering;

/// <summary>
/// Pins what the featurizer reads from a few texts written here (English, Chinese with a glossary, mixed, long), to the
/// bit: the features decide the stories, so a faster reading must give exactly the features of the plain one. The
/// expected digests were recorded from the featurizer as it was before its tables and tokenizer were reworked for speed.
/// </summary>
public sealed class FeatureReadingReferenceTests
{
    private const string EnglishTitle = "Quake's aftershocks rattle Talca as Chile's NASDAQ-LISTED miners halt work";

    private const string EnglishText =
        "TALCA, Chile \u2014 A magnitude 8.8 earthquake struck central Chile on March 5th, killing at least 708 people. " +
        "Officials said Carolina Toha visited the damaged school in Talca\u2019s old quarter, where 40,000 homes lost power. " +
        "\"We are working day and night,\" said President Michelle Bachelet, who met Sebasti\u00e1n Pi\u00f1era on 5 March. " +
        "The 2010 quake recalled the 1960 Valdivia disaster; insurers' losses reached $3.5 billion by Sept. 9, 2010. " +
        "Cities such as Concepci\u00f3n and Z\u00fcrich-based re-insurers reported aftershocks; the U.N. sent 12 teams. " +
        "Mid-sentence names like New York and S\u00e3o Paulo count, as does Toha's office. ALLCAPSWORD appears too.";

    private const string ChineseTitle = "飓风菲奥娜袭击波多黎各";

    private const string ChineseText =
        "飓风菲奥娜9月22日袭击波多黎各和多米尼加，造成停电。居民说，暴雨引发洪水，至少３人死亡。" +
        "中国人民银行表示，2019年以来人民生活受到影响。警方今天（22日）上午8点45分左右接到报案！中国人在现场吗？";

    [Fact]
    public void Reading_english_gives_the_reference_features()
    {
        var features = Featurizer(null).Extract(Article(EnglishText, EnglishTitle, "2010-03-06"));

        Assert.Equal("91 terms, 22 names, digest 580caed1d9dace52", Digest(features));
    }

    [Fact]
    public void Reading_chinese_with_a_glossary_gives_the_reference_features()
    {
        var features = Featurizer(Glossary()).Extract(Article(ChineseText, ChineseTitle, "2022-09-23"));

        Assert.Equal("100 terms, 13 names, digest f189827cc48a3954", Digest(features));
    }

    [Fact]
    public void Reading_mixed_and_undated_text_gives_the_reference_features()
    {
        var text = "Hurricane Fiona (飓风菲奥娜) hit Puerto Rico on Sept 18. 居民 said the 停电 lasted days; ２０２２年9月18日 was a Sunday.";
        var features = Featurizer(Glossary()).Extract(Article(text, "Fiona 袭击 Puerto Rico", null));

        Assert.Equal("26 terms, 5 names, digest e13ad0155ee485e4", Digest(features));
    }

    [Fact]
    public void Reading_a_long_text_of_many_distinct_words_gives_the_reference_features()
    {
        // Hundreds of distinct words, names and numbers: more terms than any table starts with.
        var text = new StringBuilder();
        var random = new Random(7);
        for (var sentence = 0; sentence < 400; sentence++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Word{random.Next(3000)}s met Name{random.Next(500)} Surname{random.Next(500)} ");
            text.Append(CultureInfo.InvariantCulture, $"in {random.Next(1900, 2030)} over {random.Next(100000):N0} items, cities and {random.Next(99)}.{random.Next(9)} ");
            text.Append(CultureInfo.InvariantCulture, $"votes on {(sentence % 12) + 1} {random.Next(1, 32)}th. ");
        }

        var features = Featurizer(null).Extract(Article(text.ToString(), "Many words", "2024-01-02"));

        Assert.True(features.Terms.Length > 2000, $"{features.Terms.Length} terms");
        Assert.Equal("2787 terms, 967 names, digest 725e796b51bbd619", Digest(features));
    }

    private static ArticleFeaturizer Featurizer(ChineseGlossary? glossary) => new(glossary, new ClusteringOptions());

    /// <summary>A glossary with words inside longer words (中国, 中国人, 中国人民银行), so longest match is exercised.</summary>
    private static ChineseGlossary Glossary() => ClusteringTestKit.Glossary(
        File.ReadAllLines(Path.Combine(ClusteringTestKit.GlossaryFolder, "sample-cedict.u8")).Concat(
        [
            "中國 中国 [Zhong1 guo2] /China/",
            "中國人 中国人 [Zhong1 guo2 ren2] /Chinese person/",
            "中國人民銀行 中国人民银行 [Zhong1 guo2 Ren2 min2 Yin2 hang2] /People's Bank of China/",
            "人民 人民 [ren2 min2] /the people/",
            "生活 生活 [sheng1 huo2] /life; activity/",
            "警方 警方 [jing3 fang1] /police/",
            "報案 报案 [bao4 an4] /to report a case to the authorities/",
        ]));

    private static Article Article(string text, string title, string? day) => ClusteringTestKit.Article(text, title, day);

    /// <summary>FNV-1a over every field of the features, so one figure says whether two readings agree to the bit.</summary>
    private static string Digest(ArticleFeatures features)
    {
        var hash = 14695981039346656037UL;
        void Add(ulong value) => hash = (hash ^ value) * 1099511628211UL;
        foreach (var term in features.Terms)
        {
            Add(term);
        }

        Add(1);
        foreach (var weight in features.Weights)
        {
            Add((ulong)weight);
        }

        Add(2);
        foreach (var name in features.Names)
        {
            Add(name);
        }

        Add(3);
        foreach (var value in features.Signature)
        {
            Add(value);
        }

        Add(4);
        Add((ulong)BitConverter.DoubleToInt64Bits(features.Day ?? -1));
        Add((ulong)(features.Year ?? -1));
        Add((ulong)(features.MentionedYear ?? -1));
        foreach (var year in features.RecalledYears)
        {
            Add((ulong)year);
        }

        return $"{features.Terms.Length} terms, {features.Names.Length} names, digest {hash:x16}";
    }
}
