namespace Storyfold.Text;

/// <summary>
/// The lines news sites in German, French, Spanish, Italian, Dutch, Portuguese, Russian and Scandinavian languages set
/// around a story, as parts of regular expressions (case-insensitive): what pages and pasted articles leave out of the
/// text as they do the English ones.
/// </summary>
internal static class OtherLanguageLabels
{
    /// <summary>
    /// "See also" in German, French, Spanish, Italian, Dutch, Portuguese, Russian and Scandinavian news: "Lesen Sie auch:",
    /// "Mehr zum Thema:", "À lire aussi :", "Lea también:", "Leggi anche:", "Lees ook:", "Leia também:", "Читайте также:".
    /// </summary>
    public const string Related =
        @"lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|(?:à |a )?lire aussi|voir aussi|le[ae] también|leer más|leggi anche|lees ook|leia (?:também|mais)|читайте также|läs också|les også|læs også";

    /// <summary>An ad slot's label in those languages: "Anzeige", "Werbung", "Publicité", "Publicidad", "Pubblicità", "Реклама".</summary>
    public const string Ad = @"anzeige|werbung|publicité|publicidad|publicidade|pubblicità|advertentie|реклама|annons|annonse|reklame";

    /// <summary>"Follow us on ..." in those languages: "Folgen Sie uns auf", "Suivez-nous sur", "Síguenos en", "Seguici su".</summary>
    public const string Follow =
        @"(?:folgen sie uns auf|folge uns auf|suivez-nous sur|síguenos en|seguici su|volg ons op|siga-nos n[oa]|följ oss på|følg os på|følg oss på|подписывайтесь на нас в) (?:facebook|twitter|x|instagram|youtube|tiktok|linkedin|threads|bluesky|mastodon|telegram|whatsapp)\b";

    /// <summary>A call to take the newsletter in those languages: "Abonnieren Sie unseren Newsletter", "Abonnez-vous à notre newsletter".</summary>
    public const string Newsletter =
        @"abonnieren sie (?:unseren|den) newsletter|melden sie sich (?:für|zu) unse?re?m? newsletter an|(?:abonnez|inscrivez)-vous à (?:notre|la) newsletter|suscr[ií]bete a nuestr[oa] (?:newsletter|bolet[ií]n)|iscriviti alla (?:nostra )?newsletter|(?:schrijf je in|meld je aan) voor (?:onze|de) nieuwsbrief|(?:assine|inscreva-se (?:em|na)) (?:a )?nossa newsletter|подпишитесь на (?:нашу )?рассылку";

    /// <summary>"Published" as those languages label a date ("Veröffentlicht am", "Publié le", "Publicado el", "Pubblicato il", "Опубликовано").</summary>
    public const string Published =
        @"(?:veröffentlicht|erschienen|publié|publiée|publicado|publicada|pubblicato|pubblicata|gepubliceerd|publicerad|publiceret|publisert|опубликовано)(?: am| le| el| em| en| il| op| den)?\b";

    /// <summary>"Updated" in the same languages ("Aktualisiert", "Mis à jour", "Actualizado", "Aggiornato", "Bijgewerkt", "Обновлено").</summary>
    public const string Updated =
        @"(?:aktualisiert|geändert|mis à jour|mise à jour|modifié|actualizado|actualizada|aggiornato|aggiornata|atualizado|atualizada|bijgewerkt|gewijzigd|uppdaterad|opdateret|oppdatert|обновлено)\b";
}
