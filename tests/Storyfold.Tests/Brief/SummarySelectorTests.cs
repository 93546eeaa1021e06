using Storyfold.Brief;

namespace Storyfold.Tests.Brief;

public sealed class SummarySelectorTests
{
    [Theory]
    [InlineData("He said the talks would resume.", true)]
    [InlineData("But the plan was dropped.", true)]
    [InlineData("In that Category 5 storm, 3,000 people died.", true)]
    [InlineData("After those talks, both sides claimed progress.", true)]
    [InlineData("Hurricane Fiona strengthened on Wednesday.", false)]
    [InlineData("In Thatcham, residents cleared the flood damage.", false)]
    [InlineData("It comes as prices rise.", false)]
    public void Knows_a_sentence_that_leans_on_the_one_before(string sentence, bool dangling) =>
        Assert.Equal(dangling, SummarySelector.Dangling(sentence));
}
