using Storyfold.Extraction;

namespace Storyfold.Tests.Extraction;

public sealed class MarkupDepthTests
{
    [Fact]
    public void Drops_script_style_and_svg_bodies_and_comments_but_keeps_json_ld_and_text()
    {
        const string html =
            "<html><head><title>Harbour plan</title><style>p { color: red }</style>" +
            "<script>var tracking = '<div>not markup</div>';</script>" +
            "<script type=\"application/ld+json\">{\"headline\":\"Harbour plan\"}</script></head>" +
            "<body><!-- <p>hidden draft</p> --><p>The council voted.</p><svg viewBox=\"0 0 10 10\"><title>icon</title><path d=\"M0 0\"/></svg><p>Work starts in spring.</p></body></html>";

        var prepared = MarkupDepth.Flatten(html);

        Assert.Contains("<title>Harbour plan</title>", prepared);
        Assert.Contains("{\"headline\":\"Harbour plan\"}", prepared);
        Assert.Contains("<p>The council voted.</p>", prepared);
        Assert.Contains("<p>Work starts in spring.</p>", prepared);
        foreach (var gone in (string[])["color: red", "tracking", "not markup", "hidden draft", "icon", "M0 0"])
        {
            Assert.DoesNotContain(gone, prepared);
        }

        Assert.Contains("<script></script>", prepared);
        Assert.Contains("</svg>", prepared);
    }

    [Fact]
    public void Keeps_text_after_an_unclosed_comment_out_and_an_unclosed_script_empty()
    {
        Assert.Equal("<p>Before</p> ", MarkupDepth.Flatten("<p>Before</p><!-- never closed <p>After</p>"));
        Assert.Equal("<p>Before</p><script>", MarkupDepth.Flatten("<p>Before</p><script>var a = 1; <p>After</p>"));
    }

