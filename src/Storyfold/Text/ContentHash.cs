using System.Security.Cryptography;
using System.Text;

namespace Storyfold.Text;

/// <summary>Hash of an article's cleaned text, insensitive to case and whitespace, so re-pasted copies are recognised.</summary>
public static class ContentHash
{
    private const int ChunkChars = 1024;

    /// <summary>
    /// SHA-256 (first 16 bytes, hex) of the text lower-cased with whitespace runs collapsed to one space.
    /// Streams the normalised text through the hash in chunks, so no normalised copy of a long article is made.
    /// </summary>
    public static string Of(string text)
    {
        // One hasher a thread, reset by each digest: creating one per article was a quarter of the cost of hashing.
        var hash = t_hash ?? IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        t_hash = null;
        var digest = Digest(hash, text);
        t_hash = hash;
        return digest;
    }

    [ThreadStatic]
    private static IncrementalHash? t_hash;

    private static string Digest(IncrementalHash hash, string text)
    {
        Span<char> chunk = stackalloc char[ChunkChars];
        Span<byte> bytes = stackalloc byte[ChunkChars * 3];
        var length = 0;
        var pendingSpace = false;
        var started = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = started;
                continue;
            }

            // Flush before the chunk fills, never between the halves of a surrogate pair.
            if (length >= ChunkChars - 2 && !char.IsHighSurrogate(chunk[length - 1]))
            {
                hash.AppendData(bytes[..Encoding.UTF8.GetBytes(chunk[..length], bytes)]);
                length = 0;
            }

            if (pendingSpace)
            {
                chunk[length++] = ' ';
                pendingSpace = false;
            }

            chunk[length++] = char.ToLowerInvariant(c);
            started = true;
        }

        hash.AppendData(bytes[..Encoding.UTF8.GetBytes(chunk[..length], bytes)]);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest[..16]);
    }
}
