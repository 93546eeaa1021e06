using Storyfold.News;
using Storyfold.Text;

namespace Storyfold.Tests.Text;

/// <summary>
/// Articles pasted from German, French, Spanish, Italian, Portuguese, Dutch, Swedish, Polish, Czech, Turkish, Russian and
/// Ukrainian news sites: their date
/// stamps give the publication date and their see-also, ad, follow-us and newsletter lines are left out, as English ones
/// are; a sentence that mentions a date or the same words stays.
/// </summary>
public sealed class OtherLanguagePasteTests
{
    private static Article Clean(string text) =>
        new ArticleCleaner().Clean(new ArticleInput { Id = "a", Origin = "test", Text = text }).Article!;

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
    [InlineData("Opublikowano: wtorek, 28 lutego 2023 r., o 09:10", "2023-02-28")]
    [InlineData("Publikováno: úterý 28. února 2023, 09:10", "2023-02-28")]
    [InlineData("Yayınlanma tarihi: 28 Şubat 2023 Salı, 09:10", "2023-02-28")]
    [InlineData("Опубліковано 28 лютого 2023 р. о 09:10", "2023-02-28")]
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

        var article = Clean(text);

        Assert.Equal(new DateOnly(2023, 2, 28), article.Published?.Day);
        Assert.DoesNotContain("Veröffentlicht", article.Text, StringComparison.Ordinal);
        Assert.Equal("Lukaschenko reist zum Staatsbesuch nach China", article.Title);
    }

    [Theory]
    [InlineData("Lesen Sie auch: Xi Jinping empfängt Putin in Moskau", "Anzeige", "Folgen Sie uns auf Facebook und Instagram!",
        "Abonnieren Sie unseren Newsletter und erhalten Sie jeden Morgen die wichtigsten Nachrichten.")]
    [InlineData("À lire aussi : Xi Jinping reçu par Poutine à Moscou", "Publicité", "Suivez-nous sur Twitter",
        "Abonnez-vous à notre newsletter pour recevoir l’essentiel de l’actualité.")]
    [InlineData("Lea también: Xi Jinping recibe a Putin en Moscú", "Publicidad", "Síguenos en Instagram",
        "Suscríbete a nuestro boletín y recibe las noticias del día.")]
    [InlineData("Читайте также: Си Цзиньпин встретился с Путиным", "Реклама", "Подписывайтесь на нас в Telegram",
        "Подпишитесь на нашу рассылку, чтобы получать главные новости.")]
    public void A_pasted_article_loses_the_site_s_lines_in_its_language(string related, string ad, string follow, string newsletter)
    {
        const string First = "Der belarussische Präsident Alexander Lukaschenko ist am Dienstag zu einem dreitägigen Staatsbesuch in Peking eingetroffen.";
        const string Second = "Beobachter sehen in dem Besuch ein Signal an den Westen, sagte ein Diplomat.";
        var text = string.Join('\n', "Lukaschenko reist nach China", First, related, ad, Second, follow, newsletter);

        var article = Clean(text);

        Assert.Equal(First + "\n\n" + Second, article.Text);
    }

    [Fact]
    public void Keeps_a_sentence_that_opens_with_the_same_words()
    {
        const string text =
            "Lukaschenko reist nach China\n" +
            "Der belarussische Präsident Alexander Lukaschenko ist am Dienstag zu einem dreitägigen Staatsbesuch in Peking eingetroffen.\n" +
            "Mehr zum Thema Sanktionen wollte der Sprecher nicht sagen, er verwies auf die Regierung in Minsk.\n" +
            "Werbung für den Besuch machte das Staatsfernsehen seit Tagen.";

        var article = Clean(text);

        Assert.Contains("Mehr zum Thema Sanktionen", article.Text, StringComparison.Ordinal);
        Assert.Contains("Werbung für den Besuch", article.Text, StringComparison.Ordinal);
    }
}
