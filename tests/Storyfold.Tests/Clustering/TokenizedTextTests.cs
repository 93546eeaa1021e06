using System.Text;
using Storyfold.Clustering;

namespace Storyfold.Tests.Clustering;

/// <summary>
/// The tokenizer reads plain ASCII words on a fast path and everything else the general way: both must give exactly the
/// tokens of the plain reading (kept here as <see cref="PlainReading"/>, the tokenizer as it was before the fast path).
/// </summary>
public sealed class TokenizedTextTests
{
    [Theory]
    [InlineData("Officials said Carolina Toha visited the damaged school. \"We are working,\" she said: it's IT'S done.")]
    [InlineData("Talca\u2019s mayor, O'Neil's office and the dogs' e-mail -x re-insurers' Z\u00fcrich-based S\u00e3o Paulo \u0130stanbul caf\u00e9 e\u0301t\u00e9")]
    [InlineData("40,000 homes, 3.5 billion, 1,2,3 and 2010. 12th March 5th, Sept. 9, 2010: 1.000,5 ,5 5, .5")]
    [InlineData("飓风菲奥娜9月22日袭击波多黎各。居民说：停电！中国人在现场吗？２０２２年９月１８日 ٣ 3月5日")]
    [InlineData("Hurricane Fiona (飓风菲奥娜) hit Puerto Rico; NASDAQ-LISTED \uFB01nance ABC\u4E2D\u6587def x'\u4E2D y\u2019\u4E2D")]
    [InlineData("\U0001D400\U0001D401 word \uD835 lone surrogate, MIXEDcase mIxEd 'quoted' \u201COpen\u201D \u3002Next")]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("'s s' -a a- 1, 1. A's")]
    public void Reads_the_tokens_the_plain_reading_reads(string text)
    {
        AssertSameTokens(text);
    }

    [Fact]
    public void Reads_the_tokens_the_plain_reading_reads_on_random_mixes_of_scripts_and_punctuation()
    {
        const string Alphabet = "aZz09 .,'-!?:\"\n\u2019\u201C\u00e9\u00dc\u0130\u4E2D\u6587\u3002\uFF01\uFF1F\uFF12\u0663\u0301\uD835\uDC00s'S";
        var random = new Random(11);
        for (var sample = 0; sample < 2000; sample++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 40);
            for (var i = 0; i < length; i++)
            {
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            AssertSameTokens(text.ToString());
        }
    }

    [Fact]
    public void Words_carry_their_hashes_and_whether_they_are_stop_words_or_months()
    {
        var text = TokenizedText.Of("The Senate met in Sept. and may vote on May 5.");

        var tokens = text.Tokens.ToArray();
        Assert.Equal(["the", "senate", "met", "in", "sept", "and", "may", "vote", "on", "may", "5"], tokens.Select(t => text.Normal(t).ToString()));
        Assert.True(tokens[0].IsStopWord);
        Assert.False(tokens[1].IsStopWord);
        Assert.Equal(9, tokens[4].Month);
        Assert.Equal(5, tokens[6].Month);
        Assert.True(tokens[6].IsStopWord);
        Assert.Equal(0, tokens[1].Month);
        Assert.Equal(ArticleFeaturizer.Hash("senate", ArticleFeaturizer.WordKind), tokens[1].WordHash);
        Assert.Equal(ArticleFeaturizer.Hash("senate", ArticleFeaturizer.NameKind), tokens[1].NameHash);
        Assert.Equal(0UL, tokens[2].NameHash);
        Assert.Equal(ArticleFeaturizer.Hash("5", ArticleFeaturizer.WordKind), tokens[10].WordHash);
    }

    [Fact]
    public void A_reused_tokenizer_forgets_the_previous_text()
    {
        var text = TokenizedText.Of(string.Concat(Enumerable.Repeat("Long words and 1,000 more. ", 5000)));

        text.Read("Short 中文 text");

        Assert.Equal(["short", "中文", "text"], text.Tokens.ToArray().Select(t => text.Normal(t).ToString()));
        Assert.Equal(2, text.HanCharacters);
    }

    private static void AssertSameTokens(string text)
    {
        var expected = PlainReading(text);
        var read = TokenizedText.Of(text);
        var actual = read.Tokens.ToArray()
            .Select(t => (t.Start, t.Length, read.Normal(t).ToString(), t.Kind, t.Capitalised, t.SentenceStart))
            .ToList();

        Assert.Equal(expected, actual);
        Assert.Equal(text.Count(ArticleFeaturizer.IsHan), read.HanCharacters);
        foreach (var token in read.Tokens)
        {
            var normal = read.Normal(token).ToString();
            if (token.Kind != TokenKind.Han)
            {
                Assert.Equal(ArticleFeaturizer.Hash(normal, ArticleFeaturizer.WordKind), token.WordHash);
            }

            if (token.Kind == TokenKind.Word)
            {
                Assert.Equal(ArticleFeaturizer.StopWords.Contains(normal), token.IsStopWord);
                Assert.Equal(ArticleFeaturizer.MonthNumbers.GetValueOrDefault(normal), token.Month);
                Assert.Equal(token.Capitalised ? ArticleFeaturizer.Hash(normal, ArticleFeaturizer.NameKind) : 0, token.NameHash);
            }
        }
    }

    /// <summary>The plain reading: character by character with the general Unicode tests, words lower-cased by the culture.</summary>
    private static List<(int Start, int Length, string Normal, TokenKind Kind, bool Capitalised, bool SentenceStart)> PlainReading(string text)
    {
        var tokens = new List<(int, int, string, TokenKind, bool, bool)>();
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var start = i;
            if (ArticleFeaturizer.IsHan(c))
            {
                while (i < text.Length && ArticleFeaturizer.IsHan(text[i]))
                {
                    i++;
                }

                tokens.Add((start, i - start, text[start..i], TokenKind.Han, false, sentenceStart));
                sentenceStart = false;
                continue;
            }

            if (char.IsDigit(c))
            {
                while (i < text.Length && (char.IsDigit(text[i]) ||
                       ((text[i] == ',' || text[i] == '.') && i + 1 < text.Length && char.IsDigit(text[i + 1]) && i > start)))
                {
                    i++;
                }

                tokens.Add((start, i - start, text[start..i].Replace(",", "", StringComparison.Ordinal), TokenKind.Number, false, sentenceStart));
                sentenceStart = false;
                continue;
            }

            if (char.IsLetter(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) ||
                       ((text[i] == '\'' || text[i] == '\u2019' || text[i] == '-') && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    if (ArticleFeaturizer.IsHan(text[i]))
                    {
                        break;
                    }

                    i++;
                }

                tokens.Add((start, i - start, ArticleFeaturizer.Normalise(text[start..i]), TokenKind.Word, char.IsUpper(c), sentenceStart));
                sentenceStart = false;
                continue;
            }

            if (c is '.' or '!' or '?' or '\n' or '"' or '\u201C' or ':' or '\u3002' or '\uFF01' or '\uFF1F')
            {
                sentenceStart = true;
            }

            i++;
        }

        return tokens;
    }
}
