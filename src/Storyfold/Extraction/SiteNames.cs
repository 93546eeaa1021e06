using System.Globalization;
using System.Text;
using Storyfold.Text;

namespace Storyfold.Extraction;

/// <summary>
/// The name a site goes by, from the one it declares: og:site_name often carries a tagline after the name ("Housecall Pro
/// - The #1 all-in-one solution for your home services business.", "NoGood™: Growth Marketing Agency", "Thoughts about
/// Product Adoption | Userpilot Blog"), and the article's source is the name alone.
/// </summary>
internal static class SiteNames
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
        foreach (var part in parts)
        {
            var letters = WithoutThe(Squash(part));
            var initials = Initials(part);
            if (letters.Length >= 3 && labels.Any(label => Names(letters, label) || initials == label))
            {
                return part.Trim('"', '\'', '“', '”', '|', '-', ' ');
            }
        }

        return declared;
    }

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

    /// <summary>Letters and digits only, lower case, without accents ("Hommés Studio": "hommesstudio"), to compare names.</summary>
    internal static string Squash(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                result.Append(char.ToLowerInvariant(c));
            }
        }

        return result.ToString();
    }
}
