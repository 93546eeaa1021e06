using System.Text;
using Storyfold.Cli.Commands;
using Storyfold.Extraction;

namespace Storyfold.Tests.Extraction;

/// <summary>
/// Pages broken the ways pages arrive broken (<see cref="PageDamage"/>): the extractor gives an article or says why it has
/// none, in one line, and never throws.
/// </summary>
public sealed class DamagedPageTests
{
    private static readonly PageExtractor Extractor = new();

    /// <summary>A page with every part the extractor reads: metadata, JSON-LD, byline, time, navigation, a table, a list, comments.</summary>
    private static readonly byte[] FullPage = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Council backs harbour plan | Harbour Times</title>" +
        "<meta property=\"og:title\" content=\"Council backs harbour plan\"><meta property=\"og:site_name\" content=\"Harbour Times\">" +
        "<meta name=\"author\" content=\"Mira Kovač\"><meta property=\"article:published_time\" content=\"2025-03-04T18:30:00+01:00\">" +
        "<link rel=\"canonical\" href=\"https://harbourtimes.example/2025/03/04/council-backs-harbour-plan\">" +
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Council backs harbour plan\"," +
        "\"datePublished\":\"2025-03-04T18:30:00+01:00\",\"author\":[{\"@type\":\"Person\",\"name\":\"Mira Kovač\"}],\"articleBody\":\"The city council voted on Tuesday.\"}</script>" +
        "<style>.cookie-banner { position: fixed }</style></head><body>" +
        "<header><nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav></header>" +
        "<div class=\"cookie-banner\"><p>We use cookies to improve your experience. Accept all cookies to continue.</p></div>" +
        "<main><article><h1>Council backs harbour plan</h1><p class=\"byline\">By Mira Kovač</p><time datetime=\"2025-03-04T18:30:00+01:00\">4 March 2025</time>" +
        PageExtractorTests.Story +
        "<figure><img src=\"quay.jpg\" alt=\"\"><figcaption>The old quay at dawn.</figcaption></figure>" +
        "<ul><li>New quays for ferries &amp; freight</li><li>A sea wall north of the town</li><li>A museum in the old fish market</li></ul>" +
        "<table><tr><th>Stage</th><th>Cost</th></tr><tr><td>Quays</td><td>€25m</td></tr><tr><td>Sea wall</td><td>€15m</td></tr></table>" +
        "<p>市议会周二投票批准了港口扩建计划。</p></article></main>" +
        "<aside class=\"related\"><h3>Related stories</h3><ul><li><a href=/a>Mayor opens new library in the old town hall</a></li></ul></aside>" +
        "<section id=\"comments\"><p>Great news for the town, finally someone is doing something about the harbour!</p></section>" +
        "<footer><p>© 2025 Harbour Times. All rights reserved.</p></footer></body></html>");

    /// <remarks>
    /// Of 150 pages damaged each way, how many must still give article text, and how many the whole story (its last
    /// paragraph) under its headline: about 85% of what the extractor does now. Fifty pieces of stray markup on a page
    /// this short open a script, comment or raw-text element every few lines, which hides the rest in a browser too.
    /// </remarks>
    [Theory]
    [InlineData(DamageKind.CutShort, 80, 45)]
    [InlineData(DamageKind.StartsLate, 125, 55)]
    [InlineData(DamageKind.BytesOverwritten, 135, 125)]
    [InlineData(DamageKind.ChunkRemoved, 95, 50)]
    [InlineData(DamageKind.ChunkRepeated, 135, 130)]
    [InlineData(DamageKind.StrayMarkup, 100, 0)]
    public void Gives_an_article_or_a_one_line_reason_for_every_damaged_page(DamageKind kind, int leastWithText, int leastWhole)
    {
        var damage = new PageDamage((int)kind + 1);
        var articles = 0;
        var whole = 0;
        for (var i = 0; i < 150; i++)
        {
            var damaged = damage.Apply(FullPage, kind);

            var result = Extractor.Extract(damaged, "https://harbourtimes.example/2025/03/04/council-backs-harbour-plan");

            Assert.True((result.Page is null) != (result.Problem is null), "exactly one of an article and a reason");
            if (result.Problem is { } problem)
            {
                Assert.False(string.IsNullOrWhiteSpace(problem));
                Assert.DoesNotContain('\n', problem);
                continue;
            }

            // A page cut before its body can still give its title, as a page whose article a script draws does.
            var page = result.Page!;
            Assert.False(page.Text.Length == 0 && page.Title.Length == 0, "an article with neither text nor title");
            Assert.True(page.Title.Length <= TitleFinder.LongestDeclared, $"a title of {page.Title.Length} characters");
            if (page.Text.Length > 0)
            {
                articles++;
                whole += page.Title == "Council backs harbour plan" && page.Text.Contains("Work is due to start next spring", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        Assert.True(articles >= leastWithText, $"{articles} of 150 damaged pages gave article text");
        Assert.True(whole >= leastWhole, $"{whole} of 150 damaged pages gave the whole story under its headline");
    }

    [Fact]
    public void Reads_the_story_and_its_metadata_from_the_page_before_it_is_damaged()
    {
        // The damage tests above start from a page the extractor reads in full, so what they lose is the damage's doing.
        var page = Extractor.Extract(FullPage, "https://harbourtimes.example/2025/03/04/council-backs-harbour-plan").Page!;

        Assert.Equal("Council backs harbour plan", page.Title);
        Assert.Equal("Harbour Times", page.SiteName);
        Assert.Contains("Mira Kovač", page.Authors);
        Assert.Equal(new DateOnly(2025, 3, 4), page.Published?.Day);
        Assert.Contains("Work is due to start next spring", page.Text);
        Assert.Contains("A sea wall north of the town", page.Text);
        Assert.DoesNotContain("Mayor opens new library", page.Text);
    }

    [Fact]
    public void Takes_no_title_from_a_title_element_left_open_over_the_whole_page()
    {
        // The unclosed element holds the rest of the page as text, as a browser's tab would show it. (A page that
        // writes neither </head> nor <body>, as HTML allows, gives no tag that says where the title must have ended.)
        var body = string.Concat(Enumerable.Repeat(PageExtractorTests.Story, 4));
        var withOgTitle = "<html><head><meta property=\"og:title\" content=\"Council backs harbour plan\"><title>Council backs harbour plan" +
                          $"<article><h1>Council backs harbour plan</h1>{body}</article></html>";
        var withoutOgTitle = withOgTitle.Replace("<meta property=\"og:title\" content=\"Council backs harbour plan\">", "", StringComparison.Ordinal);

        var titled = Extractor.Extract(withOgTitle);
        var untitled = Extractor.Extract(withoutOgTitle);

        Assert.Equal("Council backs harbour plan", titled.Page?.Title);
        Assert.Equal("", titled.Page?.Text);
        Assert.Null(untitled.Page);
        Assert.Equal("no article text found", untitled.Problem);
    }

    [Theory]
    [InlineData("<title>Council backs harbour plan</head><body>")]
    [InlineData("<title>Council backs harbour plan<meta name=\"author\" content=\"Mira Kovač\"></head><body>")]
    [InlineData("<title>Council backs harbour plan</title><style>article { margin: 0 }</stxle><link rel=\"stylesheet\" href=\"/a.css\"></head><body>")]
    public void Reads_the_page_after_a_title_or_style_sheet_whose_end_tag_was_lost_in_the_head(string head)
    {
        var page = Extractor.Extract($"<html><head>{head}<article><h1>Council backs harbour plan</h1>{PageExtractorTests.Story}</article></body></html>").Page!;

        Assert.Equal("Council backs harbour plan", page.Title);
        Assert.Equal(StoryText, page.Text);
    }

    [Fact]
    public void Keeps_a_long_title_element_that_is_still_a_title()
    {
        var title = string.Join(' ', Enumerable.Repeat("harbour", 120));
        var page = Extractor.Extract($"<html><head><title>{title}</title></head><body><article>{PageExtractorTests.Story}</article></body></html>").Page!;

        Assert.Equal(title, page.Title);
    }

    /// <summary>The story's paragraphs as the article's text.</summary>
    private const string StoryText =
        "The city council voted on Tuesday to expand the harbour, a project that has divided residents for years and will cost about 40 million euros.\n\n" +
        "Supporters say the new quays will bring jobs, while opponents fear for the old fishing port and the beaches north of the town.\n\n" +
        "Work is due to start next spring and should last three years, the mayor told reporters after the meeting.";

    /// <summary>Pages that show a script or its data as text, and a word of it that must not reach the article.</summary>
    public static readonly TheoryData<string, string> SourceShownAsText = new()
    {
        {
            // A page cut inside a script starts with the script's tail.
            "ener('click', function() { Calendly.initPopupWidget({ url: 'https://calendly.com/d/demo' }); return false; }); " +
            "window.dataLayer = window.dataLayer || []; function gtag() { dataLayer.push(arguments); } gtag('js', new Date()); " +
            "var consent = document.cookie.indexOf('consent=1') >= 0; if (!consent) { document.body.classList.add('needs-consent'); }</script>" +
            $"</head><body><article><h1>Council backs harbour plan</h1>{PageExtractorTests.Story}</article></body></html>",
            "function"
        },
        {
            // "<script" with one byte overwritten is an element HTML does not know, and the data it carried shows as text.
            $"<html><body><article><h1>Council backs harbour plan</h1>{PageExtractorTests.Story}" +
            "<scr\u0001pt id=\"__DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":{\"slug\":\"council-backs-harbour-plan\",\"section\":\"local\"," +
            "\"related\":[{\"id\":101,\"title\":\"Ferry timetable changes\"},{\"id\":102,\"title\":\"Library opens in the old town hall\"}]}}," +
            "\"buildId\":\"W3mUcrcSHRNJuLJLQxEUA\",\"isFallback\":false,\"gsp\":true,\"locale\":\"en\",\"locales\":[\"en\",\"de\"]}</scr\u0001pt></article></body></html>",
            "buildId"
        },
    };

    [Theory]
    [MemberData(nameof(SourceShownAsText))]
    public void Leaves_out_a_script_or_its_data_shown_as_text_and_says_so_when_asked(string html, string word)
    {
        var explain = new List<string>();

        var page = Extractor.Extract(html, null, explain).Page!;

        Assert.Equal(StoryText, page.Text);
        Assert.DoesNotContain(word, page.Text);
        Assert.Contains("- source-text: 1 run of script, data or markup shown as text, left out before scoring", explain);
    }

    [Fact]
    public void Leaves_out_markup_that_a_stray_raw_text_element_turned_into_text()
    {
        // A stray <textarea> or <title> in the body holds the markup after it as text, up to its end tag.
        foreach (var stray in (string[])["textarea", "title", "plaintext"])
        {
            var html = $"<html><body><article><h1>Council backs harbour plan</h1>{PageExtractorTests.Story}<{stray}>" +
                       "<div class=\"share\"><a href=\"/share?u=1\">Share</a> <a href=\"/tweet?u=1\">Tweet</a></div><p class=\"more\">More <b>news</b> from " +
                       "<a href=\"/region\">the region</a></p><aside><ul><li><a href=\"/a\">Ferry timetable</a></li><li><a href=\"/b\">Library opens</a></li></ul></aside>" +
                       $"</{stray}></article></body></html>";

            var page = Extractor.Extract(html).Page!;

            Assert.EndsWith("the mayor told reporters after the meeting.", page.Text);
            Assert.DoesNotContain("<", page.Text);
        }
    }

    [Fact]
    public void Reads_no_value_from_a_meta_tag_whose_closing_quote_was_lost()
    {
        // The site name's value runs on over the next tag up to its first quote: "Harbour Times /><meta property=".
        const string head =
            "<title>Council backs harbour plan</title><meta property=\"og:site_name\" content=\"Harbour Times />" +
            "<meta property=\"og:title\" content=\"Council backs harbour plan\"><meta name=\"description\" content=\"Work starts <b>next spring</b>.\">";

        var page = Extractor.Extract($"<html><head>{head}</head><body><article><h1>Council backs harbour plan</h1>{PageExtractorTests.Story}</article></body></html>",
            "https://harbourtimes.example/2025/03/04/council-backs-harbour-plan").Page!;

        Assert.Equal("harbourtimes.example", page.SiteName);
        Assert.Equal("Council backs harbour plan", page.Title);
    }

    [Theory]
    [InlineData("<p>Let $f(x) = \\frac{1}{2} x^{2}$ and $g(x) = \\sum_{i=1}^{n} (x_i - \\bar{x})^{2}$; then $h = f + g$ has $h(0) = g(0)$, and for $x = 1$ we get $h(1) = \\frac{1}{2} + g(1)$, so the minimum of $h$ lies where $f'(x) = -g'(x)$ (see the proof above).</p>")]
    [InlineData("<p>Wrap the story in an <code>&lt;article&gt;</code> element and its headline in <code>&lt;h1&gt;</code>; the byline can go in a <code>&lt;p&gt;</code> or an <code>&lt;address&gt;</code>, and the date in <code>&lt;time&gt;</code> with a machine-readable datetime attribute for readers and search engines alike.</p>")]
    [InlineData("<div class=\"code-block\"><code>function total(items) { let sum = 0; for (const item of items) { sum += item.price * item.count; } return sum; } const order = [{ price: 3, count: 2 }, { price: 5, count: 1 }]; console.log(total(order)); window.orderTotal = total(order);</code></div>")]
    [InlineData("<pre>function total(items) {\n  let sum = 0;\n  for (const item of items) { sum += item.price * item.count; }\n  return sum;\n}\nconst order = [{ price: 3, count: 2 }, { price: 5, count: 1 }];\nconsole.log(total(order)); // 11\nwindow.orderTotal = total(order);</pre>")]
    public void Keeps_a_formula_a_named_tag_and_code_the_article_sets_in_pre_or_code(string block)
    {
        var page = Extractor.Extract($"<html><body><article><h1>Notes</h1>{PageExtractorTests.Story}{block}</article></body></html>").Page!;

        // The heading (no title names it as the headline), the story's three paragraphs, and the block.
        Assert.Equal(5, page.Text.Split("\n\n").Length);
    }
}
