using Storyfold.Text;

namespace Storyfold.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Keeps_abbreviations_and_initials_inside_their_sentence()
    {
        Assert.Equal(
            ["Sen. John F. Kennedy met U.S. officials on Jan. 6 in Washington.", "He left at 5 p.m. on Friday."],
            SentenceSplitter.SplitParagraph("Sen. John F. Kennedy met U.S. officials on Jan. 6 in Washington. He left at 5 p.m. on Friday."));
    }

    [Fact]
    public void Ends_a_sentence_after_closing_quotes_and_brackets()
    {
        Assert.Equal(
            ["“We will go,” he said.", "(The talks resumed.)", "Prices rose 5%!", "Why?"],
            SentenceSplitter.SplitParagraph("“We will go,” he said. (The talks resumed.) Prices rose 5%! Why?"));
    }

    [Fact]
    public void Splits_chinese_at_full_stops_without_spaces()
    {
        Assert.Equal(
            ["菲奥娜可能会在周五抵达加拿大。", "“希望风暴留在西部，”布莱克说。", "百慕大将看到最严重的风暴！"],
            SentenceSplitter.SplitParagraph("菲奥娜可能会在周五抵达加拿大。“希望风暴留在西部，”布莱克说。百慕大将看到最严重的风暴！"));
    }

    [Fact]
    public void Mends_a_doubled_full_stop_but_keeps_an_ellipsis()
    {
        Assert.Equal(["Sanctions against the country.", "And then..."], SentenceSplitter.SplitParagraph("Sanctions against the country.. And then..."));
    }

    [Fact]
    public void Numbers_paragraphs_and_positions()
    {
        var sentences = SentenceSplitter.Split("First one. Second one.\n\nThird one.");
        Assert.Equal([(0, 0), (0, 1), (1, 2)], sentences.Select(s => (s.Paragraph, s.Index)));
    }
}
