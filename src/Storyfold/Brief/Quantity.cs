using System.Globalization;
using System.Text.RegularExpressions;

namespace Storyfold.Brief;

/// <summary>A number a sentence states, scaled ("$5 billion" is 5e9), with the word it counts ("tanks", "percent").</summary>
public sealed record Quantity(double Value, string Unit, string Text, int Index)
{
    public bool SameValue(Quantity other) => Math.Abs(Value - other.Value) <= 1e-9 * Math.Max(1, Math.Abs(Value));

    /// <summary>
    /// True when both count the same kind of thing: the same word, or two words for people ("450 people" and "300
    /// residents" of one estate are two counts of the evacuated, as outlets word them).
    /// </summary>
    public bool SameKind(Quantity other) => Unit == other.Unit || (CountsPeople && other.CountsPeople);

    /// <summary>True when the number counts people, whatever word the outlet uses for them.</summary>
    public bool CountsPeople => PeopleWords.Contains(Unit);

    // Units are singular content terms ("residents" is "resident"); "people" stays as it is.
    private static readonly HashSet<string> PeopleWords = new(StringComparer.Ordinal)
    {
        "people", "person", "resident", "inhabitant", "villager", "local", "civilian", "citizen", "individual",
    };
}

/// <summary>Reads the numbers of a sentence: digits with separators and scale words, and spelled-out counts.</summary>
public static partial class Quantities
{
    private static readonly Dictionary<string, double> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100,
        ["dozen"] = 12, ["dozens"] = 24, ["hundreds"] = 200, ["thousands"] = 2000, ["millions"] = 2e6,
    };

    /// <summary>Numbers in <paramref name="sentence"/>, skipping character ranges already read as dates.</summary>
    public static IReadOnlyList<Quantity> Find(string sentence, Func<int, bool> isDate)
    {
        var found = new List<Quantity>();
        foreach (Match m in Number().Matches(sentence))
        {
            if (isDate(m.Index))
            {
                continue;
            }

            double value;
            var digits = m.Groups["n"].Value;
            if (digits.Length > 0)
            {
                if (!double.TryParse(digits.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    continue;
                }

                // A bare four-digit year is a date, not a quantity.
                if (!digits.Contains(',', StringComparison.Ordinal) && value is >= 1900 and <= 2100 && m.Groups["cur"].Length == 0 && m.Groups["scale"].Length == 0)
                {
                    continue;
                }
            }
            else if (!NumberWords.TryGetValue(m.Groups["w"].Value, out value))
            {
                continue;
            }

            value *= m.Groups["scale"].Value.ToLowerInvariant() switch
            {
                "billion" or "bn" or "b" => 1e9,
                "million" or "m" or "mn" => 1e6,
                "thousand" or "k" => 1e3,
                "trillion" or "tn" => 1e12,
                _ => 1,
            };
            var unit = m.Groups["pct"].Success ? "percent"
                : m.Groups["cur"].Success ? "money"
                : Text.Tokens.ContentTerms(m.Groups["unit"].Value).FirstOrDefault() ?? "";
            if (unit.Length == 0 && m.Groups["w"].Value.Equals("one", StringComparison.OrdinalIgnoreCase))
            {
                continue; // "one of the ..." counts nothing
            }

            found.Add(new Quantity(value, unit, m.Value.Trim(), m.Index));
        }

        return found;
    }

    [GeneratedRegex(@"(?<![\p{L}\d.,])(?<cur>[$£€])?\s?(?:(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?<w>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|hundreds|thousands|millions)\b)(?:\s?(?<scale>billion|million|thousand|trillion|bn|mn|tn)\b)?(?:\s?(?<pct>%|percent\b|per cent\b))?(?:[\s-]+(?<unit>[\p{L}]+))?", RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}
