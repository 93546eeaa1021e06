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
    [InlineData("The man died on Monday when a tree fell on his car.", true)]
    [InlineData("The victims were named by police on Tuesday.", true)]
    [InlineData("The move comes after weeks of protests.", true)]
    [InlineData("The mandate of the mission ends in May.", false)]
    [InlineData("Theresa May met the leaders in Brussels.", false)]
    public void Knows_a_sentence_that_leans_on_the_one_before(string sentence, bool dangling) =>
        Assert.Equal(dangling, SummarySelector.Dangling(sentence));
}
