using System.Text;
using Storyfold.Extraction;

namespace Storyfold.Tests.Extraction;

public sealed class PageExtractorTests
{
    private static readonly PageExtractor Extractor = new();

    /// <summary>Three paragraphs of a short news story, for pages the tests build around it.</summary>
    internal const string Story =
        "<p>The city council voted on Tuesday to expand the harbour, a project that has divided residents for years and will cost about 40 million euros.</p>" +
        "<p>Supporters say the new quays will bring jobs, while opponents fear for the old fishing port and the beaches north of the town.</p>" +
        "<p>Work is due to start next spring and should last three years, the mayor told reporters after the meeting.</p>";

    private static ExtractedPage Extract(string html, string? url = null)
    {
        var result = Extractor.Extract(html, url);
        Assert.True(result.Page is not null, result.Problem);
        return result.Page!;
    }

    private static string Page(string head, string body, string lang = "en") =>
        $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>";

    private const string Boilerplate =
        "<header><nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav></header>" +
        "<div class=\"cookie-banner\"><p>We use cookies to improve your experience. Accept all cookies to continue.</p></div>";

    private const string Footer =
        "<div class=\"share-bar\"><a href=#>Share on Facebook</a> <a href=#>Share on X</a></div>" +
        "<aside class=\"related\"><h3>Related stories</h3><ul><li><a href=/a>Mayor opens new library in the old town hall</a></li><li><a href=/b>Ferry timetable changes for winter announced today</a></li></ul></aside>" +
        "<section id=\"comments\"><p>Great news for the town, finally someone is doing something about the harbour!</p></section>" +
        "<footer><p>© 2024 Harbour Times. All rights reserved.</p></footer>";

    [Fact]
    public void Keeps_the_article_paragraphs_and_drops_navigation_share_related_comments_and_cookie_banners()
    {
        var page = Extract(Page("<title>Council backs harbour plan</title>", Boilerplate + $"<article><h1>Council backs harbour plan</h1>{Story}</article>" + Footer));

        var paragraphs = page.Text.Split("\n\n");
        Assert.Equal(3, paragraphs.Length);
        Assert.StartsWith("The city council voted on Tuesday", paragraphs[0]);
        Assert.StartsWith("Work is due to start next spring", paragraphs[2]);
        foreach (var junk in (string[])["cookies", "Share on", "Related stories", "Mayor opens", "Great news", "All rights reserved", "Home"])
        {
            Assert.DoesNotContain(junk, page.Text);
        }
    }

    [Fact]
    public void Collapses_any_run_of_white_space_to_one_space_and_drops_zero_width_spaces_soft_hyphens_and_byte_order_marks()
    {
        var messy = "<p>The  city\u00A0council \t\n voted on Tues\u00ADday\u200B to\u2003\u2003expand the\uFEFF harbour, a project that has divided residents for years and will cost about 40 million euros.</p>";
        var body = "<article><h1>Council backs harbour plan</h1>" + Story.Replace(Story[..Story.IndexOf("</p>", StringComparison.Ordinal)] + "</p>", messy) + "</article>";
        var page = Extract(Page("<title>Council backs harbour plan</title>", body));

        Assert.StartsWith("The city council voted on Tuesday to expand the harbour, a project", page.Text);
    }

    [Fact]
    public void Drops_a_joiner_that_stands_alone_or_at_a_paragraphs_edge_and_keeps_one_inside_an_emoji()
    {
        var body = "<article><h1>Council backs harbour plan</h1>" + Story.Replace("<p>Supporters", "<p>&zwj;Supporters") +
                   "<p>&zwj;</p><p>The fire crew \U0001F469\u200D\U0001F692 stood by on the quay while the council met.&zwj;</p></article>";
        var page = Extract(Page("<title>Council backs harbour plan</title>", body));

        var paragraphs = page.Text.Split("\n\n");
        Assert.Equal(4, paragraphs.Length);
        Assert.StartsWith("Supporters say", paragraphs[1]);
        Assert.Equal("The fire crew \U0001F469\u200D\U0001F692 stood by on the quay while the council met.", paragraphs[3]);
    }

    [Fact]
    public void Puts_a_drop_cap_set_in_a_box_of_its_own_back_at_the_start_of_its_paragraph()
    {
        var body = "<article><h1>Council backs harbour plan</h1><div class=\"post-first-letter\">T</div><div class=\"rich-text\">" +
                   Story.Replace("<p>The city", "<p>he city") + "</div></article>";
        var page = Extract(Page("<title>Council backs harbour plan</title>", body));

        Assert.StartsWith("The city council voted on Tuesday", page.Text);
        Assert.Equal(3, page.Text.Split("\n\n").Length);
    }

    [Fact]
    public void Keeps_a_lone_capital_apart_from_a_paragraph_that_starts_a_word_of_its_own()
    {
        // A letter over a paragraph that opens in capitals, or a list of one-letter entries, is no drop cap.
        var body = "<article><h1>Council backs harbour plan</h1>" + Story + "<p>A</p>" + Story.Replace("council", "board") +
                   "<h3>B</h3><p>boats moored in the harbour will move to the north quay during the works, the port said.</p></article>";
        var page = Extract(Page("<title>Council backs harbour plan</title>", body));

        Assert.Contains("\n\nA\n\nThe city board voted", page.Text);
        Assert.Contains("B\n\nboats moored", page.Text);
    }

    private static string Sections(string listed) =>
        "<article><h1>Council backs harbour plan</h1>" + listed + Story +
        "<h2>What the quays will cost</h2>" + Story.Replace("council", "board") +
        "<h2>Who is against it</h2>" + Story.Replace("council", "assembly") +
        "<h2>When work starts</h2>" + Story.Replace("council", "committee") + "</article>";

    [Fact]
    public void Leaves_out_an_unlinked_table_of_contents_that_lists_the_articles_headings()
    {
        var page = Extract(Page("<title>Council backs harbour plan</title>",
            Sections("<ul><li><span>What the quays will cost</span></li><li><span>Who is against it</span></li><li><span>When work starts</span></li></ul>")));

        Assert.Equal(1, Occurrences(page.Text, "What the quays will cost"));
        Assert.Equal(1, Occurrences(page.Text, "When work starts"));
        Assert.StartsWith("The city council voted on Tuesday", page.Text);
    }

    [Theory]
    // The writer's own list, introduced by a sentence, of what the sections go on to cover.
    [InlineData("<p>The article looks at three questions in turn:</p><ul><li>What the quays will cost</li><li>Who is against it</li><li>When work starts</li></ul>")]
    // A list whose items are not every one of them a heading further down.
    [InlineData("<ul><li>What the quays will cost</li><li>Who is against it</li><li>Where the ferries will dock</li></ul>")]
    // Two items are no table of contents.
    [InlineData("<ul><li>What the quays will cost</li><li>Who is against it</li></ul>")]
    public void Keeps_a_list_of_headings_the_writer_introduces_or_that_is_not_all_headings_below(string list)
    {
        var page = Extract(Page("<title>Council backs harbour plan</title>", Sections(list)));

        Assert.Equal(2, Occurrences(page.Text, "Who is against it"));
    }

    [Fact]
    public void Keeps_every_part_of_the_article_that_carries_the_class_name_of_the_chosen_container()
    {
        // The site names its article sections "content-nav-section": "nav" sounds like a menu, but the article wears it.
        var intro = "<div class=\"content-nav-section\"><p>" + string.Join(" ", Enumerable.Repeat("Harbour residents met on Monday to discuss the plan and its costs for the town.", 5)) + "</p></div>";
        var body = "<div class=\"content-nav-section\">" + Story + Story.Replace("council", "board") + "</div>";
        var page = Extract(Page("<title>Council backs harbour plan</title>", Boilerplate + $"<main><h1>Council backs harbour plan</h1><div class=\"wrap\">{intro}</div>{body}</main>"));

        Assert.Contains("Harbour residents met on Monday", page.Text);
        Assert.Contains("The city council voted on Tuesday", page.Text);
        Assert.DoesNotContain("cookies", page.Text);
    }

    [Fact]
    public void Keeps_section_headings_whose_class_calls_them_a_header()
    {
        // Page builders name a section's heading after the module it heads ("et_pb_module_header", "recipe__tips-header");
        // on an h2 that is the heading of the section, not the page's header.
        var body = "<article><h1>Council backs harbour plan</h1>" + Story +
            "<h2 class=\"section-header\">What the quays will cost</h2>" + Story.Replace("council", "board") + "</article>";
        var page = Extract(Page("<title>Council backs harbour plan</title>", "<div class=\"site-header\"><p>Harbour Times, your town's paper since 1901</p></div>" + Boilerplate + body));

        Assert.Contains("What the quays will cost", page.Text);
        Assert.Contains("The city board voted on Tuesday", page.Text);
        Assert.DoesNotContain("your town's paper", page.Text);
    }

    [Fact]
    public void Keeps_a_section_once_when_the_page_renders_it_again_for_another_screen_size()
    {
        var variant = "<div class=\"ssr-variant\"><h2>What happens next</h2>" + Story + "</div>";
        var page = Extract(Page("<title>Council backs harbour plan</title>", $"<main><h1>Council backs harbour plan</h1>{Story.Replace("council", "board")}{variant}{variant}{variant}</main>"));

        Assert.Equal(1, Occurrences(page.Text, "The city council voted on Tuesday"));
        Assert.Equal(1, Occurrences(page.Text, "What happens next"));
        Assert.Contains("The city board voted on Tuesday", page.Text);
    }

    private static int Occurrences(string text, string part) => text.Split(part).Length - 1;

    [Fact]
    public void Keeps_the_whole_article_when_a_long_comment_thread_shares_its_container()
    {
        var comment = "<li class=\"comment\"><p>I have lived by the harbour for thirty years and I think the council has not listened to the people who fish there every single morning, whatever the mayor says now.</p></li>";
        var comments = "<ol class=\"comment-list\">" + string.Concat(Enumerable.Repeat(comment, 12)) + "</ol>";
        var article = Story + Story.Replace("council", "board") + Story.Replace("harbour", "marina");
        var page = Extract(Page("<title>Council backs harbour plan</title>", $"<div class=\"postarea\"><h1>Council backs harbour plan</h1>{article}{comments}</div>"));

        Assert.Contains("The city council voted on Tuesday", page.Text);
        Assert.Contains("The city board voted on Tuesday", page.Text);
        Assert.Contains("expand the marina", page.Text);
        Assert.DoesNotContain("thirty years", page.Text);
    }

    [Fact]
    public void Takes_the_headline_above_the_article_when_the_declared_title_is_a_different_wording()
    {
        var head = "<meta property=\"og:title\" content=\"Harbour expansion: what you need to know in 2025\">";
        var page = Extract(Page(head, $"<div class=\"masthead\"><h1>The Harbour Times</h1></div><nav><a href=/>Home</a></nav><main><h1>Council backs the new harbour plan</h1><p>By Maria Lopez</p>{Story}</main>"));
        Assert.Equal("Council backs the new harbour plan", page.Title);
    }

    [Fact]
    public void Takes_the_headline_under_a_short_date_line_that_opens_the_article_text()
    {
        var head = "<meta property=\"og:title\" content=\"Harbour expansion: what you need to know in 2025\">";
        var page = Extract(Page(head, $"<main><p>14.11.24</p><h1>Council backs the new harbour plan</h1>{Story}</main>"));
        Assert.Equal("Council backs the new harbour plan", page.Title);
    }

    [Theory]
    [InlineData(1, "Council backs the new harbour plan")]
    [InlineData(6, "Harbour expansion: what you need to know in 2025")]
    public void Takes_the_page_s_only_h1_over_the_article_across_tags_and_a_byline_but_not_across_much_reading(int promos, string expected)
    {
        // Tag links and a byline set the h1 more than a few blocks above the article's text; promotion paragraphs add reading.
        var head = "<meta property=\"og:title\" content=\"Harbour expansion: what you need to know in 2025\">";
        var tags = string.Concat(Enumerable.Range(1, 8).Select(i => $"<li><a href=/tag/{i}>Topic {i}</a></li>"));
        var promo = "<p class=\"promo\">Sign up for our morning letter and read every story from the coast, the port and the town hall before your first coffee of the day.</p>";
        var top = $"<div class=\"topper\"><h1>Council backs the new harbour plan</h1><ul class=\"tags\">{tags}</ul>" +
                  $"{string.Concat(Enumerable.Repeat(promo, promos))}<p>By Maria Lopez</p><p>Published on 14 November 2024</p></div>";
        var page = Extract(Page(head, $"{top}<main><article>{Story}{Story.Replace("council", "board")}</article></main>"));
        Assert.Equal(expected, page.Title);
    }

    [Fact]
    public void Keeps_the_declared_title_when_the_only_heading_near_the_article_is_a_label()
    {
        var head = "<meta property=\"og:title\" content=\"Harbour expansion: what you need to know in 2025\">";
        var page = Extract(Page(head, $"<main><h1>LOCAL NEWS TODAY</h1>{Story}</main>"));
        Assert.Equal("Harbour expansion: what you need to know in 2025", page.Title);
    }

    [Fact]
    public void Keeps_headings_and_list_items_as_their_own_paragraphs()
    {
        var body = $"<article><h1>Harbour plan</h1>{Story}<h2>What happens next</h2><ul><li>Tenders open in January.</li><li>Building starts in April.</li></ul>{Story.Replace("council", "board")}</article>";
        var page = Extract(Page("<title>Harbour plan</title>", body));
        var paragraphs = page.Text.Split("\n\n");
        Assert.Contains("What happens next", paragraphs);
        Assert.Contains("Tenders open in January.", paragraphs);
        Assert.Contains("Building starts in April.", paragraphs);
    }

