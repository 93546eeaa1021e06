using System.Text;

namespace Storyfold.Cli.Commands;

/// <summary>The ways a page reaches the extractor broken, for <c>bench extract --damage</c> and <c>bench damage</c>.</summary>
public enum DamageKind
{
    /// <summary>The download stopped partway: the page ends anywhere, inside a tag or a character.</summary>
    CutShort,

    /// <summary>The page starts partway: no head, perhaps inside a tag or a script.</summary>
    StartsLate,

    /// <summary>Random bytes written over the page, one in a thousand: a transmission or storage fault.</summary>
    BytesOverwritten,

    /// <summary>A run of up to 20 KB missing from the middle.</summary>
    ChunkRemoved,

    /// <summary>A run of up to 20 KB repeated up to 20 times: a bad concatenation or a retried write.</summary>
    ChunkRepeated,

    /// <summary>
    /// Markup put in at random places: unbalanced tags, comments, scripts, CDATA and raw-text elements left open,
    /// half entities, a second charset declaration, a byte-order mark, a JSON-LD block that never ends.
    /// </summary>
    StrayMarkup,
}

/// <summary>
/// Breaks pages in the ways of <see cref="DamageKind"/>, from a seed, so that a run over the same pages with the same seed
/// damages them the same way and a crash can be reproduced.
/// </summary>
public sealed class PageDamage(int seed)
{
    private const int LongestChunk = 20_000;

    private static readonly byte[][] Strays = [.. new[]
    {
        "<div>", "</div>", "<p>", "</p>", "<article>", "</article>", "<h1>", "</h1>", "<table><tr><td>", "</td>",
        "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "<template>", "<noscript>", "<textarea>",
        "<title>", "<svg><foreignObject>", "<select>", "<plaintext>", "</html>", "<body>", "&#", "&amp", "\"", "'", "<", ">",
        "<meta charset=\"utf-16\">", "\uFEFF", "<base href=\"::\">", "<time datetime=\"", "<a href=\"javascript:",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":",
    }.Select(Encoding.UTF8.GetBytes)];

    private static readonly DamageKind[] Kinds = Enum.GetValues<DamageKind>();

    private readonly Random _random = new(seed);

    /// <summary>The page damaged one way, chosen at random among <see cref="DamageKind"/>; the input is not changed.</summary>
    public (DamageKind Kind, byte[] Page) Apply(byte[] page)
    {
        var kind = Kinds[_random.Next(Kinds.Length)];
        return (kind, Apply(page, kind));
    }

    /// <summary>The page damaged the given way; the input is not changed.</summary>
    public byte[] Apply(byte[] page, DamageKind kind)
    {
        if (page.Length == 0)
        {
            return [];
        }

        switch (kind)
        {
            case DamageKind.CutShort:
                return page[.._random.Next(page.Length)];
            case DamageKind.StartsLate:
                return page[_random.Next(page.Length)..];
            case DamageKind.BytesOverwritten:
                var overwritten = (byte[])page.Clone();
                for (var i = 0; i < Math.Max(1, page.Length / 1000); i++)
                {
                    overwritten[_random.Next(page.Length)] = (byte)_random.Next(256);
                }

                return overwritten;
            case DamageKind.ChunkRemoved:
            {
                var (start, end) = Chunk(page.Length);
                return [.. page[..start], .. page[end..]];
            }

            case DamageKind.ChunkRepeated:
            {
                var (start, end) = Chunk(page.Length);
                var repeated = new List<byte>(page.Length + (20 * (end - start)));
                repeated.AddRange(page.AsSpan(0, end));
                for (var i = _random.Next(1, 21); i > 0; i--)
                {
                    repeated.AddRange(page.AsSpan(start, end - start));
                }

                repeated.AddRange(page.AsSpan(end));
                return [.. repeated];
            }

            default:
                var places = Enumerable.Range(0, 50).Select(_ => _random.Next(page.Length + 1)).Order().ToArray();
                var marked = new List<byte>(page.Length + 2000);
                var from = 0;
                foreach (var at in places)
                {
                    marked.AddRange(page.AsSpan(from, at - from));
                    marked.AddRange(Strays[_random.Next(Strays.Length)]);
                    from = at;
                }

                marked.AddRange(page.AsSpan(from));
                return [.. marked];
        }
    }

    private (int Start, int End) Chunk(int length)
    {
        var start = _random.Next(length);
        return (start, Math.Min(length, start + _random.Next(1, LongestChunk + 1)));
    }
}
