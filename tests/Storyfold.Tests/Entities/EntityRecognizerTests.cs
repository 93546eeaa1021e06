using System.Text.RegularExpressions;
using Storyfold.Tests.Support;
using Storyfold.Entities;

namespace Storyfold.Tests.Entities;

public sealed partial class EntityRecognizerTests
{
    [Fact]
    public void Tokens_keep_a_trailing_dot_and_the_punctuation_that_ends_a_name()
    {
        Assert.Equal(
            [("Gov.", 0), ("John", 5), ("Hickenlooper", 10), (",", 22), ("D-Colo.", 24), ("said", 32), ("“", 37), ("yes", 38), ("”", 41)],
            EntityRecognizer.Tokenize("Gov. John Hickenlooper, D-Colo. said “yes”"));
    }

    // The scan replaced the pattern below; random text over the characters that matter must split the same way.
    [Fact]
    public void Tokenises_exactly_as_the_token_pattern_on_random_text()
    {
        const string alphabet = "aZ9 .'’-—–,;:()“”\"é习²!";
        foreach (var s in RandomText.Over(alphabet))
        {
            Assert.Equal(TokenPattern().Matches(s).Select(m => (m.Value, m.Index)), EntityRecognizer.Tokenize(s));
        }
    }

    [Fact]
    public void Finds_a_titled_person_and_a_gazetteer_country()
    {
        var recognizer = new EntityRecognizer(Gazetteer.Default);
        var mentions = recognizer.Recognize("Chinese Foreign Minister Qin Gang spoke with Belarus on Friday.", new HashSet<string>(StringComparer.Ordinal));
        Assert.Contains(mentions, m => m.Name == "Qin Gang" && m.Type == "person");
        Assert.Contains(mentions, m => m.Name == "Belarus" && m.Type == "place");
    }

    [Fact]
    public void A_place_of_several_words_before_an_office_is_part_of_the_role()
    {
        var recognizer = new EntityRecognizer(Gazetteer.Default);
        var mention = Assert.Single(recognizer.Recognize("Dominican Republic President Luis Abinader visited the coast.", new HashSet<string>(StringComparer.Ordinal)), m => m.Type == "person");
        Assert.Equal("Luis Abinader", mention.Name);
        Assert.Equal("Dominican Republic President", mention.Role);
    }

    [Fact]
    public void Named_storms_are_not_people_and_islands_are_places()
    {
        var recognizer = new EntityRecognizer(Gazetteer.Default);
        var mentions = recognizer.Recognize("Forecasters said Hurricane Fiona would pass the Caicos Islands as a Category Four storm.", new HashSet<string>(StringComparer.Ordinal));
        Assert.Equal("other", Assert.Single(mentions, m => m.Name == "Hurricane Fiona").Type);
        Assert.Equal("place", Assert.Single(mentions, m => m.Name == "Caicos Islands").Type);

        var sites = recognizer.Recognize("A tree fell on his car on the Orchard Road near Kestrel Park.", new HashSet<string>(StringComparer.Ordinal));
        Assert.Equal(["place", "place"], sites.Select(m => m.Type));
        Assert.DoesNotContain(mentions, m => m.Type == "person");
    }

    [Fact]
    public void A_country_whose_name_starts_with_its_demonym_is_one_place()
    {
        var recognizer = new EntityRecognizer(Gazetteer.Default);
        var mentions = recognizer.Recognize("Floods hit the Dominican Republic on Monday.", new HashSet<string>(StringComparer.Ordinal) { "floods" });
        var mention = Assert.Single(mentions);
        Assert.Equal(("Dominican Republic", "place"), (mention.Name, mention.Type));
    }

    [Fact]
    public void The_noun_after_a_name_says_whether_it_is_a_place_or_an_organisation()
    {
        var recognizer = new EntityRecognizer(Gazetteer.Default);
        var mentions = recognizer.Recognize(
            "Families in Ferndale village were moved as the Linnet river rose, and Hollins primary school closed.",
            new HashSet<string>(StringComparer.Ordinal) { "families" });

        Assert.Equal("place", Assert.Single(mentions, m => m.Name == "Ferndale").Type);
        Assert.Equal("place", Assert.Single(mentions, m => m.Name == "Linnet").Type);
        Assert.Equal("organization", Assert.Single(mentions, m => m.Name == "Hollins").Type);

        var residents = recognizer.Recognize("Residents of Ferndale village were moved.", new HashSet<string>(StringComparer.Ordinal) { "residents" });
        Assert.Equal(("Ferndale", "place"), (Assert.Single(residents).Name, residents[0].Type));

        var person = recognizer.Recognize("Maria Lopez said the river rose overnight.", new HashSet<string>(StringComparer.Ordinal));
        Assert.Equal("person", Assert.Single(person).Type);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*\.?|[,;:()“”""–—]")]
    private static partial Regex TokenPattern();
}
