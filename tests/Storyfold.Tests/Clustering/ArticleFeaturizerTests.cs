using Storyfold.Clustering;
using Storyfold.News;

namespace Storyfold.Tests.Clustering;

public sealed class ArticleFeaturizerTests
{
    private readonly ArticleFeaturizer _featurizer = new((ChineseGlossary?)null);

    private static Article Article(string text, string title = "", string? day = "2024-03-05") => ClusteringTestKit.Article(text, title, day);

    [Fact]
    public void A_possessive_with_a_typographic_apostrophe_reads_as_the_plain_one()
    {
        var curly = _featurizer.Extract(Article("Officials said the Talca mayor\u2019s office closed schools after the quake."));
        var plain = _featurizer.Extract(Article("Officials said the Talca mayor's office closed schools after the quake."));

        Assert.Equal(plain.Terms, curly.Terms);
        Assert.Equal(plain.Weights, curly.Weights);
    }

    [Fact]
    public void A_number_with_thousands_commas_matches_the_same_number_without()
    {
        var commas = _featurizer.Extract(Article("Power was cut to 40,000 homes in the Maule region on Tuesday."));
        var bare = _featurizer.Extract(Article("Power was cut to 40000 homes in the Maule region on Tuesday."));

        Assert.Equal(bare.Terms, commas.Terms);
        Assert.Equal(bare.Signature, commas.Signature);
    }

    [Fact]
    public void A_run_of_names_in_mid_sentence_counts_as_one_name_besides_its_words()
    {
        var features = _featurizer.Extract(Article("Officials said Carolina Toha visited the damaged school.", day: null));

        // "carolina", "toha" and "carolina toha"; "Officials" opens the sentence, so it is no name.
        Assert.Equal(3, features.Names.Length);
        Assert.Null(features.Year);
    }

    [Fact]
    public void Plural_and_singular_share_a_word_feature()
    {
        var plural = _featurizer.Extract(Article("Aftershocks rattled cities."));
        var singular = _featurizer.Extract(Article("Aftershock rattled city."));

        Assert.Equal(singular.Terms, plural.Terms);
    }

    [Fact]
    public void A_month_and_day_in_the_text_is_a_date_feature()
    {
        var dated = _featurizer.Extract(Article("The quake struck central Chile on March 5th near Talca.", day: null));
        var undated = _featurizer.Extract(Article("The quake struck central Chile on Tuesday near Talca.", day: null));

        var extra = dated.Terms.Except(undated.Terms).Select(ArticleFeaturizer.ChannelOf).ToList();
        Assert.Contains(FeatureChannel.NumberOrDate, extra);
    }

    [Fact]
    public void A_day_written_in_other_digits_is_no_date_and_does_not_stop_the_reading()
    {
        // Fullwidth and Arabic-Indic digits are digits to the tokenizer, but a day is read from ASCII digits only.
        var other = _featurizer.Extract(Article("The vote was held on May \uFF15 and again on March \u0665th in Cairo.", day: null));
        var ascii = _featurizer.Extract(Article("The vote was held on May 5 and again on March 5th in Cairo.", day: null));

        Assert.Contains(ArticleFeaturizer.DayTerm(5, 5), ascii.Terms);
        Assert.DoesNotContain(ArticleFeaturizer.DayTerm(5, 5), other.Terms);
        Assert.DoesNotContain(ArticleFeaturizer.DayTerm(3, 5), other.Terms);
    }

    [Fact]
    public void Date_terms_are_the_hashes_of_the_dates_written_out()
    {
        for (var month = 1; month <= 12; month++)
        {
            for (var day = 1; day <= 31; day++)
            {
                Assert.Equal(ArticleFeaturizer.Hash($"{month:00}-{day:00}", ArticleFeaturizer.DateKind), ArticleFeaturizer.DayTerm(month, day));
            }

            for (var year = 1900; year <= 2100; year++)
            {
                Assert.Equal(ArticleFeaturizer.Hash($"{year}-{month:00}", ArticleFeaturizer.DateKind), ArticleFeaturizer.MonthTerm(year, month));
            }
        }
    }

    [Fact]
    public void A_month_and_year_in_the_text_is_a_date_feature()
    {
        var features = _featurizer.Extract(Article("The quake of March 2010 struck central Chile.", day: null));

        Assert.Contains(ArticleFeaturizer.MonthTerm(2010, 3), features.Terms);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(57)]
    [InlineData(1_000)]
    public void The_vectorised_minhash_signature_is_the_scalar_one_to_the_bit(int count)
    {
        var random = new Random(count);
        var tokens = Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40)).ToArray();
        var scalar = new uint[32];
        var vectorised = new uint[32];

        ArticleFeaturizer.SignatureScalar(tokens, scalar);
        ArticleFeaturizer.SignatureVectorised(tokens, vectorised);

        Assert.Equal(scalar, vectorised);
        Assert.DoesNotContain(uint.MaxValue, scalar);
    }
}