    [Fact]
    public void Keeps_an_article_whole_when_an_advert_interrupts_it()
    {
        var body = $"<main><div class=\"story-body\">{Story}</div><div class=\"ad-slot\"><a href=#>Buy cheap flights now</a></div><div class=\"story-body\"><p>The port authority will publish the detailed plans online next week, including the new ferry terminal and its car park.</p></div></main>";
        var page = Extract(Page("<title>Harbour</title>", Boilerplate + body + Footer));
        Assert.Contains("port authority will publish", page.Text);
        Assert.Contains("city council voted", page.Text);
        Assert.DoesNotContain("cheap flights", page.Text);
    }

    [Fact]
    public void Keeps_every_section_of_the_article_when_long_link_lists_stand_between_them()
    {
        // A guide whose sections are separated by long lists of linked names: each section alone looks cleaner than the
        // article around them, yet the article element holds them all.
        static string Links(int n) => "<ul>" + string.Concat(Enumerable.Range(1, n).Select(i => $"<li><a href=/town/{i}>Movers in harbour town number {i}</a></li>")) + "</ul>";
        var first = "<div class=\"profile\">" + Story + "</div>";
        var second = "<div class=\"profile\">" + Story.Replace("council", "board").Replace("harbour", "marina") + "</div>";
        var page = Extract(Page("<title>Harbour</title>", $"{Boilerplate}<article><h1>Harbour</h1>{Links(60)}{first}{Links(80)}{second}{Links(60)}</article>"));

        Assert.Contains("The city council voted on Tuesday", page.Text);
        Assert.Contains("The city board voted on Tuesday", page.Text);
        Assert.DoesNotContain("Movers in harbour town", page.Text);
    }

    [Fact]
    public void Keeps_to_one_article_when_the_page_lists_several_article_elements()
    {
        var teasers = string.Concat(Enumerable.Range(1, 3).Select(i => $"<article class=\"teaser\"><h3><a href=/s/{i}>Ferry timetable changes number {i}</a></h3></article>"));
        var page = Extract(Page("<title>Harbour</title>", $"<article><h1>Harbour</h1>{Story}</article>{teasers}"));

        Assert.StartsWith("The city council voted on Tuesday", page.Text);
        Assert.DoesNotContain("Ferry timetable", page.Text);
    }

    [Fact]
    public void Sets_figure_captions_apart_from_the_text()
    {
        var body = $"<article><h1>Harbour</h1><figure><img src=a.jpg><figcaption>The old fishing port at dawn.</figcaption></figure>{Story}</article>";
        var page = Extract(Page("<title>Harbour</title>", body));
        Assert.Equal(["The old fishing port at dawn."], page.Captions);
        Assert.DoesNotContain("fishing port at dawn", page.Text);
    }

    [Theory]
    [InlineData("<figure><img src=a.jpg><figcaption class=\"image-caption-wrapper\"><div><p><em>The old fishing port at dawn.</em></p></div></figcaption></figure>")]
    [InlineData("<div class=\"wp-caption aligncenter\"><img src=a.jpg><p class=\"wp-caption-text\">The old fishing port at dawn.</p></div>")]
    [InlineData("<div class=\"ArticleContent_imageBlock_caption\"><p class=\"Text\">The old fishing port at dawn.</p></div>")]
    [InlineData("<div class=\"ArticleContent_imageBlock_caption__AuqrJ\"><p class=\"Text\">The old fishing port at dawn.</p></div>")]
    [InlineData("<div class=\"photo__caption\"><p>The old fishing port at dawn.</p></div>")]
    public void Sets_captions_apart_when_their_lines_are_paragraphs_or_only_a_class_names_them(string figure)
    {
        var body = $"<article><h1>Harbour</h1>{Story[..(Story.IndexOf("</p>", StringComparison.Ordinal) + 4)]}{figure}{Story[(Story.IndexOf("</p>", StringComparison.Ordinal) + 4)..]}</article>";
        var page = Extract(Page("<title>Harbour</title>", body));
        Assert.Equal(["The old fishing port at dawn."], page.Captions);
        Assert.DoesNotContain("fishing port at dawn", page.Text);
        Assert.Contains("Work is due to start next spring", page.Text);
    }

    [Fact]
    public void Keeps_text_whose_class_only_names_a_caption_type_size()
    {
        var body = $"<article><h1>Harbour</h1><div class=\"caption-large\">{Story}</div></article>";
        var page = Extract(Page("<title>Harbour</title>", body));
        Assert.StartsWith("The city council voted on Tuesday", page.Text);
        Assert.Empty(page.Captions);
    }

    [Fact]
    public void Drops_a_contact_form_inside_the_article()
    {
        var form = "<form method=\"post\"><h3>Get a free quote</h3><label>First Name*</label><input name=first><label>Email*</label><input name=email>" +
                   "<p>This field is for validation purposes and should be left unchanged.</p><button>Send</button></form>";
        var page = Extract(Page("<title>Harbour</title>", $"<article><h1>Harbour</h1>{Story}{form}</article>"));
        Assert.Contains("Work is due to start next spring", page.Text);
        Assert.DoesNotContain("validation purposes", page.Text);
        Assert.DoesNotContain("First Name", page.Text);
    }

    [Fact]
    public void Drops_an_embedded_post_from_a_social_network_inside_the_article()
    {
        var tweet = "<blockquote class=\"twitter-tweet\"><p lang=\"en\">The harbour vote tonight is a disgrace and every fisherman in town knows it, we will fight this in court.</p>" +
                    "&mdash; Port Watch (@portwatch) <a href=\"https://twitter.com/portwatch/status/1\">March 4, 2025</a></blockquote>";
        var page = Extract(Page("<title>Harbour</title>", $"<article><h1>Harbour</h1>{Story}{tweet}{Story.Replace("council", "board")}</article>"));
        Assert.Contains("The city board voted on Tuesday", page.Text);
        Assert.DoesNotContain("fight this in court", page.Text);
        Assert.DoesNotContain("@portwatch", page.Text);
    }

    [Fact]
    public void Keeps_an_article_that_a_form_wraps_with_the_whole_page()
    {
        // ASP.NET pages put everything inside one form.
        var page = Extract(Page("<title>Harbour</title>", $"<form id=\"aspnetForm\" method=\"post\">{Boilerplate}<article><h1>Harbour</h1>{Story}</article></form>"));
        Assert.StartsWith("The city council voted on Tuesday", page.Text);
        Assert.Contains("Work is due to start next spring", page.Text);
    }

    [Theory]
    [InlineData("Council backs harbour plan | Harbour Times", "Council backs harbour plan")]
    [InlineData("Council backs harbour plan - Harbour Times", "Council backs harbour plan")]
    [InlineData("Council backs harbour plan – Harbour Times", "Council backs harbour plan")]
    [InlineData("Harbour Times: Council backs harbour plan", "Harbour Times: Council backs harbour plan")]
    [InlineData("Vote - what it means for the harbour", "Vote - what it means for the harbour")]
    public void Cleans_a_site_name_suffix_from_the_declared_title(string declared, string expected)
    {
        var page = Extract(Page($"<title>{declared}</title><meta property=\"og:site_name\" content=\"Harbour Times\">", $"<div>{Story}</div>"));
        Assert.Equal(expected, page.Title);
        Assert.Equal("Harbour Times", page.SiteName);
    }

    [Theory]
    [InlineData("Harbour Times - News, Ferries and Events of the Northern Coast", "https://www.harbourtimes.example/news/plan", "Harbour Times")]
    [InlineData("Local news you can trust | The Harbour Times", "https://harbourtimes.example/news/plan", "The Harbour Times")]
    [InlineData("Harbour Times: The Voice of the Coast", "https://news.harbourtimes.co.uk/plan", "Harbour Times")]
    [InlineData("Northern Coast Broadcasting - NCB.CO.UK", "https://www.ncb.co.uk/plan", "Northern Coast Broadcasting")]
    [InlineData("Harbour Times |", "https://harbourtimes.example/plan", "Harbour Times")]
    [InlineData("Reviews for the Real World: Harbour Guide", "https://www.bignews.example/guide/plan", "Reviews for the Real World: Harbour Guide")]
    [InlineData("Harbour Times - News of the Coast", null, "Harbour Times - News of the Coast")]
    [InlineData("Tech - Harbour Gadgets", "https://techharbourgadgetsreview.example/plan", "Tech - Harbour Gadgets")]
    [InlineData("Hommés Studio | Modern Interior Design", "https://hommesstudio.example/plan", "Hommés Studio")]
    [InlineData("Gazeta Łódzka - wiadomości z regionu", "https://www.gazetalodzka.example/plan", "Gazeta Łódzka")]
    public void Names_the_site_without_the_tagline_its_declared_name_carries(string declared, string? url, string expected)
    {
        var page = Extract(Page($"<title>Council backs harbour plan</title><meta property=\"og:site_name\" content=\"{declared}\">", $"<div>{Story}</div>"), url);
        Assert.Equal(expected, page.SiteName);
    }

    [Theory]
    [InlineData("Council backs harbour plan | Harbour Times", null, "<footer><p>© 2025 Harbour Times. All rights reserved.</p></footer>", "Harbour Times")]
    [InlineData("Harbour Times: Council backs harbour plan", null, "<footer><p>© 2025 Harbour Times. All rights reserved.</p></footer>", "Harbour Times")]
    [InlineData("Council backs harbour plan | Harbour Times", null, "<header><a href=\"/\">Harbour Times</a></header>", "Harbour Times")]
    [InlineData("Council backs harbour plan | Harbour Times", null, "", null)]
    [InlineData("Council backs harbour plan - Infographic", null, "<footer><p>Share this page</p></footer>", null)]
    [InlineData("Council backs harbour plan | Blog", null, "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/blog\">Blog</a></li></ul></nav>", null)]
    [InlineData("Council backs harbour plan | HarbourTimes.com", null, "", "HarbourTimes.com")]
    [InlineData("Council backs harbour plan | Harbour Times", null, "<footer><a href=\"https://harbourtimes.example/\">Harbour Times</a></footer>", "Harbour Times")]
    [InlineData("Council backs harbour plan | Harbour Times", null, "<footer><p>Harbour Times is read by the whole coast.</p></footer>", null)]
    [InlineData("Council backs harbour plan | Harbour Times", "https://www.harbourtimes.example/plan", "", "Harbour Times")]
    [InlineData("Council backs harbour plan | Harbour Times", "https://www.bignews.example/plan", "<footer><p>© 2025 Harbour Times</p></footer>", "bignews.example")]
    [InlineData("Council backs harbour plan | Internacional | EL PAÍS", "https://elpais.example/internacional/plan", "", "EL PAÍS")]
    [InlineData("Council backs harbour plan - Politik - SZ.de", "https://www.sueddeutsche.example/politik/plan", "", "sueddeutsche.example")]
    public void Names_the_site_from_what_the_title_element_adds_to_the_headline_when_the_page_declares_no_name(string declared, string? url, string furniture, string? expected)
    {
        var page = Extract(Page($"<title>{declared}</title>", $"<article><h1>Council backs harbour plan</h1>{Story}</article>{furniture}"), url);
        Assert.Equal("Council backs harbour plan", page.Title);
        Assert.Equal(expected, page.SiteName);
    }

    [Fact]
    public void Names_the_site_after_the_feed_the_page_links_to_when_the_title_element_adds_that_name()
    {
        var head = "<title>Council backs harbour plan | Harbour Times</title><link rel=\"alternate\" type=\"application/rss+xml\" title=\"Harbour Times RSS Feed\" href=\"/feed.xml\">";
        var page = Extract(Page(head, $"<article><h1>Council backs harbour plan</h1>{Story}</article>"));
        Assert.Equal("Harbour Times", page.SiteName);
    }

    [Theory]
    [InlineData("The Basics Of Harbour Planning: A Beginner&#x27;s Guide", "The Basics Of Harbour Planning? A Beginner? Guide", "The Basics Of Harbour Planning: A Beginner's Guide")]
    [InlineData("What the harbour plan means for the town", "What the harbour plan means for the town?", "What the harbour plan means for the town?")]
    [InlineData("Is the harbour plan worth it", "Is the harbour plan worth it? Residents doubt", "Is the harbour plan worth it? Residents doubt")]
    public void Takes_the_declared_title_over_a_headline_whose_characters_a_broken_encoding_turned_into_question_marks(string declared, string heading, string expected)
    {
        var page = Extract(Page($"<title>{declared}</title>", $"<article><h1>{heading}</h1>{Story}</article>"));
        Assert.Equal(expected, page.Title);
    }

    [Fact]
    public void Drops_a_host_name_after_the_title_when_the_page_names_no_site()
    {
        var page = Extract(Page("<title>Council backs harbour plan | HarbourTimes.co.uk</title>", $"<div>{Story}</div>"));
        Assert.Equal("Council backs harbour plan", page.Title);
    }

