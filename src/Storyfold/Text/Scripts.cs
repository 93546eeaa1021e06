namespace Storyfold.Text;

/// <summary>Which writing system a character belongs to, where extraction has to tell CJK text from the rest.</summary>
public static class Scripts
{
    /// <summary>Han, kana, Hangul and the CJK punctuation block: text that is typeset with full-width forms.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u3001' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>A full-width form of an ASCII letter, digit or mark ("？", "Ａ"), as CJK input methods type them.</summary>
    public static bool IsFullWidthForm(char c) => c is >= '\uFF01' and <= '\uFF5E';
}
