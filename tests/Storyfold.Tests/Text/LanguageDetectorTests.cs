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
    public void Tells_languages_apart_by_script_and_function_words(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Fact]
    public void Says_nothing_about_a_text_too_short_to_tell() => Assert.Null(LanguageDetector.Detect("OK"));
}