    [Theory]
    [InlineData("Council backs harbour plan | Harbour Times", "What comes next for the harbour?", "What comes next for the harbour?")]
    [InlineData("Council backs harbour plan for the old port and the beaches | Harbour Times", "Council backs harbour plan for the old port and the beaches (2024)", "Council backs harbour plan for the old port and the beaches")]
    [InlineData("Council backs harbour plan for the old port and the be | Harbour Times", "Council backs harbour plan for the old port and the beaches", "Council backs harbour plan for the old port and the beaches")]
    [InlineData("Best harbour walks of 2024", "The Best harbour walks of 2024", "The Best harbour walks of 2024")]
    [InlineData("Harbour walks for every season", "12 Harbour walks for every season", "12 Harbour walks for every season")]
    [InlineData("Harbour walks for every season", "Jun 3 2024 Harbour walks for every season", "Harbour walks for every season")]
    [InlineData("Harbour walks for every season | Harbour Times", "Harbour walks for every season from the 2024 guide", "Harbour walks for every season from the 2024 guide")]
    public void Keeps_the_headline_as_shown_unless_it_only_adds_a_label_or_date_to_the_declared_title(string declared, string heading, string expected)
    {
        Assert.Equal(expected, TitleUnder(declared, heading));
    }

    [Theory]
    [InlineData("How Much Will the New Harbour Cost? | Harbour Times", "How much will the new harbour cost?", "How Much Will the New Harbour Cost?")]
    [InlineData("Harbour Walks for Every Season", "harbour walks for every season", "Harbour Walks for Every Season")]
    [InlineData("Harbour walks in winter | Routes, maps, tides, cafés and parking | Harbour Times", "harbour walks in winter", "Harbour walks in winter")]
    [InlineData("Harbour Walks for Every Season 2024 | Harbour Times", "HARBOUR WALKS FOR EVERY SEASON IN 2024", "Harbour Walks for Every Season 2024")]
    [InlineData("HARBOUR WALKS FOR EVERY SEASON OF 2024", "HARBOUR WALKS FOR EVERY SEASON IN 2024", "HARBOUR WALKS FOR EVERY SEASON IN 2024")]
    [InlineData("The Best Harbour Walks And Where To Eat", "The Best Harbour Walks and Where to Eat", "The Best Harbour Walks and Where to Eat")]
    [InlineData("The best harbour walks of 2024, tested", "The Best Harbour Walks of 2024, Tested", "The Best Harbour Walks of 2024, Tested")]
    public void Takes_the_declared_title_in_headline_case_over_the_same_words_in_sentence_case(string declared, string heading, string expected)
    {
        Assert.Equal(expected, TitleUnder(declared, heading));
    }

    [Theory]
    [InlineData("<title>Why the harbour's plan won't work | Harbour Times</title>", "Why the harbour\u2019s plan won\u2019t work", "Why the harbour's plan won't work")]
    [InlineData("<title>The \"new\" harbour | Harbour Times</title><meta property=\"og:title\" content=\"The &quot;new&quot; harbour\">", "The \u201Cnew\u201D harbour", "The \"new\" harbour")]
    [InlineData("<title>Why the harbour's plan won't work</title><meta property=\"og:title\" content=\"Why the harbour\u2019s plan won\u2019t work\">", "Why the harbour\u2019s plan won\u2019t work", "Why the harbour\u2019s plan won\u2019t work")]
    [InlineData("<title>Harbour plan: what\u2019s next</title>", "Harbour plan: what\u2019s next", "Harbour plan: what\u2019s next")]
    [InlineData("<title>Why the harbour's plan will work</title>", "Why the harbour\u2019s plan won\u2019t work", "Why the harbour\u2019s plan won\u2019t work")]
    public void Takes_straight_quotes_from_the_declared_titles_when_all_of_them_give_the_headline_with_straight_ones(string head, string heading, string expected)
    {
        Assert.Equal(expected, TitleWith(head + "<meta property=\"og:site_name\" content=\"Harbour Times\">", heading));
    }

    [Theory]
    [InlineData("<title>Ten ways to enjoy the harbour | Harbour Times</title><meta property=\"og:title\" content=\"Make the most of your visit with these ten tips.\">", "Make the most of your visit with these ten tips.", "Ten ways to enjoy the harbour")]
    [InlineData("<title>Ten ways to enjoy the harbour | Harbour Times</title>", "Make the most of your visit with these ten tips .", "Ten ways to enjoy the harbour")]
    [InlineData("<title>Things to know before visiting the harbour | Harbour Times</title>", "Things to know before visiting the harbour.", "Things to know before visiting the harbour.")]
    [InlineData("<title>Harbour trade with the U.S. | Harbour Times</title>", "The harbour's biggest customer is the U.S.", "The harbour's biggest customer is the U.S.")]
    [InlineData("<title>Harbour | Harbour Times</title>", "Make the most of your visit with these ten tips.", "Make the most of your visit with these ten tips.")]
    [InlineData("<title>Harbour deal signed | Harbour Times</title>", "Council sells the old pier to Quayside Holdings Inc.", "Council sells the old pier to Quayside Holdings Inc.")]
    public void Takes_the_title_element_over_a_heading_set_as_a_sentence_with_a_full_stop(string head, string heading, string expected)
    {
        Assert.Equal(expected, TitleWith(head + "<meta property=\"og:site_name\" content=\"Harbour Times\">", heading));
    }

