using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace Storyfold.Extraction;

/// <summary>Finds the article's authors: JSON-LD, meta tags, author elements, else a visible "By ..." line near the start.</summary>
internal static partial class Bylines
{
    public static IReadOnlyList<string> Authors(PageMeta meta, StructuredData structured, IHtmlDocument document, PageBlocks page, int firstBlock)
    {
        _ = document;
        if (structured.Authors.Count > 0)
        {
            return Clean(structured.Authors);
        }

        foreach (var key in (string[])["author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author", "citation_author", "twitter:creator"])
        {
            var value = meta.Get(key);
            if (value is not null && !value.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !value.StartsWith('@'))
            {
                return Clean(Split(value));
            }
        }

        if (meta.AuthorElements.Count > 0)
        {
            var names = Clean(meta.AuthorElements.SelectMany(Split));
            if (names.Count > 0)
            {
                return names;
            }
        }

        var from = Math.Max(0, firstBlock - 12);
        var to = Math.Min(page.Blocks.Count, firstBlock + 4);
        for (var i = from; i < to; i++)
        {
            var block = page.Blocks[i];
            if (block.Words > 20)
            {
                continue;
            }

            var match = ByLine().Match(block.Text);
            if (match.Success)
            {
                return Clean(Split(match.Groups["names"].Value));
            }
        }

        return [];
    }

    private static IEnumerable<string> Split(string names) =>
        SplitPattern().Split(PageExtractor.Normalise(names));

    private static List<string> Clean(IEnumerable<string> names)
    {
        var result = new List<string>();
        foreach (var raw in names)
        {
            var name = LeadingBy().Replace(PageExtractor.Normalise(raw), "").Trim(' ', ',', '|', '-', '·');
            if (name.Length is < 2 or > 80 || name.StartsWith("http", StringComparison.OrdinalIgnoreCase) ||
                result.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            result.Add(name);
        }

        return result;
    }

    [GeneratedRegex(@"^\s*by\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingBy();

    [GeneratedRegex(@"\s*(?:,\s*and\s+|,|\band\b|&|;)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SplitPattern();

    [GeneratedRegex(@"^(?:written\s+)?by\s+(?<names>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}){0,3})", RegexOptions.IgnoreCase)]
    private static partial Regex ByLine();
}
