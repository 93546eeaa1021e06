using Storyfold.Text;

namespace Storyfold.Tests.Text;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("The minister said on Friday that the talks with the delegation would resume in the spring.", "en")]
    [InlineData("Der Minister sagte am Freitag, dass die Gespräche mit der Delegation im Frühjahr wieder aufgenommen werden.", "de")]
    [InlineData("Il ministro ha detto venerdì che i colloqui con la delegazione della regione sono ripresi anche per il porto.", "it")]
    [InlineData("Ahli perniagaan yang melarikan diri daripada tahanan rumah itu ditahan di Venezuela kelmarin, kerana polis menerima maklumat.", "ms")]
    [InlineData("Pengusaha yang melarikan diri dari tahanan rumah tersebut ditangkap di Venezuela kemarin, karena polisi sudah menerima informasi.", "id")]
    [InlineData("白俄罗斯总统卢卡申科将于2月28日至3月2日对中国进行国事访问。", "zh")]
    [InlineData("Belarus president Aleksandr Lukasjenko anlände på tisdagen till Peking för ett statsbesök som enligt utrikesministeriet ska vara i tre dagar.", "sv")]
    [InlineData("Hviderusslands præsident Aleksandr Lukasjenko ankom tirsdag til Beijing, hvor han ifølge ministeriet havde møder i tre dage.", "da")]
    [InlineData("Hviterusslands president Aleksandr Lukasjenko kom tirsdag til Beijing, hvor han ifølge departementet hadde møter etter ankomsten.", "no")]
    [InlineData("Prezydent Białorusi Aleksandr Łukaszenka przybył we wtorek do Pekinu, gdzie według ministerstwa został przyjęty przez przewodniczącego.", "pl")]
    [InlineData("Běloruský prezident Alexandr Lukašenko přijel v úterý do Pekingu, kde podle ministerstva byl přijat jako státní host.", "cs")]
    [InlineData("Belarus Cumhurbaşkanı Aleksandr Lukaşenko salı günü üç günlük bir devlet ziyareti için Pekin'e geldi ve Şi ile görüştü.", "tr")]
    [InlineData("Președintele Belarusului, Aleksandr Lukașenko, a sosit marți la Beijing pentru o vizită de stat, după ce a fost invitat.", "ro")]
    [InlineData("Aljakszandr Lukasenka fehérorosz elnök kedden Pekingbe érkezett, ahol a minisztérium szerint három napot tölt, és már tárgyalt.", "hu")]
    [InlineData("Valko-Venäjän presidentti Aleksandr Lukašenka saapui tiistaina Pekingiin, jossa hän ministeriön mukaan tapaa myös Xin.", "fi")]
    [InlineData("El presidente bielorruso llegó a Pekín para una visita de Estado y se reunió con el presidente chino.", "es")]
    [InlineData("Le président biélorusse est arrivé à Pékin pour une visite d’État et je crois qu’il restera trois jours.", "fr")]
    [InlineData("Президент Белоруссии Александр Лукашенко во вторник прибыл в Пекин с трёхдневным государственным визитом.", "ru")]
    [InlineData("Президент Білорусі Олександр Лукашенко у вівторок прибув до Пекіна з триденним державним візитом.", "uk")]
    [InlineData("Прэзідэнт Беларусі Аляксандр Лукашэнка ў аўторак прыбыў у Пекін з трохдзённым дзяржаўным візітам.", "be")]
    [InlineData("Президентът на Беларус Александър Лукашенко пристигна във вторник в Пекин на тридневно държавно посещение.", "bg")]
    [InlineData("Председник Белорусије Александар Лукашенко допутовао је у уторак у Пекинг у тродневну државну посету.", "sr")]
    [InlineData("Претседателот на Белорусија Александар Лукашенко пристигна во вторникот во Пекинг на тридневна државна посета, ќе се сретне со Си.", "mk")]
    [InlineData("وصل الرئيس البيلاروسي ألكسندر لوكاشينكو يوم الثلاثاء إلى بكين في زيارة دولة تستغرق ثلاثة أيام.", "ar")]
    [InlineData("رئیس جمهور بلاروس الکساندر لوکاشنکو روز سه‌شنبه برای یک دیدار سه روزه وارد پکن شد.", "fa")]
    [InlineData("بیلاروس کے صدر الیگزینڈر لوکاشینکو منگل کو تین روزہ سرکاری دورے پر بیجنگ پہنچے۔", "ur")]
    public void Tells_languages_apart_by_script_and_function_words(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Fact]
    public void Says_nothing_about_a_text_too_short_to_tell() => Assert.Null(LanguageDetector.Detect("OK"));
}
