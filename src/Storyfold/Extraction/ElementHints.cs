using AngleSharp.Dom;

namespace Storyfold.Extraction;

/// <summary>
/// What an element's tag, role, class and id say about it: words such as <c>article</c>, <c>story</c> or
/// <c>content</c> lean towards the article; <c>share</c>, <c>related</c>, <c>comment</c> or <c>newsletter</c> away from it.
/// Class names are split into words so that <c>post-share-bar</c> and <c>related_links</c> are read like people read them.
/// </summary>
internal static class ElementHints
{
    public static (int Hint, bool Semantic) Of(IElement element, string tag)
    {
        var hint = 0;
        var semantic = false;
        switch (tag)
        {
            case "article" or "main":
                hint += 1;
                semantic = true;
                break;
            case "aside" or "footer":
                hint -= 2;
                break;
            case "header" or "menu":
                hint -= 1;
                break;
        }

        var itemprop = element.GetAttribute("itemprop");
        if (itemprop is not null && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
        {
            hint += 2;
            semantic = true;
        }

        switch (element.GetAttribute("role"))
        {
            case "main" or "article":
                hint += 1;
                semantic = true;
                break;
            case "navigation" or "banner" or "contentinfo" or "complementary" or "menu" or "menubar" or "dialog" or "alertdialog" or "toolbar" or "search":
                hint -= 2;
                break;
        }

        hint += Score(element.GetAttribute("class")) + Score(element.GetAttribute("id"));
        return (hint, semantic);
    }

    /// <summary>True for classes that mean "not shown": screen-reader-only text and hidden toggles.</summary>
    public static bool IsHiddenByClass(IElement element)
    {
        var classes = element.GetAttribute("class");
        if (classes is null)
        {
            return false;
        }

        foreach (var token in classes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (token.ToLowerInvariant())
            {
                case "hidden" or "sr-only" or "visually-hidden" or "visuallyhidden" or "screen-reader-text" or "screen-reader-only"
                    or "d-none" or "is-hidden" or "hide" or "invisible" or "offscreen" or "element-invisible" or "u-hidden":
                    return true;
            }
        }

        return false;
    }

    private static int Score(string? names)
    {
        if (string.IsNullOrEmpty(names) || names.Length > 400)
        {
            return 0;
        }

        var positive = 0;
        var negative = 0;
        var start = -1;
        Span<char> lower = stackalloc char[32];
        for (var i = 0; i <= names.Length; i++)
        {
            var isLetter = i < names.Length && char.IsAsciiLetter(names[i]);
            if (isLetter && start < 0)
            {
                start = i;
            }
            else if (!isLetter && start >= 0)
            {
                var word = names.AsSpan(start, i - start);
                start = -1;
                if (word.Length > lower.Length)
                {
                    continue;
                }

                var n = word.ToLowerInvariant(lower);
                var w = lower[..n];
                if (NegativeWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
                {
                    negative++;
                }
                else if (PositiveWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
                {
                    positive++;
                }
            }
        }

        return Math.Min(positive, 2) - (negative > 0 ? 2 : 0);
    }

    private static readonly HashSet<string> NegativeWords = new(StringComparer.Ordinal)
    {
        "comment", "comments", "disqus", "share", "sharing", "sharebar", "social", "socials", "related", "recommended",
        "recommendation", "recommendations", "recirc", "newsletter", "newsletters", "subscribe", "subscription", "signup",
        "cookie", "cookies", "consent", "gdpr", "promo", "promotion", "advert", "advertisement", "advertising", "ad", "ads",
        "adslot", "adunit", "dfp", "sponsor", "sponsored", "sidebar", "widget", "widgets", "footer", "nav", "navbar",
        "navigation", "menu", "breadcrumb", "breadcrumbs", "pagination", "pager", "popup", "modal", "overlay", "toolbar",
        "tags", "masthead", "login", "outbrain", "taboola", "trending", "popular", "rail", "byline", "bylines", "author",
        "authors", "bio", "meta", "dateline", "timestamp", "skip", "banner", "toc", "print", "follow", "donate", "paywall",
        "jump", "pullquote", "carousel", "slider", "teaser", "teasers", "card", "cards", "more", "readmore", "next", "prev",
        "previous", "rating", "ratings", "reviews", "feedback", "search", "masthead", "copyright", "legal", "disclaimer",
        "affiliate", "shop", "cta", "actions", "utility", "tools", "header", "hdr", "ftr", "byl", "newsletterform",
    };

    private static readonly HashSet<string> PositiveWords = new(StringComparer.Ordinal)
    {
        "article", "articlebody", "content", "entry", "post", "story", "body", "text", "main", "prose", "richtext", "rte",
        "blog", "copy", "storybody", "postbody", "markdown", "wysiwyg",
    };
}