    [Fact]
    public void Keeps_a_heading_set_as_a_sentence_in_the_text_when_the_title_element_gives_the_title()
    {
        var page = Extract(Page("<title>Ten ways to enjoy the harbour | Harbour Times</title>", $"<article><h1>Make the most of your visit with these ten tips.</h1>{Story}</article>"));
        Assert.Equal("Ten ways to enjoy the harbour", page.Title);
        Assert.StartsWith("Make the most of your visit with these ten tips.\n\nThe city council voted", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_the_headline_out_of_the_text_when_the_title_takes_the_declared_quote_marks()
    {
        var page = Extract(Page("<title>Why the harbour's plan won't work</title>", $"<article><h2>Why the harbour\u2019s plan won\u2019t work</h2>{Story}</article>"));
        Assert.Equal("Why the harbour's plan won't work", page.Title);
        Assert.StartsWith("The city council voted", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How will the harbour change\uFF1F", "How will the harbour change?")]
    [InlineData("Harbour plan\uFF1A\u3000what comes next", "Harbour plan: what comes next")]
    [InlineData("\u6E2F\u53E3\u6269\u5EFA\u8BA1\u5212\u83B7\u6279\uFF1F", "\u6E2F\u53E3\u6269\u5EFA\u8BA1\u5212\u83B7\u6279\uFF1F")]
    public void Writes_full_width_punctuation_plainly_in_a_title_without_CJK_text(string heading, string expected)
    {
        Assert.Equal(expected, TitleWith($"<title>{heading}</title>", heading));
    }

    [Theory]
    [InlineData("Council backs harbour plan \u2013 Part 1", "Council backs harbour plan")]
    [InlineData("Council backs harbour plan - Infographic", "Council backs harbour plan")]
    [InlineData("Best harbour walks (2025) \u2013 Top Local & Coastal Routes", "Best harbour walks (2025)")]
    [InlineData("Council backs harbour plan \u2014 and what comes next", "Council backs harbour plan \u2014 and what comes next")]
    [InlineData("Harbour walks in winter - A Beginner's Guide", "Harbour walks in winter - A Beginner's Guide")]
    [InlineData("Best harbour walks \u2013 My Favourites!", "Best harbour walks \u2013 My Favourites!")]
    [InlineData("Harbour plan \u2013 Part 1", "Harbour plan \u2013 Part 1")]
    [InlineData("Best harbour walks in 2025 - I Tried 11 Routes", "Best harbour walks in 2025 - I Tried 11 Routes")]
    public void Drops_a_short_label_set_after_a_dash_from_the_headline(string heading, string expected)
    {
        Assert.Equal(expected, TitleWith($"<title>{heading}</title>", heading));
    }

    [Theory]
    [InlineData("Council backs harbour plan for the old port", "Council backs harbour plan for the old port")]
    [InlineData("Council backs harbour plan for the port", "Council backs the harbour plan for the old port")]
    [InlineData("For the old port, the council backs the harbour plan", "Council backs the harbour plan for the old port")]
    public void Takes_a_second_level_heading_for_the_headline_only_with_the_declared_title_s_words_in_their_order(string h2, string expected)
    {
        var page = Extract(Page("<title>Council backs the harbour plan for the old port</title>", $"<div><h2>{h2}</h2>{Story}</div>"));
        Assert.Equal(expected, page.Title);
    }

    [Fact]
    public void Takes_the_headline_over_the_article_rather_than_a_teaser_heading_far_below_that_half_matches_the_declared_title()
    {
        // The teaser shares half its words with the declared title, the headline fewer; the teaser stands after the story.
        var story = string.Concat(Enumerable.Repeat(Story, 8));
        var teasers = "<section><h1>Where to walk along the harbour this winter</h1><p>Our guide to the coastal paths.</p></section>";
        var page = Extract(Page("<title>Where to walk by the sea | Harbour Times</title>", $"<article><h1>The best coastal trails for a Sunday stroll</h1>{story}</article>{teasers}"));
        Assert.Equal("The best coastal trails for a Sunday stroll", page.Title);
    }

    [Theory]
    [InlineData("<h1>Council backs harbour plan. <span>What comes next for the port</span></h1>", "Council backs harbour plan. - What comes next for the port")]
    [InlineData("<h1>Council backs harbour plan. What comes next for the port</h1>", "Council backs harbour plan. - What comes next for the port")]
    [InlineData("<h1>Council backs harbour plan: what comes next for the port</h1>", "Council backs harbour plan: what comes next for the port")]
    public void Takes_the_declared_title_when_the_headline_runs_its_subtitle_on_without_the_declared_dash(string heading, string expected)
    {
        var page = Extract(Page("<title>Council backs harbour plan. - What comes next for the port</title>", $"<article>{heading}{Story}</article>"));
        Assert.Equal(expected, page.Title);
    }

    [Theory]
    [InlineData("M&amp;A Updates", "Council backs harbour plan")]
    [InlineData("Ferry fares rise again", "Ferry fares rise again")]
    public void Counts_a_heading_s_words_between_spaces_when_it_decides_whether_a_heading_over_the_article_is_its_headline(string heading, string expected)
    {
        var page = Extract(Page("<title>Council backs harbour plan</title>", $"<div><h1>{heading}</h1>{Story}</div>"));
        Assert.Equal(expected, page.Title);
    }

    [Theory]
    // Set by hand in an editor: bold, or an inline style, through any single wrapper. The declared title names the article.
    [InlineData("<strong>Harbour plan: what to watch in 2026</strong>", "Latest news on the harbour plan for 2026")]
    [InlineData("<b>Harbour plan: what to watch in 2026</b>", "Latest news on the harbour plan for 2026")]
    [InlineData(" <span style=\"color: #d0021b; font-size: 18px\">Harbour plan: what to watch in 2026</span> ", "Latest news on the harbour plan for 2026")]
    [InlineData("<span class=\"headline\"> <strong>Harbour plan: what to watch in 2026</strong> </span>", "Latest news on the harbour plan for 2026")]
    // A template's own type: plain text, a classed span, an empty style (HubSpot writes style=""), bold on part of it.
    [InlineData("Harbour plan: what to watch in 2026", "Harbour plan: what to watch in 2026")]
    [InlineData("<span class=\"entry-title\">Harbour plan: what to watch in 2026</span>", "Harbour plan: what to watch in 2026")]
    [InlineData("<span id=\"hs_cos_wrapper_name\" style=\"\">Harbour plan: what to watch in 2026</span>", "Harbour plan: what to watch in 2026")]
    [InlineData("Harbour plan: <strong>what to watch</strong> in 2026", "Harbour plan: what to watch in 2026")]
    public void Takes_the_declared_title_over_a_headline_its_author_set_in_bold_or_an_inline_style_that_words_it_otherwise(string heading, string expected)
    {
        var page = Extract(Page("<title>Latest news on the harbour plan for 2026</title>", $"<article><h1>{heading}</h1>{Story}</article>"));
        Assert.Equal(expected, page.Title);
    }

    [Theory]
    [InlineData("<strong>Harbour plan: what to watch in 2026</strong>", "Harbour plan: what to watch for in 2026")]
    // A link's inline style is a template's as often as an editor's.
    [InlineData("<a href=\"/harbour-plan\" style=\"color: inherit\">Harbour plan: what to watch in 2026</a>", "Harbour plan: what to watch in 2026")]
    public void Takes_the_declared_title_over_a_bold_headline_even_when_the_two_nearly_agree(string heading, string expected)
    {
        var page = Extract(Page("<title>Harbour plan: what to watch for in 2026</title>", $"<article><h1>{heading}</h1>{Story}</article>"));
        Assert.Equal(expected, page.Title);
    }

    [Fact]
    public void Keeps_a_headline_set_in_bold_when_it_has_the_declared_title_s_words()
    {
        // Only the words count: the heading's capitals stay.
        var page = Extract(Page("<title>Latest news on the harbour plan | Harbour Times</title>", $"<article><h1><strong>Latest News on the Harbour Plan</strong></h1>{Story}</article>"));
        Assert.Equal("Latest News on the Harbour Plan", page.Title);
    }

    [Theory]
    [InlineData("<title>Harbour Data Blog: Small boats in a big port</title>")]
    [InlineData("<title>Small boats in a big port | Harbour Data Blog</title>")]
    public void Takes_a_heading_that_names_what_the_title_element_adds_to_the_og_title_for_the_site_s_masthead(string title)
    {
        // No site name is declared; the title element adds it to the og:title, and the masthead h1 repeats it.
        var head = title + "<meta property=\"og:title\" content=\"Small boats in a big port\">";
        var page = Extract(Page(head, $"<header><h1>Harbour Data Blog</h1></header><article>{Story}</article>"));
        Assert.Equal("Small boats in a big port", page.Title);
    }

    [Fact]
    public void Takes_a_heading_that_is_a_bare_host_name_for_the_masthead_and_drops_it_from_the_front_of_the_title()
    {
        var page = Extract(Page("<title>harbourtimes.com Vibe Coding</title>", $"<header><h1>harbourtimes.com</h1><h2>December 16, 2025</h2></header><article>{Story}</article>"));
        Assert.Equal("Vibe Coding", page.Title);
    }

    [Fact]
    public void Keeps_a_host_name_at_the_front_of_the_title_when_the_page_does_not_show_it_as_its_masthead()
    {
        var page = Extract(Page("<title>Booking.com fined by the harbour authority</title>", $"<article>{Story}</article>"));
        Assert.Equal("Booking.com fined by the harbour authority", page.Title);
    }

    [Fact]
    public void Takes_an_h1_over_the_article_for_its_headline_when_the_other_h1s_head_teasers_after_the_article()
    {
        var teasers = string.Concat(Enumerable.Range(1, 3).Select(i => $"<section class=\"more\"><h1>Next in your guide number {i}</h1></section>"));
        var page = Extract(Page("<title>Small boats in a big port</title>", $"<article><h1>Small is the new large</h1>{Story}</article>{teasers}"));
        Assert.Equal("Small is the new large", page.Title);
    }

    [Theory]
    [InlineData(2, "Small boats in a big port")]
    [InlineData(0, "Small is the new large")]
    public void Takes_an_h1_over_the_article_for_a_section_heading_when_more_h1s_head_sections_of_the_article(int sections, string expected)
    {
        var body = string.Concat(Enumerable.Range(1, sections).Select(i => $"<h1>Section number {i} of the story</h1>{Story}"));
        var page = Extract(Page("<title>Small boats in a big port</title>", $"<article><h1>Small is the new large</h1>{Story}{body}</article>"));
        Assert.Equal(expected, page.Title);
    }

    [Theory]
    [InlineData("8 Harbour walks for every season | Harbour Times", "Harbour walks for every season", "8 Harbour walks for every season")]
    [InlineData("Best harbour walks for every season in 2025 | Harbour Times", "Best harbour walks for every season", "Best harbour walks for every season in 2025")]
    [InlineData("Best harbour walks for every season (2025)", "Best harbour walks for every season", "Best harbour walks for every season (2025)")]
    [InlineData("15 Quiet harbour walks for every season", "Harbour walks for every season", "Harbour walks for every season")]
    [InlineData("Best harbour walks for every season, Tested and Reviewed", "Best harbour walks for every season", "Best harbour walks for every season")]
    [InlineData("Best harbour walks for every season in 20255", "Best harbour walks for every season", "Best harbour walks for every season")]
    public void Takes_the_count_or_year_the_declared_title_adds_to_the_headline_and_no_other_words(string declared, string heading, string expected)
    {
        Assert.Equal(expected, TitleUnder(declared, heading));
    }

    [Theory]
    [InlineData("Affordable food: Nutrition for low-income families | Harbour Times", "Affordable nutrition", "Affordable nutrition")]
    [InlineData("Affordable food: Nutrition for low-income families | Harbour Times", "Affordable housing", "Affordable food: Nutrition for low-income families")]
    [InlineData("Reflections on a year of harbour works | Playful Tones", "Playful Tones", "Reflections on a year of harbour works")]
    [InlineData("Live updates: Storm hits the harbour coast | Harbour Times", "Live updates", "Live updates: Storm hits the harbour coast")]
    public void Takes_a_short_headline_whose_words_are_all_in_the_declared_title(string declared, string heading, string expected)
    {
        var body = $"<div class=\"hero\"><h1>{heading}</h1></div><nav><a href=\"/a\">News</a> <a href=\"/b\">Sport</a></nav>" +
                   string.Concat(Enumerable.Repeat("<p>Filler line of the page.</p>", 14)) + $"<article>{Story}</article>";
        Assert.Equal(expected, Extract(Page($"<title>{declared}</title>", body)).Title);
    }

    [Theory]
    [InlineData("Top harbour walks of 2025: Routes and Guides", "Top harbour walks of 2025 (UK)<br>Your guide to the best coastal routes", "Top harbour walks of 2025: Routes and Guides")]
    [InlineData("Top harbour walks of 2025: Routes and Guides", "Top harbour walks of 2025<span class=\"block text-sm\">Your guide to the best coastal routes</span>", "Top harbour walks of 2025: Routes and Guides")]
    [InlineData("Top harbour walks of 2025: Routes and Guides", "Top harbour walks of 2025 <span class=\"blocky\">in the UK</span>", "Top harbour walks of 2025 in the UK")]
    [InlineData("Top harbour walks of 2025: Routes and Guides", "Top harbour walks of 2025<span class=\"text-sm\td-block\">Your guide to the best coastal routes</span>", "Top harbour walks of 2025: Routes and Guides")]
    [InlineData("Top harbour walks of 2025: Routes and Guides", "Top harbour walks of 2025 <span class=\"Block\">in the UK</span>", "Top harbour walks of 2025 in the UK")]
    [InlineData("Top harbour walks of 2025: Routes and Guides", "Top harbour walks of 2025: Routes and Guides", "Top harbour walks of 2025: Routes and Guides")]
    [InlineData("Harbour Times", "Real estate for beginners<br>Real estate 101", "Real estate for beginners Real estate 101")]
    public void Takes_the_declared_title_for_a_headline_set_on_two_lines_over_a_deck(string declared, string heading, string expected)
    {
        Assert.Equal(expected, TitleWith($"<title>{declared}</title>", heading));
    }

    /// <summary>The title read from a page that declares one title and shows a headline over the story.</summary>
    private static string TitleUnder(string declared, string heading) =>
        TitleWith($"<title>{declared}</title><meta property=\"og:site_name\" content=\"Harbour Times\">", heading);

    /// <summary>The title read from a page with this head that shows a headline over the story.</summary>
    private static string TitleWith(string head, string heading) => Extract(Page(head, $"<article><h1>{heading}</h1>{Story}</article>")).Title;

    [Fact]
    public void Prefers_the_page_headline_that_matches_the_declared_title_over_a_site_logo_heading()
    {
        var body = $"<header><h1>Harbour Times</h1></header><article><h1>Council backs the harbour expansion plan</h1>{Story}</article>";
        var page = Extract(Page("<title>Council backs harbour expansion plan | Harbour Times</title>", body));
        Assert.Equal("Council backs the harbour expansion plan", page.Title);
        Assert.DoesNotContain("Council backs", page.Text);
    }

    [Fact]
    public void Does_not_take_a_masthead_heading_that_names_the_site_for_the_headline()
    {
        var head = "<title>Harbour Times: Council backs plan</title><meta property=\"og:title\" content=\"Council backs plan\">" +
                   "<meta property=\"og:site_name\" content=\"Harbour Times\">";
        var page = Extract(Page(head, $"<div class=masthead><h1>Harbour Times</h1></div><div>{Story}</div>"));
        Assert.Equal("Council backs plan", page.Title);
    }

    [Theory]
    [InlineData("Council backs harbour plan – Harbour Times")]
    [InlineData("Council backs harbour plan | Opinion")]
    public void Cleans_a_site_name_or_section_label_from_the_page_headline(string headline)
    {
        var head = $"<title>{headline}</title><meta property=\"og:site_name\" content=\"Harbour Times\">";
        var page = Extract(Page(head, $"<article><h1>{headline}</h1>{Story}</article>"));
        Assert.Equal("Council backs harbour plan", page.Title);
    }

    [Fact]
    public void Reads_headline_authors_date_and_publisher_from_json_ld()
    {
        const string jsonLd = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Harbour Times"},
              {"@type":"NewsArticle","headline":"Council backs harbour plan","datePublished":"2024-03-05T09:30:00+01:00",
               "author":[{"@type":"Person","name":"Ana Silva"},{"@type":"Person","name":"Tom Berg"}]}]}</script>
            """;
        var page = Extract(Page(jsonLd, $"<article>{Story}</article>"));
        Assert.Equal("Council backs harbour plan", page.Title);
        Assert.Equal(["Ana Silva", "Tom Berg"], page.Authors);
        Assert.Equal("2024-03-05T09:30:00+01:00", page.Published?.ToIso());
        Assert.Equal("Harbour Times", page.SiteName);
    }

    [Fact]
    public void Reads_an_author_the_json_ld_graph_names_by_reference()
    {
        const string jsonLd = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"BlogPosting","headline":"Council backs harbour plan","author":{"@id":"https://harbour.example/#/schema/person/5380ba65"},
               "publisher":{"@id":"https://harbour.example/#organization"}},
              {"@type":"Organization","@id":"https://harbour.example/#organization","name":"Harbour Times"},
              {"@type":"Person","@id":"https://harbour.example/#/schema/person/5380ba65","name":"Ana Silva"}]}</script>
            <meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Tom Berg">
            """;
        var page = Extract(Page(jsonLd, $"<article>{Story}</article>"));
        Assert.Equal(["Ana Silva"], page.Authors);
    }

    [Fact]
    public void Survives_malformed_json_ld_and_uses_meta_tags_instead()
    {
        var head = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", oops</script>" +
                   "<meta property=\"article:published_time\" content=\"2023-11-02T08:00:00Z\"><meta name=\"author\" content=\"By Jane Doe\">";
        var page = Extract(Page(head, $"<article>{Story}</article>"));
        Assert.Equal(new DateOnly(2023, 11, 2), page.Published?.Day);
        Assert.Equal(["Jane Doe"], page.Authors);
    }

    [Fact]
    public void Reads_the_date_from_a_time_element()
    {
        var page = Extract(Page("", $"<article><p class=byline><time datetime=\"2022-06-14\">14 June 2022</time></p>{Story}</article>"));
        Assert.Equal("2022-06-14", page.Published?.ToIso());
    }

    [Theory]
    [InlineData("<aside><time datetime=\"2019-05-05\">5 May 2019</time></aside><article><header><h1>Harbour plan</h1><time datetime=\"2022-06-14\">14 June 2022</time></header>{0}</article>", "2022-06-14")]
    [InlineData("<aside><time datetime=\"2019-05-05\">5 May 2019</time></aside><article><h1>Harbour plan</h1>{0}<p>Posted <time class=\"entry-published\" datetime=\"2021-02-02\">2 Feb 2021</time></p></article>", "2021-02-02")]
    [InlineData("<article><h1>Harbour plan</h1><span itemprop=\"datePublished\" content=\"2020-01-07\"></span>{0}</article>", "2020-01-07")]
    public void Reads_the_date_the_markup_marks_as_the_articles_own(string body, string expected)
    {
        var page = Extract(Page("<title>Harbour plan</title>", string.Format(System.Globalization.CultureInfo.InvariantCulture, body, Story)));
        Assert.Equal(expected, page.Published?.ToIso());
    }

    [Fact]
    public void Reads_the_author_from_microdata()
    {
        var byline = "<div itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><img src=\"a.jpg\" alt=\"\"><span itemprop=\"name\">Ana Silva</span><span>Ports reporter</span></div>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{byline}{Story}</article>"));
        Assert.Equal(["Ana Silva"], page.Authors);
    }

    [Fact]
    public void Reads_the_date_from_the_url_path()
    {
        var page = Extract(Page("<link rel=\"canonical\" href=\"https://news.example.org/2021/09/30/harbour-plan/\">", $"<div>{Story}</div>"));
        Assert.Equal("2021-09-30", page.Published?.ToIso());
        Assert.Equal("news.example.org", page.SiteName);
    }

