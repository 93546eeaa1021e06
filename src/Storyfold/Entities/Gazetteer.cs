using Storyfold.Text;

namespace Storyfold.Entities;

/// <summary>What the gazetteer knows about a name: its kind, canonical form and, for places, the country it belongs to.</summary>
public sealed record GazetteerEntry(string Canonical, string Type, string? Country);

/// <summary>
/// Shipped lists of countries (with demonyms and capitals), major cities and regions, and well-known organisations,
/// compiled by the team (see the .txt files beside this class).
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, GazetteerEntry> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _demonyms = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The shipped gazetteer, read once from the assembly's resources.</summary>
    public static Gazetteer Default { get; } = Load();

    public GazetteerEntry? Find(string name) => _names.GetValueOrDefault(Normalise(name));

    /// <summary>The country a demonym names ("Belarusian" to "Belarus"), or null.</summary>
    public string? CountryOfDemonym(string word) => _demonyms.GetValueOrDefault(word);

    public bool IsDemonym(string word) => _demonyms.ContainsKey(word);

    private static string Normalise(string name) => name.Replace('’', '\'').Trim();

    private static Gazetteer Load()
    {
        var gazetteer = new Gazetteer();
        foreach (var fields in Lines("countries.txt"))
        {
            var country = fields[0];
            gazetteer.Add(country, new GazetteerEntry(country, "place", country));
            foreach (var demonym in ShippedList.Names(fields, 1))
            {
                gazetteer._demonyms.TryAdd(demonym, country);
            }

            foreach (var capital in ShippedList.Names(fields, 2))
            {
                gazetteer.Add(capital, new GazetteerEntry(capital, "place", country));
            }

            foreach (var alias in ShippedList.Names(fields, 3))
            {
                gazetteer.Add(alias, new GazetteerEntry(country, "place", country));
            }
        }

        foreach (var fields in Lines("places.txt"))
        {
            var entry = gazetteer.Find(fields[0]) ?? new GazetteerEntry(fields[0], "place", null);
            gazetteer.Add(fields[0], entry);
            foreach (var alias in ShippedList.Names(fields, 1))
            {
                gazetteer.Add(alias, entry);
            }
        }

        foreach (var fields in Lines("organizations.txt"))
        {
            var entry = new GazetteerEntry(fields[0], "organization", null);
            gazetteer.Add(fields[0], entry);
            foreach (var alias in ShippedList.Names(fields, 1))
            {
                gazetteer.Add(alias, entry);
            }
        }

        return gazetteer;
    }

    private void Add(string name, GazetteerEntry entry) => _names.TryAdd(Normalise(name), entry);

    private static IReadOnlyList<string[]> Lines(string resource) => ShippedList.Read("Storyfold.Entities." + resource);
}
