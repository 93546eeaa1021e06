using Storyfold.Text;

namespace Storyfold.Tests.Text;

public sealed class SentenceCompressorTests
{
    [Theory]
    [InlineData("China will oppose sanctions against the country. , according to a readout from the ministry.", "China will oppose sanctions against the country.")]
    [InlineData("The council approved the budget on Monday, the mayor's office said.", "The council approved the budget on Monday.")]
    [InlineData("The council (which met for six hours) approved the budget.", "The council approved the budget.")]
    [InlineData("However, the council approved the budget after a long debate.", "The council approved the budget after a long debate.")]
    [InlineData("LISBON (Reuters) — The council approved the budget after a long debate.", "The council approved the budget after a long debate.")]
    [InlineData("The council approved the budget after a long debate, which surprised many residents of the city.", "The council approved the budget after a long debate.")]
    [InlineData("SAN JUAN, Puerto Rico - Hurricane Fiona strengthened to a Category 4 storm on Wednesday.", "Hurricane Fiona strengthened to a Category 4 storm on Wednesday.")]
    [InlineData("SAN JUAN, Puerto Rico: Hurricane Fiona headed toward Bermuda on Wednesday.", "Hurricane Fiona headed toward Bermuda on Wednesday.")]
    [InlineData("KYIV, UKRAINE — Air raid sirens sounded across the country overnight.", "Air raid sirens sounded across the country overnight.")]
    public void Drops_asides_attribution_connectives_and_datelines(string sentence, string expected) =>
        Assert.Equal(expected, SentenceCompressor.Compress(sentence));

    [Theory]
    [InlineData("NATO allies met in Brussels on Tuesday to discuss air defence.")]
    [InlineData("US-China talks - the first in a year - ended without a deal in Geneva.")]
    [InlineData("Still waters run deep in the reservoir, engineers found in a survey of the dam.")]
    [InlineData("The bill passed 52-48, a margin which surprised few in the chamber.")]
    public void Keeps_what_only_looks_like_an_aside(string sentence) =>
        Assert.Equal(sentence, SentenceCompressor.Compress(sentence));

    [Fact]
    public void Never_adds_words_and_keeps_a_sentence_whole_when_too_much_would_go()
    {
        const string sentence = "Meanwhile, prices rose, which analysts had long predicted would happen after the summer.";
        var compressed = SentenceCompressor.Compress(sentence);
        Assert.All(Tokens.Words(compressed), w => Assert.Contains(w, sentence, StringComparison.OrdinalIgnoreCase));
        Assert.True(Tokens.Words(compressed).Count() >= 5);
    }
}
