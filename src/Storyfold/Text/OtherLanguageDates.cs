namespace Storyfold.Text;

/// <summary>
/// The words German, French, Spanish, Italian, Portuguese, Dutch, Scandinavian, Polish, Czech, Turkish, Russian and
/// Ukrainian news print around a date: month names (with the abbreviations pages use), weekdays, and the labels and
/// little words of a date stamp ("Veröffentlicht am 28. Februar 2023, 09:10 Uhr", "Publié le 1er mars 2023 à 10h32",
/// "Actualizado el 7 de diciembre de 2026").
/// </summary>
internal static class OtherLanguageDates
{
    /// <summary>
    /// Month names other than English ones, each to its month. Names English shares ("April", "November") and
    /// abbreviations it reads the same ("Jan.", "Aug.") are read as English and are not listed.
    /// </summary>
    private static readonly string[][] MonthNames =
    [
        ["januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "января", "stycznia", "ledna", "ocak", "січня"],
        ["februar", "feber", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "fev", "februari", "февраля", "lutego", "února", "şubat", "subat", "лютого"],
        ["märz", "maerz", "mär", "mrz", "mars", "marzo", "março", "maart", "mrt", "marts", "марта", "marca", "března", "mart", "березня"],
        ["avril", "avr", "abril", "abr", "aprile", "апреля", "kwietnia", "dubna", "nisan", "квітня"],
        ["mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "мая", "maja", "května", "mayıs", "mayis", "травня"],
        ["juin", "junio", "giugno", "giu", "junho", "juni", "июня", "czerwca", "června", "haziran", "червня"],
        ["juillet", "juil", "julio", "luglio", "lug", "julho", "juli", "июля", "lipca", "července", "temmuz", "липня"],
        ["août", "aout", "agosto", "ago", "augustus", "augusti", "августа", "sierpnia", "srpna", "ağustos", "agustos", "серпня"],
        ["septembre", "septiembre", "setiembre", "settembre", "setembro", "set", "сентября", "września", "wrzesnia", "září", "eylül", "eylul", "вересня"],
        ["oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "октября", "października", "pazdziernika", "října", "ekim", "жовтня"],
        ["novembre", "noviembre", "novembro", "ноября", "listopada", "listopadu", "kasım", "kasim", "листопада"],
        ["dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "декабря", "grudnia", "prosince", "aralık", "aralik", "грудня"],
    ];

    private static readonly Dictionary<string, int> Months = BuildMonths();

    /// <summary>The month names as a regular expression alternation, longest first ("marzo" before "mar").</summary>
    public static readonly string MonthPattern =
        string.Join('|', Months.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Select(System.Text.RegularExpressions.Regex.Escape));

    /// <summary>Weekdays and the words a date stamp sets around its date: labels, "on", "at", "of", the hour's unit.</summary>
    private static readonly HashSet<string> StampWords = new(StringComparer.OrdinalIgnoreCase)
    {
        // Weekdays.
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "mandag", "tirsdag", "lørdag", "søndag",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
        "pondělí", "úterý", "středa", "čtvrtek", "pátek", "neděle",
        "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",
        "понеділок", "вівторок", "середа", "четвер", "п'ятниця", "п’ятниця", "субота", "неділя",
        // Labels.
        "veröffentlicht", "aktualisiert", "erschienen", "geändert", "stand", "publié", "publiée", "mis", "mise", "jour",
        "modifié", "publicado", "publicada", "actualizado", "actualizada", "pubblicato", "pubblicata", "aggiornato",
        "aggiornata", "atualizado", "atualizada", "gepubliceerd", "bijgewerkt", "gewijzigd", "publicerad", "uppdaterad",
        "publiceret", "opdateret", "publisert", "oppdatert", "опубликовано", "обновлено", "опубліковано", "оновлено",
        "opublikowano", "zaktualizowano", "publikováno", "aktualizováno", "yayınlanma", "güncelleme", "tarihi",
        // On, at, of, the hour and the year.
        "am", "um", "uhr", "le", "à", "de", "del", "el", "em", "às", "il", "alle", "ore", "op", "om", "den", "kl", "klo",
        "в", "г", "года", "o", "r", "roku", "р", "року", "о",
    };

    /// <summary>The month a name or abbreviation (without its stop) stands for, or null.</summary>
    public static int? Month(string name) => Months.TryGetValue(name, out var month) ? month : null;

    /// <summary>True when the letters are one of the month names or abbreviations, any case.</summary>
    public static bool IsMonth(ReadOnlySpan<char> name) => Months.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(name);

    /// <summary>True for a weekday, label or little word of a date stamp in these languages.</summary>
    public static bool IsStampWord(string token) => StampWords.Contains(token);

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < MonthNames.Length; i++)
        {
            foreach (var name in MonthNames[i])
            {
                months[name] = i + 1;
            }
        }

        return months;
    }
}