    [Fact]
    public void Drops_start_tags_nested_beyond_the_limit_and_keeps_their_text()
    {
        var depth = MarkupDepth.Limit + 100;
        var html = string.Concat(Enumerable.Repeat("<div>", depth)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", depth));

        var prepared = MarkupDepth.Flatten(html);

        Assert.Equal(MarkupDepth.Limit, CountOf(prepared, "<div>"));
        Assert.Equal(MarkupDepth.Limit, CountOf(prepared, "</div>"));
        Assert.Contains("deep text", prepared);
    }

    [Theory]
    [InlineData("<div data-tooltip='<b>Tides</b><style>b { color: red }</style>'>Harbour</div><p>After</p>")]
    [InlineData("<a href=\"/x\" data-embed=\"<i>Map</i><svg><path d='M0 0'/></svg>\">Map</a><p>After</p>")]
    [InlineData("<img alt=\"tides > 2 m <!-- check -->\" src=\"f.jpg\"><p>After</p>")]
    public void Reads_markup_inside_a_quoted_attribute_value_as_the_value_it_is(string html)
    {
        Assert.Equal(html, MarkupDepth.Flatten(html));
    }

    [Fact]
    public void Does_not_count_tags_written_inside_an_attribute_value_towards_the_depth()
    {
        var html = "<a href=\"" + string.Concat(Enumerable.Repeat("<div>", MarkupDepth.Limit + 10)) + "\">Map</a><div><p>After</p></div>";
        Assert.Equal(html, MarkupDepth.Flatten(html));
    }

    [Fact]
    public void Ends_a_tag_at_its_first_closing_bracket_when_a_quote_in_it_never_closes()
    {
        // The comment after it is still found and left out: the tag did not run on to the end of the page.
        Assert.Equal("<p class=\"lead>Harbour</p> <p>After</p>", MarkupDepth.Flatten("<p class=\"lead>Harbour</p><!-- draft --><p>After</p>"));
    }

    [Theory]
    [InlineData("<style>p { color: red }</stxle><meta name=\"author\" content=\"Mira\"><title>Harbour</title></head><body><p>After</p>",
                "<style></style><meta name=\"author\" content=\"Mira\"><title>Harbour</title></head><body><p>After</p>")]
    [InlineData("<title>Harbour plan<link rel=\"canonical\" href=\"/h\"></head><body><p>After</p>",
                "<title>Harbour plan</title><link rel=\"canonical\" href=\"/h\"></head><body><p>After</p>")]
    [InlineData("<style>p { color: red }</head><body><p>After</p><style>a { color: blue }</style>",
                "<style></style></head><body><p>After</p><style></style>")]
    public void Ends_a_style_sheet_or_title_whose_end_tag_was_lost_where_the_page_markup_starts(string html, string expected)
    {
        Assert.Equal(expected, MarkupDepth.Flatten(html));
    }

    [Theory]
    [InlineData("<style>.i { background: url('data:image/svg+xml,<svg xmlns=\"http://www.w3.org/2000/svg\"><title>info</title><g fill=\"red\"/></svg>') }</style><p>After</p>",
                "<style></style><p>After</p>")]
    [InlineData("<title>Why <dialog> beats <div role=dialog> | Harbour Dev</title><p>After</p>",
                "<title>Why <dialog> beats <div role=dialog> | Harbour Dev</title><p>After</p>")]
    public void Reads_a_style_sheet_or_title_that_holds_other_tags_to_its_own_end_tag(string html, string expected)
    {
        // The style sheet's icon is SVG with a title of its own; the title's text names tags in words.
        Assert.Equal(expected, MarkupDepth.Flatten(html));
    }

    [Fact]
    public void Drops_link_tags_the_extractor_never_reads_and_keeps_canonical_alternate_and_author_links()
    {
        const string html =
            "<head><link rel=\"stylesheet\" href=\"/site.css\"><link rel=\"preload\" as=\"font\" href=\"/f.woff2\">" +
            "<LINK REL=\"icon\" HREF=\"/favicon.ico\"><link rel=\"canonical\" href=\"https://example.com/harbour\">" +
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Harbour Gazette\" href=\"/feed\">" +
            "<link rel=\"author\" href=\"/staff/ana-lima\"></head><body><p>Text<link rel=\"stylesheet\" href=\"/late.css\">continues</p></body>";

        var prepared = MarkupDepth.Flatten(html);

        foreach (var gone in (string[])["site.css", "f.woff2", "favicon", "late.css"])
        {
            Assert.DoesNotContain(gone, prepared);
        }

        Assert.Contains("<link rel=\"canonical\" href=\"https://example.com/harbour\">", prepared);
        Assert.Contains("title=\"Harbour Gazette\"", prepared);
        Assert.Contains("<link rel=\"author\" href=\"/staff/ana-lima\">", prepared);
        // A link in running text renders nothing, so the words on either side of it stay as they were.
        Assert.Contains("<p>Textcontinues</p>", prepared);
    }

    [Theory]
    [InlineData("<script>document.write('</div></p>'); var end = '</scr' + 'ipt>';</SCRIPT><p>After</p>", "<script></SCRIPT><p>After</p>")]
    [InlineData("<Style>a::after { content: '</b>' }</sTyLe><p>After</p>", "<Style></sTyLe><p>After</p>")]
    [InlineData("<textarea>Write </p> here</TEXTAREA><p>After</p>", "<textarea>Write </p> here</TEXTAREA><p>After</p>")]
    public void Ends_a_raw_text_body_at_its_own_end_tag_in_any_case_past_other_end_tags_inside_it(string html, string expected)
    {
        Assert.Equal(expected, MarkupDepth.Flatten(html));
    }

    [Fact]
    public void Pooled_characters_grow_past_their_first_capacity_and_keep_what_was_written()
    {
        using var chars = new PooledChars(4);
        var expected = new System.Text.StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            var piece = $"<p>{i}</p>";
            chars.Append(piece, 1, piece.Length - 1);
            chars.Append('|');
            expected.Append(piece, 1, piece.Length - 1).Append('|');
        }

        Assert.Equal(expected.ToString(), new string(chars.Buffer, 0, chars.Length));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
