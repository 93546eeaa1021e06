using Storyfold.Text;

namespace Storyfold.Tests.Text;

public sealed class AsciiCaseTests
{
    [Theory]
    [InlineData("post-Author__name", "author", 5)]
    [InlineData("AUTHOR", "author", 0)]
    [InlineData("auth authority author", "author", 5)]
    [InlineData("display :none; DISPLAY:NONE", "display:none", 15)]
    [InlineData("aaauthor", "author", 2)]
    [InlineData("autho", "author", -1)]
    [InlineData("", "author", -1)]
    [InlineData("co-authored", "author", 3)]
    [InlineData("écrit par l’auteur", "auteur", 12)]
    [InlineData("ÄUTHOR", "author", -1)]
    public void Finds_an_ascii_word_in_either_case_where_ordinal_ignore_case_finds_it(string text, string word, int at)
    {
        Assert.Equal(at, AsciiCase.IndexOf(text, word));
        Assert.Equal(text.IndexOf(word, StringComparison.OrdinalIgnoreCase), AsciiCase.IndexOf(text, word));
        Assert.Equal(at >= 0, AsciiCase.Contains(text, word));
    }
}
