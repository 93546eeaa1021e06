using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Storyfold.Server.Api;

/// <summary>A page: how many items and where it starts. Cursors are opaque to clients.</summary>
public readonly record struct Page(int Limit, int Offset)
{
    public static string Cursor(int offset) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes("o" + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Reads <c>limit</c> and <c>cursor</c>; on bad values returns the problem to answer with.</summary>
    public static (Page Page, IResult? Problem) Parse(string? limit, string? cursor, int defaultLimit, int maxLimit)
    {
        var size = defaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > maxLimit))
        {
            return (default, Problems.BadParameter("limit", $"must be a whole number from 1 to {maxLimit}, not '{Clip(limit)}'"));
        }

        var offset = 0;
        if (!string.IsNullOrEmpty(cursor))
        {
            string? decoded = null;
            try
            {
                decoded = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            }
            catch (FormatException)
            {
            }

            if (decoded is null || decoded.Length < 2 || decoded[0] != 'o'
                || !int.TryParse(decoded.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            {
                return (default, Problems.BadParameter("cursor", "is not a cursor this server gave out; use the next link of a previous page"));
            }
        }

        return (new Page(size, offset), null);
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
