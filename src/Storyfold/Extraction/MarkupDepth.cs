using System.Buffers;
using System.Text.RegularExpressions;
using Storyfold.Text;

namespace Storyfold.Extraction;

/// <summary>
/// Prepares markup for the parser in one linear pass. It guards against pathological nesting: the HTML tree builder
/// does work proportional to the depth of open elements for every tag, so 100,000 nested elements would take minutes;
/// past the limit, further start tags (and the end tags that match them) are dropped and their text kept, which is
/// what a reader of such a page would see anyway. And it leaves out what no reader sees and the extractor never
/// reads, so the parser does not build it: comments and the bodies of scripts (except JSON-LD), style sheets and
/// inline SVG drawings, which on modern pages are often most of the bytes, and link tags other than those it reads.
/// </summary>
internal static partial class MarkupDepth
{
    /// <summary>Real pages stay far below this; generated or hostile markup does not.</summary>
    public const int Limit = 1500;

    /// <summary>The prepared markup as a string (see <see cref="FlattenPooled"/> for the form the extractor parses).</summary>
    public static string Flatten(string html)
    {
        using var prepared = FlattenPooled(html);
        return new string(prepared.Buffer, 0, prepared.Length);
    }

    /// <summary>
    /// The prepared markup in a buffer lent from a pool, which the caller returns by disposing it once nothing
    /// reads it any more (the parser's document keeps it as its source). A page is often over 100 kB: written into a new
    /// string each time, it went to the large object heap, where the collector clears and frees it at a cost.
    /// </summary>
    public static PooledChars FlattenPooled(string html)
    {
        var output = new PooledChars(html.Length);
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
            if (string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
            {
                // "<!-->" and "<!--->" end where they start, as the HTML standard says.
                var commentEnd = html.IndexOf("-->", open + 2, StringComparison.Ordinal);
                i = commentEnd < 0 ? html.Length : commentEnd + 3;
                output.Append(' ');
                continue;
            }

            var tag = ReadTag(html, open, out var end, out var name, out var closing, out var selfClosing);
            if (!tag)
            {
                output.Append('<');
                i = open + 1;
                continue;
            }

            if (name == "link" && !closing && !IsReadLink(html.AsSpan(open, end - open)))
            {
                // A style sheet, preload, icon or the like: the parser would build and resolve it for nothing.
                i = end;
                continue;
            }

            if ((IsRawText(name) || name == "svg") && !closing && !(selfClosing && name == "svg"))
            {
                // Copy the start tag, the body when it can matter, and the end tag; nothing inside is markup to count.
                var close = EndTagAt(html, name, end);
                // A style sheet or title whose end tag was lost runs on over the page up to the next one's end, and a
                // browser shows nothing of what it swallowed; the markup it holds says where it must have ended.
                var leftOpen = LeftOpenAt(name, html, end, close < 0 ? html.Length : close);
                var bodyEnd = leftOpen ?? (close < 0 ? html.Length : close);
                output.Append(html, open, end - open);
                if (KeepsBody(name, html.AsSpan(open, end - open)))
                {
                    output.Append(html, end, bodyEnd - end);
                }

                if (leftOpen is not null)
                {
                    output.Append("</");
                    output.Append(name);
                    output.Append('>');
                    i = bodyEnd;
                    continue;
                }

                if (close < 0)
                {
                    i = html.Length;
                    continue;
                }

                var closeEnd = html.IndexOf('>', close);
                closeEnd = closeEnd < 0 ? html.Length : closeEnd + 1;
                output.Append(html, close, closeEnd - close);
                i = closeEnd;
                continue;
            }

            var keep = true;
            if (Counts(name) && !selfClosing)
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

        return output;
    }

    /// <summary>
    /// The link tags the extractor reads: the canonical address, alternate versions (a feed's title names the site) and
    /// the author's page. Every other link (style sheets, preloads, icons, manifests) is dropped before parsing.
    /// </summary>
    private static bool IsReadLink(ReadOnlySpan<char> tag) =>
        AsciiCase.Contains(tag, "canonical") || AsciiCase.Contains(tag, "alternate") || AsciiCase.Contains(tag, "author");

    /// <summary>
    /// Where the first end tag named <paramref name="name"/> (any case) starts at or after <paramref name="from"/>, else
    /// -1. It looks for "&lt;/" and compares the name there: a script or style body is often most of a page's bytes,
    /// and a search that ignores case all the way through them cost more than the rest of this pass.
    /// </summary>
    private static int EndTagAt(string html, string name, int from)
    {
        for (var at = html.IndexOf("</", from, StringComparison.Ordinal); at >= 0; at = html.IndexOf("</", at + 2, StringComparison.Ordinal))
        {
            if (html.AsSpan(at + 2).StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>
    /// Where the body of a style sheet or title holds the page's own markup, which neither has: a meta or link tag, the
    /// head's end or the body's start. Other tags can be in them: a style sheet draws icons with SVG in data addresses
    /// ("url('data:image/svg+xml,&lt;svg&gt;&lt;title&gt;...')", with styles and scripts of its own), and a title may
    /// name a tag in words ("The &lt;dialog&gt; element"). Null when the body is what it should be.
    /// </summary>
    private static int? LeftOpenAt(string name, string html, int start, int end)
    {
        if (name is not ("style" or "title"))
        {
            return null;
        }

        for (var at = html.IndexOf('<', start, end - start); at >= 0; at = html.IndexOf('<', at + 1, end - at - 1))
        {
            if (PageMarkup().IsMatch(html.AsSpan(at, Math.Min(8, end - at))))
            {
                return at;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^<(?:meta|link|/head|body)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PageMarkup();

    /// <summary>Titles, text areas and noscript fallbacks are read; of scripts only JSON-LD (metadata) is, and style and SVG never.</summary>
    private static bool KeepsBody(string name, ReadOnlySpan<char> startTag) => name switch
    {
        "script" => AsciiCase.Contains(startTag, "ld+json"),
        "style" or "svg" => false,
        _ => true,
    };

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

        name = TagName(html.AsSpan(start, Math.Min(p - start, 16)));
        var close = TagEnd(html, p);
        end = close < 0 ? html.Length : close + 1;
        selfClosing = close > 0 && html[close - 1] == '/';
        return true;
    }

    /// <summary>The tag name in lower case: the one string kept for a known name, else a new one (a page has thousands of tags).</summary>
    private static string TagName(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[name.Length];
        var n = name.ToLowerInvariant(lower);
        return KnownTagNames.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower[..n], out var known) ? known : new string(lower[..n]);
    }

    private static readonly HashSet<string> KnownTagNames = new(StringComparer.Ordinal)
    {
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote", "body", "br", "button",
        "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog",
        "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link",
        "main", "map", "mark", "math", "menu", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p",
        "param", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "search", "section", "select", "slot",
        "small", "source", "span", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea",
        "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul", "var", "video", "wbr", "xmp", "plaintext",
    };

    /// <summary>
    /// Where a tag ends: the first '>' outside a quoted attribute value ("a > b" in a title, markup in a data attribute
    /// end no tag, as the HTML tokenizer reads them). A quote that never closes falls back to the first '>', so one
    /// stray quote does not swallow the rest of the page.
    /// </summary>
    private static int TagEnd(string html, int from)
    {
        var p = from;
        while (p < html.Length)
        {
            var c = html[p];
            if (c == '>')
            {
                return p;
            }

            p++;
            if (c != '=')
            {
                continue;
            }

            while (p < html.Length && html[p] is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                p++;
            }

            if (p < html.Length && html[p] is '"' or '\'')
            {
                var quote = html.IndexOf(html[p], p + 1);
                if (quote < 0)
                {
                    return html.IndexOf('>', from);
                }

                p = quote + 1;
            }
        }

        return -1;
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

/// <summary>
/// Characters written into an array lent from a pool, which grows by renting a larger one; disposing returns
/// it. Arrays past <see cref="PooledMost"/> characters are allocated, not rented, so one huge page does not leave a
/// huge array in the pool for the rest of the run.
/// </summary>
internal sealed class PooledChars : IDisposable
{
    private const int PooledMost = 4 * 1024 * 1024;

    public PooledChars(int capacity) => Buffer = Rent(Math.Max(capacity, 16));

    public char[] Buffer { get; private set; }

    public int Length { get; private set; }

    public void Append(char c)
    {
        Reserve(1);
        Buffer[Length++] = c;
    }

    public void Append(string text) => Append(text, 0, text.Length);

    public void Append(string text, int start, int count)
    {
        Reserve(count);
        text.AsSpan(start, count).CopyTo(Buffer.AsSpan(Length));
        Length += count;
    }

    public void Dispose()
    {
        Return(Buffer);
        Buffer = [];
        Length = 0;
    }

    private void Reserve(int count)
    {
        if (Length + count <= Buffer.Length)
        {
            return;
        }

        var larger = Rent(Math.Max(Length + count, Buffer.Length * 2));
        Buffer.AsSpan(0, Length).CopyTo(larger);
        Return(Buffer);
        Buffer = larger;
    }

    /// <summary>
    /// A pool of its own, keeping at most as many arrays of a size as there are cores (one page is prepared at a time on
    /// each); the shared pool keeps several a core for the life of the process.
    /// </summary>
    private static readonly ArrayPool<char> Pool = ArrayPool<char>.Create(PooledMost, Environment.ProcessorCount);

    private static char[] Rent(int length) => length <= PooledMost ? Pool.Rent(length) : new char[length];

    private static void Return(char[] buffer)
    {
        if (buffer.Length is > 0 and <= PooledMost)
        {
            Pool.Return(buffer);
        }
    }
}
