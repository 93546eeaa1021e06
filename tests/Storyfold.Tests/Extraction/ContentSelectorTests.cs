using Storyfold.Extraction;

namespace Storyfold.Tests.Extraction;

public sealed class ContentSelectorTests
{
    private static readonly PageExtractor Extractor = new();

    private const string Story = PageExtractorTests.Story;

    /// <summary>The article's body: the story told three times over, about 200 words.</summary>
    private static readonly string Body = Story + Story.Replace("council", "board") + Story.Replace("council", "assembly");

    /// <summary>A section sites print under every article, in prose and with names that say nothing about it.</summary>
    private const string Elsewhere =
        "<div class=\"box\"><h3>Around the coast</h3><p>Elsewhere in the region, the ferry company said on Monday that its winter timetable will start two weeks early this year.</p></div>";

    private static string Extract(string body)
    {
        var result = Extractor.Extract($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Council backs harbour plan</title></head><body>{body}</body></html>", null);
        Assert.True(result.Page is not null, result.Problem);
        return result.Page!.Text;
    }

    [Fact]
    public void Drops_a_section_that_follows_the_body_of_the_article()
    {
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"wrap\"><div class=\"part\">{Body}</div>{Elsewhere}</div></main>");

        Assert.Contains("The city council voted on Tuesday", text);
        Assert.Contains("The city board voted on Tuesday", text);
        Assert.DoesNotContain("ferry company", text);
    }

    [Fact]
    public void Keeps_a_continuation_of_the_body_that_wears_its_tag_and_class()
    {
        var next = "<div class=\"part\"><p>On page two of the report, the council said the quays would also serve the lifeboat station from the summer of 2027.</p></div>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"wrap\"><div class=\"part\">{Body}</div>{next}{Elsewhere}</div></main>");

