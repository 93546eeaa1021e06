namespace Storyfold.Brief;

/// <summary>
/// Which claims a reader sees first when a story has many (a hundred articles give hundreds of facts only one source
/// reports): the first few of each source in the brief's order, up to a limit; the rest fold away, still there.
/// </summary>
public static class ClaimDigest
{
    /// <summary>Claims shown in full when a list is long.</summary>
    public const int Shown = 12;

    /// <summary>Facts only one source reports, shown a source before the rest fold away.</summary>
    public const int UniquePerSource = 2;

    /// <summary>
    /// Splits <paramref name="claims"/> into those shown and those folded: all are shown when they fit; otherwise at
    /// most <paramref name="perSource"/> a source (by the first source cited), and <see cref="Shown"/> in all.
    /// </summary>
    public static (IReadOnlyList<CitedText> Shown, IReadOnlyList<CitedText> Folded) Split(IReadOnlyList<CitedText> claims, int perSource)
    {
        if (claims.Count <= Shown)
        {
            return (claims, []);
        }

        var bySource = new Dictionary<string, int>(StringComparer.Ordinal);
        var shown = new List<CitedText>(Shown);
        var folded = new List<CitedText>(claims.Count - Shown);
        foreach (var claim in claims)
        {
            var source = claim.Sources.Count > 0 ? claim.Sources[0] : "";
            var count = bySource.GetValueOrDefault(source);
            if (count < perSource && shown.Count < Shown)
            {
                shown.Add(claim);
                bySource[source] = count + 1;
            }
            else
            {
                folded.Add(claim);
            }
        }

        return (shown, folded);
    }
}
