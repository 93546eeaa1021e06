using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Storyfold.Extraction;

/// <summary>
/// Finds the article's authors: JSON-LD, meta tags, microdata author elements, a visible "By ..." line (or a "Written by"
/// label over a name) near the start, else the first element the markup classes as an author or byline that reads as a name.
/// </summary>
internal static partial class Bylines
{
    public static IReadOnlyList<string> Authors(PageMeta meta, StructuredData structured, IHtmlDocument document, PageBlocks page, int firstBlock, string? siteName = null)
    {
        // The first source that names people wins. One that names only the site itself ("Cleveland Clinic" on
        // clevelandclinic.org) gives way to a later one that names a person, and is kept when none does; placeholders
        // (a numeric id, "undefined") name nobody and are dropped.
        IReadOnlyList<string>? fallback = null;
        foreach (var source in Sources(meta, structured, document, page, firstBlock))
        {
            var names = source.Where(name => !IsPlaceholder(name)).ToList();
            if (names.Count == 0)
            {
                continue;
            }

            if (siteName is null || !names.All(name => NamesSite(name, siteName)))
            {
                return names;
            }

            fallback ??= names;
        }

        return fallback ?? [];
    }

    /// <summary>The authors each source gives, in the order they are trusted.</summary>
    private static IEnumerable<IReadOnlyList<string>> Sources(PageMeta meta, StructuredData structured, IHtmlDocument document, PageBlocks page, int firstBlock)
    {
        if (structured.Authors.Count > 0)
        {
            yield return Clean(structured.Authors);
        }

        foreach (var key in (string[])["author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author", "citation_author", "twitter:creator"])
        {
            var value = meta.Get(key);
            if (value is not null && !value.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !value.StartsWith('@'))
            {
                // Scholarly metadata writes one author a tag, family name first ("Roy, Aniruddha").
                yield return key == "citation_author" && FamilyFirst().Match(PageExtractor.Normalise(value)) is { Success: true } turned
                    ? Clean([$"{turned.Groups["given"].Value} {turned.Groups["family"].Value}"])
                    : Clean(Split(value));
            }
        }

        // Yoast's reading-time card for Twitter: twitter:label1 "Written by", twitter:data1 the name.
        for (var n = 1; n <= 4; n++)
        {
            if (meta.Get($"twitter:label{n}") is { } label && BylineLabel().IsMatch(label) && meta.Get($"twitter:data{n}") is { } writer)
            {
                yield return Clean(Split(writer));
            }
        }

        if (meta.AuthorElements.Count > 0)
        {
            yield return Clean(meta.AuthorElements.SelectMany(Split));
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
                // The date often follows the name on the byline ("By Sofia Gonzalez December 3, 2025", "by BeauHD on Friday").
                yield return Clean(Split(TrailingDateWords().Replace(match.Groups["names"].Value, "")));
            }

            // A label on a line of its own ("Written by", "Author") over the name on the next one.
            if (BylineLabel().IsMatch(block.Text) && i + 1 < page.Blocks.Count && PersonName(page.Blocks[i + 1].Text) is { } named)
            {
                yield return [named];
            }
        }

