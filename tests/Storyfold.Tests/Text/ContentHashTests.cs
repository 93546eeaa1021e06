using System.Security.Cryptography;
using System.Text;
using Storyfold.Text;

namespace Storyfold.Tests.Text;

public sealed class ContentHashTests
{
    [Fact]
    public void Ignores_case_and_whitespace_differences()
    {
        Assert.Equal(ContentHash.Of("The quay  closed.\n\nNobody was hurt."), ContentHash.Of("  the QUAY closed. Nobody\twas hurt.  "));
        Assert.NotEqual(ContentHash.Of("The quay closed."), ContentHash.Of("The quay reopened."));
        Assert.Equal(32, ContentHash.Of("x").Length);
    }

    [Theory]
    [InlineData(1021)]
    [InlineData(1022)]
    [InlineData(1023)]
    [InlineData(5000)]
    public void Long_texts_hash_as_the_whole_normalised_text_even_with_astral_characters_at_a_chunk_edge(int prefix)
    {
        var text = new string('a', prefix) + "🌊 Storm  " + string.Concat(Enumerable.Repeat("Ωx 😀\n", 700));
        Assert.Equal(Reference(text), ContentHash.Of(text));
    }

    /// <summary>The definition, written the slow and obvious way.</summary>
    private static string Reference(string text)
    {
        var normalised = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised))[..16]);
    }
}
