using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Tests.Text;

/// <summary>
/// Date stamps of pasted articles in German, French, Spanish, Italian, Portuguese, Dutch, Swedish and Russian give the
/// publication date as English ones do; a sentence that mentions a date does not.
/// </summary>
public sealed class OtherLanguageDatelineTests
{
    [Theory]
    [InlineData("Veröffentlicht am 28. Februar 2023, 09:10 Uhr", "2023-02-28")]
    [InlineData("Dienstag, 28.02.2023, 09:10 Uhr", "2023-02-28")]
    [InlineData("Publié le 1er mars 2023 à 10h32, mis à jour le 2 mars 2023 à 08h00", "2023-03-01")]
    [InlineData("Actualizado el 7 de diciembre de 2026", "2026-12-07")]
    [InlineData("lunes, 1º de enero de 2024", "2024-01-01")]
    [InlineData("lunedì 12 settembre 2025, ore 10:15", "2025-09-12")]
    [InlineData("3 de março de 2024 às 14:00", "2024-03-03")]
    [InlineData("Gepubliceerd op 3 maart 2024 om 10:15", "2024-03-03")]
    [InlineData("Publicerad 3 augusti 2024 kl 10.15", "2024-08-03")]
    [InlineData("28 февраля 2023 г., 09:10", "2023-02-28")]
    [InlineData("25 February 2023, 09:10 | Updated: 25 February 2023, 09:13", "2023-02-25")]
    public void Reads_a_date_stamp_written_in_another_language(string line, string day)
    {
        Assert.Equal(day, DatelineParser.Parse(line)?.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Die Regierung tagte am 28. Februar 2023 in Berlin")]
    [InlineData("Le sommet aura lieu le 1er mars 2023 à Pékin")]
    [InlineData("La visita terminó el 2 de marzo de 2023")]
    [InlineData("28. Februar 2030 ist kein Datum dieses Artikels, 31. Februar 2023")]
    [InlineData("31 février 2023")]
    public void Leaves_a_sentence_or_an_impossible_day_alone(string line)
    {
        Assert.Null(DatelineParser.Parse(line));
    }

    [Fact]
    public void A_pasted_german_article_gets_its_date_from_its_stamp()
    {
        const string text =
            "Lukaschenko reist zum Staatsbesuch nach China\n" +
            "Veröffentlicht am 28. Februar 2023, 09:10 Uhr\n" +
            "Der belarussische Präsident Alexander Lukaschenko ist am Dienstag zu einem dreitägigen Staatsbesuch in Peking eingetroffen. Es ist seine erste Reise nach China seit mehreren Jahren.\n" +
            "Beobachter sehen in dem Besuch ein Signal an den Westen.";

        var article = new ArticleCleaner().Clean(new ArticleInput { Id = "de", Origin = "test", Text = text }).Article!;

        Assert.Equal(new DateOnly(2023, 2, 28), article.Published?.Day);
        Assert.DoesNotContain("Veröffentlicht", article.Text, StringComparison.Ordinal);
        Assert.Equal("Lukaschenko reist zum Staatsbesuch nach China", article.Title);
    }
}
