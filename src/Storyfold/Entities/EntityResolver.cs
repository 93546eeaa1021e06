using System.Globalization;

namespace Storyfold.Entities;

/// <summary>One mention placed in the story: which article and sentence it is in.</summary>
public sealed record PlacedMention(string ArticleId, int Sentence, EntityMention Mention);

/// <summary>A story-level entity: every spelling and short form of one name merged, with its role and who mentions it.</summary>
public sealed record StoryEntity(
    string Key, string Name, string Type, string? Role, IReadOnlyList<string> Aliases, int Mentions,
    IReadOnlyList<string> Sources, IReadOnlyList<PlacedMention> Occurrences, string? Country);

/// <summary>
/// Within-story coreference: full names with near-identical spellings are one person ("Zelenskyy", "Zelesnkyy"),
/// and a lone surname or given name ("Qin", "Xi") joins the full name it is part of.
/// </summary>
public static class EntityResolver
{
    public static IReadOnlyList<StoryEntity> Resolve(IReadOnlyList<PlacedMention> mentions)
    {
        var clusters = new List<Cluster>();
        // Indexes instead of scanning every cluster for every name, which made large stories quadratic: similar
        // spellings (see Similar) share their first letter and differ in length by at most two, so a name only meets
        // clusters holding a token of that shape.
        var byShape = new Dictionary<(char Initial, int Length), List<Cluster>>();
        var byFirstMention = new Dictionary<(string Name, string Type), Cluster>();
        var seen = new HashSet<int>();
        foreach (var group in mentions.GroupBy(m => m.Mention.Name, StringComparer.Ordinal).OrderByDescending(g => g.Key.Split(' ').Length).ThenByDescending(g => g.Count()))
        {
            var name = group.Key;
            var tokens = name.Split(' ');
            var isPersonLike = group.Any(m => m.Mention.Type is "person" or "other");
            Cluster? target;
            if (isPersonLike)
            {
                // The compatible cluster with most mentions (the earliest on a tie); each cluster is checked once.
                target = null;
                seen.Clear();
                foreach (var token in tokens)
                {
                    foreach (var shape in SimilarShapes(token))
                    {
                        if (!byShape.TryGetValue(shape, out var near))
                        {
                            continue;
                        }

                        foreach (var c in near)
                        {
                            if (c.PersonLike && seen.Add(c.Order) && Compatible(tokens, c.Names)
                                && (target is null || c.Mentions.Count > target.Mentions.Count || (c.Mentions.Count == target.Mentions.Count && c.Order < target.Order)))
                            {
                                target = c;
                            }
                        }
                    }
                }
            }
            else
            {
                target = byFirstMention.GetValueOrDefault((name, group.First().Mention.Type));
            }

            if (target is null)
            {
                target = new Cluster(clusters.Count);
                clusters.Add(target);
            }

            var first = target.Mentions.Count == 0;
            target.Mentions.AddRange(group);
            if (first)
            {
                byFirstMention.TryAdd((target.Mentions[0].Mention.Name, target.Mentions[0].Mention.Type), target);
            }

            target.PersonLike |= isPersonLike;
            if (target.NameSet.Add(name))
            {
                target.Names.Add(tokens);
                foreach (var t in tokens.Where(t => t.Length > 0))
                {
                    var shape = (char.ToUpperInvariant(t[0]), t.Length);
                    if (!byShape.TryGetValue(shape, out var list))
                    {
                        byShape[shape] = list = [];
                    }

                    if (list.Count == 0 || !ReferenceEquals(list[^1], target))
                    {
                        list.Add(target);
                    }
                }
            }
        }

        return clusters.Select(c => ToEntity(c.Mentions)).OrderByDescending(e => e.Mentions).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    // The shapes of tokens that Similar could accept for this one: same initial, length within what it allows.
    private static IEnumerable<(char, int)> SimilarShapes(string token)
    {
        if (token.Length == 0)
        {
            yield break;
        }

        var initial = char.ToUpperInvariant(token[0]);
        for (var length = Math.Max(1, token.Length - 2); length <= token.Length + 2; length++)
        {
            yield return (initial, length);
        }
    }

    /// <summary>Mentions merged so far, with their distinct names split into tokens.</summary>
    private sealed class Cluster(int order)
    {
        public int Order { get; } = order;

        public List<PlacedMention> Mentions { get; } = [];

        public HashSet<string> NameSet { get; } = new(StringComparer.Ordinal);

        public List<string[]> Names { get; } = [];

        public bool PersonLike { get; set; }
    }

    // A name joins a cluster when it is a near-identical spelling of a full name there, or one of its tokens.
    private static bool Compatible(string[] tokens, IEnumerable<string[]> names)
    {
        foreach (var other in names)
        {
            if (tokens.Length == other.Length)
            {
                if (tokens.Zip(other).All(p => Similar(p.First, p.Second)))
                {
                    return true;
                }

                continue;
            }

            if (tokens.Length == 1 && other.Length > 1 && other.Any(t => Similar(tokens[0], t)))
            {
                return true;
            }

            // "Volodymyr Zelensky" and "President Zelensky" forms of different length: same surname and first letter.
            if (tokens.Length > 1 && other.Length > 1 && Similar(tokens[^1], other[^1]) && char.ToUpperInvariant(tokens[0][0]) == char.ToUpperInvariant(other[0][0]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Spellings close enough to be one name: equal for short names, one or two edits for longer ones.</summary>
    public static bool Similar(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var shorter = Math.Min(a.Length, b.Length);
        if (shorter < 5 || char.ToUpperInvariant(a[0]) != char.ToUpperInvariant(b[0]))
        {
            return false;
        }

        var allowed = shorter >= 8 ? 2 : 1;
        // Each edit changes the length by at most one: most pairs of names are told apart here, without the table.
        return Math.Abs(a.Length - b.Length) <= allowed && Distance(a, b) <= allowed;
    }

    // Optimal string alignment distance, ignoring case: insertions, deletions, substitutions and adjacent transpositions.
    // Three rows of the table are enough (a transposition looks two rows back); names are short, so they live on the stack.
    private static int Distance(string a, string b)
    {
        var width = b.Length + 1;
        Span<int> rows = width <= 128 ? stackalloc int[3 * width] : new int[3 * width];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var ai = char.ToLowerInvariant(a[i - 1]);
            for (var j = 1; j < width; j++)
            {
                var bj = char.ToLowerInvariant(b[j - 1]);
                var cost = ai == bj ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ai == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == bj)
                {
                    d = Math.Min(d, before[j - 2] + 1);
                }

                current[j] = d;
            }

            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }

    private static StoryEntity ToEntity(List<PlacedMention> cluster)
    {
        var type = cluster.Any(m => m.Mention.Type == "person") ? "person"
            : cluster.GroupBy(m => m.Mention.Type).OrderByDescending(g => g.Count()).First().Key;
        var name = CanonicalName(cluster);
        var aliases = cluster.SelectMany(m => new[] { m.Mention.Name, m.Mention.Surface })
            .Where(a => !string.Equals(a, name, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).OrderBy(a => a, StringComparer.Ordinal).ToList();
        var role = cluster.Where(m => m.Mention.Role is not null)
            .GroupBy(m => m.Mention.Role!, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Split(' ').Length).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.First().Mention.Role).FirstOrDefault();
        var sources = cluster.Select(m => m.ArticleId).Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var country = cluster.Select(m => m.Mention.Country).FirstOrDefault(c => c is not null);
        return new StoryEntity(Slug(name), name, type, role, aliases, cluster.Count, sources, cluster, type == "person" ? null : country);
    }

    // The most used spelling of each name part, in the most used full form ("Volodymyr Zelensky" over "Volodomyr Zelensky").
    private static string CanonicalName(List<PlacedMention> cluster)
    {
        // Each spelling split once, with how often it is used.
        var names = cluster.CountBy(m => m.Mention.Name, StringComparer.Ordinal).Select(kv => (Parts: kv.Key.Split(' '), Uses: kv.Value)).ToList();
        var longest = names.Max(n => n.Parts.Length);
        var forms = names.Where(n => n.Parts.Length == longest).SelectMany(n => Enumerable.Repeat(n.Parts, n.Uses)).ToList();
        var tokenCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (split, uses) in names)
        {
            foreach (var part in split)
            {
                tokenCounts[part] = tokenCounts.GetValueOrDefault(part) + uses;
            }
        }

        var parts = new string[longest];
        for (var i = 0; i < longest; i++)
        {
            var spellings = forms.Select(f => f[i]).ToList();
            parts[i] = spellings
                .OrderByDescending(s => tokenCounts.GetValueOrDefault(s))
                .ThenBy(s => s, StringComparer.Ordinal)
                .First();
        }

        return string.Join(' ', parts);
    }

    public static string Slug(string name) =>
        string.Concat(name.ToLower(CultureInfo.InvariantCulture).Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
}