        yield return AuthorClassed(document);
    }

    /// <summary>
    /// A value that names nobody: a numeric account id, a template's empty placeholder ("undefined", "null") or the
    /// default account of a blog engine ("admin"). A user handle ("aawoods", "sara.r.peter") is the name the site shows
    /// for its writer and is kept.
    /// </summary>
    private static bool IsPlaceholder(string name) =>
        !name.Any(char.IsLetter) || name.ToLowerInvariant() is "undefined" or "null" or "admin";

    /// <summary>True when the name is the site's, or holds it ("Help Net Security Sponsored"), whatever the case and spacing.</summary>
    private static bool NamesSite(string name, string siteName)
    {
        static string Squash(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
        return Squash(siteName) is { Length: > 0 } site && Squash(name).Contains(site, StringComparison.Ordinal);
    }

    /// <summary>
    /// The first element the page's markup calls an author or byline (<c>class="author-name"</c>, <c>"post-author"</c>,
    /// <c>"c-byline__author"</c>) whose text reads as a person's name, outside comment threads: templates mark the
    /// byline so without saying it in microdata.
    /// </summary>
    private static IReadOnlyList<string> AuthorClassed(IHtmlDocument document)
    {
        foreach (var element in document.QuerySelectorAll("[class*=author i], [class*=byline i]"))
        {
            if (element.Closest("[class*=comment i], [id*=comment i]") is not null)
            {
                continue;
            }

            if (PersonName(FirstLine(element)) is { } name)
            {
                return [name];
            }
        }

        return [];
    }

    /// <summary>
    /// The text as a person's name when it reads as one: two to five words, each capitalised (or a particle: "de",
    /// "van"), letters and name punctuation only, after an optional "By"; null for anything else ("Read more", a bio).
    /// </summary>
    internal static string? PersonName(string text)
    {
        var name = LeadingBy().Replace(PageExtractor.Normalise(text), "").Trim(' ', ',', '|', '-', '·', ':');
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (name.Length > 50 || words.Length is < 2 or > 5 || !NameWords().IsMatch(name) ||
            words.Any(w => NotNames.Contains(w.ToLowerInvariant())))
        {
            return null;
        }

        return words.All(w => char.IsUpper(w[0]) || Particles.Contains(w)) && char.IsUpper(words[0][0]) ? name : null;
    }

    /// <summary>
    /// The element's first line of text: an author box sets the name over a role or a bio on lines of their own
    /// ("Rachel MacDonald" / "Writer"), and only the first is the name.
    /// </summary>
    private static string FirstLine(IElement element)
    {
        var line = new System.Text.StringBuilder();
        IElement? owner = null;
        foreach (var text in element.Descendants<IText>())
        {
            if (string.IsNullOrWhiteSpace(text.Data))
            {
                continue;
            }

            var lineOf = LineOf(text, element);
            if (owner is not null && lineOf != owner)
            {
                break;
            }

            owner = lineOf;
            line.Append(text.Data).Append(' ');
        }

        return line.ToString();
    }

    /// <summary>The nearest element at or under <paramref name="root"/> that sets a node on a line of its own.</summary>
    private static IElement LineOf(INode node, IElement root)
    {
        for (var parent = node.ParentElement; parent is not null && parent != root; parent = parent.ParentElement)
        {
            // The page's own block elements (see PageBlocks), and a table's cells, which set a byline's parts side by side.
            if (PageBlocks.BlockTags.Contains(parent.LocalName) || parent.LocalName is "td" or "th")
            {
                return parent;
            }
        }

        return root;
    }

    /// <summary>Words a name never holds but the labels, links and roles around a byline do.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "more", "about", "view", "posts", "articles", "read", "follow", "share", "comments", "contact", "subscribe", "all",
        "author", "authors", "written", "by", "profile", "bio", "latest", "recent", "related", "our", "the", "and", "of",
        "for", "with", "in", "on", "to", "your", "my", "this", "min", "updated", "published", "posted", "reviewed", "edited",
        "writer", "editor", "contributor", "reporter", "correspondent", "columnist",
    };

    /// <summary>Lower-case particles in names ("Ludwig van Beethoven", "Ana de Armas").</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "de", "van", "von", "der", "den", "da", "di", "la", "le", "du", "bin", "al", "dos", "del" };

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

    [GeneratedRegex(@"^\s*(?:(?:written|posted|words|story|article|text|reported)\s+)?by:?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingBy();

    [GeneratedRegex(@"^\W*(?:(?:written|posted|words|story|article|text|reported) by|by|authors?|author\(s\)|about the author)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex BylineLabel();

    [GeneratedRegex(@"^[\p{L}.'’ -]+$")]
    private static partial Regex NameWords();

    // Date words after the names, the lower-case "on"/"at" only ("Audiophile On" is a name).
    [GeneratedRegex(@"(?:\s+(?:(?-i:on|at)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?,?)+$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingDateWords();

    [GeneratedRegex(@"^(?<family>\p{Lu}[\p{L}'’-]+),\s*(?<given>\p{Lu}[\p{L}.'’ -]*)$")]
    private static partial Regex FamilyFirst();

    [GeneratedRegex(@"\s*(?:,\s*and\s+|,|\band\b|&|;)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SplitPattern();

    [GeneratedRegex(@"^(?:(?:written|posted|words|story|article|text|reported)\s+)?by:?\s+(?<names>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}){0,3})", RegexOptions.IgnoreCase)]
    private static partial Regex ByLine();
}
