namespace Storyfold.Text;

/// <summary>
/// Latin letters without their accents, one character for one. .NET runs here without ICU (invariant globalization), so
/// <see cref="string.Normalize()"/> cannot decompose "é" into "e" and an accent; this table does it for Latin-1 and
/// Latin Extended-A (U+00C0..U+017F), where the accented letters of Western and Central European languages live.
/// </summary>
internal static class LatinLetters
{
    // Each letter's base letter in lower case; one without a plain base letter (æ, ß, ð, þ, ł) stands for itself.
    private const string Accented =
        "aaaaaaæceeeeiiiiðnooooo×øuuuuyþßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþyaaaaaaccccccccddđđeeeeeeeeeegggg" +
        "gggghhħħiiiiiiiiiıĳĳjjkkĸllllllŀŀłłnnnnnnŉŋŋooooooœœrrrrrrssssssssttttŧŧuuuuuuuuuuuuwwyyyzzzzzzſ";

    /// <summary>The character in lower case, and without its accent when it is an accented Latin letter.</summary>
    public static char Fold(char c) => c switch
    {
        < '\u0080' => char.ToLowerInvariant(c),
        >= '\u00C0' and <= '\u017F' => Accented[c - '\u00C0'],
        _ => char.ToLowerInvariant(c),
    };
}
