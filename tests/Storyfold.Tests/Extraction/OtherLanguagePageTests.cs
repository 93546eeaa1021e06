using Storyfold.Extraction;

namespace Storyfold.Tests.Extraction;

/// <summary>
/// News pages in German, French, Spanish, Italian, Portuguese, Dutch, Russian, Polish, Ukrainian and Turkish: the date written out in the page's
/// language ("28. Februar 2023", "1er mars 2023", "3 de março de 2023") and the byline in it ("Von ...", "Par ...",
/// "Автор: ...") give the publication date and the writers, and the byline is not article text.
/// </summary>
public sealed class OtherLanguagePageTests
{
    private static readonly PageExtractor Extractor = new();

    private static ExtractedPage Extract(string lang, string title, string particulars, string[] paragraphs, string head = "")
    {
        var html =
            $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title} | Exemplo</title>{head}</head><body>" +
            "<nav><a href=\"/\">Home</a> <a href=\"/politik\">Politik</a> <a href=\"/welt\">Welt</a></nav>" +
            $"<main><h1>{title}</h1><div class=\"content\">{particulars}{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</div></main>" +
            "<footer>© 2023 Exemplo</footer></body></html>";
        var result = Extractor.Extract(html, null);
        Assert.True(result.Page is not null, result.Problem);
        return result.Page!;
    }

    private static readonly string[] German =
    [
        "Der belarussische Präsident Alexander Lukaschenko ist am Dienstag zu einem dreitägigen Staatsbesuch in Peking eingetroffen. Es ist seine erste Reise nach China seit mehreren Jahren.",
        "Nach Angaben des Außenministeriums in Peking wird Lukaschenko mit Staats- und Parteichef Xi Jinping zusammentreffen. Beide Seiten wollen die wirtschaftliche Zusammenarbeit vertiefen.",
        "Beobachter sehen in dem Besuch ein Signal an den Westen. Belarus gilt als einer der engsten Verbündeten Russlands.",
    ];

    private static readonly string[] French =
    [
        "Le président biélorusse Alexandre Loukachenko est arrivé mardi à Pékin pour une visite d’État de trois jours. Il s’agit de son premier voyage en Chine depuis plusieurs années.",
        "Selon le ministère chinois des Affaires étrangères, il rencontrera le président Xi Jinping. Les deux parties veulent approfondir leur coopération économique.",
        "Les observateurs y voient un signal adressé à l’Occident. La Biélorussie est l’un des plus proches alliés de la Russie.",
    ];

    private static readonly string[] Spanish =
    [
        "El presidente bielorruso, Alexandr Lukashenko, llegó el martes a Pekín para una visita de Estado de tres días. Es su primer viaje a China en varios años.",
        "Según el Ministerio de Asuntos Exteriores chino, se reunirá con el presidente Xi Jinping. Ambas partes quieren profundizar su cooperación económica.",
        "Los observadores ven en la visita una señal a Occidente. Bielorrusia es uno de los aliados más cercanos de Rusia.",
    ];

    private static readonly string[] Italian =
    [
        "Il presidente bielorusso Aleksandr Lukashenko è arrivato martedì a Pechino per una visita di Stato di tre giorni. È il suo primo viaggio in Cina da diversi anni.",
        "Secondo il ministero degli Esteri cinese, incontrerà il presidente Xi Jinping. Le due parti vogliono approfondire la cooperazione economica.",
        "Gli osservatori vedono nella visita un segnale all’Occidente. La Bielorussia è uno dei più stretti alleati della Russia.",
    ];

    private static readonly string[] Portuguese =
    [
        "O presidente bielorrusso, Alexander Lukashenko, chegou na terça-feira a Pequim para uma visita de Estado de três dias. É a sua primeira viagem à China em vários anos.",
        "Segundo o Ministério dos Negócios Estrangeiros chinês, ele vai se reunir com o presidente Xi Jinping. As duas partes querem aprofundar a cooperação económica.",
        "Os observadores veem na visita um sinal ao Ocidente. A Bielorrússia é um dos aliados mais próximos da Rússia.",
    ];

    private static readonly string[] Dutch =
    [
        "De Wit-Russische president Aleksandr Loekasjenko is dinsdag in Peking aangekomen voor een driedaags staatsbezoek. Het is zijn eerste reis naar China in jaren.",
        "Volgens het Chinese ministerie van Buitenlandse Zaken zal hij president Xi Jinping ontmoeten. Beide partijen willen de economische samenwerking verdiepen.",
        "Waarnemers zien in het bezoek een signaal aan het Westen. Wit-Rusland is een van de naaste bondgenoten van Rusland.",
    ];

    private static readonly string[] Russian =
    [
        "Президент Белоруссии Александр Лукашенко во вторник прибыл в Пекин с трёхдневным государственным визитом. Это его первая поездка в Китай за несколько лет.",
        "По данным МИД Китая, он встретится с председателем КНР Си Цзиньпином. Стороны намерены углубить экономическое сотрудничество.",
        "Наблюдатели видят в визите сигнал Западу. Белоруссия является одним из ближайших союзников России.",
    ];

    private static readonly string[] Polish =
    [
        "Prezydent Białorusi Aleksandr Łukaszenka przybył we wtorek do Pekinu z trzydniową wizytą państwową. To jego pierwsza podróż do Chin od kilku lat.",
        "Według chińskiego MSZ spotka się z przewodniczącym Xi Jinpingiem. Obie strony chcą pogłębić współpracę gospodarczą.",
        "Obserwatorzy widzą w wizycie sygnał dla Zachodu. Białoruś jest jednym z najbliższych sojuszników Rosji.",
    ];

    private static readonly string[] Ukrainian =
    [
        "Президент Білорусі Олександр Лукашенко у вівторок прибув до Пекіна з триденним державним візитом. Це його перша поїздка до Китаю за кілька років.",
        "За даними МЗС Китаю, він зустрінеться з головою КНР Сі Цзіньпіном. Сторони мають намір поглибити економічну співпрацю.",
        "Спостерігачі вбачають у візиті сигнал Заходу. Білорусь є одним із найближчих союзників Росії.",
    ];

    private static readonly string[] Turkish =
    [
        "Belarus Cumhurbaşkanı Aleksandr Lukaşenko salı günü üç günlük resmi ziyaret için Pekin'e geldi. Bu, birkaç yıldır Çin'e yaptığı ilk ziyaret.",
        "Çin Dışişleri Bakanlığı'na göre Lukaşenko, Çin Devlet Başkanı Şi Cinping ile görüşecek. İki taraf ekonomik işbirliğini derinleştirmek istiyor.",
        "Gözlemciler ziyareti Batı'ya verilen bir mesaj olarak görüyor. Belarus, Rusya'nın en yakın müttefiklerinden biri.",
    ];

    public static TheoryData<string, string, string[], string, string[]> Pages => new()
    {
        { "de", "<p>Von Anna Schmidt und Max Weber | Veröffentlicht am 28. Februar 2023, 09:10 Uhr</p>", German, "2023-02-28", ["Anna Schmidt", "Max Weber"] },
        { "de", "<p>Autorin: Anna Schmidt</p><p>1. März 2023</p>", German, "2023-03-01", ["Anna Schmidt"] },
        { "fr", "<p>Par Jean Dupont et Marie Curie</p><p>Publié le 1er mars 2023 à 10h32</p>", French, "2023-03-01", ["Jean Dupont", "Marie Curie"] },
        { "es", "<p>Por María García, 28 de febrero de 2023</p>", Spanish, "2023-02-28", ["María García"] },
        { "it", "<p>di Marco Rossi</p><p>28 febbraio 2023</p>", Italian, "2023-02-28", ["Marco Rossi"] },
        { "pt-BR", "<p>Por João Silva e Ana Souza</p><p>3 de março de 2023</p>", Portuguese, "2023-03-03", ["João Silva", "Ana Souza"] },
        { "nl", "<p>Door Jan de Vries</p><p>Gepubliceerd op 28 februari 2023</p>", Dutch, "2023-02-28", ["Jan de Vries"] },
        { "ru", "<p>Автор: Иван Петров</p><p>28 февраля 2023 г.</p>", Russian, "2023-02-28", ["Иван Петров"] },
        { "pl", "<p>Autor: Jan Kowalski, PAP</p><p>28 lutego 2023</p>", Polish, "2023-02-28", ["Jan Kowalski"] },
        { "uk", "<p>Автор: Олена Коваленко</p><p>28 лютого 2023</p>", Ukrainian, "2023-02-28", ["Олена Коваленко"] },
        { "tr", "<p>Yazar: Ahmet Yılmaz</p><p>28 Şubat 2023</p>", Turkish, "2023-02-28", ["Ahmet Yılmaz"] },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Reads_the_date_and_the_writers_in_the_page_s_language_and_leaves_the_byline_out_of_the_text(string lang, string particulars, string[] paragraphs, string day, string[] authors)
    {
        var page = Extract(lang, "Lukaschenko in China", particulars, paragraphs);

        Assert.Equal(day, page.Published?.ToIso()[..10]);
        Assert.Equal(authors, page.Authors);
        Assert.StartsWith(paragraphs[0], page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(authors[0], page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_declared_language_the_byline_is_read_in_the_language_the_text_is_in()
    {
        var html =
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Lukaschenko in China</title></head><body>" +
            $"<main><h1>Lukaschenko in China</h1><p>Von Anna Schmidt und Max Weber</p>{string.Concat(German.Select(p => $"<p>{p}</p>"))}</main></body></html>";

        var page = Extractor.Extract(html, null).Page!;

        Assert.Equal("de", page.Language);
        Assert.Equal(["Anna Schmidt", "Max Weber"], page.Authors);
    }

    [Fact]
    public void An_update_stamp_in_the_page_s_language_does_not_replace_the_declared_publication()
    {
        const string head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-02-28T09:10:00+01:00\",\"dateModified\":\"2023-03-01T12:00:00+01:00\"}</script>";

        var page = Extract("de", "Lukaschenko in China", "<p>Aktualisiert am 1. März 2023</p>", German, head);

        Assert.Equal("2023-02-28", page.Published?.ToIso()[..10]);
    }

    [Fact]
    public void A_publication_date_the_page_labels_in_its_language_wins_over_a_later_stamp_in_the_meta_tags()
    {
        // The meta tag carries the day the article was moved to a new system; the page says when it was published.
        const string head = "<meta property=\"article:published_time\" content=\"2024-06-10T08:00:00Z\">";

        var page = Extract("fr", "Loukachenko en Chine", "<p>Publié le 1er mars 2023</p>", French, head);

        Assert.Equal("2023-03-01", page.Published?.ToIso()[..10]);
    }

    [Theory]
    [InlineData("de", "Lesen Sie auch: Xi Jinping empfängt Putin in Moskau", "Anzeige", "Folgen Sie uns auf Facebook und Instagram.",
        "Abonnieren Sie unseren Newsletter und erhalten Sie jeden Morgen die wichtigsten Nachrichten.")]
    [InlineData("fr", "À lire aussi : Xi Jinping reçu par Poutine à Moscou", "Publicité", "Suivez-nous sur Twitter",
        "Abonnez-vous à notre newsletter pour recevoir l’essentiel de l’actualité.")]
    [InlineData("es", "Lea también: Xi Jinping recibe a Putin en Moscú", "Publicidad", "Síguenos en Instagram",
        "Suscríbete a nuestro boletín y recibe las noticias del día.")]
    [InlineData("it", "Leggi anche: Xi Jinping ricevuto da Putin a Mosca", "Pubblicità", "Seguici su Facebook",
        "Iscriviti alla nostra newsletter per ricevere le notizie del giorno.")]
    [InlineData("ru", "Читайте также: Си Цзиньпин встретился с Путиным", "Реклама", "Подписывайтесь на нас в Telegram",
        "Подпишитесь на нашу рассылку, чтобы получать главные новости.")]
    public void Leaves_out_the_site_s_lines_between_and_after_the_paragraphs_in_the_page_s_language(string lang, string related, string ad, string follow, string newsletter)
    {
        var paragraphs = lang switch
        {
            "de" => German,
            "fr" => French,
            "es" => Spanish,
            "it" => Italian,
            _ => Russian,
        };
        var page = Extract(lang, "Lukaschenko", "", [paragraphs[0], related, paragraphs[1], ad, paragraphs[2], follow, newsletter]);

        Assert.Equal(string.Join("\n\n", paragraphs), page.Text);
    }

    [Fact]
    public void Keeps_a_sentence_that_speaks_of_advertising()
    {
        string[] paragraphs =
        [
            German[0],
            "Werbung ist für Zeitungen in Belarus eine wichtige Einnahmequelle, sagte der Verleger.",
            German[1],
            "Anzeige und Werbung verkaufen die Zeitungen des Landes seit Jahren an staatliche Betriebe.",
        ];

        var page = Extract("de", "Lukaschenko", "", paragraphs);

        Assert.Equal(string.Join("\n\n", paragraphs), page.Text);
    }

    [Theory]
    [InlineData("28. Februar 2023", "2023-02-28")]
    [InlineData("Veröffentlicht am 3. März 2024 um 10:15 Uhr", "2024-03-03")]
    [InlineData("7. Okt. 2024", "2024-10-07")]
    [InlineData("1er janvier 2024", "2024-01-01")]
    [InlineData("12 déc. 2023", "2023-12-12")]
    [InlineData("7 de diciembre de 2026", "2026-12-07")]
    [InlineData("lunes, 7 de diciembre del 2026", "2026-12-07")]
    [InlineData("12 settembre 2025", "2025-09-12")]
    [InlineData("3 de março de 2024", "2024-03-03")]
    [InlineData("3 maart 2024", "2024-03-03")]
    [InlineData("3 augusti 2024", "2024-08-03")]
    [InlineData("28 февраля 2023 г.", "2023-02-28")]
    [InlineData("28 lutego 2023 r.", "2023-02-28")]
    [InlineData("28. února 2023", "2023-02-28")]
    [InlineData("28 Şubat 2023", "2023-02-28")]
    [InlineData("28 ŞUBAT 2023", "2023-02-28")]
    [InlineData("28 лютого 2023 р.", "2023-02-28")]
    [InlineData("Stand: 28.Februar2023", "2023-02-28")]
    [InlineData("3 févr., 2024", "2024-02-03")]
    [InlineData("1erjanvier 2024", "2024-01-01")]
    [InlineData("5 de ENERO  del   2025, 10:00", "2025-01-05")]
    [InlineData("Seit 2019 im Amt, am 28. Februar 2023 gewählt", "2023-02-28")]
    [InlineData("1ºde marzo de 2024", "2024-03-01")]
    [InlineData("1ᵉʳ janvier 2024", "2024-01-01")]
    [InlineData("5mars 2024", "2024-03-05")]
    [InlineData("Am 3.\n\n   März 2024", "2024-03-03")]
    [InlineData("Rückblick: November 2024", null)]
    [InlineData("30 février 2023", null)]
    [InlineData("12 marzo", null)]
    [InlineData("marzo 2024", null)]
    [InlineData("12 marzolino 2024", null)]
    public void Reads_a_date_with_the_month_named_in_another_language(string text, string? day)
    {
        Assert.Equal(day, TextDates.FindInText(text)?.ToIso()[..10]);
        Assert.Null(TextDates.OtherReading(text, monthFirst: true));
    }

    [Theory]
    [InlineData("Von Anna Schmidt", "de", new[] { "Anna Schmidt" })]
    [InlineData("von Ursula von der Leyen und Olaf Scholz", "de", new[] { "Ursula von der Leyen", "Olaf Scholz" })]
    [InlineData("Par Jean Dupont | 1er mars 2023", "fr", new[] { "Jean Dupont" })]
    [InlineData("Por María García, 28 de febrero de 2023", "es", new[] { "María García" })]
    [InlineData("a cura di Marco Rossi", "it", new[] { "Marco Rossi" })]
    [InlineData("Door Jan de Vries", "nl", new[] { "Jan de Vries" })]
    [InlineData("Av Anna Svensson och Erik Lind", "sv", new[] { "Anna Svensson", "Erik Lind" })]
    [InlineData("Автор: Иван Петров", "ru", new[] { "Иван Петров" })]
    [InlineData("Автор: Олена Коваленко та Іван Петренко", "uk", new[] { "Олена Коваленко", "Іван Петренко" })]
    [InlineData("Autor: Jan Kowalski, PAP", "pl", new[] { "Jan Kowalski" })]
    [InlineData("Tekst: Anna Nowak i Piotr Wiśniewski", "pl", new[] { "Anna Nowak", "Piotr Wiśniewski" })]
    [InlineData("Autor: Jan Novák | 28. února 2023", "cs", new[] { "Jan Novák" })]
    [InlineData("Yazar: Ahmet Yılmaz ve Ayşe Demir", "tr", new[] { "Ahmet Yılmaz", "Ayşe Demir" })]
    [InlineData("Szerző: Kovács János", "hu", new[] { "Kovács János" })]
    [InlineData("Von Anna Schmidt, dpa", "de", new[] { "Anna Schmidt" })]
    [InlineData("Von Anna Schmidt, Korrespondentin in Peking", "de", new[] { "Anna Schmidt" })]
    public void Names_the_writers_of_a_byline_in_the_page_s_language(string text, string language, string[] names)
    {
        Assert.Equal(names, Bylines.OtherLanguageByline(text, language));
    }

    [Theory]
    [InlineData("Par ailleurs, le gouvernement a annoncé de nouvelles mesures.", "fr")]
    [InlineData("Di Maio ha detto che la visita è importante.", "it")]
    [InlineData("Por Dios, qué visita", "es")]
    [InlineData("Von Anna Schmidt, die in Peking lebt, stammt der Bericht.", "de")]
    [InlineData("Von Berlin aus reiste die Delegation weiter.", "de")]
    [InlineData("Door Jan de Vries", "en")]
    [InlineData("Von Anna Schmidt", null)]
    [InlineData("Par Jean Dupont", "de")]
    [InlineData("Autor: Jan Kowalski", "en")]
    [InlineData("Tekst ustawy trafi do Sejmu w przyszłym tygodniu.", "pl")]
    [InlineData("Autor tekstu, Jan Kowalski, nie chciał komentować.", "pl")]
    [InlineData("Haber: bakanlık açıklama yapmadı.", "tr")]
    public void Leaves_a_sentence_or_a_line_in_another_language_alone(string text, string? language)
    {
        Assert.Null(Bylines.OtherLanguageByline(text, language));
    }
}
