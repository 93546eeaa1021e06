namespace Storyfold.Text;

/// <summary>Guesses an article's language from its script and stop-word statistics (no model needed).</summary>
public static class LanguageDetector
{
    private static readonly Dictionary<string, string[]> StopWords = new()
    {
        ["en"] = ["the", "and", "of", "to", "in", "is", "that", "for", "was", "on", "with", "he", "it", "as", "at", "by", "from", "has", "have", "said", "will", "his", "are", "be", "this", "which", "who", "an", "were", "its"],
        ["de"] = ["der", "die", "und", "den", "das", "ist", "nicht", "mit", "sich", "auf", "des", "dem", "ein", "eine", "auch", "für", "von", "zu", "im", "wird", "hat", "sie", "es", "sind"],
        ["fr"] = ["le", "la", "les", "des", "et", "est", "une", "dans", "pour", "que", "qui", "sur", "pas", "par", "au", "du", "avec", "il", "elle", "sont", "ont", "cette", "aux"],
        ["es"] = ["el", "la", "los", "las", "y", "que", "del", "en", "por", "con", "una", "para", "es", "se", "al", "como", "más", "su", "lo", "fue", "ha", "pero"],
        ["it"] = ["il", "di", "che", "della", "per", "non", "sono", "una", "del", "con", "gli", "alla", "anche", "nel", "come", "più", "dei", "ha", "delle"],
        ["nl"] = ["de", "het", "een", "van", "en", "dat", "niet", "zijn", "op", "voor", "met", "ook", "aan", "werd", "naar", "bij", "heeft"],
        ["pt"] = ["o", "os", "da", "do", "das", "dos", "que", "em", "um", "uma", "para", "com", "não", "por", "mais", "foi", "ao", "como"],
        // Function words of these languages that no other language listed here writes, nor a common word of one ("under",
        // "je", "mai", "care", "este", "nie", "nem", Czech "ve", Danish "som"): a shared word would count for the wrong one.
        ["sv"] = ["och", "att", "inte", "för", "också", "från", "är", "hade", "när", "till", "vid", "sedan", "hon", "inom", "enligt"],
        ["da"] = ["af", "blev", "bliver", "havde", "mod", "ikke", "også", "hvor", "ifølge"],
        ["no"] = ["etter", "seg", "ble", "blir", "hadde", "ikke", "også", "hvor", "ifølge"],
        ["pl"] = ["się", "jest", "przez", "już", "oraz", "który", "która", "które", "został", "została", "według", "także", "być"],
        ["cs"] = ["již", "také", "který", "která", "které", "byl", "byla", "bylo", "podle", "jsou", "být"],
        ["tr"] = ["bir", "bu", "için", "ile", "olarak", "olan", "çok", "daha", "gibi", "ancak", "sonra", "kadar", "göre", "değil"],
        ["ro"] = ["și", "în", "cu", "pe", "că", "sunt", "pentru", "după", "fost", "unei", "acest", "această"],
        ["hu"] = ["és", "az", "hogy", "egy", "meg", "már", "csak", "volt", "lesz", "szerint", "között", "után", "pedig"],
        ["fi"] = ["ei", "että", "oli", "ovat", "mukaan", "myös", "kun", "joka", "tai", "hän", "mutta", "sekä", "jälkeen"],
        // Malay and Indonesian share most function words (see MalayIndonesian); these are the ones that tell them apart.
        ["ms"] = ["kerana", "bahawa", "selepas", "ialah", "iaitu", "manakala", "semalam", "boleh", "kelmarin", "mahupun", "sebarang", "kerajaan", "polis", "sahaja", "wang", "sebahagian", "jabatan", "syarikat", "akhbar", "kes", "negeri"],
        ["id"] = ["karena", "bahwa", "setelah", "bisa", "yakni", "kemarin", "pemerintah", "polisi", "uang", "saja", "tersebut", "kasus", "ujar", "pihaknya", "yaitu", "tersangka"],
    };

    // Function words common to Malay and Indonesian: they show that a text is one of the two, not which.
    private static readonly string[] MalayIndonesian =
        ["yang", "dan", "di", "dengan", "untuk", "dari", "pada", "dalam", "tidak", "oleh", "ini", "itu", "juga", "kepada", "akan", "telah", "atau", "mereka", "ke", "adalah"];

    private const string MalayOrIndonesian = "ms|id";

    private static readonly Dictionary<string, string> WordLanguage = BuildIndex();

    /// <summary>An ISO 639-1 code, or null when the text is too short or unclear.</summary>
    public static string? Detect(ReadOnlySpan<char> text)
    {
        int han = 0, kana = 0, hangul = 0, cyrillic = 0, arabic = 0, latin = 0;
        // The first few thousand characters say as much as the whole article and keep long texts cheap.
        var sample = text.Length > 1500 ? text[..1500] : text;
        foreach (var c in sample)
        {
            if (c < 'A')
            {
                continue;
            }

            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                han++;
            }
            else if (c is >= '\u3040' and <= '\u30FF')
            {
                kana++;
            }
            else if (c is >= '\uAC00' and <= '\uD7AF')
            {
                hangul++;
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (c is >= '\u0600' and <= '\u06FF')
            {
                arabic++;
            }
            else if (char.IsLetter(c))
            {
                latin++;
            }
        }

        var letters = han + kana + hangul + cyrillic + arabic + latin;
        if (letters < 3)
        {
            return null;
        }

        // CJK characters carry a word each, so they count more than Latin letters do.
        if (kana > 0 && (kana + han) * 3 > letters)
        {
            return "ja";
        }

        if (han * 3 > letters)
        {
            return "zh";
        }

        if (hangul * 3 > letters)
        {
            return "ko";
        }

        if (cyrillic * 2 > letters)
        {
            return CyrillicLanguage(sample);
        }

        if (arabic * 2 > letters)
        {
            return ArabicScriptLanguage(sample);
        }

        return DetectLatin(sample);
    }