        Assert.Contains("The city board voted on Tuesday", text);
        Assert.Contains("lifeboat station", text);
        Assert.DoesNotContain("ferry company", text);
    }

    [Fact]
    public void Keeps_every_section_when_no_child_holds_most_of_the_article()
    {
        var second = "<div class=\"box\"><h3>Around the coast</h3>" + Story.Replace("harbour", "marina") + "</div>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"wrap\"><div class=\"part\">{Body}</div>{second}</div></main>");

        Assert.Contains("The city board voted on Tuesday", text);
        Assert.Contains("expand the marina", text);
    }

    [Fact]
    public void Keeps_a_sentence_that_is_set_in_a_link_and_drops_a_line_of_linked_titles()
    {
        var sentence = "<p><a href=\"/report\">The full report on the harbour plan was published by the regional planning office on Wednesday.</a></p>";
        var titles = "<p><a href=\"/a\">Ferry timetable</a> <a href=\"/b\">Lifeboat station news</a> <a href=\"/c\">Marina prices rise</a></p>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1>{Body}{sentence}{titles}</main>");

        Assert.Contains("The full report on the harbour plan was published", text);
        Assert.DoesNotContain("Lifeboat station news", text);
    }

    [Fact]
    public void Keeps_a_linked_name_over_the_paragraph_that_tells_of_it_and_drops_a_linked_line_about_something_else()
    {
        var items =
            "<p><a href=\"https://quayside.example\">Quayside Builders to acquire Harbour Works</a></p>" +
            "<p>Quayside Builders has agreed to buy Harbour Works, the firm that built the old ferry terminal, for an undisclosed sum, the two companies said on Monday.</p>" +
            "<p><a href=\"https://marina.example\">Marina Group</a></p>" +
            "<p>Marina Group, which runs the yacht berths on the north shore, will bid for the contract to dredge the new channel next year.</p>";
        var other = "<p><a href=\"/lifeboat\">Lifeboat Station Opens Its Doors</a></p>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1>{Story}{items}{other}{Story.Replace("council", "board")}</main>");

        Assert.Contains("Quayside Builders to acquire Harbour Works\n\nQuayside Builders has agreed", text);
        Assert.Contains("Marina Group\n\nMarina Group, which runs", text);
        Assert.Contains("The city board voted on Tuesday", text);
        Assert.DoesNotContain("Lifeboat Station Opens", text);
    }

    [Fact]
    public void Keeps_the_rows_of_a_table_that_links_its_entries_beside_their_figures_and_drops_a_table_of_links()
    {
        var ranking = "<table><tr><th>Contractor</th><th>Revenue</th></tr>" +
            "<tr><td><a href=\"/quayside\">Quayside Builders Ltd.</a></td><td>$7.7B</td></tr>" +
            "<tr><td><a href=\"/harbour-works\">Harbour Works Group Inc.</a></td><td>$2.5B</td></tr></table>";
        var menu = "<table><tr><td><a href=\"/a\">Ferry timetable</a></td><td><a href=\"/b\">Lifeboat station news</a></td></tr>" +
            "<tr><td><a href=\"/c\">Marina prices rise</a></td><td><a href=\"/d\">Beach cleaning days</a></td></tr></table>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1>{Story}<p>The two largest bidders for the work:</p>{ranking}{Story.Replace("council", "board")}{menu}</main>");

        Assert.Contains("Quayside Builders Ltd.", text);
        Assert.Contains("$7.7B", text);
        Assert.Contains("Harbour Works Group Inc.", text);
        Assert.Contains("The city board voted on Tuesday", text);
        Assert.DoesNotContain("Lifeboat station news", text);
    }

    [Fact]
    public void Keeps_a_list_of_links_between_the_paragraphs_and_drops_one_after_them()
    {
        var sources = "<ul><li><a href=\"/plan\">Harbour masterplan</a></li><li><a href=\"/budget\">Council budget 2025</a></li><li><a href=\"/survey\">Residents survey</a></li></ul>";
        var more = "<ul><li><a href=\"/a\">Ferry timetable</a></li><li><a href=\"/b\">Lifeboat station news</a></li><li><a href=\"/c\">Marina prices rise</a></li></ul>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1>{Story}<p>The council based its decision on three documents:</p>{sources}{Story.Replace("council", "board")}{more}</main>");

        Assert.Contains("Harbour masterplan", text);
        Assert.Contains("Residents survey", text);
        Assert.Contains("The city board voted on Tuesday", text);
        Assert.DoesNotContain("Lifeboat station news", text);
    }

    [Fact]
    public void Keeps_a_list_of_links_set_in_paragraphs_between_the_paragraphs_and_drops_one_after_them()
    {
        var sources = "<ul><li><p><a href=\"/plan\">Harbour masterplan</a></p></li><li><p><a href=\"/budget\">Council budget 2025</a></p></li><li><p><a href=\"/survey\">Residents survey</a></p></li></ul>";
        var more = "<ul><li><p><a href=\"/a\">Ferry timetable</a></p></li><li><p><a href=\"/b\">Lifeboat station news</a></p></li><li><p><a href=\"/c\">Marina prices rise</a></p></li></ul>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1>{Story}<p>The council based its decision on three documents:</p>{sources}{Story.Replace("council", "board")}{more}</main>");

        Assert.Contains("Harbour masterplan", text);
        Assert.Contains("Residents survey", text);
        Assert.Contains("The city board voted on Tuesday", text);
        Assert.DoesNotContain("Lifeboat station news", text);
    }

    [Fact]
    public void Drops_a_table_of_contents_and_keeps_a_jump_list_the_writer_introduces()
    {
        var contents = "<p>In this post:</p><ul><li><a href=\"#plan\">The harbour masterplan</a></li><li><a href=\"#budget\">The council budget</a></li><li><a href=\"#survey\">The residents survey</a></li></ul>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1>{Story}{contents}{Story.Replace("council", "board")}</main>");

        Assert.DoesNotContain("The harbour masterplan", text);
        Assert.Contains("The city board voted on Tuesday", text);

        var introduced = "<p>The council based its decision on three documents, each described below:</p>" + contents[20..];
        text = Extract($"<main><h1>Council backs harbour plan</h1>{Story}{introduced}{Story.Replace("council", "board")}</main>");

        Assert.Contains("The harbour masterplan", text);
        Assert.Contains("The residents survey", text);
    }

    [Fact]
    public void Keeps_the_questions_and_answers_that_follow_the_body()
    {
        var body = Body + Story.Replace("council", "parliament") + Story.Replace("council", "senate");
        var questions =
            "<div class=\"faq\"><h2>FAQ</h2>" +
            "<h3>When will the work on the harbour start?</h3><p>The first dredging is planned for the spring, once the permits are granted, and the new quays should open to the fishing fleet about two years after that.</p>" +
            "<h3>Who pays for the harbour plan?</h3><p>The council pays most of the cost from its capital budget, while the port authority and a regional fund share the rest between them over the next five years.</p></div>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"wrap\"><div class=\"part\">{body}</div>{questions}{Elsewhere}</div></main>");

        Assert.Contains("Who pays for the harbour plan?", text);
        Assert.Contains("The first dredging is planned for the spring", text);
        Assert.DoesNotContain("ferry company", text);
    }

    [Fact]
    public void Drops_the_page_footer_even_when_its_legal_notices_outweigh_a_short_article()
    {
        var notice =
            "<p>This material is provided for general information only and is not intended to replace the advice of a qualified professional, whose judgement should always be sought before any decision is taken about the matters it describes.</p>" +
            "<p>The services mentioned on this website may not be available in every region, and their terms, prices and conditions can change at any time without notice; nothing here is an offer or a solicitation to buy or sell any product.</p>" +
            "<p>All content on this website is protected by copyright, and no part of it may be copied, stored or passed on in any form without the written permission of the publisher, except for short quotations in reviews and news reports.</p>" +
            "<p>Our offices are open from Monday to Friday between nine in the morning and five in the afternoon, and the customer service team answers letters and messages within two working days of receiving them.</p>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1>{Story}</main><footer><div class=\"legal\">{notice}</div></footer>");

        Assert.Contains("The city council voted on Tuesday", text);
        Assert.DoesNotContain("general information only", text);
        Assert.DoesNotContain("customer service team", text);
    }

    [Fact]
    public void Explains_why_each_block_was_left_out()
    {
        var share = "<div class=\"post-share-tools\"><p>Share this story with your friends and family today.</p></div>";
        var more = "<ul><li><a href=\"/a\">Ferry timetable</a></li><li><a href=\"/b\">Lifeboat station news</a></li><li><a href=\"/c\">Marina prices rise</a></li></ul>";
        var html = $"<!DOCTYPE html><html><head><title>Council backs harbour plan</title></head><body><div class=\"top\"><p>Weather warning for the coast</p></div>" +
                   $"<main><h1>Council backs harbour plan</h1><div class=\"wrap\"><div class=\"part\">{Body}{share}{more}</div>{Elsewhere}</div></main></body></html>";
        var explain = new List<string>();
        Extractor.Extract(html, null, explain);

        Assert.Contains(explain, line => line.StartsWith("- outside-container ", StringComparison.Ordinal) && line.EndsWith("Weather warning for the coast", StringComparison.Ordinal));
        Assert.Contains(explain, line => line.StartsWith("- hinted by <div class='post-share-tools'", StringComparison.Ordinal) && line.Contains("(share)", StringComparison.Ordinal));
        Assert.Contains(explain, line => line.StartsWith("- link-list ", StringComparison.Ordinal) && line.EndsWith("Lifeboat station news", StringComparison.Ordinal));
        Assert.Contains(explain, line => line.StartsWith("- after-body <div class='box'", StringComparison.Ordinal) && line.Contains("ferry company", StringComparison.Ordinal));
        Assert.Contains(explain, line => line.StartsWith("- headline ", StringComparison.Ordinal) && line.EndsWith("Council backs harbour plan", StringComparison.Ordinal));
        Assert.Contains(explain, line => line.StartsWith("+ ", StringComparison.Ordinal) && line.Contains("The city council voted on Tuesday", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_questions_and_answers_after_the_body_whose_questions_are_paragraphs()
    {
        var body = Body + Story.Replace("council", "parliament") + Story.Replace("council", "senate") + Story.Replace("council", "cabinet");
        var questions =
            "<div class=\"faq\"><h2>FAQ</h2>" +
            "<p><strong>When will the work on the harbour start?</strong></p><p>The first dredging is planned for the spring, once the permits are granted, and the new quays should open to the fishing fleet about two years after that.</p>" +
            "<p><strong>Who pays for the harbour plan?</strong></p><p>The council pays most of the cost from its capital budget, while the port authority and a regional fund share the rest between them over the next five years.</p></div>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"wrap\"><div class=\"part\">{body}</div>{questions}{Elsewhere}</div></main>");

        Assert.Contains("Who pays for the harbour plan?", text);
        Assert.Contains("The first dredging is planned for the spring", text);
        Assert.DoesNotContain("ferry company", text);
    }

    [Fact]
    public void Keeps_a_part_of_the_article_whose_class_names_the_alignment_of_its_header()
    {
        var pane = "<div class=\"accordion-wrap pane-header-alignment-left\"><div class=\"pane\"><h3>Who pays for the harbour plan?</h3>" +
            "<p>The port authority pays for the first phase, and the city borrows for the second over twenty years.</p></div></div>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1>{Story}{pane}{Story.Replace("council", "board")}</main>");

        Assert.Contains("The port authority pays for the first phase", text);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Fact]
    public void Keeps_the_headings_of_the_sections_of_an_article_that_stand_in_header_elements()
    {
        var text = Extract($"<main><article><h1>Council backs harbour plan</h1>" +
            $"<section><header><h2>What the council decided</h2></header>{Story}</section>" +
            $"<section><header><h2>What the board said</h2></header>{Story.Replace("council", "board")}</section></article></main>");

        Assert.Contains("What the council decided", text);
        Assert.Contains("What the board said", text);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Fact]
    public void Keeps_a_list_after_the_one_long_paragraph_of_a_short_article()
    {
        var paragraph = "<p>" + string.Concat(Enumerable.Repeat("The city council voted on Tuesday to expand the harbour, a project that has divided residents for years. ", 5)) + "</p>";
        var list = "<p>The plan covers these works:</p><ul><li>Dredging the outer basin</li><li>New quays for the fishing fleet</li><li>A lifeboat station</li></ul>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"text\"><div class=\"wrapper\">{paragraph}{list}</div></div></main>");

        Assert.Contains("The plan covers these works:", text);
        Assert.Contains("New quays for the fishing fleet", text);
    }

    [Fact]
    public void Leaves_out_the_name_of_an_icon_drawn_by_a_font_ligature()
    {
        // The second icon's class names are set apart by a line break and a tab, as HTML allows.
        var text = Extract($"<main><h1>Council backs harbour plan</h1>{Body}<h3>What it costs<i class=\"material-icons\">chevron_right</i></h3>" +
            "<p>The council puts the cost at about 40 million euros, to be paid over ten years.<span class=\"icon\n\tmaterial-symbols-outlined\">open_in_new</span></p></main>");

        Assert.Contains("What it costs", text);
        Assert.Contains("paid over ten years.", text);
        Assert.DoesNotContain("chevron_right", text);
        Assert.DoesNotContain("open_in_new", text);
    }

    /// <summary>Questions and answers after the body, set as paragraphs.</summary>
    private const string Questions =
        "<div class=\"faq\"><h2>FAQ</h2>" +
        "<p><strong>When will the work on the harbour start?</strong></p><p>The first dredging is planned for the spring, once the permits are granted, and the new quays should open to the fishing fleet about two years after that.</p>" +
        "<p><strong>Who pays for the harbour plan?</strong></p><p>The council pays most of the cost from its capital budget, while the port authority and a regional fund share the rest between them over the next five years.</p></div>";

    [Fact]
    public void Keeps_questions_and_answers_in_a_field_beside_the_element_named_as_the_body()
    {
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"column\"><div class=\"post-body\">{Body}</div><div class=\"extra-sections\">{Questions}</div></div></main>");

        Assert.Contains("The city board voted on Tuesday", text);
        Assert.Contains("Who pays for the harbour plan?", text);
        Assert.Contains("The first dredging is planned for the spring", text);
    }

    [Fact]
    public void Leaves_out_questions_and_answers_set_as_a_section_of_the_page_beside_the_article()
    {
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"column\"><div class=\"post-body\">{Body}</div></div><section class=\"extra\">{Questions}</section></main>");

        Assert.Contains("The city board voted on Tuesday", text);
        Assert.DoesNotContain("The first dredging is planned for the spring", text);
    }

    /// <summary>A card of a list: a linked title and a line about it.</summary>
    private static string Card(string title, string about) =>
        $"<div class=\"entry\"><h3><a href=\"/{title.Length}\">{title}</a></h3><p>{about}</p></div>";

    [Fact]
    public void Drops_a_run_of_teaser_cards_after_the_article()
    {
        var cards = Card("Ferry timetable changes again", "The winter timetable starts two weeks early this year.") +
            Card("Lifeboat station gets new crew", "Six volunteers finished their training in the autumn.") +
            Card("Marina prices rise for the summer", "Berths will cost a fifth more from the first of May.");
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"list\">{Body}{cards}</div></main>");

        Assert.Contains("The city board voted on Tuesday", text);
        Assert.DoesNotContain("Six volunteers finished their training", text);
    }

    [Fact]
    public void Drops_a_run_of_cards_of_a_picture_and_an_unlinked_headline_with_the_article_going_on_after_them()
    {
        var tiles = string.Concat(new[] { "Ferry timetable changes again this winter", "Lifeboat station gets a new crew", "Marina prices rise for the summer" }
            .Select(title => $"<div class=\"tile\"><img src=\"/{title.Length}.jpg\" alt=\"\"><h3>{title}</h3></div>"));
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"grid\"><div class=\"text\">{Body}</div><div class=\"tiles\">{tiles}</div></div>" +
            $"<div class=\"more\">{Story.Replace("council", "committee")}</div></main>");

        Assert.Contains("The city board voted on Tuesday", text);
        Assert.Contains("The city committee voted on Tuesday", text);
        Assert.DoesNotContain("Lifeboat station", text);
        Assert.DoesNotContain("Marina prices", text);
    }

    /// <summary>About sixty words of a teaser's excerpt, as blogs cut them.</summary>
    private const string Excerpt =
        "The winter timetable starts two weeks early this year, the ferry company said on Monday, and the last boat to the islands will leave an hour sooner on weekdays. " +
        "Islanders who work late in town have asked for a later sailing on Fridays, and the company says it will look at the numbers again before the spring.";

    [Fact]
    public void Drops_teaser_cards_with_excerpts_as_long_as_a_blog_cuts_them()
    {
        var cards = Card("Ferry timetable changes again", Excerpt) + Card("Lifeboat station gets new crew", Excerpt.Replace("ferry", "lifeboat")) +
            Card("Marina prices rise for the summer", Excerpt.Replace("ferry", "marina"));
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"list\">{Body}{Body.Replace("council", "committee")}{Body.Replace("council", "senate")}{cards}</div></main>");

        Assert.Contains("The city committee voted on Tuesday", text);
        Assert.DoesNotContain("Islanders who work late", text);
    }

    [Fact]
    public void Keeps_questions_whose_linked_headings_open_their_answers_on_the_page()
    {
        var questions = string.Concat(new[] { "Who pays for the new quays?", "When does the work start?", "Will the beaches stay open?" }
            .Select((q, i) => $"<div class=\"item\"><a class=\"toggle\" href=\"#q{i}\"><h3>{q}</h3></a><div id=\"q{i}\"><p>{Excerpt.Replace("Monday", $"day {i}")}</p></div></div>"));
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"post\">{Body}{Body.Replace("council", "committee")}{Body.Replace("council", "senate")}" +
            $"<div class=\"faq\">{questions}</div></div></main>");

        Assert.Contains("Who pays for the new quays?", text);
        Assert.Contains("Islanders who work late", text);
    }

    [Fact]
    public void Drops_cards_that_are_links_alone_between_the_parts_of_the_article()
    {
        var cards = string.Concat(new[] { ("Ferry timetable changes again", "The winter timetable starts two weeks early this year."), ("Lifeboat station gets new crew", "Six volunteers finished their training in the autumn."), ("Marina prices rise for the summer", "Berths will cost a fifth more from the first of May.") }
            .Select(c => $"<div class=\"featured\"><h3><a href=\"/{c.Item1.Length}\">{c.Item1}</a></h3><p><a href=\"/{c.Item1.Length}\">{c.Item2}</a></p></div>"));
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"post\">{Story}{cards}{Body.Replace("council", "board")}</div></main>");

        Assert.Contains("The city council voted on Tuesday", text);
        Assert.Contains("The city board voted on Tuesday", text);
        Assert.DoesNotContain("Six volunteers finished their training", text);
        Assert.DoesNotContain("Marina prices", text);
    }

    [Fact]
    public void Keeps_cards_that_are_the_entries_of_a_list_when_an_entry_unlike_a_teaser_stands_between_them()
    {
        var cards = Card("Ferry timetable changes again", "The winter timetable starts two weeks early this year.") +
            Card("Oslo", "The city opened its new quay for cruise ships last year.") +
            Card("Lifeboat station gets new crew", "Six volunteers finished their training in the autumn.") +
            Card("Marina prices rise for the summer", "Berths will cost a fifth more from the first of May.");
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"list\">{Body}{cards}</div></main>");

        Assert.Contains("The city board voted on Tuesday", text);
        Assert.Contains("Six volunteers finished their training", text);
        Assert.Contains("opened its new quay for cruise ships", text);
    }

    /// <summary>A box that sells the site's own service: a line, a short pitch and a link drawn as a button.</summary>
    private static string Offer(string heading, string pitch, string button) =>
        $"<div class=\"offer\"><h3>{heading}</h3><p>{pitch}</p><a class=\"btn btn-primary\" href=\"/quote\">{button}</a></div>";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Drops_a_promotion_box_that_ends_with_a_button_between_the_paragraphs(bool buttonDeeperThanALinkInThePitch)
    {
        var offer = buttonDeeperThanALinkInThePitch
            ? "<div class=\"offer\"><h3>Get an estimate from a local pro</h3><p>Every job is different. <a href=\"/pros\">Our pros</a> can get you a fair price quote today.</p>" +
              "<div class=\"cta\"><span><a class=\"btn btn-primary\" href=\"/quote\">Get a quote now</a></span></div></div>"
            : Offer("Get an estimate from a local pro", "Every job is different. Our pros can get you a fair price quote today.", "Get a quote now");
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"post\">{Story}{offer}{Story.Replace("council", "board")}</div></main>");

        Assert.Contains("The city council voted on Tuesday", text);
        Assert.Contains("The city board voted on Tuesday", text);
        Assert.DoesNotContain("Every job is different", text);
        Assert.DoesNotContain("local pro", text);
    }

    [Fact]
    public void Drops_the_pitch_and_small_print_around_a_sign_up_form_between_the_paragraphs()
    {
        var signup = "<section class=\"relative p-8\"><div>Harbour Deals</div><div>Be the first to know!</div><div>Get the best offers from the coast texted right to your phone!</div>" +
            "<form><input type=\"tel\" placeholder=\"Enter phone number\"><button type=\"submit\">Sign Me Up</button></form>" +
            "<div>By signing up, you agree to receive recurring automated marketing messages at the number provided. Message and data rates may apply.</div></section>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"post\">{Story}{signup}{Story.Replace("council", "board")}</div></main>");

        Assert.Contains("The city council voted on Tuesday", text);
        Assert.Contains("The city board voted on Tuesday", text);
        Assert.DoesNotContain("Be the first to know", text);
        Assert.DoesNotContain("By signing up", text);
    }

    [Fact]
    public void Keeps_a_cost_table_beside_a_form_that_asks_for_a_postcode()
    {
        var estimate = "<div class=\"cost\"><table><tr><td>Service panel</td><td>1 panel</td><td>$370</td><td>$491</td></tr><tr><td>Labour</td><td>8 hours</td><td>$398</td><td>$608</td></tr></table>" +
            "<form><input type=\"text\" placeholder=\"Postcode\"><button>Update</button></form></div>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"post\">{Story}{estimate}{Story.Replace("council", "board")}</div></main>");

        Assert.Contains("Service panel", text);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Fact]
    public void Keeps_boxes_of_one_kind_that_end_with_buttons_as_the_entries_of_a_list()
    {
        var entries = Offer("Learn HTML", "A solid overview of HTML for developers, from novice to expert level.", "Start course") +
            Offer("Learn CSS", "A guide to CSS with modules covering everything from layout to accessibility.", "Start course");
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"post\">{Body}{entries}</div></main>");

        Assert.Contains("A solid overview of HTML for developers", text);
        Assert.Contains("A guide to CSS with modules", text);
    }

    /// <summary>
    /// The text of a page whose meta description gives the harbour story's summary, with <paramref name="top"/> under its
    /// headline and the body in a field of its own below.
    /// </summary>
    private static string TextUnderHeadline(string top) =>
        Extractor.Extract(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Council backs harbour plan</title>" +
            "<meta name=\"description\" content=\"The harbour plan wins the council's backing after a long night of debate in the chamber.\"></head><body>" +
            $"<main><div class=\"top\"><h1>Council backs harbour plan</h1>{top}</div>" +
            $"<div class=\"article-body\">{Body}</div></main></body></html>", null).Page!.Text;

    [Fact]
    public void Keeps_a_plain_lead_paragraph_set_between_the_headline_and_the_body_field()
    {
        const string lead = "<p>After three years of argument, the harbour plan finally has the votes it needs, and work could start by the spring.</p>";
        const string subtitle = "<p class=\"subtitle\">A summary line the template prints from its own field, not the writer's words at all.</p>";
        const string described = "<p>The harbour plan wins the council's backing after a long night of debate in the chamber.</p>";
        var text = TextUnderHeadline($"{subtitle}{lead}{described}<p>By Jane Doe</p>");

        Assert.StartsWith("After three years of argument", text);
        Assert.Contains("The city council voted on Tuesday", text);
        Assert.DoesNotContain("A summary line the template prints", text);
        Assert.DoesNotContain("long night of debate", text);
        Assert.DoesNotContain("By Jane Doe", text);
    }

    [Fact]
    public void Keeps_the_introduction_the_page_names_above_the_body_field()
    {
        const string intro =
            "<div class=\"post-intro\"><p>The harbour plan wins the council's backing after a long night of debate in the chamber, three years after it was first drawn up.</p>" +
            "<p>Trust us, it was worth the wait.</p><p>Summary</p></div>";
        const string dek = "<p class=\"dek\">A line the template prints from its own field over every story it carries on the site.</p>";
        var text = TextUnderHeadline($"{dek}{intro}");

        Assert.StartsWith("The harbour plan wins the council's backing", text);
        Assert.Contains("Trust us, it was worth the wait.", text);
        Assert.Contains("The city council voted on Tuesday", text);
        Assert.DoesNotContain("Summary", text);
        Assert.DoesNotContain("A line the template prints", text);
    }

    [Fact]
    public void Keeps_the_headers_of_the_parts_of_the_article_but_not_the_page_header()
    {
        static string Item(string question, string answer) =>
            $"<div class=\"accordion-item\"><div class=\"accordion-item-header\">{question}</div><div class=\"accordion-item-body\"><p>{answer}</p></div></div>";
        var faq = Item("When does the work on the quays start?", "Work is due to start next spring, once the last permits are signed by the regional government.") +
            Item("Who pays for the new harbour?", "The city pays about half of the cost, and the port authority and a European fund share the rest.") +
            Item("Will the old fishing port stay open?", "The fishing port stays open throughout the works, with its boats moved to the north quay for a year.");
        var text = Extract(
            "<div class=\"masthead-header\"><p>Harbour Gazette, the daily news of the coast since 1901, now online.</p></div>" +
            $"<main><h1>Council backs harbour plan</h1><div class=\"post\">{Body}<h2>Questions and answers</h2><div class=\"accordion\">{faq}</div></div></main>");

        Assert.Contains("When does the work on the quays start?", text);
        Assert.Contains("Who pays for the new harbour?", text);
        Assert.Contains("The city council voted on Tuesday", text);
        Assert.DoesNotContain("Harbour Gazette", text);
    }

    [Fact]
    public void Keeps_the_lead_the_page_names_so_under_a_header_but_not_the_lead_picture_credit()
    {
        const string lead =
            "<div class=\"story-lead\"><p>The harbour is getting bigger, and sooner than anyone thought.</p>" +
            "<p>Below is what the council decided, what it will cost and when the diggers are due to arrive on the quays.</p></div>";
        var text = Extract(
            "<header class=\"hero\"><h1>Council backs harbour plan</h1></header>" +
            "<figure class=\"lead-media\"><img src=\"quay.jpg\"><figcaption>Photo: Harbour Gazette archive</figcaption></figure>" +
            $"{lead}<div class=\"article-body\">{Body}</div>");

        Assert.StartsWith("The harbour is getting bigger", text);
        Assert.Contains("Below is what the council decided", text);
        Assert.Contains("The city council voted on Tuesday", text);
        Assert.DoesNotContain("Harbour Gazette archive", text);
    }

    [Fact]
    public void Keeps_a_callout_card_between_the_paragraphs_but_not_the_teaser_cards_after_them()
    {
        const string callout =
            "<div class=\"kg-card kg-callout-card\"><div class=\"kg-callout-emoji\">💡</div>" +
            "<div class=\"kg-callout-text\">As this story went out, the harbour master had already ordered the first two cranes for the quays.</div></div>";
        const string teasers =
            "<div class=\"kg-card teaser-card\"><p>Elsewhere on the coast, the ferry company said its winter timetable will start two weeks early this year.</p></div>" +
            "<div class=\"kg-card teaser-card\"><p>Six volunteers of the lifeboat station finished their training at the end of the autumn season.</p></div>";
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"post\">{Story}{callout}{Body}{teasers}</div></main>");

        Assert.Contains("the harbour master had already ordered the first two cranes", text);
        Assert.Contains("The city board voted on Tuesday", text);
        Assert.DoesNotContain("ferry company", text);
        Assert.DoesNotContain("Six volunteers", text);
    }

    [Fact]
    public void Keeps_the_last_section_the_contents_list_jumps_to()
    {
        const string contents =
            "<nav class=\"toc\"><ul><li><a href=\"#toc_1\">The vote</a></li><li><a href=\"#toc_2\">Contact the harbour office</a></li></ul></nav>";
        const string last =
            "<section class=\"toc-para contact\" id=\"toc_2\"><h2>Contact the harbour office</h2><p>Write to the harbour office with questions.</p></section>";
        var parts = string.Concat(new[] { "council", "board", "assembly" }.Select((body, i) =>
            $"<section class=\"toc-para\" id=\"toc_{i}\"><h2>The {body}</h2>{Story.Replace("council", body)}</section>"));
        var text = Extract($"<main><h1>Council backs harbour plan</h1><div class=\"post\">{contents}{parts}{last}</div></main>");

        Assert.Contains("The city board voted on Tuesday", text);
        Assert.Contains("Write to the harbour office with questions.", text);
        Assert.DoesNotContain("The vote", text);
    }

    [Fact]
    public void Keeps_the_part_of_the_article_whose_class_sets_the_sidebar_off()
    {
        var text = Extract(
            $"<main><h1>Council backs harbour plan</h1><div class=\"article__main sidebar-enabled--false content\"><div class=\"item\">{Body}</div></div>" +
            "<div class=\"article__main sidebar-enabled--false content\"><p>So there you have it: the quays are coming, and the first ferries should dock at them in the spring of 2028.</p></div>" +
            "<aside class=\"sidebar\"><p>Elsewhere on the coast, the ferry company said its winter timetable will start two weeks early this year.</p></aside></main>");

        Assert.Contains("The city board voted on Tuesday", text);
        Assert.Contains("So there you have it", text);
        Assert.DoesNotContain("ferry company", text);
    }
}
