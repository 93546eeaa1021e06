using System.Security.Cryptography;
using System.Text;

namespace Storyfold.Text;

/// <summary>Hash of an article's cleaned text, insensitive to case and whitespace, so re-pasted copies are recognised.</summary>
public static class ContentHash
{
    public static string Of(string text)
    {
        var normalised = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = normalised.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                normalised.Append(' ');
                pendingSpace = false;
            }

            normalised.Append(char.ToLowerInvariant(c));
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalised.ToString()), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
