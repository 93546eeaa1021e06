using System.Text;

namespace Storyfold.Extraction;

/// <summary>
/// Guards the parser against pathological nesting: the HTML tree builder does work proportional to the depth of open
/// elements for every tag, so 100,000 nested elements would take minutes. A linear scan counts the depth of
/// unclosed container tags; past the limit, further start tags (and the end tags that match them) are dropped and their
/// text kept, which is what a reader of such a page would see anyway.
/// </summary>
internal static class MarkupDepth
{
    /// <summary>Real pages stay far below this; generated or hostile markup does not.</summary>
    public const int Limit = 1500;

    public static string Flatten(string html)
    {
        if (MaxDepth(html, out _) <= Limit)
        {
            return html;
        }

        var output = new StringBuilder(html.Length);
        var depth = 0;
        var dropped = 0;
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0)
            {
                output.Append(html, i, html.Length - i);
                break;
            }

            output.Append(html, i, open - i);
            var tag = ReadTag(html, open, out var end, out var name, out var closing, out var selfClosing);
            if (!tag)
            {
                output.Append('<');
                i = open + 1;
                continue;
            }

            var keep = true;
            if (IsRawText(name) && !closing)
            {
                var close = html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                end = close < 0 ? html.Length : close;
            }
            else if (Counts(name) && !selfClosing)
            {
                if (!closing)
                {
                    depth++;
                    if (depth > Limit)
                    {
                        keep = false;
                        dropped++;
                    }
                }
                else
                {
                    if (dropped > 0 && depth > Limit)
                    {
                        keep = false;
                        dropped--;
                    }

                    depth = Math.Max(0, depth - 1);
                }
            }

            if (keep)
            {
                output.Append(html, open, end - open);
            }
            else
            {
                output.Append(' ');
            }

            i = end;
        }

        return output.ToString();
    }

    /// <summary>The deepest nesting of container tags, counted without building a tree.</summary>
    public static int MaxDepth(string html, out int tags)
    {
        var depth = 0;
        var max = 0;
        tags = 0;
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0)
            {
                break;
            }

            if (!ReadTag(html, open, out var end, out var name, out var closing, out var selfClosing))
            {
                i = open + 1;
                continue;
            }

            tags++;
            if (IsRawText(name) && !closing)
            {
                var close = html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                end = close < 0 ? html.Length : close;
            }
            else if (Counts(name) && !selfClosing)
            {
                depth = closing ? Math.Max(0, depth - 1) : depth + 1;
                max = Math.Max(max, depth);
            }

            i = end;
        }

        return max;
    }

    private static bool ReadTag(string html, int open, out int end, out string name, out bool closing, out bool selfClosing)
    {
        end = open + 1;
        name = "";
        closing = false;
        selfClosing = false;
        var p = open + 1;
        if (p < html.Length && html[p] == '/')
        {
            closing = true;
            p++;
        }

        var start = p;
        while (p < html.Length && (char.IsAsciiLetterOrDigit(html[p]) || html[p] == '-'))
        {
            p++;
        }

        if (p == start || !char.IsAsciiLetter(html[start]))
        {
            return false;
        }

        name = html.Substring(start, Math.Min(p - start, 16)).ToLowerInvariant();
        var close = html.IndexOf('>', p);
        end = close < 0 ? html.Length : close + 1;
        selfClosing = close > 0 && html[close - 1] == '/';
        return true;
    }

    private static bool IsRawText(string name) => name is "script" or "style" or "textarea" or "title" or "xmp" or "plaintext" or "noscript";

    /// <summary>Container elements; void elements and those HTML closes implicitly (p, li, td...) do not deepen a page.</summary>
    private static bool Counts(string name) => name switch
    {
        "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input" or "link" or "meta" or "source" or "track" or "wbr"
            or "param" or "keygen" or "p" or "li" or "dt" or "dd" or "option" or "optgroup" or "tr" or "td" or "th" or "thead"
            or "tbody" or "tfoot" or "html" or "head" or "body" or "colgroup" or "rb" or "rt" or "rp" => false,
        _ => true,
    };
}
