using System.Text.RegularExpressions;

namespace Storyfold.Entities;

/// <summary>A name found in a sentence, before coreference: what was written, the role words before it, its likely kind.</summary>
/// <param name="Name">The name without titles or honorifics ("Qin Gang").</param>
/// <param name="Surface">The name as written, with an honorific if one was used ("Mr Qin").</param>
/// <param name="Role">Title words before the name ("Chinese Foreign Minister"), or null.</param>
/// <param name="Descriptors">Characterising phrases before the name ("staunch Putin ally").</param>
public sealed record EntityMention(
    string Name, string Surface, string Type, string? Role, IReadOnlyList<string> Descriptors, bool HasHonorific, int Start, string? Country);

/// <summary>
/// Finds people, organisations and places in a sentence from capitalisation, titles and honorifics, and the shipped
/// <see cref="Gazetteer"/>; no statistical model.
/// </summary>
public sealed partial class EntityRecognizer(Gazetteer gazetteer)
{
    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Dame", "Lord", "Lady",
    };

    // Words that make up office titles; a name right after them is a person.
    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "President", "Vice", "Prime", "Minister", "PM", "Foreign", "Defence", "Defense", "Finance", "Interior", "Home",
        "Secretary", "State", "General", "Chancellor", "King", "Queen", "Prince", "Princess", "Pope", "Premier",
        "Senator", "Sen", "Sen.", "Rep", "Rep.", "Representative", "Gov", "Gov.", "Governor", "Mayor", "Ambassador",
        "Spokesperson", "Spokesman", "Spokeswoman", "Chairman", "Chairwoman", "Chair", "Chief", "Executive", "CEO",
        "Leader", "Judge", "Justice", "Attorney", "Director", "Deputy", "Commander", "Speaker", "Majority", "Minority",
        "Whip", "Envoy", "Councillor", "Councilman", "Councilwoman", "Coach", "Captain", "Lieutenant", "Colonel", "Gen.",
        "Sergeant", "Officer", "Inspector", "Detective", "Professor", "Prof", "Bishop", "Cardinal", "Rabbi", "Imam",
        "Ruler", "Dictator", "Founder", "Economy", "Trade", "Health", "Education", "Energy", "Justice", "Labor",
        "Labour", "Transport", "Agriculture", "Environment", "Culture", "Information", "Emergency", "Army", "Navy",
        "Former", "Acting", "Interim", "Supreme", "Head", "Emir", "Sheikh", "Crown", "Senior", "Top", "Official",
    };

    // Words that mark a capitalised run as an organisation.
    private static readonly HashSet<string> OrganizationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Ministry", "Department", "Agency", "Party", "Council", "Committee", "Union", "Organization", "Organisation",
        "Association", "Bank", "University", "College", "Court", "Parliament", "Commission", "Company", "Corp", "Corp.",
        "Inc", "Inc.", "Ltd", "Group", "News", "Times", "Post", "Office", "Army", "Forces", "Police", "Institute",
        "Foundation", "Fund", "Airlines", "Network", "Service", "Administration", "Authority", "Federation", "League",
        "Front", "Movement", "Assembly", "Congress", "Senate", "Cabinet", "Government", "Club", "Journal", "Press",
        "Television", "Radio", "Broadcasting", "Guard", "Brigade", "Bureau", "Board", "Centre", "Center", "Corporation",
        "Reserve", "Exchange", "Society", "Church", "Coalition", "Alliance", "Initiative", "Program", "Programme",
    };

    // Capitalised words that are never names on their own.
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "Western", "Eastern",
        "Northern", "Southern", "West", "East", "North", "South", "I", "Read", "Pictured", "Photo", "Getty", "Images",
        "Breaking", "Update", "Updated", "Advertisement", "Today", "Yesterday", "Tomorrow", "Christmas", "Easter",
        "I’m", "I'm", "I’ve", "I'll", "I’ll", "I'd", "I’d", "OK",
    };

    // Last words of geographic names and named sites ("Turks and Caicos Islands", "Yellow River", "Orchard Road",
    // "Kestrel Park"): such a run is a place, not a person.
    private static readonly HashSet<string> PlaceHeads = new(StringComparer.Ordinal)
    {
        "Island", "Islands", "River", "Sea", "Ocean", "Bay", "Lake", "Mountains", "Valley", "Strait", "Gulf", "Peninsula",
        "Province", "County", "Canal", "Desert", "Coast", "Highlands", "Plateau", "Basin", "Delta", "Archipelago",
        "Road", "Street", "Avenue", "Boulevard", "Lane", "Square", "Bridge", "Park", "Airport", "Station", "Stadium",
        "Harbour", "Harbor",
    };

    // Lower-case nouns that follow a place's name ("the Linnet river", "Ferndale village", "the Gaza border").
    private static readonly HashSet<string> PlaceNouns = new(StringComparer.Ordinal)
    {
        "river", "village", "town", "city", "district", "county", "province", "region", "neighbourhood", "neighborhood",
        "suburb", "valley", "island", "islands", "coast", "coastline", "lake", "bay", "port", "harbour", "harbor", "airport",
        "stadium", "bridge", "border", "mountains", "peninsula", "township", "municipality",
    };

    // Lower-case nouns that follow an organisation's name ("Hollins primary school", "the Wagner group").
    private static readonly HashSet<string> OrganizationNouns = new(StringComparer.Ordinal)
    {
        "school", "hospital", "university", "college", "club", "company", "firm", "council", "bank", "airline",
        "group", "party", "ministry", "agency", "charity", "foundation", "newspaper", "broadcaster", "militia",
    };

    // First words of named events and scales ("Hurricane Fiona", "Operation Barbarossa", "Category Four"): not people.
    private static readonly HashSet<string> EventWords = new(StringComparer.Ordinal)
    {
        "Hurricane", "Typhoon", "Cyclone", "Storm", "Tropical", "Operation", "Category", "Tornado", "Wildfire", "Earthquake",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "of", "de", "van", "von", "der", "bin", "al", "la", "du", "da" };

    // Heads of characterising noun phrases ("close ally", "veteran strongman").
    internal static readonly HashSet<string> FramingHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "ally", "allies", "leader", "ruler", "strongman", "dictator", "autocrat", "critic", "rival", "partner", "friend",
        "foe", "hardliner", "populist", "firebrand", "veteran", "loyalist", "hawk", "dove", "reformer", "moderate",
        "extremist", "radical", "regime", "despot", "tyrant", "champion", "supporter", "opponent", "backer", "protege",
        "mouthpiece", "puppet", "outsider", "insurgent", "frontrunner", "front-runner", "socialist", "conservative",
        "liberal", "progressive", "nationalist", "billionaire", "mogul", "tycoon",
    };

    /// <summary>Names in <paramref name="sentence"/>; <paramref name="commonWords"/> are lower-case words the story uses uncapitalised.</summary>
    public IReadOnlyList<EntityMention> Recognize(string sentence, IReadOnlySet<string> commonWords)
    {
        var tokens = Tokenize(sentence);
        var mentions = new List<EntityMention>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsCapitalised(tokens[i].Text))
            {
                i++;
                continue;
            }

            var start = i;
            var end = i;
            // Sentence-initial function words ("On Friday", "The Russian Foreign Ministry", "If Putin") are not part of names.
            while (start < tokens.Count - 1 && Text.Tokens.StopWords.Contains(tokens[start].Text.ToLowerInvariant()) && !Honorifics.Contains(tokens[start].Text) && IsCapitalised(tokens[start + 1].Text)
                   && Adjacent(sentence, tokens[start], tokens[start + 1]))
            {
                start++;
            }

            // "Residents of Ferndale", "Parts of Ukraine": a plural common noun before "of" is not part of the name.
            if (start + 2 < tokens.Count && tokens[start + 1].Text == "of" && IsCapitalised(tokens[start + 2].Text)
                && tokens[start].Text.EndsWith('s') && commonWords.Contains(tokens[start].Text.ToLowerInvariant())
                && !OrganizationWords.Contains(tokens[start].Text) && !TitleWords.Contains(tokens[start].Text))
            {
                start += 2;
            }

            end = start;
            while (end + 1 < tokens.Count && !Possessive().IsMatch(tokens[end].Text))
            {
                var next = tokens[end + 1].Text;
                if (IsCapitalised(next) && Adjacent(sentence, tokens[end], tokens[end + 1]))
                {
                    end++;
                }
                else if (Particles.Contains(next) && end + 2 < tokens.Count && IsCapitalised(tokens[end + 2].Text)
                         && Adjacent(sentence, tokens[end], tokens[end + 1]) && Adjacent(sentence, tokens[end + 1], tokens[end + 2]))
                {
                    end += 2;
                }
                else
                {
                    break;
                }
            }

            i = end + 1;
            var run = tokens.GetRange(start, end - start + 1).Select(t => t.Text).ToList();
            var mention = Classify(sentence, tokens, start, run, commonWords);
            if (mention is not null)
            {
                mentions.Add(mention);
            }
        }

        return mentions;
    }

    private EntityMention? Classify(string sentence, List<(string Text, int Index)> tokens, int start, List<string> run, IReadOnlySet<string> commonWords)
    {
        var runStart = tokens[start].Index;
        // Possessive or trailing apostrophe belongs to grammar, not to the name.
        run[^1] = Possessive().Replace(run[^1], "");
        for (var r = 0; r < run.Count; r++)
        {
            var t = run[r];
            if (t.EndsWith('.') && t.Length > 2 && !Honorifics.Contains(t) && !TitleWords.Contains(t) && !t[..^1].Contains('.', StringComparison.Ordinal))
            {
                run[r] = t[..^1];
            }
        }

        // A run that is a known place as a whole ("Dominican Republic") is that place, although its first word is a demonym.
        if (run.Count > 1 && string.Join(' ', run) is var whole && gazetteer.Find(whole) is { Type: "place" } wholePlace)
        {
            return new EntityMention(wholePlace.Canonical, whole, wholePlace.Type, null, [], false, runStart, wholePlace.Country);
        }

        var roleWords = new List<string>();
        var hasHonorific = false;
        var hasTitle = false;
        var k = 0;
        string? country = null;
        while (k < run.Count - 1)
        {
            var word = run[k];
            if (Honorifics.Contains(word))
            {
                hasHonorific = true;
            }
            else if (TitleWords.Contains(word))
            {
                hasTitle = true;
                roleWords.Add(word);
            }
            else if (roleWords.Count == 0 && PlaceBeforeTitle(run, k) is ({ } place, var words))
            {
                country ??= place.Country;
                roleWords.AddRange(run.GetRange(k, words));
                k += words - 1;
            }
            else if (gazetteer.IsDemonym(word) || (roleWords.Count == 0 && gazetteer.Find(word)?.Type == "place" && k + 1 < run.Count && TitleWords.Contains(run[k + 1])))
            {
                country ??= gazetteer.CountryOfDemonym(word) ?? gazetteer.Find(word)?.Country;
                roleWords.Add(word);
            }
            else if (word == "of" && roleWords.Count > 0 && k + 1 < run.Count && gazetteer.Find(run[k + 1])?.Type == "place" && k + 2 < run.Count)
            {
                roleWords.Add(word);
                roleWords.Add(run[k + 1]);
                k++;
            }
            else
            {
                break;
            }

            k++;
        }

        var nameTokens = run.Skip(k).ToList();
        if (nameTokens.Count == 0)
        {
            return null;
        }

        // An organisation named after its country's demonym ("Chinese Foreign Ministry") keeps the whole run.
        if (nameTokens.Any(OrganizationWords.Contains) || (run.Count > 1 && OrganizationWords.Contains(run[^1])))
        {
            var orgName = string.Join(' ', run.SkipWhile(Honorifics.Contains));
            return new EntityMention(orgName, orgName, "organization", null, [], false, runStart, country);
        }

        var name = string.Join(' ', nameTokens);
        var surface = hasHonorific ? string.Join(' ', run.Skip(k - 1)) : name;

        // Lower-case title words and demonyms right before the run ("Chinese foreign minister Qin Gang", "US president Joe Biden").
        var before = RoleBefore(tokens, start);
        if (!hasTitle && before.Role is not null)
        {
            roleWords.InsertRange(0, before.Role.Split(' '));
            hasTitle = before.Role.Split(' ').Any(TitleWords.Contains);
            country ??= before.Country;
        }

        var role = hasTitle ? TitleCase(roleWords) : null;
        var descriptors = DescriptorsBefore(tokens, start);

        if (gazetteer.Find(name) is { } known && !hasHonorific && !hasTitle)
        {
            return new EntityMention(known.Canonical, name, known.Type, null, [], false, runStart, known.Country);
        }

        if (nameTokens.Count == 1)
        {
            var word = nameTokens[0];
            if (NotNames.Contains(word) || gazetteer.IsDemonym(word) || word.Length < 2)
            {
                return null;
            }

            var sentenceInitial = start == 0 || tokens.Take(start).All(t => !char.IsLetterOrDigit(t.Text[0]) || Text.Tokens.StopWords.Contains(t.Text.ToLowerInvariant()));
            if (sentenceInitial && !hasHonorific && !hasTitle && word.EndsWith("ing", StringComparison.Ordinal))
            {
                return null; // "Speaking to reporters", "Hailing cities"
            }

            if (!hasHonorific && !hasTitle && (commonWords.Contains(word.ToLowerInvariant()) || (sentenceInitial && !IsAcronym(word) && Text.Tokens.StopWords.Contains(word.ToLowerInvariant()))))
            {
                return null;
            }

            if (IsAcronym(word) && !hasTitle)
            {
                return new EntityMention(word, word, "organization", null, [], false, runStart, country);
            }
        }
        else if (nameTokens.All(t => NotNames.Contains(t)))
        {
            return null;
        }

        if (nameTokens.Count > 1 && !hasHonorific && !hasTitle && nameTokens.Count(t => commonWords.Contains(t.ToLowerInvariant())) * 2 > nameTokens.Count)
        {
            // "The Belarusian ruler" style runs made of ordinary words are not names.
            return null;
        }

        var placeCue = PlaceCue().IsMatch(sentence[..runStart]);
        var plain = !hasTitle && !hasHonorific;
        var nounAfter = plain ? KindOfNounAfter(tokens, start + run.Count) : null;
        var type = (placeCue || PlaceHeads.Contains(nameTokens[^1]) || nounAfter == "place") && plain ? "place"
            : nounAfter == "organization" ? "organization"
            : EventWords.Contains(nameTokens[0]) && plain ? "other"
            : hasTitle || hasHonorific || nameTokens.Count is 2 or 3 ? "person"
            : "other";
        return new EntityMention(name, surface, type, role, descriptors, hasHonorific, runStart, country);
    }

    /// <summary>
    /// What the lower-case noun right after a name says it names, one adjective allowed between: "the Linnet river",
    /// "Ferndale village" (place), "Hollins primary school", "the Wagner group" (organization); null for anything else.
    /// </summary>
    private static string? KindOfNounAfter(List<(string Text, int Index)> tokens, int next)
    {
        for (var i = next; i < Math.Min(tokens.Count, next + 2); i++)
        {
            var word = tokens[i].Text;
            if (word.Length == 0 || !char.IsLower(word[0]))
            {
                return null;
            }

            if (PlaceNouns.Contains(word))
            {
                return "place";
            }

            if (OrganizationNouns.Contains(word))
            {
                return "organization";
            }
        }

        return null;
    }

    // A place of several words before an office ("Dominican Republic President ...", "Puerto Rico Governor ...") belongs
    // to the role; read word by word, "Dominican" would pass as a demonym and leave "Republic" in the name.
    private (GazetteerEntry? Place, int Words) PlaceBeforeTitle(List<string> run, int k)
    {
        for (var words = Math.Min(3, run.Count - k - 2); words >= 2; words--)
        {
            if (TitleWords.Contains(run[k + words]) && gazetteer.Find(string.Join(' ', run.GetRange(k, words))) is { Type: "place" } place)
            {
                return (place, words);
            }
        }

        return (null, 0);
    }

    private (string? Role, string? Country) RoleBefore(List<(string Text, int Index)> tokens, int start)
    {
        var words = new List<string>();
        string? country = null;
        for (var j = start - 1; j >= 0 && words.Count < 5; j--)
        {
            var word = tokens[j].Text;
            if (TitleWords.Contains(word) && !char.IsUpper(word[0]) || (TitleWords.Contains(word) && words.Count > 0))
            {
                words.Insert(0, word);
            }
            else if (gazetteer.IsDemonym(word) || (gazetteer.Find(word)?.Type == "place" && word.Length <= 3) || Possessive().IsMatch(word) && gazetteer.Find(Possessive().Replace(word, "")) is not null)
            {
                country ??= gazetteer.CountryOfDemonym(word) ?? gazetteer.Find(Possessive().Replace(word, ""))?.Country;
                words.Insert(0, word);
                break;
            }
            else
            {
                break;
            }
        }

        return words.Any(TitleWords.Contains) ? (string.Join(' ', words), country) : (null, null);
    }

    // Characterising words right before a name, back to the previous clause break: "staunch Putin ally".
    private static List<string> DescriptorsBefore(List<(string Text, int Index)> tokens, int start)
    {
        var words = new List<string>();
        for (var j = start - 1; j >= 0 && words.Count < 6; j--)
        {
            var word = tokens[j].Text;
            if (Text.Tokens.StopWords.Contains(word.ToLowerInvariant()) || !char.IsLetter(word[0]) || TitleWords.Contains(word) && char.IsUpper(word[0]))
            {
                break;
            }

            words.Insert(0, word);
        }

        return words.Count > 0 && FramingHeads.Contains(words[^1]) ? [string.Join(' ', words)] : [];
    }

    private static string TitleCase(List<string> words) => string.Join(' ', words.Select(w =>
        w.Length > 2 && w != "of" && char.IsLower(w[0]) ? char.ToUpperInvariant(w[0]) + w[1..] : w));

    private static bool Adjacent(string sentence, (string Text, int Index) left, (string Text, int Index) right)
    {
        var gap = sentence.AsSpan(left.Index + left.Text.Length, right.Index - left.Index - left.Text.Length);
        return gap.IsWhiteSpace();
    }

    internal static bool IsCapitalised(string token) => token.Length > 0 && char.IsUpper(token[0]);

    private static bool IsAcronym(string word) => word.Length is >= 2 and <= 6 && word.All(c => char.IsUpper(c) || c == '.');

    /// <summary>
    /// Words (with a trailing dot kept: "Gov.", "Jr.") and the punctuation that ends a name (commas, brackets, quotes,
    /// dashes), with where each starts. A scan: a story's sentences are all read, and regex matches allocate.
    /// </summary>
    internal static List<(string Text, int Index)> Tokenize(string sentence)
    {
        var tokens = new List<(string Text, int Index)>(sentence.Length / 5);
        var i = 0;
        while (i < sentence.Length)
        {
            var length = Text.Tokens.WordLength(sentence, i);
            if (length > 0)
            {
                if (i + length < sentence.Length && sentence[i + length] == '.')
                {
                    length++;
                }

                tokens.Add((sentence.Substring(i, length), i));
                i += length;
            }
            else
            {
                if (NameBreaks.Contains(sentence[i]))
                {
                    tokens.Add((sentence.Substring(i, 1), i));
                }

                i++;
            }
        }

        return tokens;
    }

    private const string NameBreaks = ",;:()“”\"–—";

    [GeneratedRegex(@"['’]s?$")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\b(?:city|town|village|capital|province|region|state|county|district|port) of\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceCue();
}
