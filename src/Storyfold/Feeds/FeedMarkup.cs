using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Storyfold.Feeds;

/// <summary>Turns the HTML that feeds carry in titles and bodies into plain text with paragraphs.</summary>
public static partial class FeedMarkup
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
        "tr", "table", "pre", "figure", "header", "footer", "dl", "dt", "dd", "hr",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "iframe", "template", "svg", "figcaption", "button", "form", "object", "embed",
    };

    /// <summary>True when the text contains markup (tags or entities) rather than plain text.</summary>
    public static bool LooksLikeHtml(string text) => HtmlSign().IsMatch(text);

    /// <summary>A title as one line of plain text: tags removed, entities decoded (twice-escaped ones too), spaces collapsed.</summary>
    public static string? CleanTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var text = title;
        // Some feeds escape HTML in titles twice (&amp;lt;b&amp;gt;); decode until nothing changes, at most three times.
        for (var i = 0; i < 3 && LooksLikeHtml(text); i++)
        {
            var stripped = WebUtility.HtmlDecode(Tag().Replace(text, " "));
            if (stripped == text)
            {
                break;
            }

            text = stripped;
        }

        text = Tag().Replace(text, " ");
        text = Spaces().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Plain text of an HTML fragment: one paragraph per block, separated by a blank line.</summary>
    public static string ToText(string html)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var paragraphs = new List<string>();
        var current = new StringBuilder();

        void Break()
        {
            var paragraph = Spaces().Replace(current.ToString(), " ").Trim();
            if (paragraph.Length > 0)
            {
                paragraphs.Add(paragraph);
            }

            current.Clear();
        }

        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        current.Append(text.Data);
                        break;
                    case IElement element when Skipped.Contains(element.LocalName):
                        break;
                    case IElement element when element.LocalName == "br":
                        // Two line breaks in a row end a paragraph; one is a soft break.
                        if (element.NextSibling is IElement { LocalName: "br" } || EndsWithBreak(current))
                        {
                            Break();
                        }
                        else
                        {
                            current.Append('\n');
                        }

                        break;
                    case IElement element when element.LocalName == "img":
                        break;
                    case IElement element when Blocks.Contains(element.LocalName):
                        Break();
                        Walk(element);
                        Break();
                        break;
                    case IElement element:
                        Walk(element);
                        break;
                }
            }
        }

        Walk(document.Body!);
        Break();
        return string.Join("\n\n", paragraphs);
    }

    private static bool EndsWithBreak(StringBuilder text) => text.Length > 0 && text[^1] == '\n';

    [GeneratedRegex(@"<[a-zA-Z/!][^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlSign();

    [GeneratedRegex(@"<[a-zA-Z/!][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\n\u00A0]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
