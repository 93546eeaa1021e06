using Storyfold.Entities;

namespace Storyfold.Tests.Entities;

public sealed class EntityResolverTests
{
    private static IReadOnlyList<StoryEntity> Resolve(params string[] sentences)
    {
        var recognizer = new EntityRecognizer(Gazetteer.Default);
        var common = new HashSet<string>(StringComparer.Ordinal) { "said", "the", "minister" };
        var mentions = sentences.SelectMany((s, i) => recognizer.Recognize(s, common).Select(m => new PlacedMention($"a{i}", i, m))).ToList();
        return EntityResolver.Resolve(mentions);
    }

    [Fact]
    public void Merges_spelling_variants_of_a_surname()
    {
        var entities = Resolve(
            "Ukrainian President Volodymyr Zelensky spoke on Monday.",
            "Volodomyr Zelensky met officials in Kyiv.",
            "Mr Zelenskyy said the talks went well.",
            "President Volodymyr Zelesnkyy thanked the allies.",
            "Zelensky later left.");
        var person = Assert.Single(entities, e => e.Type == "person");
        Assert.Equal("Volodymyr Zelensky", person.Name);
        Assert.Equal("Ukrainian President", person.Role);
        Assert.Equal(5, person.Mentions);
        Assert.Contains("Zelenskyy", person.Aliases);
    }

    [Fact]
    public void Merges_variants_among_hundreds_of_other_names()
    {
        // Large stories name hundreds of people: the indexed lookup must still find the variant, and only it.
        var random = new Random(7);
        string Name() => char.ToUpperInvariant((char)random.Next('a', 'z' + 1)) + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)random.Next('a', 'z' + 1)));
        var crowd = Enumerable.Range(0, 300).Select(_ => $"Councillor {Name()} {Name()} voted.").ToArray();
        var entities = Resolve([.. crowd, "Prime Minister Kaja Kallas spoke.", "Mrs Kallas left.", "Kaja Kalas returned.", "Kallas smiled."]);
        var kallas = Assert.Single(entities, e => e.Name == "Kaja Kallas");
        Assert.Equal(4, kallas.Mentions);
        Assert.Equal(301, entities.Count(e => e.Type == "person"));
    }

    [Fact]
    public void Joins_a_lone_surname_or_honorific_form_to_its_full_name()
    {
        var entities = Resolve(
            "German Finance Minister Lena Hartmann presented the budget.",
            "Ms Hartmann said the deficit would shrink.",
            "Hartmann declined to comment.");
        var person = Assert.Single(entities, e => e.Type == "person");
        Assert.Equal("Lena Hartmann", person.Name);
        Assert.Equal("German Finance Minister", person.Role);
        Assert.Contains("Ms Hartmann", person.Aliases);
    }

    [Fact]
    public void Keeps_different_people_with_different_names_apart()
    {
        var entities = Resolve(
            "Chinese Foreign Minister Qin Gang spoke to Sergei Aleinik.",
            "Chinese Foreign Minister Wang Yi met Antony Blinken.");
        Assert.Equal(4, entities.Count(e => e.Type == "person"));
        Assert.DoesNotContain(entities, e => e.Aliases.Contains("Wang Yi"));
    }

    [Fact]
    public void Knows_places_and_organisations_from_the_gazetteer_and_cues()
    {
        var entities = Resolve(
            "The leaders met in the Uzbek city of Samarkand on the sidelines of the SCO summit.",
            "NATO and the European Union responded from Brussels.");
        Assert.Contains(entities, e => e.Name == "Samarkand" && e.Type == "place");
        Assert.Contains(entities, e => e.Name == "Shanghai Cooperation Organization" && e.Type == "organization");
        Assert.Contains(entities, e => e.Name == "North Atlantic Treaty Organization" && e.Type == "organization");
        Assert.Contains(entities, e => e.Name == "Brussels" && e.Type == "place");
        Assert.DoesNotContain(entities, e => e.Name is "The" or "On");
    }
}
