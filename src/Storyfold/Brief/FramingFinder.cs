using System.Text.RegularExpressions;
using Storyfold.Entities;

namespace Storyfold.Brief;

/// <summary>
/// How outlets characterise the main actors: descriptive phrases before a name ("staunch Putin ally Alexander
/// Lukashenko"), after it ("Lukashenko, a close ally of ..."), and in a lead that names the actor only by description
/// ("a key autocratic ally of Russian President Vladimir Putin").
/// </summary>
internal sealed partial class FramingFinder(StoryAnalysis story)
{
    public IReadOnlyList<Framing> Find(int actors = 4)
    {
        var people = story.Entities.Where(e => e.Type == "person").Take(actors).ToList();
        if (people.Count == 0)
        {
            return [];
        }

        var found = people.ToDictionary(p => p.Key, _ => new Dictionary<string, (string Text, SortedSet<string> Sources)>(StringComparer.OrdinalIgnoreCase));
        void Add(StoryEntity entity, string phrase, string articleId)
        {
            phrase = phrase.Trim().TrimEnd(',', '.');
            if (phrase.Split(' ').Length > 12 || phrase.Length < 4)
            {
                return;
            }

            if (!found[entity.Key].TryGetValue(phrase, out var entry))
            {
                found[entity.Key][phrase] = entry = (phrase, new SortedSet<string>(StringComparer.Ordinal));
            }

            entry.Sources.Add(articleId);
        }

        foreach (var person in people)
        {
            foreach (var occurrence in person.Occurrences)
            {
                var sentence = story.Sentences[occurrence.Sentence];
                foreach (var descriptor in occurrence.Mention.Descriptors)
                {
                    Add(person, descriptor, sentence.ArticleId);
                }

                var after = sentence.Text[Math.Min(sentence.Text.Length, occurrence.Mention.Start)..];
                var nameEnd = after.IndexOf(occurrence.Mention.Name.Split(' ')[^1], StringComparison.Ordinal);
                if (nameEnd < 0)
                {
                    continue;
                }

                after = after[(nameEnd + occurrence.Mention.Name.Split(' ')[^1].Length)..];
                var lead = AfterName().Match(after);
                if (lead.Success && Describe(after[lead.Length..]) is { } description)
                {
                    Add(person, description, sentence.ArticleId);
                }
            }
        }

        // A lead that describes the main actor without naming them: "China is preparing to welcome a key autocratic ally of ...".
        var main = people[0];
        foreach (var article in story.Articles)
        {
            foreach (var s in article.Sentences.Take(2))
            {
                if (s.EntityKeys.Contains(main.Key))
                {
                    continue;
                }

                foreach (Match m in Unnamed().Matches(s.Text))
                {
                    if (Describe(s.Text[(m.Index + m.Length)..]) is { } description && description.Contains(" of ", StringComparison.Ordinal))
                    {
                        Add(main, description, article.Article.Id);
                        break;
                    }
                }
            }
        }

        // Titles describe too ("Belarus president Lukashenko, close ally of Russia's Putin").
        foreach (var article in story.Articles)
        {
            foreach (var person in people)
            {
                var last = person.Name.Split(' ')[^1];
                var title = article.Article.Title;
                var at = title.IndexOf(last, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                var rest = title[(at + last.Length)..];
                var lead = AfterName().Match(rest);
                if (lead.Success && Describe(rest[lead.Length..]) is { } description)
                {
                    Add(person, description, article.Article.Id);
                }

                var before = BeforeName().Match(title[..at]);
                if (before.Success && EntityRecognizer.FramingHeads.Contains(before.Groups["head"].Value))
                {
                    Add(person, before.Groups["d"].Value, article.Article.Id);
                }
            }
        }

        foreach (var entries in found.Values)
        {
            foreach (var shorter in entries.Keys.ToList())
            {
                if (entries.Keys.Any(longer => longer.Length > shorter.Length && longer.Contains(shorter, StringComparison.OrdinalIgnoreCase)
                        && entries[shorter].Sources.IsSubsetOf(entries[longer].Sources)))
                {
                    entries.Remove(shorter);
                }
            }
        }

        return people
            .Where(p => found[p.Key].Count > 0)
            .Select(p => new Framing(p.Name, found[p.Key].Values
                .OrderByDescending(v => v.Sources.Count).ThenBy(v => v.Sources.Min, StringComparer.Ordinal)
                .Select(v => new CitedText(v.Text, v.Sources.ToList())).ToList()))
            .ToList();
    }

    // A characterising noun phrase at the start of text: up to three modifiers, a framing head, and "of" a name.
    private static string? Describe(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(12).ToList();
        for (var k = 0; k < Math.Min(4, words.Count); k++)
        {
            var word = words[k].TrimEnd(',', '.', ';', ':');
            if (Text.Tokens.StopWords.Contains(word.ToLowerInvariant()) || !char.IsLetter(word[0]))
            {
                return null;
            }

            if (!EntityRecognizer.FramingHeads.Contains(word))
            {
                if (word != words[k])
                {
                    return null;
                }

                continue;
            }

            var phrase = words.Take(k).Append(word).ToList();
            if (word == words[k] && k + 1 < words.Count && words[k + 1] == "of")
            {
                var names = words.Skip(k + 2).TakeWhile(w => char.IsUpper(w[0])).Take(4).ToList();
                var cut = names.FindIndex(w => w.EndsWith(',') || w.EndsWith('.'));
                if (cut >= 0)
                {
                    names = names.Take(cut + 1).ToList();
                }

                if (names.Count > 0)
                {
                    phrase.Add("of");
                    phrase.AddRange(names);
                }
            }

            return string.Join(' ', phrase).TrimEnd(',', '.');
        }

        return null;
    }

    [GeneratedRegex(@"^(?:\s*,\s*(?:who is\s+|who was\s+)?|\s+(?:is|was|has been|remains|became)\s+)(?:(?:a|an|the)\s+)?")]
    private static partial Regex AfterName();

    [GeneratedRegex(@"\b(?:a|an)\s+")]
    private static partial Regex Unnamed();

    [GeneratedRegex(@"(?:^|\band\s+)(?<d>(?:[\p{L}’'\-]+\s+){0,3}?(?<head>[\p{L}\-]+))\s*(?:[\p{Lu}][\p{L}’'\-]*\s+)?$")]
    private static partial Regex BeforeName();
}