    [Theory]
    [InlineData("<div class=\"post-meta\"><span class=\"author-name\">Maria Lopez</span></div>", "Maria Lopez")]
    [InlineData("<div class=\"author-info\"><div class=\"name\">Nick van Mead</div><div class=\"role\">Senior Writer</div></div>", "Nick van Mead")]
    [InlineData("<div class=\"c-byline\">Written by <a href=\"/people/ana\">Ana Silva</a></div>", "Ana Silva")]
    [InlineData("<div class=\"meta\"><p>Written by</p><p>Tom Berg</p></div>", "Tom Berg")]
    [InlineData("<div class=\"meta\"><div>By</div><div>The Harbour Times Team</div></div>", "The Harbour Times Team")]
    [InlineData("<p class=\"author\">Andrew Gerrand<br>4 August 2010</p>", "Andrew Gerrand")]
    [InlineData("<div class=\"dateAndAuthor\"><span>Dec 17, 2025</span><span>Julian K. Arni</span></div>", "Julian K. Arni")]
    [InlineData("<div class=\"publish-date-author\">Dec. 19, 2025 &middot; Niko Matsakis on behalf of <a href=\"/governance\">the Harbour Project</a></div>", "Niko Matsakis")]
    public void Reads_the_author_from_a_byline_the_markup_marks_or_labels(string byline, string expected)
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{byline}{Story}</article>"));
        Assert.Equal([expected], page.Authors);
    }

    [Theory]
    [InlineData("<meta name=\"author\" content=\"Harbour Times\"><meta property=\"og:site_name\" content=\"Harbour Times\">", "<span class=\"author-name\">Maria Lopez</span>", "Maria Lopez")]
    [InlineData("<meta name=\"author\" content=\"Harbour Times\"><meta property=\"og:site_name\" content=\"Harbour Times\">", "", "Harbour Times")]
    [InlineData("<meta name=\"author\" content=\"262588213843476\">", "<p>By Tom Berg</p>", "Tom Berg")]
    [InlineData("<meta name=\"author\" content=\"undefined\">", "", null)]
    [InlineData("<meta name=\"author\" content=\"mlopez\">", "", "mlopez")]
    [InlineData("<meta name=\"citation_author\" content=\"Lopez, Maria T.\">", "", "Maria T. Lopez")]
    [InlineData("", "<p>By Sofia Gonzalez December 3, 2025</p>", "Sofia Gonzalez")]
    [InlineData("", "<p>Posted by BeauHD on Friday December 19, 2025</p>", "BeauHD")]
    [InlineData("", "<p>Text by Hunter Dukes</p>", "Hunter Dukes")]
    [InlineData("", "<p>By: Harbour Desk</p>", "Harbour Desk")]
    [InlineData("<meta name=\"twitter:label1\" content=\"Written by\"><meta name=\"twitter:data1\" content=\"Nawaz Dhandala\">", "", "Nawaz Dhandala")]
    [InlineData("<meta name=\"author\" content=\"admin\">", "", null)]
    [InlineData("<meta name=\"author\" content=\"page.head.extra.author\">", "", null)]
    [InlineData("<meta name=\"author\" content=\"Webmaster\">", "", null)]
    [InlineData("<meta name=\"author\" content=\"sara.r.peter\">", "", "sara.r.peter")]
    [InlineData("<meta name=\"author\" content=\"andrew.keaveney\">", "<p>By Denise Everheart</p>", "Denise Everheart")]
    [InlineData("<meta name=\"author\" content=\"王小明\">", "<p>By Denise Everheart</p>", "王小明")]
    [InlineData("<meta name=\"twitter:creator\" content=\"/harbourdesk\">", "", null)]
    [InlineData("<meta name=\"cXenseParse:author\" content=\"Harry Rabinowitz\">", "", "Harry Rabinowitz")]
    [InlineData("", "<p>Written By Feb 11, 2019 · 3 min read</p>", null)]
    [InlineData("", "<p>Contributors: Janet Loughrey</p>", "Janet Loughrey")]
    [InlineData("", "<p>By Paul Frew, Home and Digital Security Expert</p>", "Paul Frew")]
    [InlineData("", "<p>By Dana Reyes, Head of Marketing and Community Development</p>", "Dana Reyes")]
    [InlineData("", "<p>By Marna van der Merwe, Erik van Vulpen</p>", "Marna van der Merwe, Erik van Vulpen")]
    [InlineData("", "<p>This post was written by Vanessa Mendez, MD, gastroenterologist, Harbour Health.</p>", "Vanessa Mendez, MD")]
    [InlineData("", "<p>By Ana Silva, Tom Berg and Li Wei</p>", "Ana Silva, Tom Berg, Li Wei")]
    [InlineData("", "<p>By Jane Doe, MD</p>", "Jane Doe, MD")]
    [InlineData("", "<p>Author: Ana Silva, Tom Berg</p>", "Ana Silva, Tom Berg")]
    [InlineData("", "<p>Author: see the team page</p>", null)]
    [InlineData("<meta name=\"author\" content=\"Benjamin Preston, Updated by Jon Linkov\">", "", "Benjamin Preston")]
    [InlineData("<meta name=\"author\" content=\"Shelby Loos, DVM. Reviewed by Molly Price\">", "", "Shelby Loos, DVM")]
    [InlineData("<meta name=\"author\" content=\"Genevieve Carlton, Ph.D.\">", "", "Genevieve Carlton, Ph.D.")]
    [InlineData("<meta name=\"author\" content=\"MixmasterFred, More About MixmasterFred »\">", "", "MixmasterFred")]
    [InlineData("<meta name=\"author\" content=\"A. J. Neal View\">", "", "A. J. Neal")]
    [InlineData("<meta name=\"author\" content=\"Arlene Marturano, Garden Learning Network on Facebook\">", "", "Arlene Marturano")]
    [InlineData("<meta name=\"author\" content=\"Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal\">", "", "Manoj Jain, Jagpreet Chhatwal")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal\"}}</script>", "", "Manoj Jain and Jagpreet Chhatwal")]
    [InlineData("<meta name=\"author\" content=\"The Upwork Team\">", "", "The Upwork Team")]
    public void Prefers_a_person_to_the_site_and_reads_names_as_written(string head, string byline, string? expected)
    {
        var page = Extract(Page("<title>Harbour plan</title>" + head, $"<article><h1>Harbour plan</h1>{byline}{Story}</article>"));
        Assert.Equal(expected, page.Author);
    }

    [Theory]
    [InlineData("<div class=\"author-box\"><a class=\"author-link\" href=\"/authors\">View All Posts</a></div>")]
    [InlineData("<div class=\"byline\"><span class=\"byline-role\">Staff Writer</span></div>")]
    [InlineData("<div class=\"author-bio\">Maria writes about ports, ferries and the people who work on them.</div>")]
    public void Takes_no_author_from_marked_text_that_is_not_a_name(string byline)
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{byline}{Story}</article>"));
        Assert.Empty(page.Authors);
    }

    [Theory]
    [InlineData("<div class=\"attribution\"><a href=\"https://harbour.example/staff/2648209001/brian-truitt/\">Brian Truitt</a> Harbour Times</div>", "Brian Truitt")]
    [InlineData("<p><a rel=\"author\" href=\"/u/17\">crazy lennys</a></p>", "crazy lennys")]
    [InlineData("<p><a href=\"/author/ana-silva/\">View all posts</a> <a href=\"/author/ana-silva/\">Full Bio</a></p><p>Reporting: <a href=\"/author/ana-silva/\">Ana Silva</a></p>", "Ana Silva")]
    [InlineData("<p><a href=\"/authors/ana-silva\">Ana Silva</a>, <a href=\"/authors/tom-berg\">Tom Berg</a> and <a href=\"/authors/li-wei\">Li Wei</a></p>", "Ana Silva|Tom Berg|Li Wei")]
    [InlineData("<div><strong><a href=\"/authors/ana-silva\">Ana Silva</a></strong>, 4+ years covering ports<br><strong><a href=\"/authors/tom-berg\">Tom Berg</a></strong>, senior editor</div>", "Ana Silva|Tom Berg")]
    [InlineData("<p><a href=\"/author/cort-honey/\">Cort Honey</a>, security expert &amp; <a href=\"/author/gene-petrino/\">Gene Petrino</a>, reviewer</p>", "Cort Honey")]
    [InlineData("<p><a href=\"/author/cort-honey/\">Cort Honey</a><br>Reviewed by <a href=\"/author/gene-petrino/\">Gene Petrino</a></p>", "Cort Honey")]
    [InlineData("<a href=\"/authors/harry-rabinowitz\"><div><p>Harry Rabinowitz</p><p>Tech Reporter</p></div></a>", "Harry Rabinowitz")]
    public void Reads_the_author_from_a_link_to_the_writers_page(string byline, string expected)
    {
        var head = "<title>Harbour plan</title><link rel=\"canonical\" href=\"https://www.harbour.example/news/harbour-plan\">";
        var page = Extract(Page(head, $"<article><h1>Harbour plan</h1>{byline}{Story}</article>"));
        Assert.Equal(expected.Split('|'), page.Authors);
    }

    [Theory]
    [InlineData("<link rel=\"canonical\" href=\"https://harbour.example/news/harbour-plan\">", "<p>Type by <a href=\"https://www.reading.ac.uk/typography/staff/borna-izadpanah\">Borna Izadpanah</a></p>")]
    [InlineData("", "<p><a href=\"https://bsky.app/profile/harbourtimes.bsky.social\">Harbour Desk</a></p>")]
    [InlineData("", "<ul class=\"menu\"><li class=\"menu-item\"><a href=\"/author/xavierlo/\">Hong Kong Actuary</a></li></ul>")]
    [InlineData("", "<p><a href=\"/authors/\">Ana Silva</a> <a href=\"/authors/all\">Contributors</a> <a href=\"/team/meet\">Meet the Team</a> <a href=\"/profile/login\">Member Login</a></p>")]
    public void Takes_no_author_from_links_that_lead_elsewhere(string head, string links)
    {
        var page = Extract(Page("<title>Harbour plan</title>" + head, $"{links}<article><h1>Harbour plan</h1>{Story}</article>"));
        Assert.Empty(page.Authors);
    }

    private const string MoreStory =
        "<p>Fishermen met the mayor on Wednesday and asked for a guarantee that the old port would keep its moorings.</p>" +
        "<p>The regional government has promised half of the money, on condition that the work starts before the end of next year.</p>" +
        "<p>An environmental study of the northern beaches is due in the summer and could still change the plans.</p>" +
        "<p>The opposition has called for a referendum, which the council rejected by eleven votes to seven.</p>";

    [Theory]
    [InlineData("<div class=\"bio-box\"><h3>Written by Cassidy Horton</h3><p>Cassidy covers ports and shipping for the paper.</p></div>", "Cassidy Horton")]
    [InlineData("<aside><h3>Author</h3><p>Lisa D. Ellis</p></aside>", "Lisa D. Ellis")]
    [InlineData("<div class=\"author-bio\">This post was written by Dana Reyes, Head of Marketing and Community Development</div>", "Dana Reyes")]
    [InlineData("<p>This article is written by the harbour team.</p>", null)]
    [InlineData("<div><p>About the Author:</p><p>Juliette Carreiro is a content writer who covers ports and shipping.</p></div>", "Juliette Carreiro")]
    [InlineData("<div><h3>Maria Lopez</h3><p>Maria Lopez is the harbour master quoted in this story.</p></div>", null)]
    [InlineData("<div><p>Authored by: Dr. Ana Silva</p></div>", "Dr. Ana Silva")]
    [InlineData("<div class=\"teaser\"><h3>Ferry fares rise again</h3><p>By Tom Berg</p></div>", null)]
    [InlineData("<div class=\"comments\"><p>Written by Pat Quinn</p><p>Great news for the town.</p></div>", null)]
    public void Reads_a_labelled_byline_far_from_the_start_of_the_article(string after, string? expected)
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}{MoreStory}</article>{after}"));
        Assert.Equal(expected, page.Author);
    }

    [Fact]
    public void Takes_no_author_from_a_comment_thread()
    {
        var comments = "<section id=\"comments\"><div class=\"comment\"><span class=\"comment-author\">Pat Quinn</span><p>Great news for the town.</p></div></section>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}</article>{comments}"));
        Assert.Empty(page.Authors);
    }

    [Fact]
    public void Reads_the_date_and_author_from_a_visible_byline()
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1><p>By Maria Lopez</p><p>Published March 3, 2020</p>{Story}</article>"));
        Assert.Equal("2020-03-03", page.Published?.ToIso());
        Assert.Equal(["Maria Lopez"], page.Authors);
        Assert.DoesNotContain("Maria Lopez", page.Text);
        Assert.DoesNotContain("March 3, 2020", page.Text);
    }

    [Fact]
    public void Reads_a_numeric_byline_date_in_the_order_the_declared_date_confirms()
    {
        // The page writes month first with dots (09.10.2024 for September 10), which a day-first reading takes for October 9.
        const string jsonLd = """<script type="application/ld+json">{"@type":"Article","datePublished":"2024-09-10T16:07:00Z"}</script>""";
        var page = Extract(Page(jsonLd, $"<article><h1>Harbour plan</h1><p>09.10.2024</p>{Story}</article>", lang: "en-GB"));
        Assert.Equal(new DateOnly(2024, 9, 10), page.Published?.Day);
    }

    [Fact]
    public void Takes_the_declared_publication_date_over_a_visible_update_date()
    {
        const string jsonLd = """<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-10T08:00:00Z","dateModified":"2024-06-01T08:00:00Z"}</script>""";
        var page = Extract(Page(jsonLd, $"<article><h1>Harbour plan</h1><p>Updated June 1, 2024</p>{Story}</article>"));
        Assert.Equal(new DateOnly(2024, 1, 10), page.Published?.Day);
    }

    [Fact]
    public void Takes_the_revision_date_when_the_page_shows_it_unlabelled_as_the_article_date()
    {
        const string jsonLd = """<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-10T08:00:00Z","dateModified":"2024-06-01T08:00:00Z"}</script>""";
        var page = Extract(Page(jsonLd, $"<article><h1>Harbour plan</h1><p>By Maria Lopez</p><p>June 1, 2024</p>{Story}</article>"));
        Assert.Equal(new DateOnly(2024, 6, 1), page.Published?.Day);
    }

    [Fact]
    public void Takes_a_timed_publication_over_a_midnight_stamp_of_the_next_day_off_in_another_schema_block()
    {
        const string jsonLd = """
            <script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"Harbour plan","datePublished":"2023-05-18T04:39:05+00:00"}]}</script>
            <script type="application/ld+json">{"@type":"Article","headline":"Harbour plan","datePublished":"2023-05-17T00:00:00+0000"}</script>
            """;
        var page = Extract(Page(jsonLd, $"<article><h1>Harbour plan</h1>{Story}</article>"));
        Assert.Equal(new DateOnly(2023, 5, 18), page.Published?.Day);
    }

    [Fact]
    public void Keeps_a_date_only_publication_over_a_timed_one_in_another_schema_block()
    {
        const string jsonLd = """
            <script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"Harbour plan","datePublished":"2023-05-18T04:39:05+00:00"}]}</script>
            <script type="application/ld+json">{"@type":"Article","headline":"Harbour plan","datePublished":"2023-05-17"}</script>
            """;
        var page = Extract(Page(jsonLd, $"<article><h1>Harbour plan</h1>{Story}</article>"));
        Assert.Equal(new DateOnly(2023, 5, 17), page.Published?.Day);
    }

    [Fact]
    public void Reads_an_ambiguous_numeric_time_element_in_the_order_the_page_shows_in_words()
    {
        // "02-12-2025" is 2 December here: the page writes the date out once, and never as 12 February.
        var body = $"<article><h1>Harbour plan</h1><p><time datetime=\"02-12-2025\">02-12-2025</time></p>{Story}</article>" +
                   "<aside><ul><li><time datetime=\"2025-12-02\">December 02, 2025</time></li></ul></aside>";
        var page = Extract(Page("", body));
        Assert.Equal(new DateOnly(2025, 12, 2), page.Published?.Day);
    }

    [Fact]
    public void Keeps_the_reading_of_an_ambiguous_numeric_time_element_when_the_page_shows_no_other()
    {
        var body = $"<article><h1>Harbour plan</h1><p><time datetime=\"02-12-2025\">02-12-2025</time></p>{Story}</article>";
        var page = Extract(Page("", body));
        Assert.Equal(new DateOnly(2025, 2, 12), page.Published?.Day);
    }

    [Fact]
    public void Takes_the_local_day_of_the_url_when_the_declared_utc_time_stamp_falls_on_the_next_day()
    {
        var head = "<link rel=\"canonical\" href=\"https://news.example.org/2025/12/18/harbour-plan/\"><meta property=\"article:published_time\" content=\"2025-12-19T03:05:00+00:00\">";
        var page = Extract(Page(head, $"<article><h1>Harbour plan</h1>{Story}</article>"));
        Assert.Equal(new DateOnly(2025, 12, 18), page.Published?.Day);
    }

    [Fact]
    public void Takes_the_date_the_byline_shows_when_the_declared_date_appears_nowhere_on_the_page()
    {
        const string jsonLd = """<script type="application/ld+json">{"@type":"Article","datePublished":"2025-06-24T00:00:00Z"}</script>""";
        var page = Extract(Page(jsonLd, $"<article><h1>Harbour plan</h1><div class=byline><span>Maria Lopez</span> · <span>August 25, 2024</span></div>{Story}</article>"));
        Assert.Equal(new DateOnly(2024, 8, 25), page.Published?.Day);
    }

    [Fact]
    public void Keeps_the_declared_date_when_the_page_shows_it_further_down()
    {
        const string jsonLd = """<script type="application/ld+json">{"@type":"Article","datePublished":"2022-02-08T00:00:00Z"}</script>""";
        var filler = string.Concat(Enumerable.Repeat(Story, 12));
        var page = Extract(Page(jsonLd, $"<article><h1>Harbour plan</h1><p>July 16, 2025</p>{filler}<p class=published>February 8, 2022</p></article>"));
        Assert.Equal(new DateOnly(2022, 2, 8), page.Published?.Day);
    }

    [Fact]
    public void Keeps_the_declared_date_over_a_date_that_a_sentence_by_the_headline_mentions()
    {
        const string jsonLd = """<script type="application/ld+json">{"@type":"Article","datePublished":"2025-01-17T10:00:00Z"}</script>""";
        var page = Extract(Page(jsonLd, $"<article><h1>Tax season ends</h1><p>The end of the tax season for most people is April 15, 2025, and the office expects a rush.</p>{Story}</article>"));
        Assert.Equal(new DateOnly(2025, 1, 17), page.Published?.Day);
    }

    [Fact]
    public void Takes_the_date_labelled_published_over_a_declared_date_the_page_shows_only_as_its_update()
    {
        const string jsonLd = """<script type="application/ld+json">{"@type":"Article","datePublished":"Aug 21, 2025"}</script>""";
        var page = Extract(Page(jsonLd, $"<article><h1>Harbour plan</h1><div>Published Apr 26, 2023</div><div>Updated Aug 21, 2025</div>{Story}</article>"));
        Assert.Equal(new DateOnly(2023, 4, 26), page.Published?.Day);
    }

    [Fact]
    public void Reads_a_publication_date_written_on_the_line_after_its_label()
    {
        var filler = string.Concat(Enumerable.Repeat(Story, 12));
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{filler}</article><div class=dateline><p>Published</p><p>Feb 2, 2023</p></div>"));
        Assert.Equal("2023-02-02", page.Published?.ToIso());
    }

    [Fact]
    public void Reads_the_time_element_by_the_headline_over_one_in_a_list_of_other_articles_before_it()
    {
        const string latest = "<div class=latest><ul><li><a href=/a>Ferry timetable changes</a> <time datetime=\"2025-01-31\">01/31/2025</time></li></ul></div>";
        var page = Extract(Page("<title>Harbour plan</title>", $"{latest}<article><header><h1>Harbour plan</h1><div class=meta><time datetime=\"2017-03-01\">03/01/2017</time> by Maria Lopez</div></header>{Story}</article>"));
        Assert.Equal("2017-03-01", page.Published?.ToIso());
    }

    [Fact]
    public void Reads_a_date_written_year_first_with_dots()
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1><p><span>Essay - Published: 2025.12.17 | </span><a href=/tags/local>local</a></p>{Story}</article>"));
        Assert.Equal("2025-12-17", page.Published?.ToIso());
    }

    [Fact]
    public void Does_not_read_a_version_number_as_a_year_first_date()
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1><p>Tested with release 2024.10.12.3 of the app</p>{Story}</article>"));
        Assert.Null(page.Published);
    }

    [Fact]
    public void Takes_the_earliest_of_meta_tags_that_disagree_about_the_publication_date()
    {
        const string head = "<title>Harbour plan</title><meta name=\"published-time\" content=\"2026-03-09T08:45:32.183Z\"><meta name=\"published-date\" content=\"2021-02-16\">";
        var page = Extract(Page(head, $"<article><h1>Harbour plan</h1>{Story}</article>"));
        Assert.Equal("2021-02-16", page.Published?.ToIso());
    }

    [Fact]
    public void Reads_a_month_and_year_labelled_as_the_update_when_the_page_gives_no_other_date()
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<main><h1>Harbour plan</h1>{Story}<div><b>Last Updated: </b>June 2022</div></main>"));
        Assert.Equal("2022-06-01", page.Published?.ToIso());
    }

    [Fact]
    public void Reads_the_date_on_the_line_after_a_byline_under_the_article()
    {
        var filler = string.Concat(Enumerable.Repeat(Story, 12));
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{filler}<div class=tags><a href=/t/a>harbour</a></div><p>Written by Maria Lopez</p><p>April 8, 2024</p></article>"));
        Assert.Equal("2024-04-08", page.Published?.ToIso());
    }

    [Fact]
    public void Keeps_the_meta_publication_date_when_the_page_shows_its_revision_stamp_unlabelled_and_has_no_json_ld_date()
    {
        const string head = "<title>Harbour plan</title><meta property=\"article:published_time\" content=\"2020-03-10T15:30:00+00:00\"><meta property=\"article:modified_time\" content=\"2025-02-12T13:28:34+00:00\">";
        var page = Extract(Page(head, $"<article><header><h1>Harbour plan</h1><p><time class=\"entry-date\" datetime=\"2025-02-12T13:28:34+05:30\">12th February 2025</time></p></header>{Story}</article>"));
        Assert.Equal(new DateOnly(2020, 3, 10), page.Published?.Day);
    }

    [Fact]
    public void Reads_json_ld_that_a_meta_tag_carries()
    {
        const string head = "<title>Harbour plan</title><meta name=\"script:ld+json\" content=\"{&quot;@context&quot;:&quot;https://schema.org&quot;,&quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:&quot;Harbour plan&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}\">";
        var page = Extract(Page(head, $"<article><h1>Harbour plan</h1>{Story}</article>"));
        Assert.Equal(new DateOnly(2025, 11, 17), page.Published?.Day);
    }

    [Fact]
    public void Reads_dates_and_update_labels_run_together_with_the_words_before_them()
    {
        const string jsonLd = """<script type="application/ld+json">{"@type":"Article","datePublished":"2015-05-12T06:05:27Z","dateModified":"2026-01-25T19:56:29Z"}</script>""";
        var updated = Extract(Page(jsonLd, $"<article><h1>Harbour plan</h1><div><span>By</span><a href=/a>Rhonda Krause</a><span>Updated</span><span>January 25, 2026</span></div>{Story}</article>"));
        Assert.Equal(new DateOnly(2015, 5, 12), updated.Published?.Day);
        var shown = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1><div><span>By</span><a href=/a>Kathryn Lee</a><span>Mar 5, 2025</span></div>{Story}</article>"));
        Assert.Equal("2025-03-05", shown.Published?.ToIso());
    }

    [Fact]
    public void Reads_the_date_from_a_url_path_that_spells_the_month()
    {
        var page = Extract(Page("<link rel=\"canonical\" href=\"https://news.example.org/blog/2023/october/03/harbour-plan\">", $"<div>{Story}</div>"));
        Assert.Equal("2023-10-03", page.Published?.ToIso());
    }

    [Fact]
    public void Passes_over_todays_date_in_the_masthead_for_the_date_by_the_article()
    {
        var body = $"<header class=masthead><p>Friday, December 19, 2025</p></header><article><h1>Harbour plan</h1><div>12.12.2025</div>{Story}</article>";
        var page = Extract(Page("<title>Harbour plan</title>", body, "en-GB"));
        Assert.Equal("2025-12-12", page.Published?.ToIso());
    }

    [Theory]
    [InlineData("en-US", "Updated: 10/31/2024", "2024-10-31")]
    [InlineData("fr", "Posted on the 15/12/2025 at 19:00", "2025-12-15")]
    [InlineData("en-GB", "Posted 03/10/2023", "2023-10-03")]
    [InlineData("en-US", "Posted 03/10/2023", "2023-03-10")]
    public void Reads_numeric_dates_in_the_order_of_the_page_language(string lang, string byline, string expected)
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1><p>{byline}</p>{Story}</article>", lang));
        Assert.Equal(expected, page.Published?.ToIso());
    }

    [Fact]
    public void Reads_a_date_written_against_the_author_name_without_a_space()
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1><div><span>Dec 17, 2025</span><span>Maria Lopez</span></div>{Story}</article>"));
        Assert.Equal("2025-12-17", page.Published?.ToIso());
    }

    [Fact]
    public void Reads_a_labelled_update_date_at_the_foot_of_the_page_when_nothing_else_dates_it()
    {
        var filler = string.Concat(Enumerable.Repeat(Story, 12));
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{filler}</article><div class=foot><p>Last updated: November 13, 2025</p></div>"));
        Assert.Equal("2025-11-13", page.Published?.ToIso());
    }

    [Fact]
    public void Falls_back_to_the_modified_time_when_the_page_declares_no_other_date()
    {
        var page = Extract(Page("<meta property=\"article:modified_time\" content=\"2023-06-12T10:39:42+00:00\">", $"<article>{Story}</article>"));
        Assert.Equal(new DateOnly(2023, 6, 12), page.Published?.Day);
    }

    [Fact]
    public void Takes_the_language_from_html_lang_as_a_primary_subtag()
    {
        Assert.Equal("en", Extract(Page("", $"<div>{Story}</div>", "en-GB")).Language);
        Assert.Equal("pt", Extract(Page("", $"<div>{Story}</div>", "pt_BR")).Language);
    }

    [Fact]
    public void Detects_the_language_from_the_text_when_the_page_does_not_declare_it()
    {
        const string german = "<p>Der Stadtrat hat am Dienstag beschlossen, den Hafen auszubauen, und die Arbeiten sollen im nächsten Frühjahr beginnen.</p>" +
                              "<p>Die Gegner des Projekts sind nicht überzeugt und wollen sich mit einer Klage gegen die Pläne wehren, die sie für zu teuer halten.</p>";
        var page = Extract($"<html><body><div>{german}</div></body></html>");
        Assert.Equal("de", page.Language);
    }

    [Fact]
    public void Reads_text_that_a_page_hides_until_a_script_shows_it_when_nothing_else_is_there()
    {
        var page = Extract(Page("<title>Harbour</title>", $"<div hidden id=\"S:0\"><article>{Story}</article></div>"));
        Assert.Contains("city council voted", page.Text);
    }

    [Fact]
    public void Keeps_the_folded_panels_of_an_accordion_and_still_drops_hidden_boilerplate()
    {
        const string panel =
            "<div class=accordion><a role=button aria-controls=p1 id=h1>1. When the work starts</a>" +
            "<div id=p1 role=region aria-labelledby=h1 style=\"display:none\"><p>The first quay will be built from next spring, and the ferry will move to a temporary pier during the works.</p></div></div>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}{panel}<div style=\"display:none\"><p>Sign in to read more stories like this one every day of the week.</p></div></article>"));
        Assert.Contains("The first quay will be built from next spring", page.Text);
        Assert.DoesNotContain("Sign in to read more", page.Text);
    }

    /// <summary>A site builder's conditional block switched off for this page (Webflow's "w-condition-invisible" is display: none).</summary>
    [Fact]
    public void Drops_a_block_that_the_site_builder_hides_by_its_class()
    {
        var page = Extract(Page("<title>Harbour plan</title>",
            $"<article><h1>Harbour plan</h1>{Story}<div class=\"terms w-condition-invisible\"><p>Harbour Plan is a registered trademark of the Port Authority and is used here with its kind permission.</p></div></article>"));
        Assert.Contains("city council voted", page.Text);
        Assert.DoesNotContain("registered trademark", page.Text);
    }

    /// <summary>A glossary bubble or footnote shown on hover, set inside the sentence it explains.</summary>
    [Theory]
    [InlineData("<span><dfn aria-labelledby=\"tip-1\">quays</dfn><span class=\"term-tooltip\" id=\"tip-1\"><b>Quay</b><br>A platform where ships load and unload.</span></span>")]
    [InlineData("<sup><a aria-describedby=\"note-1\">quays</a></sup><span role=\"tooltip\" id=\"note-1\">A platform where ships load and unload.</span>")]
    public void Leaves_a_words_tooltip_out_of_its_sentence(string word)
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}<p>The new {word} will be finished in three years, the port said on Tuesday evening.</p></article>"));
        Assert.DoesNotContain("ships load and unload", page.Text);
        Assert.Contains("will be finished in three years", page.Text);
    }

    /// <summary>Accordion panels hidden until their toggle opens them, with the toggle right before each.</summary>
    [Theory]
    [InlineData( // a heading whose button says whether the panel under it is expanded; the button's label is the heading
        "<h2>What to consider</h2><div class=faq><h3><button aria-expanded=\"false\"><p>Cost of the works</p></button></h3>" +
        "<div hidden aria-hidden=\"true\"><p>The quays will cost about 40 million euros, of which the region pays half and the port the rest.</p></div></div>",
        "Cost of the works\n\nThe quays will cost about 40 million euros")]
    [InlineData( // a toggle that names the panel in aria-controls
        "<div class=qa><div class=title><button aria-controls=\"answer-1\" aria-expanded=\"false\"><h3>Who pays for the quays?</h3></button></div>" +
        "<div id=\"answer-1\" hidden><p>The quays will cost about 40 million euros, of which the region pays half and the port the rest.</p></div></div><div class=x></div>",
        "The quays will cost about 40 million euros")]
    public void Keeps_a_hidden_panel_right_after_its_toggle_and_still_drops_other_hidden_text(string panel, string expected)
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}{panel}<div id=\"answer-2\" hidden><p>Sign in to read more stories like this one every day of the week.</p></div></article>"));
        Assert.Contains(expected, page.Text);
        Assert.DoesNotContain("Sign in to read more", page.Text);
    }

    [Fact]
    public void Keeps_the_question_on_a_faq_toggle_that_holds_it_over_its_answer_but_not_a_menu_toggle_or_a_question_without_answer()
    {
        const string faq =
            "<h2>Frequently asked questions</h2>" +
            "<div class=faq-item><button aria-expanded=\"true\" aria-controls=\"faq-1\"><div><p>Who pays for the new quays?</p></div></button>" +
            "<div id=\"faq-1\"><p>The region pays half of the 40 million euros and the port authority pays the rest over ten years.</p></div></div>" +
            "<div class=faq-item><button aria-expanded=\"true\"><h3>When will the ferries move</h3></button>" +
            "<div><p>The ferries move to the new quay once the works end, in the spring three years from now.</p></div></div>" +
            "<div class=faq-item><button aria-expanded=\"false\"><span>Is the old fishing port closing?</span></button></div>" +
            "<div class=more><button aria-expanded=\"false\">Why trust us?</button><ul><li><a href=/about>About us</a></li><li><a href=/ethics>Our ethics policy</a></li></ul></div>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}{faq}</article>"));
        Assert.Contains("Who pays for the new quays?\n\nThe region pays half", page.Text);
        Assert.Contains("When will the ferries move\n\nThe ferries move", page.Text);
        Assert.DoesNotContain("Is the old fishing port closing?", page.Text);
        Assert.DoesNotContain("Why trust us?", page.Text);
    }

    [Fact]
    public void Parts_a_word_that_ends_one_inline_element_from_the_capital_that_opens_the_next_but_keeps_a_drop_cap_on_its_word()
    {
        const string section =
            "<p><span class=dropcap>T</span>he harbour board weighed three plans before it chose the largest one on Monday evening.</p>" +
            "<p>The plan suits the ferry operators<strong>Cons:</strong> it closes the old slipway used by the fishing boats for two years.</p>" +
            "<p><span class=label>What the mayor said</span>Residents will be heard at a public meeting in the town hall before any works begin on YouTube and in person.</p>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}{section}</article>"));
        Assert.Contains("The harbour board weighed", page.Text);
        Assert.Contains("ferry operators Cons: it closes", page.Text);
        Assert.Contains("What the mayor said Residents will be heard", page.Text);
        Assert.Contains("on YouTube and in person", page.Text);
    }

    [Fact]
    public void Reads_a_section_whose_anchor_id_holds_a_boilerplate_word_as_article_text()
    {
        const string section =
            "<div id=\"menu-ideas-for-the-harbour-opening-party\"><h2>Menu ideas for the harbour opening party</h2>" +
            "<p>The fishermen's association will serve grilled sardines and mussels on the new quay on the day the harbour opens.</p>" +
            "<p>Local bakers have offered bread and cakes, and the school choir will sing before the mayor cuts the ribbon at noon.</p></div>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1><div id=\"the-plan\">{Story}</div>{section}</article>"));
        Assert.Contains("grilled sardines and mussels", page.Text);
        Assert.True(ElementHints.IsSectionAnchor("menu-ideas-for-the-harbour-opening-party"));
        Assert.False(ElementHints.IsSectionAnchor("sidebar-menu-widget-2"));
        Assert.False(ElementHints.IsSectionAnchor("related-posts-list-wrapper"));
    }

    [Fact]
    public void Keeps_a_heading_whose_anchor_id_spells_its_words_and_drops_one_named_for_its_role()
    {
        const string sections =
            "<h2 id=\"h-social-media-promo\">3. Social Media Promo</h2>" +
            "<p>The harbour office will post the ferry timetable and the opening day's events on its own pages from next week.</p>" +
            "<h3 id=\"comments-title\">12 Comments</h3><p>Jane Roe said: I cannot wait for the new quays.</p>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}{sections}</article>"));
        Assert.Contains("3. Social Media Promo\n\nThe harbour office will post", page.Text);
        Assert.DoesNotContain("12 Comments", page.Text);
        Assert.True(ElementHints.IsHeadingAnchor("h-social-media-promo", "3. Social Media Promo"));
        Assert.True(ElementHints.IsHeadingAnchor("what's-next?", "What's next?"));
        Assert.False(ElementHints.IsHeadingAnchor("comments-title", "12 Comments"));
        Assert.False(ElementHints.IsHeadingAnchor("related", "Related stories from the coast and the harbour"));
    }

    [Theory]
    [InlineData("8 min read")]
    [InlineData("3 MIN. READ")]
    [InlineData("Newsroom Team | 17 minutes read")]
    [InlineData("Reading time: 5 minutes")]
    public void Leaves_out_the_reading_time_label(string label)
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1><div class=meta>{label}</div>{Story}</article>"));
        Assert.StartsWith("The city council voted", page.Text);
    }

    [Theory]
    [InlineData("<p>Councillors said the full report takes at least 90 minutes to read.</p>")]
    [InlineData("<p>The lifeboat station said it would consider supporting the plan if the new quays leave room for its slipway.</p>")]
    [InlineData("<p>Neighbours who want to support the fishermen's families can leave food at the church hall on Sundays.</p>")]
    public void Keeps_a_closing_sentence_that_only_sounds_like_a_label_or_an_appeal(string sentence)
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}{sentence}</article>"));
        Assert.EndsWith(sentence[3..^4], page.Text);
    }

    [Theory]
    [InlineData( // the publisher's appeal for support, with the label over it
        "<p>A message from our editor:</p><p>Enjoyed this piece? We need your help to keep publishing.</p>" +
        "<p>Harbour Times is a non-profit newsroom kept alive by reader donations, with no ads and no paywall.</p>")]
    [InlineData( // an appeal whose opening sentence is set as a heading
        "<h3>Since you read to the end, we have a small favour to ask.</h3><p>Our end-of-year campaign pays for most of what we report on the coast.</p>")]
    [InlineData( // an appeal whose heading thanks the readers who pay for the story, without a full stop
        "<h3>This story is funded by readers like you</h3><p>Our non-profit newsroom reports on the coast free of charge and without advertising.</p>")]
    [InlineData( // links to more of the site's stories under a label that says so
        "<h3>Other Posts You May Enjoy</h3><p>Ten quiet beaches north of the old town, and how to reach them by bus.</p>")]
    [InlineData( // the readers' comments
        "<h3>Join the Conversation</h3><div class=c><p>Rene</p><p>I walk past the old port every day and I hope they keep the fish market.</p><p>Reply</p></div>")]
    public void Ends_the_article_before_what_the_publisher_adds_under_it(string closing)
    {
        var filler = string.Concat(Enumerable.Repeat(Story, 3));
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{filler}{closing}</article>"));
        Assert.EndsWith("the mayor told reporters after the meeting.", page.Text);
    }

    [Fact]
    public void Keeps_a_heading_of_the_article_that_asks_for_help()
    {
        var filler = string.Concat(Enumerable.Repeat(Story, 3));
        var closing = "<h3>We need your help to find the missing boat</h3><p>The coastguard asked anyone who saw the blue trawler leave the port on Sunday to call the harbour office.</p>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{filler}{closing}</article>"));
        Assert.EndsWith("to call the harbour office.", page.Text);
    }

    [Fact]
    public void Leaves_out_a_button_inside_a_heading_that_toggles_nothing()
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan <button>Read later</button></h1>{Story}</article>"));
        Assert.DoesNotContain("Read later", page.Text + page.Title);
    }

    private static string Cards(int count) => string.Concat(Enumerable.Range(1, count).Select(i =>
        $"<div class=\"item item-{i}\"><div class=title><a href=/story-{i}>Ferry company adds a winter route number {i}</a></div>" +
        $"<div class=excerpt>The ferry company said on Friday that route {i} will run twice a day from December until the end of March.</div></div>"));

    [Fact]
    public void Drops_what_is_left_of_a_card_whose_linked_title_went_out_as_a_link()
    {
        var card = "<div class=\"app\"><p><a href=\"/apps/tide-tables\">Tide Tables Pro</a></p><p>4.8 out of 5 stars (193 reviews)</p><p>Tide times for every port on the coast</p></div>";
        var page = Extract(Page("<title>Harbour</title>", $"<article><h1>Harbour</h1>{Story}{card}{Story.Replace("council", "board")}</article>"));
        Assert.Contains("The city board voted on Tuesday", page.Text);
        Assert.DoesNotContain("out of 5 stars", page.Text);
        Assert.DoesNotContain("Tide times for every port", page.Text);
    }

    [Fact]
    public void Keeps_the_sentences_beside_a_linked_title()
    {
        var entry = "<div class=\"entry\"><p><a href=\"/apps/tide-tables\">Tide Tables Pro</a></p><p>The harbour master uses it every morning.</p></div>";
        var page = Extract(Page("<title>Harbour</title>", $"<article><h1>Harbour</h1>{Story}{entry}{Story.Replace("council", "board")}</article>"));
        Assert.Contains("The harbour master uses it every morning.", page.Text);
    }

    [Fact]
    public void Drops_a_run_of_teaser_cards_after_the_article_inside_its_container()
    {
        var filler = string.Concat(Enumerable.Repeat(Story, 5));
        var page = Extract(Page("<title>Harbour plan</title>", $"<div class=content><h1>Harbour plan</h1>{filler}<div class=label>Also in the news</div>{Cards(4)}</div>"));
        Assert.Contains("Work is due to start next spring", page.Text);
        Assert.DoesNotContain("route 2 will run twice a day", page.Text);
    }

    [Fact]
    public void Keeps_cards_that_are_the_content_of_the_page()
    {
        var page = Extract(Page("<title>Winter ferry routes</title>", $"<div class=content><h1>Winter ferry routes</h1><p>Here are the routes for this winter.</p>{Cards(6)}</div>"));
        Assert.Contains("route 2 will run twice a day", page.Text);
    }

    [Fact]
    public void Extracts_the_same_articles_on_many_threads_at_once_as_one_at_a_time()
    {
        // Each page's prepared markup is in a buffer lent from a pool, which its document keeps as its source;
        // pages extracted side by side must never see each other's text.
        var pages = Enumerable.Range(0, 64).Select(i => Page($"<title>Harbour report {i}</title>",
            $"<article><h1>Harbour report {i}</h1><p class=\"lead\">Report number {i} on the harbour plan.</p>{Story}" +
            string.Concat(Enumerable.Repeat($"<p>Paragraph of report {i}, written out at length so that the page is long.</p>", 20 + i)) +
            "</article>")).ToList();
        var alone = pages.Select(p => Extract(p)).Select(p => (p.Title, p.Text)).ToList();

        var together = new (string, string)[pages.Count];
        Parallel.For(0, pages.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
        {
            var page = Extract(pages[n % pages.Count]);
            together[n % pages.Count] = (page.Title, page.Text);
        });

        Assert.Equal(alone, together);
    }

    [Theory]
    [InlineData("<p>NEWS: harbour</p><div hidden id=\"S:1\">", true)]
    [InlineData("<p>NEWS: harbour</p><div hidden id='S:1'>", true)]
    [InlineData("<div hidden id=S:1>", true)]
    [InlineData("<p>NEWS: harbour, BUS: late</p>", false)]
    [InlineData("S:0", false)]
    public void Looks_for_streamed_parts_only_where_an_id_can_start_with_S_colon(string html, bool mayHold) =>
        Assert.Equal(mayHold, StreamedContent.MayHoldParts(html));

    [Theory]
    [InlineData("hidden id=\"S:0\"", "<script>$RC(\"B:0\",\"S:0\")</script>")]
    [InlineData("hidden id='S:0'", "")]
    [InlineData("id=S:0 hidden", "")]
    public void Puts_streamed_parts_of_the_article_where_the_page_script_would(string partAttributes, string swapScript)
    {
        const string late = "<p>Opponents have asked the court to halt the plan until a new study of the beaches north of the town is done.</p>" +
                            "<p>The court is expected to rule before the end of the year, a spokesperson for the council said on Friday.</p>";
        var body = $"<article><h1>Harbour plan</h1>{Story}<template id=\"B:0\"></template><div>Loading paragraph...</div>" +
                   "<p>The mayor thanked residents for their patience during the long consultation on the harbour plan.</p></article>" +
                   $"<footer><p>© Harbour Times</p></footer><div {partAttributes}>{late}</div>{swapScript}";
        var page = Extract(Page("<title>Harbour plan</title>", body));
        var court = page.Text.IndexOf("Opponents have asked the court", StringComparison.Ordinal);
        Assert.True(court > page.Text.IndexOf("Work is due to start", StringComparison.Ordinal), page.Text);
        Assert.True(court < page.Text.IndexOf("The mayor thanked residents", StringComparison.Ordinal), page.Text);
        Assert.DoesNotContain("Loading paragraph", page.Text);
    }

    [Fact]
    public void Drops_affiliate_disclosures_and_newsletter_calls_but_keeps_article_text_about_commissions()
    {
        const string commissions = "<p>Estate agents in the town earn a commission of about two percent on each sale, and several of them said the harbour plan had already lifted prices near the old port.</p>";
        var body = $"<article><h1>Harbour plan</h1><p>We may earn a commission from links on this page.</p>{Story}{commissions}" +
                   "<p>Sign up for our free newsletter to get the harbour news every morning.</p></article>";
        var page = Extract(Page("<title>Harbour plan</title>", body));
        Assert.DoesNotContain("We may earn", page.Text);
        Assert.DoesNotContain("Sign up for our free newsletter", page.Text);
        Assert.Contains("Estate agents in the town earn a commission", page.Text);
    }

    [Fact]
    public void Does_not_read_words_into_generated_ids()
    {
        var part = "<section id=\"component_1ad269af0d\"><h2>What the opponents say</h2><p>Opponents fear for the old fishing port and want a new study of the beaches north of the town before any work starts.</p></section>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}{part}{Story.Replace("council", "board")}</article>"));
        Assert.Contains("Opponents fear for the old fishing port", page.Text);
    }

    [Fact]
    public void Drops_the_author_bio_under_the_article()
    {
        const string bio = "<h3>About the author</h3><p>Maria Lopez covers the harbour, the council and the courts for the paper, and has lived in the town for twenty years.</p>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}{bio}</article>"));
        Assert.EndsWith("the mayor told reporters after the meeting.", page.Text);
        Assert.DoesNotContain("covers the harbour", page.Text);
    }

    [Fact]
    public void Leaves_out_the_filler_text_of_a_template_box_the_site_never_filled()
    {
        const string filler = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}{filler}{Story.Replace("council", "board")}</article>"));
        Assert.Contains("The city board voted on Tuesday", page.Text);
        Assert.DoesNotContain("Lorem ipsum", page.Text);
    }

    /// <summary>Two customers' words, prose without a link or a class, as landing pages set them beside a post.</summary>
    private const string Testimonials =
        "<div class=\"section\"><p>The team answered every question we had about the move within a day and kept us informed at every step of the way, which we really appreciated.</p>" +
        "<p>We would recommend them to anyone who needs help with a harbour permit or a mooring, they were friendly, quick and fair with their prices all along.</p></div>";

    [Fact]
    public void Keeps_to_the_element_named_as_the_post_content_when_it_holds_most_of_the_article_words()
    {
        var post = "<div class=\"post-content\">" + string.Concat(Enumerable.Repeat(Story, 3)) + "</div>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<div class=\"wrap\"><h1>Harbour plan</h1>{post}{Testimonials}</div>"));
        Assert.Contains("The city council voted on Tuesday", page.Text);
        Assert.DoesNotContain("answered every question", page.Text);
    }

    [Fact]
    public void Keeps_the_unnamed_part_of_an_article_that_an_element_named_as_content_holds_only_half_of()
    {
        var named = "<div class=\"post-content\">" + Story + "</div>";
        var unnamed = "<div class=\"section\">" + Story.Replace("council", "board") + "</div>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<div class=\"wrap\"><h1>Harbour plan</h1>{named}{unnamed}</div>"));
        Assert.Contains("The city council voted on Tuesday", page.Text);
        Assert.Contains("The city board voted on Tuesday", page.Text);
    }

    [Theory]
    [InlineData("post-author-bio")]
    [InlineData("about-the-author")]
    [InlineData("writer_profile")]
    public void Drops_the_box_about_the_writer_that_its_class_names_even_when_its_bio_reads_like_article_text(string box)
    {
        // No label over it and no byline to match its opening: only the box's name says what it is.
        const string bio = "<p>Over two decades at the paper she has reported on ports, shipping and the fishing industry from a dozen countries, " +
                           "won two national awards for her coverage of the North Sea ferries, and taught reporting at the university. " +
                           "Before that she worked as a deckhand and a harbour pilot, which is where her interest in the sea began many years ago.</p>";
        var filler = string.Concat(Enumerable.Repeat(Story, 2));
        var page = Extract(Page("<title>Harbour plan</title>", $"<div class=\"entry-content\"><h1>Harbour plan</h1>{filler}<div class=\"{box}\">{bio}</div></div>"));
        Assert.EndsWith("the mayor told reporters after the meeting.", page.Text);
        Assert.DoesNotContain("Over two decades", page.Text);
    }

    [Theory]
    [InlineData("References")]
    [InlineData("Related articles")]
    [InlineData("You may also like")]
    public void Drops_a_closing_section_of_references_or_related_links_after_the_story(string label)
    {
        var filler = string.Concat(Enumerable.Repeat(Story, 3));
        var closing = $"<h3>{label}</h3><p>Harbour authority annual report, 2023, pages 12 to 40.</p><p>Regional ferry survey of passengers and freight, 2022.</p>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{filler}{closing}</article>"));
        Assert.EndsWith("the mayor told reporters after the meeting.", page.Text);
        Assert.DoesNotContain("annual report", page.Text);
    }

    [Fact]
    public void Keeps_the_story_that_goes_on_after_a_share_label_in_its_middle()
    {
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}{Story}<p>Share this</p>{Story.Replace("council", "board")}{Story.Replace("council", "mayor")}</article>"));
        Assert.Contains("The city board voted on Tuesday", page.Text);
        Assert.Contains("The city mayor voted on Tuesday", page.Text);
    }

    [Fact]
    public void Does_not_overflow_or_hang_on_100000_levels_of_nesting()
    {
        var html = new StringBuilder("<html><body>");
        html.Insert(html.Length, "<div>", 100_000);
        html.Append(Story);
        html.Insert(html.Length, "</div>", 100_000);
        html.Append("</body></html>");
        var page = Extract(html.ToString());
        Assert.Contains("city council voted", page.Text);
    }

    // Pages with tens of thousands of siblings: stepping from an element to its neighbour is a search of the parent's
    // children in AngleSharp, so code that walked siblings one step at a time took minutes on these (3 to 4 minutes for a
    // 10,000-item ordered list). They assert what must come out; that they finish is the point.
    [Fact]
    public void Numbers_every_item_of_a_long_ordered_list()
    {
        var steps = string.Concat(Enumerable.Range(1, 20_000).Select(i => $"<li>Step {i} of the harbour works, in the order the council set.</li>"));
        var page = Extract(Page("<title>Harbour works</title>", $"<article><h1>Harbour works</h1>{Story}<ol start=\"0\">{steps}</ol></article>"));
        Assert.Contains("0. Step 1 of the harbour works", page.Text);
        Assert.EndsWith("19999. Step 20000 of the harbour works, in the order the council set.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_past_a_small_box_of_tens_of_thousands_of_empty_elements_inside_the_article()
    {
        // A short box inside the article is weighed as a promotion that may end with a button, found by walking the box
        // from its end.
        var box = "<div class=\"note\"><p>Get the harbour newsletter today.</p>" + string.Concat(Enumerable.Repeat("<span></span>", 50_000)) + "</div>";
        var page = Extract(Page("<title>Harbour plan</title>", $"<article><h1>Harbour plan</h1>{Story}{box}{Story.Replace("council", "board")}</article>"));
        Assert.Contains("The city board voted on Tuesday", page.Text);
    }

    [Fact]
    public void Reads_the_metadata_that_follows_tens_of_thousands_of_links()
    {
        var links = "<p>" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"<a href=\"/tag/{i}\">tag {i}</a> ")) + "</p>";
        var article = $"<article><h1>Harbour plan</h1><p><a rel=\"author\" href=\"/u/ana\">Ana Silva</a> <time class=\"published\" datetime=\"2024-03-05\">5 March 2024</time></p>{Story}</article>";
        var page = Extract(Page("<title>Harbour plan</title>", links + article));
        Assert.Equal("2024-03-05", page.Published?.ToIso());
        Assert.Equal(["Ana Silva"], page.Authors);
    }

    [Fact]
    public void Places_thousands_of_streamed_parts_and_reads_a_byline_of_many_linked_names()
    {
        const int parts = 5_000;
        var shell = string.Concat(Enumerable.Range(0, parts).Select(i => $"<template id=\"B:{i}\"></template><div>Loading...</div>"));
        var late = string.Concat(Enumerable.Range(0, parts).Select(i => $"<div hidden id=\"S:{i}\"><p>Part {i} of the harbour report, as the council wrote it.</p></div>"));
        var byline = "<p>" + string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"<a href=\"/author/writer-{i}\">Writer {(char)('A' + (i % 26))}{(char)('a' + (i / 26 % 26))}son</a>")) + "</p>";
        var page = Extract(Page("<title>Harbour report</title>", $"{byline}<article><h1>Harbour report</h1>{Story}{shell}</article>{late}"));
        Assert.Contains("Part 0 of the harbour report", page.Text);
        Assert.EndsWith($"Part {parts - 1} of the harbour report, as the council wrote it.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Loading", page.Text);
        Assert.InRange(page.Authors.Count, 2, 25);
    }

    [Fact]
    public void Reads_a_long_list_of_questions_whose_toggles_name_their_panels()
    {
        var faq = string.Concat(Enumerable.Range(0, 10_000).Select(i =>
            $"<button aria-controls=\"answer-{i}\">Can residents object to part {i} of the plan?</button><div id=\"answer-{i}\"><p>Yes, until the end of March, in writing to the council about part {i}.</p></div>"));
        var page = Extract(Page("<title>Harbour plan questions</title>", $"<article><h1>Harbour plan questions</h1>{Story}{faq}</article>"));
        Assert.Contains("Can residents object to part 9999 of the plan?", page.Text);
        Assert.EndsWith("Yes, until the end of March, in writing to the council about part 9999.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extracts_a_page_with_a_few_stray_NUL_characters_in_its_markup()
    {
        var page = Page("<title>Council backs harbour expansion\0</title>\0", $"<article><h1>Council backs harbour expansion</h1>{Story}</article>");
        foreach (var result in (ExtractionResult[])[Extractor.Extract(page), Extractor.Extract(System.Text.Encoding.UTF8.GetBytes(page))])
        {
            Assert.True(result.Page is not null, result.Problem);
            Assert.Equal("Council backs harbour expansion", result.Page.Title);
            Assert.StartsWith("The city council voted", result.Page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Refuses_empty_binary_and_oversized_pages_with_a_reason()
    {
        Assert.Equal("empty file", Extractor.Extract("").Problem);
        Assert.Equal("empty file", Extractor.Extract(Array.Empty<byte>()).Problem);
        Assert.Equal("not an HTML page (binary data)", Extractor.Extract(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray()).Problem);
        var huge = new byte[PageExtractor.MaxPageChars + 1];
        Assert.StartsWith("page too large", Extractor.Extract(huge).Problem);
    }

    [Fact]
    public void Gives_a_best_effort_result_for_text_that_is_not_html()
    {
        var page = Extract("Just a line of plain text that somebody saved with an .html name, nothing more to it.");
        Assert.Contains("plain text", page.Text);
    }

    [Fact]
    public void Extracts_a_page_of_several_megabytes()
    {
        var sentences = string.Concat(Enumerable.Repeat("A sentence of the article that keeps going on. ", 20));
        var html = Page("<title>Long read</title>", "<article>" + string.Concat(Enumerable.Range(0, 3000).Select(i => $"<p>Part {i}. {sentences}</p>")) + "</article>");
        Assert.True(html.Length > 2_500_000);
        var page = Extract(html);
        Assert.Equal(3000, page.Text.Split("\n\n").Length);
    }

    [Fact]
    public void Repairs_mojibake_that_the_markup_spells_as_entities()
    {
        var damaged = "<p>The harbour plan isn&acirc;&euro;&trade;t new&acirc;&euro;&rdquo;the council first backed it in 2019, and the mayor said it &acirc;&euro;&oelig;will finally go ahead&acirc;&euro;&#157; this spring.</p>";
        var page = Extract(Page("<title>Council&acirc;&euro;&trade;s harbour plan</title>", $"<article><h1>Council&acirc;&euro;&trade;s harbour plan</h1>{Story}{damaged}</article>"));

        Assert.Equal("Council\u2019s harbour plan", page.Title);
        Assert.Contains("isn\u2019t new\u2014the council", page.Text);
        Assert.Contains("\u201cwill finally go ahead\u201d this spring", page.Text);
        Assert.DoesNotContain("\u00e2\u20ac", page.Text);
    }
}