    /// <summary>
    /// Which language a text in Cyrillic is in, by the letters only some of them write: Serbian ђ ћ џ љ њ (and ј without
    /// Macedonian ѓ ќ ѕ), Macedonian ѓ ќ ѕ, Belarusian ў, Ukrainian ї є ґ (or і without ы), Russian ы э ё, and Bulgarian
    /// with none of those but a ъ that is a vowel of its own (Russian writes it rarely). Russian when nothing tells.
    /// </summary>
    private static string CyrillicLanguage(ReadOnlySpan<char> text)
    {
        int serbian = 0, macedonian = 0, belarusian = 0, ukrainian = 0, ukrainianI = 0, russian = 0, hardSign = 0, je = 0;
        foreach (var c in text)
        {
            switch (char.ToLowerInvariant(c))
            {
                case 'ђ' or 'ћ' or 'џ' or 'љ' or 'њ': serbian++; break;
                case 'ј': je++; break;
                case 'ѓ' or 'ќ' or 'ѕ': macedonian++; break;
                case 'ў': belarusian++; break;
                case 'ї' or 'є' or 'ґ': ukrainian++; break;
                case 'і': ukrainianI++; break;
                case 'ы' or 'э' or 'ё': russian++; break;
                case 'ъ': hardSign++; break;
            }
        }

        return macedonian > 0 && macedonian >= serbian ? "mk"
            : serbian > 0 || je > 0 ? "sr"
            : belarusian > 0 ? "be"
            : ukrainian > 0 || (ukrainianI > 0 && russian == 0) ? "uk"
            : russian == 0 && hardSign > 2 ? "bg"
            : "ru";
    }

    /// <summary>
    /// Which language a text in Arabic script is in, by the letters Persian (پ چ ژ گ, and its own ی and ک) and Urdu (ٹ ڈ
    /// ڑ ں ے) add: Urdu when its letters show, Persian when its do, Arabic otherwise.
    /// </summary>
    private static string ArabicScriptLanguage(ReadOnlySpan<char> text)
    {
        int persian = 0, urdu = 0;
        foreach (var c in text)
        {
            if (c is '\u0679' or '\u0688' or '\u0691' or '\u06BA' or '\u06D2')
            {
                urdu++;
            }
            else if (c is '\u067E' or '\u0686' or '\u0698' or '\u06AF' or '\u06CC' or '\u06A9')
            {
                persian++;
            }
        }

        return urdu > 0 ? "ur" : persian > 2 ? "fa" : "ar";
    }

    private static string? DetectLatin(ReadOnlySpan<char> text)
    {
        var counts = new Dictionary<string, int>();
        var lookup = WordLanguage.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = 0;
        Span<char> lower = stackalloc char[32];
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isLetter = i < text.Length && char.IsLetter(text[i]);
            if (isLetter && start < 0)
            {
                start = i;
            }
            else if (!isLetter && start >= 0)
            {
                var word = text[start..i];
                start = -1;
                words++;
                if (word.Length > lower.Length)
                {
                    continue;
                }

                var n = word.ToLowerInvariant(lower);
                if (lookup.TryGetValue(lower[..n], out var lang))
                {
                    counts[lang] = counts.GetValueOrDefault(lang) + 1;
                }
            }
        }

        if (words < 3 || counts.Count == 0)
        {
            return null;
        }

        var best = counts.MaxBy(kv => kv.Value);
        if (best.Key == MalayOrIndonesian)
        {
            // Indonesian when its own words are the more frequent; otherwise "ms", which as an ISO 639-1 code names the
            // Malay macrolanguage that Indonesian belongs to, so it is the right label when nothing tells them apart.
            best = new(counts.GetValueOrDefault("id") > counts.GetValueOrDefault("ms") ? "id" : "ms", best.Value);
        }

        return best.Value * 20 >= words || best.Value >= 2 ? best.Key : null;
    }

    private static Dictionary<string, string> BuildIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        var seenTwice = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (lang, words) in StopWords)
        {
            foreach (var word in words)
            {
                if (!index.TryAdd(word, lang))
                {
                    seenTwice.Add(word);
                }
            }
        }

        // A word shared by two languages says nothing about either.
        foreach (var word in seenTwice)
        {
            index.Remove(word);
        }

        foreach (var word in MalayIndonesian)
        {
            // "di" is Italian as well: a word of both families counts for neither.
            if (!index.Remove(word) && !seenTwice.Contains(word))
            {
                index[word] = MalayOrIndonesian;
            }
        }

        return index;
    }
}
