using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Storyfold.Text;

namespace Storyfold.Extraction;

/// <summary>
/// The name a site goes by, from the one it declares: og:site_name often carries a tagline after the name ("Housecall Pro
/// - The #1 all-in-one solution for your home services business.", "NoGood™: Growth Marketing Agency", "Thoughts about
/// Product Adoption | Userpilot Blog"), and the article's source is the name alone.
/// </summary>
internal static partial class SiteNames
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " • ", " · ", ": "];

    /// <summary>
    /// The part of <paramref name="declared"/> that names the site the page is on: of the parts between separators, the
    /// first whose letters begin the host's name or are begun by it ("Userpilot Blog" on userpilot.com, "The Columbia
    /// Star" on thecolumbiastar.com, "Mark Denney" on markdenneyphotography.com), or are its initials ("National Cyber
    /// Security Centre" on ncsc.gov.uk). The declared name as it is when it has no separator, the page has no address or
    /// no part matches ("Wirecutter: Reviews for the Real World" on nytimes.com): a tagline is told from a name only by
    /// the address.
    /// </summary>
    public static string Named(string declared, string? url)
    {
        var parts = declared.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if ((parts.Length < 2 && !EndsInSeparator(declared)) || ArticleCleaner.WebHost(url) is not { } host)
        {
            return declared;
        }

        var labels = HostLabels(host);
        return parts.FirstOrDefault(part => NamesHost(part, labels)) is { } name ? Bare(name) : declared;
    }

    /// <summary>
    /// The site's name from the title element, for a page that declares none: what the title element adds to the headline
    /// before or after a separator ("Go ahead, self-host Postgres | Pierce Freeman", "Garnix Blog: Hardware-Attested Nix
    /// Builds"). With an address, only a part that names its host, as in <see cref="Named"/>: the host is the name
    /// otherwise. Without one, only a host name ("Newegg.com") or a part that the page shows as well (its link home, its
    /// copyright line) or gives its feed as title: what a title element adds can also be the kind of page ("... Rankings
    /// - Infographic"). Null when the title element is the headline alone or adds more than a name.
    /// </summary>
    public static string? FromTitle(string? titleElement, string headline, string? url, PageBlocks page, IDocument document)
    {
        if (string.IsNullOrWhiteSpace(titleElement))
        {
            return null;
        }

        var title = PageExtractor.Normalise(titleElement);
        if (TitleFinder.CjkSiteName(title) is { } outlet)
        {
            // A Chinese portal names itself after its channels, unspaced ("标题_新闻中心_新浪网"); the host's letters never
            // spell it, and its form (an outlet's ending) says it is a name, not a tagline.
            return outlet;
        }

        if (TitleFinder.AffixAround(title, headline) is not { } affix)
        {
            // A section before the site's name ("... | Internacional | EL PAÍS", "... - Politik - SZ.de"): with an
            // address, the part that names its host.
            return ArticleCleaner.WebHost(url) is { } sectionedHost && AffixParts(title, headline) is { } parts &&
                   parts.FirstOrDefault(part => NamesHost(part, HostLabels(sectionedHost))) is { } named
                ? Bare(named)
                : null;
        }

        if (!affix.Any(char.IsLetter))
        {
            return null;
        }

        var name = Bare(affix);
        return ArticleCleaner.WebHost(url) is { } host
            ? NamesHost(name, HostLabels(host)) ? name : null
            : TitleFinder.IsDomainName(name) || (!SectionNames.Contains(name) && ShownOrFeed(name, page, document)) ? name : null;
    }

    /// <summary>
    /// The parts, between separators, of what the title element adds after the headline or before it; null when it does
    /// not open or end with the headline and a separator.
    /// </summary>
    private static string[]? AffixParts(string title, string headline)
    {
        if (headline.Length == 0 || title.Length <= headline.Length)
        {
            return null;
        }

        var rest = title.StartsWith(headline, StringComparison.Ordinal) ? title[headline.Length..]
            : title.EndsWith(headline, StringComparison.Ordinal) ? title[..^headline.Length]
            : null;
        return rest is not null && Separators.Any(separator => rest.StartsWith(separator, StringComparison.Ordinal) || rest.EndsWith(separator, StringComparison.Ordinal))
            ? rest.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
    }

    /// <summary>The section of a site that a title element can name after the headline ("... | Blog"), and no site's name.</summary>
    private static readonly HashSet<string> SectionNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Blog", "News", "Home", "Articles", "Article", "Resources", "Insights", "Stories", "Posts", "Updates", "Guides", "Press", "Media", "Podcast", "Video", "Videos",
    };

    /// <summary>
    /// True when the page shows the name on a line of its own or in its copyright line, or it is in the title of a feed
    /// the page links to or the text of its link home (the masthead, which pages often set in a header that is not read
    /// as text). A line that only mentions it (a menu's "Blog", an article's "News") does not count.
    /// </summary>
    private static bool ShownOrFeed(string name, PageBlocks page, IDocument document) =>
        page.Blocks.Any(block => block.Text.Trim() == name || (block.Text.Contains(name, StringComparison.Ordinal) && Copyright().IsMatch(block.Text))) ||
        document.QuerySelectorAll("link[rel~=alternate][title]").Any(link => link.GetAttribute("title")!.Contains(name, StringComparison.Ordinal)) ||
        document.QuerySelectorAll("a[href]").Any(link => IsHomeLink(link.GetAttribute("href")!) && link.TextContent.Contains(name, StringComparison.Ordinal));

    /// <summary>A link to a site's front page: "/", "./" or an address with no path ("https://example.com/").</summary>
    private static bool IsHomeLink(string href) =>
        href is "/" or "./" ||
        (Uri.TryCreate(href, UriKind.Absolute, out var address) && address.Scheme is "http" or "https" && address.AbsolutePath == "/" && address.Query.Length == 0);

    /// <summary>True when the part's letters begin one of the host's labels or are begun by it, or are its initials.</summary>
    private static bool NamesHost(string part, List<string> labels)
    {
        var letters = WithoutThe(Squash(part));
        var initials = Initials(part);
        return letters.Length >= 3 && labels.Any(label => Names(letters, label) || initials == label);
    }

    [GeneratedRegex(@"©|\(c\)|&copy;|\bcopyright\b|版权所有|版權所有", RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();

    private static string Bare(string part) => part.Trim('"', '\'', '“', '”', '|', '-', ' ');

    private static bool EndsInSeparator(string text) => Separators.Any(s => text.EndsWith(s.TrimEnd(), StringComparison.Ordinal));

    /// <summary>
    /// True when the part's letters and the host label's begin one another: the name is the label, a longer form of it
    /// ("aidocalwaysonai" for aidoc), or most of it ("markdenney" for markdenneyphotography); a word or two at the start
    /// of a longer label ("tech" for techcrunch) is not.
    /// </summary>
    private static bool Names(string letters, string label) =>
        letters.StartsWith(label, StringComparison.Ordinal) ||
        (label.StartsWith(letters, StringComparison.Ordinal) && letters.Length >= 5 && letters.Length * 2 >= label.Length);

    /// <summary>The labels of the host that can hold a name: without "www", the top-level domain and a second-level one such as "co" or "gov".</summary>
    private static List<string> HostLabels(string host)
    {
        var labels = host.Split('.').ToList();
        if (labels.Count > 1)
        {
            labels.RemoveAt(labels.Count - 1);
        }

        if (labels.Count > 1 && labels[^1] is "co" or "com" or "org" or "net" or "gov" or "ac" or "edu")
        {
            labels.RemoveAt(labels.Count - 1);
        }

        return labels.Select(label => WithoutThe(Squash(label))).Where(label => label.Length >= 3).ToList();
    }

    /// <summary>The first letters of a name of two or more words, lower case ("National Cyber Security Centre": "ncsc").</summary>
    private static string? Initials(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length < 2 ? null : new string([.. words.Where(w => char.IsLetter(w[0])).Select(w => char.ToLowerInvariant(w[0]))]);
    }

    private static string WithoutThe(string letters) => letters.StartsWith("the", StringComparison.Ordinal) && letters.Length > 6 ? letters[3..] : letters;

    /// <summary>Letters and digits only, lower case, without accents ("Hommés Studio": "hommesstudio", "Łódzka": "lodzka"), to compare names.</summary>
    internal static string Squash(string text)
    {
        // Without ICU, string.Normalize cannot take accents off; the Latin letters' table does. Letters with no plain base
        // letter are written as host names write them ("Łódzka": lodzka, "Ærø": aero).
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                _ = LatinLetters.Fold(c) switch
                {
                    'ł' => result.Append('l'),
                    'ø' => result.Append('o'),
                    'đ' or 'ð' => result.Append('d'),
                    'ħ' => result.Append('h'),
                    'ŧ' => result.Append('t'),
                    'ı' => result.Append('i'),
                    'æ' => result.Append("ae"),
                    'œ' => result.Append("oe"),
                    'ß' => result.Append("ss"),
                    'þ' => result.Append("th"),
                    var folded => result.Append(folded),
                };
            }
        }

        return result.ToString();
    }
}
