using Storyfold.Extraction;

namespace Storyfold.Tests.Extraction;

public sealed class ExtractionMetricsTests
{
    [Fact]
    public void Shingle_f1_is_one_for_the_same_text_whatever_the_case_and_punctuation()
    {
        var overlap = ExtractionMetrics.Shingles("The council voted on Tuesday, to expand the harbour.", "the Council voted on tuesday to expand the harbour");
        Assert.Equal(1, overlap.F1, 6);
    }

    [Fact]
    public void Shingle_f1_is_zero_for_texts_of_the_same_length_that_share_no_four_words_in_a_row()
    {
        var overlap = ExtractionMetrics.Shingles("one two three four five six", "six five four three two one");
        Assert.Equal(0, overlap.F1, 6);
    }

    [Fact]
    public void Shingle_precision_counts_the_extra_text_and_recall_the_missing_text()
    {
        const string article = "the council voted on tuesday to expand the harbour";
        var overlap = ExtractionMetrics.Shingles(article + " sign up for our newsletter today", article);
        Assert.Equal(1, overlap.Recall, 6);
        Assert.Equal(6.0 / 12, overlap.Precision, 6);
    }

    [Fact]
    public void Bag_of_words_f1_ignores_order()
    {
        Assert.Equal(1, ExtractionMetrics.BagOfWords("one two three four five six", "six five four three two one").F1, 6);
    }

    [Theory]
    // Case, spacing and punctuation aside, the snippet's words in order.
    [InlineData("let's explore how SMART thermostats work; their energy saving", true)]
    [InlineData("how smart thermostats fail", false)]
    [InlineData(" … ", false)]
    // Cut inside its last word at a fixed length: the last word may go on in the text.
    [InlineData("Let’s explore how smart thermostats work, their energy-saving potential, and whe", true)]
    // A word cut at the start, or a word inside the snippet that is only the start of the text's, is no match.
    [InlineData("xplore how smart thermostats", false)]
    [InlineData("how sma thermostats work", false)]
    // A snippet that ends in punctuation ended there, and a label of a few words is whole: their last word is whole.
    [InlineData("potential, and whe.", false)]
    [InlineData("and whe", false)]
    [InlineData("and where", true)]
    public void A_snippet_is_found_by_its_words_and_one_cut_inside_its_last_word_by_its_start(string snippet, bool found)
    {
        var text = ExtractionMetrics.NormaliseForSearch("Let’s explore how smart thermostats work,\n\ntheir energy-saving potential, and where they pay off.");
        Assert.Equal(found, ExtractionMetrics.ContainsSnippet(text, snippet));
    }

    [Theory]
    [InlineData("Ana Silva, Tom Berg", "Tom Berg and Ana Silva", true)]
    [InlineData("By Ana Silva", "Ana Silva", true)]
    [InlineData("Ana Silva, Tom Berg, and Lena Roy", "Ana Silva; Tom Berg & Lena Roy", true)]
    [InlineData("ana silva", "Ana Silva", true)]
    [InlineData("Ana Silva", "Ana Silva, Dietitian", false)]
    [InlineData("Ana Silva, Tom Berg", "Ana Silva", false)]
    [InlineData(null, "Ana Silva", false)]
    [InlineData("Harbour Times", "Ana Silva", false)]
    public void Authors_are_the_same_when_both_name_the_same_people_in_any_order(string? predicted, string truth, bool same)
    {
        Assert.Equal(same, ExtractionMetrics.SameAuthors(predicted, truth));
    }

    [Theory]
    [InlineData("Council backs  harbour plan ", "Council backs harbour plan", TitleMiss.None)]
    [InlineData(null, "Council backs harbour plan", TitleMiss.NoTitle)]
    [InlineData(" ", "Council backs harbour plan", TitleMiss.NoTitle)]
    [InlineData("Council\u2019s \u201Cbold\u201D plan \u2013 and what\u2026", "Council's \"bold\" plan - and what...", TitleMiss.Typography)]
    [InlineData("Council Backs Harbour Plan", "Council backs harbour plan", TitleMiss.LetterCase)]
    [InlineData("Council backs harbour plan?", "Council backs harbour plan", TitleMiss.Punctuation)]
    [InlineData("Harbour plan [2025 data]", "Harbour plan (2025 data)", TitleMiss.Punctuation)]
    [InlineData("Council backs harbour plan | City Times", "Council backs harbour plan", TitleMiss.MoreOrFewerWords)]
    [InlineData("Harbour plan", "Council backs harbour plan", TitleMiss.MoreOrFewerWords)]
    [InlineData("Harbour", "Harbours of the north", TitleMiss.Wording)]
    [InlineData("Council rejects harbour plan", "Council backs harbour plan", TitleMiss.Wording)]
    public void A_title_miss_is_named_by_the_smallest_difference_that_explains_it(string? predicted, string truth, TitleMiss expected)
    {
        Assert.Equal(expected, ExtractionMetrics.DescribeTitleMiss(predicted, truth));
    }
}
