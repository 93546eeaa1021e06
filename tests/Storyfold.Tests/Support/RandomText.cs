using System.Text;

namespace Storyfold.Tests.Support;

/// <summary>Short random strings over a small alphabet, the same ones on every run (a fixed seed), for comparing a scanner with the pattern it replaced.</summary>
public static class RandomText
{
    public static IEnumerable<string> Over(string alphabet, int count = 5000, int maxLength = 30)
    {
        var random = new Random(20231123);
        for (var n = 0; n < count; n++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, maxLength);
            for (var i = 0; i < length; i++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            yield return text.ToString();
        }
    }
}
