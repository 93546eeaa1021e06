using System.Text.RegularExpressions;
using Storyfold.Tests.Support;
using Storyfold.Text;

namespace Storyfold.Tests.Text;

public sealed partial class TokensTests
{
    [Fact]
    public void Keeps_inner_apostrophes_dots_and_hyphens_but_not_trailing_ones()
    {
        Assert.Equal(
            ["The", "U.S", "and", "Xi's", "Kyiv-based", "team", "grew", "5.5", "in", "2023"],
            Tokens.Words("The U.S. and Xi's Kyiv-based team grew 5.5% in 2023."));
        Assert.Equal(["a", "b", "c’d"], Tokens.Words("a--b 'c’d'"));
        Assert.Equal(["习近平", "Lukashenko"], Tokens.Words("习近平 — Lukashenko!"));
        Assert.Empty(Tokens.Words(" -- ... "));
    }

    [Fact]
    public void Content_terms_are_stemmed_lower_case_and_without_stop_words()
    {
        Assert.Equal(["xi", "talk", "leader"], Tokens.ContentTerms("Xi's talks with the leaders"));
    }

    // The scanner replaced the pattern below; random text over the characters that matter must split the same way.
    [Fact]
    public void Splits_exactly_as_the_word_pattern_on_random_text()
    {
        const string alphabet = "aZ9 .'’-—,é习²½\u0301\t";
        foreach (var s in RandomText.Over(alphabet))
        {
            Assert.Equal(WordPattern().Matches(s).Select(m => m.Value), Tokens.Words(s));
        }
    }

    [Fact]
    public void Runs_split_at_every_character_that_is_not_a_letter_or_digit()
    {
        Assert.Equal(["The", "U", "S", "and", "Xi", "s", "Kyiv", "based", "5", "5", "2023"], Tokens.Runs("The U.S. and Xi's Kyiv-based 5.5% 2023."));
        Assert.Equal(["习近平", "Lukashenko"], Tokens.Runs("习近平 — Lukashenko!"));
        Assert.Empty(Tokens.Runs(" -- ... "));
        Assert.Empty(Tokens.Runs(""));
        foreach (var s in RandomText.Over("aZ9 .'’-—,é习²½\u0301\t"))
        {
            Assert.Equal(RunPattern().Matches(s).Select(m => m.Value), Tokens.Runs(s));
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex RunPattern();
}
