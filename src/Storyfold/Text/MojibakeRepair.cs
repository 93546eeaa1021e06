using System.Text;

namespace Storyfold.Text;

/// <summary>
/// Undoes text that was UTF-8, decoded once as Latin-1 or Windows-1252 and encoded again (<c>Investorâ\u0080\u0099s</c>,
/// <c>donâ€™t</c>, <c>cafÃ©</c>), as pages and feeds serve it after a careless migration. It acts only on text that
/// shows the damage (C1 control characters, or the <c>â€</c> that every curly quote and dash turns into), and only
/// where a run of characters spells a well-formed UTF-8 sequence, so sound text is left exactly as it is.
/// </summary>
internal static class MojibakeRepair
{
    // Windows-1252 puts printable characters where Latin-1 has C1 controls; their bytes, to read such text back.
    private static readonly Dictionary<char, byte> Windows1252 = BuildWindows1252();

    public static bool LooksDamaged(string text) =>
        text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F') >= 0 || text.Contains("â€", StringComparison.Ordinal);

    public static string Repair(string text)
    {
        if (!LooksDamaged(text))
        {
            return text;
        }

        StringBuilder? repaired = null;
        var copied = 0;
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var length = SequenceLength(text[i]);
            if (length == 0 || i + length > text.Length)
            {
                continue;
            }

            bytes[0] = (byte)text[i];
            var complete = true;
            for (var k = 1; k < length && complete; k++)
            {
                if (ByteOf(text[i + k]) is { } b and >= 0x80 and <= 0xBF)
                {
                    bytes[k] = b;
                }
                else
                {
                    complete = false;
                }
            }

            if (!complete || !TryDecode(bytes[..length], out var decoded))
            {
                continue;
            }

            repaired ??= new StringBuilder(text.Length);
            repaired.Append(text, copied, i - copied).Append(decoded);
            copied = i + length;
            i += length - 1;
        }

        return repaired is null ? text : repaired.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>How many bytes a UTF-8 sequence led by this character (read as a byte) has; 0 when it leads none.</summary>
    private static int SequenceLength(char lead) => lead switch
    {
        >= '\u00C2' and <= '\u00DF' => 2,
        >= '\u00E0' and <= '\u00EF' => 3,
        >= '\u00F0' and <= '\u00F4' => 4,
        _ => 0,
    };

    private static byte? ByteOf(char c) => c switch
    {
        <= '\u00FF' => (byte)c,
        _ when Windows1252.TryGetValue(c, out var b) => b,
        _ => null,
    };

    private static bool TryDecode(ReadOnlySpan<byte> bytes, out string decoded)
    {
        decoded = "";
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return false;
        }

        decoded = Encoding.UTF8.GetString(bytes);
        return true;
    }

    private static Dictionary<char, byte> BuildWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
        var map = new Dictionary<char, byte>();
        for (var b = 0x80; b <= 0x9F; b++)
        {
            var c = encoding.GetString([(byte)b])[0];
            if (c != '\uFFFD' && c > '\u00FF')
            {
                map[c] = (byte)b;
            }
        }

        return map;
    }
}
