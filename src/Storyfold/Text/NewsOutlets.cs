using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Storyfold.Text;

/// <summary>
/// Finds the outlet that signs a pasted article: the agency in a dateline (<c>BEIJING (Reuters) -</c>,
/// <c>(CNN) —</c>) or an outlet's name standing alone among the labels above the story (<c>hong kong / CNN / —</c>).
/// Known outlets come from a list we ship; an unknown name counts only in a classic dateline after a place in capitals.
/// </summary>
internal static partial class NewsOutlets
{
    private static readonly FrozenDictionary<string, string> Known = Load();

    /// <summary>The outlet's usual name when <paramref name="name"/> is one we know (case-insensitive), else null.</summary>
    public static string? Canonical(string name) => Known.GetValueOrDefault(name.Trim().TrimEnd(':', '.', ','));

    /// <summary>The outlet named by a dateline at the start of <paramref name="firstParagraph"/>, if it opens with one.</summary>
    public static string? FromDateline(string firstParagraph)
    {
        var match = AgencyDateline().Match(firstParagraph);
        if (!match.Success)
        {
            return null;
        }

        var outlet = match.Groups["outlet"].Value.Trim();
        if (Canonical(outlet) is { } known)
        {
            return known;
        }

        // "WASHINGTON (The Hill) —": a place in capitals and a short capitalised name in brackets is a signature.
        var place = match.Groups["place"].Value;
        var words = outlet.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return place.Any(char.IsLetter) && !place.Any(char.IsLower) && words.Length <= 4 && words.All(w => char.IsUpper(w[0]))
            ? outlet
            : null;
    }

    /// <summary>The first of the lines above the story that is a known outlet's name and nothing else.</summary>
    public static string? FromLabels(IEnumerable<string> lines) =>
        lines.Where(l => l.Length <= 40 && PastedTextCleaner.WordCount(l) <= 5).Select(Canonical).FirstOrDefault(o => o is not null);

    private static FrozenDictionary<string, string> Load()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var fields in ShippedList.Read("Storyfold.Text.news-outlets.txt"))
        {
            names.TryAdd(fields[0], fields[0]);
            foreach (var alias in ShippedList.Names(fields, 1))
            {
                names.TryAdd(alias, fields[0]);
            }
        }

        return names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    // An optional place (and date) in the first 60 characters, the outlet in brackets, then a dash: the wire convention.
    [GeneratedRegex(@"^(?<place>[^()\n]{0,60}?)\s*\((?<outlet>[\p{L}][\p{L}\p{N} .&'’/-]{0,38})\)\s*(?:[-—–]+|:)\s*\S")]
    private static partial Regex AgencyDateline();
}
