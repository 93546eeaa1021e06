using Storyfold.Extraction;

namespace Storyfold.Tests.Extraction;

/// <summary>What the article's text keeps at its edges: the writer's bio, sign-up calls and page furniture left out.</summary>
public sealed class ArticleTextTests
{
    private static readonly PageExtractor Extractor = new();

    /// <summary>A short news text the bio tests put a bio or author box under.</summary>
    private const string HarbourVote = "The city council voted on Tuesday to expand the harbour, a project that has divided residents for years.\n\n" +
                                       "Supporters say the new quays will bring jobs, while opponents fear for the old fishing port and its beaches.\n\n" +
                                       "Work is due to start next spring and should last three years, the mayor told reporters after the meeting.";

    private const string Story = PageExtractorTests.Story +
        "<p>Residents who live near the old quay will be offered places in a new building on the hill, the council said in a statement.</p>";

    private static string Extract(string article, string author = "Jane Doe")
    {
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Council backs harbour plan</title>" +
                   $"<meta name=\"author\" content=\"{author}\"></head><body><article><h1>Council backs harbour plan</h1>{article}</article></body></html>";
        var result = Extractor.Extract(html);
        Assert.True(result.Page is not null, result.Problem);
        return result.Page!.Text;
    }

    [Fact]
    public void Drops_the_writers_bio_and_its_label_at_the_foot_of_the_article()
    {
        var text = Extract(Story + "<p>Senior Reporter</p><p>Jane Doe is a senior reporter who has covered the coast and its towns for twelve years.</p>");

        Assert.EndsWith("the council said in a statement.", text);
        Assert.DoesNotContain("Senior Reporter", text);
        Assert.DoesNotContain("covered the coast", text);
    }

    [Fact]
    public void Drops_a_bio_that_names_the_writer_by_first_name()
    {
        var text = Extract(Story + "<p>Jane has written about local politics since 2015 and lives by the harbour with her two dogs.</p>");

        Assert.DoesNotContain("local politics", text);
    }

    [Theory]
    [InlineData("<p>Jane Doe, Senior Editor, Harbour Desk, studied journalism in Leeds and has reported on ports since 2012.</p>")]
    [InlineData("<p>Hi there! I'm Jane, and I started writing about the harbour towns when the ferry still ran.</p>")]
    public void Drops_a_bio_that_names_the_writers_job_or_greets_the_reader(string bio)
    {
        var text = Extract(Story + bio);

        Assert.EndsWith("the council said in a statement.", text);
        Assert.DoesNotContain("harbour towns when", text);
        Assert.DoesNotContain("studied journalism", text);
    }

    [Fact]
    public void Keeps_a_closing_greeting_by_someone_other_than_the_writer()
    {
        var text = Extract(Story + "<p>Hi there! I'm Janet, and I run the ferry that takes you across the harbour every summer.</p>");

        Assert.Contains("I run the ferry", text);
    }

    [Theory]
    [InlineData("<p>Maria Lopez</p><p>Maria Lopez is a freelance writer who covers ports and shipping along the coast.</p>")]
    [InlineData("<p>Maria Lopez</p><p>Contributing Writer</p><p>Maria has written about the harbour towns for a decade.</p>")]
    public void Drops_an_author_box_whose_bio_opens_with_the_name_printed_over_it_when_the_page_has_no_byline(string box)
    {
        var text = Extract(Story + box, author: "");

        Assert.EndsWith("the council said in a statement.", text);
        Assert.DoesNotContain("Maria", text);
    }

    [Fact]
    public void Keeps_a_closing_paragraph_that_opens_with_a_name_other_than_the_one_over_it()
    {
        var text = Extract(Story + "<p>Maria Lopez</p><p>John Smith is a fisherman who has worked from the old port for thirty years.</p>", author: "");

        Assert.Contains("John Smith is a fisherman", text);
    }

    [Fact]
    public void Keeps_a_closing_paragraph_about_someone_other_than_the_writer()
    {
        var text = Extract(Story + "<p>John Smith is a fisherman who has worked from the old port for thirty years and opposes the plan.</p>");

        Assert.Contains("John Smith is a fisherman", text);
    }

    [Fact]
    public void Keeps_the_writers_name_when_it_opens_a_long_closing_part_of_the_article()
    {
        var closing = string.Concat(Enumerable.Range(1, 4).Select(n =>
            $"<p>Jane Doe has followed the council's plans for the harbour since they were first put forward, and vote number {n} went the other way each time.</p>"));
        var text = Extract(Story + closing);

        Assert.Contains("Jane Doe has followed", text);
    }

    [Fact]
    public void Drops_newsletter_calls_copyright_lines_and_the_table_of_contents_label()
    {
        var text = Extract("<p>Table of Contents</p>" + Story +
                           "<p>Get the latest harbour news delivered straight to your inbox every morning.</p>" +
                           "<p>Join our free weekly newsletter</p><p>Copyright © 2024 Harbour Times</p><p>© 2024 Harbour Times Ltd. All rights reserved. Registered in England and Wales.</p>");

        Assert.StartsWith("The city council voted on Tuesday", text);
        Assert.EndsWith("the council said in a statement.", text);
    }

    [Theory]
    [InlineData("Catch up on our coverage of the coast, and follow us on Facebook, Instagram and TikTok to stay up to date.")]
    [InlineData("Get Jane Doe’s stories in your inbox")]
    [InlineData("Join Medium for free to get updates from this writer.")]
    public void Drops_a_call_to_follow_the_site_or_writer(string call)
    {
        var text = Extract(Story + $"<p>{call}</p>" + Story.Replace("council", "board"));

        Assert.DoesNotContain(call, text);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Theory]
    [InlineData("Sign up now!")]
    [InlineData("Start your free trial")]
    [InlineData("Ready to see the new harbour? Get started today.")]
    [InlineData("Buy now from one of our trusted retail partners:")]
    [InlineData("Deal alert: harbour tours on sale for 20% off")]
    [InlineData("Sign up and try Harbour Times free for 14 days!")]
    [InlineData("Download your free harbour guide")]
    [InlineData("Get the FREE eBook!")]
    public void Drops_a_short_call_to_act_on_an_offer(string call)
    {
        var text = Extract(Story + $"<p>{call}</p>" + Story.Replace("council", "board"));

        Assert.DoesNotContain(call, text);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Theory]
    [InlineData("Sign up now, the mayor urged residents at the meeting, because places on the new quays will go quickly.")]
    [InlineData("Residents can sign up for the harbour tours at the town hall.")]
    [InlineData("Volunteers will get started today on the old quay.")]
    [InlineData("Get the free guide to the harbour walks at the tourist office, the council said.")]
    public void Keeps_a_sentence_of_article_text_that_speaks_of_signing_up(string sentence)
    {
        var text = Extract(Story + $"<p>{sentence}</p>" + Story.Replace("council", "board"));

        Assert.Contains(sentence, text);
    }

    [Theory]
    [InlineData("Best Prices Today:")]
    [InlineData("WHERE TO BUY")]
    [InlineData("Starting at $20.00")]
    [InlineData("Read Reviews")]
    [InlineData("Loading prices for your region…")]
    public void Drops_a_label_of_a_product_box_inside_the_article(string label)
    {
        var text = Extract(Story + $"<p>{label}</p>" + Story.Replace("council", "board"));

        Assert.DoesNotContain(label, text);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Theory]
    [InlineData("Where to buy fish now that the old market has closed is a question for many residents.")]
    [InlineData("Loading the boats will start at dawn…")]
    public void Keeps_article_text_that_opens_like_a_product_box_label(string sentence)
    {
        var text = Extract(Story + $"<p>{sentence}</p>" + Story.Replace("council", "board"));

        Assert.Contains(sentence, text);
    }

    [Theory]
    [InlineData("No credit card required.")]
    [InlineData("30 day free trial, no credit card required")]
    [InlineData("FREE TRIAL Credit Card Not Required")]
    public void Drops_the_terms_line_of_a_trial_offer_inside_the_article(string line)
    {
        var text = Extract(Story + $"<p>{line}</p>" + Story.Replace("council", "board"));

        Assert.DoesNotContain(line, text);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Fact]
    public void Keeps_a_sentence_that_says_no_credit_card_is_required()
    {
        const string sentence = "No credit card is required to ride the new ferry, the council said, as tickets can be paid in cash.";
        var text = Extract(Story + $"<p>{sentence}</p>" + Story.Replace("council", "board"));

        Assert.Contains(sentence, text);
    }

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("SPONSORED")]
    [InlineData("Story continues below")]
    [InlineData("Advertisement: New Harbour Guide Book!")]
    public void Drops_the_label_of_an_ad_slot_inside_the_article(string label)
    {
        var text = Extract(Story + $"<p>{label}</p>" + Story.Replace("council", "board"));

        Assert.DoesNotContain(label, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Theory]
    [InlineData("Advertising: the port will sell space on its cranes to pay for the dredging.")]
    [InlineData("Sponsored by the harbour authority, the plan passed with a wide majority.")]
    public void Keeps_article_text_that_opens_like_an_ad_label(string sentence)
    {
        var text = Extract(Story + $"<p>{sentence}</p>" + Story.Replace("council", "board"));

        Assert.Contains(sentence, text);
    }

    [Theory]
    [InlineData("See also: A Brief History of Harbour Photography")]
    [InlineData("Related: Five Things to Know About the Old Port")]
    [InlineData("READ MORE: Will the Ferry Return Next Summer?")]
    [InlineData("You might also like:")]
    public void Drops_a_link_to_a_related_article_inside_the_article(string link)
    {
        var text = Extract(Story + $"<p>{link}</p>" + Story.Replace("council", "board"));

        Assert.DoesNotContain(link, text);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Fact]
    public void Drops_a_related_link_set_as_a_heading()
    {
        var text = Extract(Story + "<h3>Related: <a href=\"/old-port\">Five Things to Know About the Old Port</a></h3>" + Story.Replace("council", "board"));

        Assert.DoesNotContain("Five Things", text);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Fact]
    public void Keeps_a_heading_of_the_article_that_opens_like_a_related_link()
    {
        var text = Extract(Story + "<h3>Related: what the port pays for</h3>" + Story.Replace("council", "board"));

        Assert.Contains("Related: what the port pays for", text);
    }

    [Theory]
    [InlineData("Want more harbour news? Let's hang out on Instagram!")]
    [InlineData("Join me on TikTok: @harbourjane")]
    [InlineData("You can also connect with me here:")]
    [InlineData("Until next time, stay dry. Follow on social media: Instagram | Facebook")]
    public void Drops_a_call_to_meet_the_writer_on_a_social_network(string line)
    {
        var text = Extract(Story + $"<p>{line}</p>" + Story.Replace("council", "board"));

        Assert.DoesNotContain(line, text);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Fact]
    public void Keeps_a_sentence_about_people_who_follow_the_story_on_a_social_network()
    {
        const string sentence = "Fishermen who follow the harbour debate on Facebook have called for a second vote before work begins.";
        var text = Extract(Story + $"<p>{sentence}</p>" + Story.Replace("council", "board"));

        Assert.Contains(sentence, text);
    }

    [Theory]
    [InlineData("This article is exclusive to Harbour Times+ subscribers")]
    [InlineData("Become a paid subscriber to Harbour Times to unlock this piece and learn about:")]
    public void Drops_a_paywall_notice_and_its_offer_at_the_end_of_the_article(string notice)
    {
        var text = Extract(Story + Story.Replace("council", "board") + $"<p>{notice}</p><p>Daily insights from the harbour desk</p><p>Early access to our port reports</p>");

        Assert.EndsWith("the board said in a statement.", text);
        Assert.DoesNotContain("subscriber", text);
        Assert.DoesNotContain("harbour desk", text);
    }

    [Fact]
    public void Keeps_article_text_about_subscribers()
    {
        const string sentence = "The ferry company said the new timetable would be exclusive to its season ticket subscribers from May.";
        var text = Extract(Story + Story.Replace("council", "board") + $"<p>{sentence}</p>");

        Assert.Contains(sentence, text);
    }

    [Theory]
    [InlineData("Read more about the plan in the council's own report, which it published on Monday.")]
    [InlineData("Related costs: the dredging alone will take most of the first year's budget.")]
    public void Keeps_article_text_that_opens_like_a_related_link(string sentence)
    {
        var text = Extract(Story + $"<p>{sentence}</p>" + Story.Replace("council", "board"));

        Assert.Contains(sentence, text);
    }

    [Theory]
    [InlineData("Related")]
    [InlineData("Read Next")]
    [InlineData("LATEST NEWS")]
    [InlineData("Also in the news")]
    [InlineData("More stories")]
    public void Drops_a_lone_recirculation_label_between_paragraphs(string label)
    {
        var text = Extract(Story + $"<h3>{label}</h3>" + Story.Replace("council", "board"));

        Assert.DoesNotContain(label, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("in a statement.\n\nThe city board voted on Tuesday", text);
    }

    [Fact]
    public void Drops_the_teasers_under_a_recirculation_label_and_keeps_the_text_after_them()
    {
        var teasers = "<p>Also in the news</p>" +
                      "<p>Front Page</p><p>March 3, 2026</p><p>Ferry operators have asked the region for a new timetable to serve the islands in winter, and the...</p>" +
                      "<p>Front Page</p><p>March 2, 2026</p><p>The fish market will move to a larger hall by the station before the summer season starts…</p>";
        var text = Extract(Story + teasers + Story.Replace("council", "board"));

        Assert.DoesNotContain("Ferry operators", text);
        Assert.DoesNotContain("fish market", text);
        Assert.DoesNotContain("Front Page", text);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Fact]
    public void Drops_a_pitch_that_exclaims_over_its_button_between_paragraphs()
    {
        var pitch = "<p><strong>Get the latest harbour-view apartments straight to your inbox with Quayside Homes!</strong><br>" +
                    "<a href=\"https://quayside.example/sign-in\">Browse Quayside Homes</a></p>";
        var text = Extract(Story + pitch + Story.Replace("council", "board"));

        Assert.DoesNotContain("Quayside", text);
        Assert.Contains("in a statement.\n\nThe city board voted on Tuesday", text);
    }

    [Fact]
    public void Keeps_a_plain_line_over_a_link_of_a_few_words()
    {
        var note = "<p>Best for: residents who want a quay view and a short walk to the ferry.<br><a href=\"/quay-flats\">LEARN MORE</a></p>";
        var text = Extract(Story + note + Story.Replace("council", "board"));

        Assert.Contains("Best for: residents who want a quay view", text);
    }

    [Theory]
    [InlineData("Sorry, we couldn't find a match for this location. Please try again.")]
    [InlineData("Sorry, we couldn’t find any ferries for this date.")]
    [InlineData("No results found.")]
    public void Drops_a_widgets_message_that_it_found_nothing(string message)
    {
        var text = Extract(Story + $"<p>{message}</p>" + Story.Replace("council", "board"));

        Assert.DoesNotContain(message, text);
        Assert.Contains("in a statement.\n\nThe city board voted on Tuesday", text);
    }

    [Fact]
    public void Keeps_the_writer_telling_that_a_search_found_nothing()
    {
        const string sentence = "Sorry, we couldn't find a single resident who had read the plan before the vote, and several of those we asked had not heard of the new quays at all.";
        var text = Extract(Story + $"<p>{sentence}</p>" + Story.Replace("council", "board"));

        Assert.Contains(sentence, text);
    }

    [Theory]
    [InlineData("Date Last Reviewed:")]
    [InlineData("Rating:")]
    public void Drops_a_label_with_a_colon_that_ends_the_text_with_nothing_under_it(string label)
    {
        var text = Extract(Story + $"<p>{label}</p>");

        Assert.DoesNotContain(label, text);
        Assert.EndsWith("the council said in a statement.", text);
    }

    [Fact]
    public void Keeps_a_label_with_a_colon_that_has_the_articles_text_under_it()
    {
        var text = Extract(Story + "<p>Timeline:</p>" + Story.Replace("council", "board"));

        Assert.Contains("Timeline:\n\nThe city board voted on Tuesday", text);
    }

    [Theory]
    [InlineData("YOU MIGHT ALSO LIKE:")]
    [InlineData("Related posts:")]
    public void Drops_the_linked_teasers_under_a_recirculation_label_with_a_colon(string label)
    {
        var teasers = $"<p>{label}</p><ul>" +
                      "<li><a href=\"/ferry-timetable\">Ferry operators ask for a winter timetable</a></li>" +
                      "<li><a href=\"/fish-market\">The fish market moves to a larger hall</a></li></ul>";
        var text = Extract(Story + teasers + Story.Replace("council", "board"));

        Assert.DoesNotContain(label, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ferry operators", text);
        Assert.DoesNotContain("fish market", text);
        Assert.Contains("in a statement.\n\nThe city board voted on Tuesday", text);
    }

    [Theory]
    [InlineData("<h3>Related</h3><h3>Plans for the old quay</h3>", "Plans for the old quay")]
    [InlineData("<h3>Related work</h3>", "Related work")]
    [InlineData("<p>See also:</p>", "See also:")]
    public void Keeps_the_articles_own_heading_under_or_in_place_of_a_recirculation_label(string heading, string kept)
    {
        var text = Extract(Story + heading + Story.Replace("council", "board"));

        Assert.Contains(kept, text);
    }

    [Fact]
    public void Keeps_the_closing_paragraph_of_a_company_that_signs_its_own_post()
    {
        const string article = "The city council voted on Tuesday to expand the harbour, a project that has divided residents for years.\n\n" +
                               "Supporters say the new quays will bring jobs, while opponents fear for the old fishing port and its beaches.\n\n" +
                               "Harbourworks is dedicated to building quays that last. Our engineers have worked on ports for forty years.";

        Assert.Equal(article, ArticleText.WithoutAuthorBio(article, ["Harbourworks"]));
    }

    [Fact]
    public void Drops_the_bio_of_a_firm_whose_byline_prints_its_name_in_lower_case()
    {
        const string article = HarbourVote;
        const string bio = "\n\nHarbourworks is a marine engineering firm based in Norway with offices in the US. For more information about the company, please visit its website.";

        Assert.Equal(article, ArticleText.WithoutAuthorBio(article + bio, ["harbourworks"]));
    }

    [Fact]
    public void Drops_an_author_box_whose_bio_gives_the_writers_full_given_name_with_the_one_they_go_by()
    {
        const string article = HarbourVote;
        const string box = "\n\nBill Harper\n\nFounder and Editor\n\nWilliam (Bill) Harper is a former port engineer who has written about coastal towns for twenty years.";

        Assert.Equal(article, ArticleText.WithoutAuthorBio(article + box, ["Harbour Desk"]));
    }

    [Fact]
    public void Drops_one_bio_per_writer_of_a_shared_byline()
    {
        const string article = HarbourVote;
        const string bios = "\n\nJane Doe is a lecturer in coastal engineering at the city university.\n\nJohn Roe is a fisherman and a member of the harbour board.";

        var cut = ArticleText.WithoutAuthorBio(article + bios, ["Jane Doe and John Roe, Harbour Times"]);

        Assert.Equal(article, cut);
    }

    [Theory]
    [InlineData("<p>About the author: Jane Doe is a freelance writer based on the coast.</p>")]
    [InlineData("<p>About the Author Jane Doe is a freelance writer based on the coast.</p>")]
    [InlineData("<p>Jane started the Harbour Times in 2010 as a weekend project and has run it full time since 2012.</p>")]
    [InlineData("<p>Jane Doe founded the harbour museum's newsletter and edits it to this day.</p>")]
    public void Drops_a_bio_under_its_label_or_told_by_what_the_writer_started(string bio)
    {
        var text = Extract(Story + bio);

        Assert.EndsWith("the council said in a statement.", text);
    }

    [Fact]
    public void Keeps_a_closing_paragraph_on_what_someone_other_than_the_writer_founded()
    {
        var text = Extract(Story + "<p>John Roe founded the harbour museum in 1990 and still guides its visitors on Sundays.</p>");

        Assert.Contains("John Roe founded the harbour museum", text);
    }

    [Theory]
    [InlineData("<p>Tags: harbour, city council, ferries</p>")]
    [InlineData("<p>Filed under: Local news</p>")]
    [InlineData("<p>Categories: Politics, Coast</p>")]
    [InlineData("<p>Latest posts by Jane Doe (see all)</p>")]
    public void Drops_the_sites_filing_of_the_article_at_its_foot(string line)
    {
        var text = Extract(Story + line);

        Assert.EndsWith("the council said in a statement.", text);
    }

    [Fact]
    public void Drops_the_category_line_over_the_article()
    {
        var text = Extract("<p>Category: Local news</p>" + Story);

        Assert.StartsWith("The city council voted on Tuesday", text);
    }

    [Fact]
    public void Keeps_a_line_that_opens_with_topics_deep_inside_the_article()
    {
        var story = string.Concat(Enumerable.Range(1, 3).Select(n => Story.Replace("Tuesday", $"day {n}")));
        const string line = "Topics: budget, dredging, the old quay";
        var text = Extract(story + $"<p>{line}</p>" + story.Replace("council", "board"));

        Assert.Contains(line, text);
    }

    [Theory]
    [InlineData("Thanks for signing up!")]
    [InlineData("Show Caption")]
    [InlineData("Hide Caption")]
    public void Drops_a_sign_up_confirmation_and_a_caption_toggle_inside_the_article(string line)
    {
        var text = Extract(Story + $"<p>{line}</p>" + Story.Replace("council", "board"));

        Assert.DoesNotContain(line, text);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Fact]
    public void Drops_a_closing_share_label_and_what_follows_it()
    {
        var text = Extract(Story + Story.Replace("council", "board") + "<p>Share this on:</p><p>Harbour Times on Mastodon and Bluesky</p>");

        Assert.EndsWith("the board said in a statement.", text);
    }

    [Theory]
    [InlineData("Follow us on Instagram, YouTube and Bluesky for more harbour news")]
    [InlineData("Follow Harbour Times on Facebook and X")]
    [InlineData("Already have an account? Log in")]
    [InlineData("Republish our articles for free under a Creative Commons license.")]
    public void Drops_a_line_where_the_site_speaks_to_its_readers(string line)
    {
        var text = Extract(Story + $"<p>{line}</p>" + Story.Replace("council", "board"));

        Assert.DoesNotContain(line, text);
        Assert.Contains("The city board voted on Tuesday", text);
    }

    [Fact]
    public void Keeps_a_sentence_about_following_someone_on_a_social_network()
    {
        const string sentence = "Thousands now follow the harbour master on Instagram, where she posts the tides each morning.";
        var text = Extract(Story + $"<p>{sentence}</p>" + Story.Replace("council", "board"));

        Assert.Contains(sentence, text);
    }

    [Theory]
    [InlineData("Photo: Shutterstock")]
    [InlineData("Image credit: © Example Images/J. Doe")]
    [InlineData("The old quay at low tide. Photo: Harbour Times/Jane Doe")]
    [InlineData("Fishing boats in the old port. | Photo by Jane Doe")]
    [InlineData("Source: Harbour Authority")]
    [InlineData("Courtesy of the harbour museum")]
    [InlineData("Photo by: Jane Doe")]
    [InlineData("The old quay at low tide. Photo by: 'Jane Doe'.")]
    [InlineData("Photo courtesy the harbour museum")]
    [InlineData("Credit: Jane Doe/AFP via Getty Images")]
    [InlineData("Getty Images / John Smith")]
    [InlineData("Image from Reuters")]
    [InlineData("Image provided by the harbour museum.")]
    [InlineData("Press enter or click to view image in full size")]
    public void Sets_apart_a_line_that_credits_a_picture(string credit)
    {
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Council backs harbour plan</title></head><body><article>" +
                   $"<h1>Council backs harbour plan</h1>{Story}<img src=\"quay.jpg\"><p>{credit}</p>{Story.Replace("council", "board")}</article></body></html>";
        var page = Extractor.Extract(html).Page!;

        Assert.DoesNotContain(credit, page.Text);
        Assert.Contains(credit, page.Captions);
        Assert.Contains("The city board voted on Tuesday", page.Text);
    }

    [Theory]
    [InlineData("Photographs by local children will hang in the new harbour hall when it opens next spring, the mayor said.")]
    [InlineData("Getty Images bought the harbour archive last year for an undisclosed sum.")]
    [InlineData("Image from the satellite shows the fire spreading across the hills north of the town overnight.")]
    public void Keeps_a_sentence_of_article_text_that_speaks_of_pictures(string sentence)
    {
        var text = Extract(Story + $"<p>{sentence}</p>" + Story.Replace("council", "board"));

        Assert.Contains(sentence, text);
    }

    [Theory]
    [InlineData("By tracing the old walls, the team found the first quay.")]
    [InlineData("By using boats from the port, the council saved money.")]
    public void Keeps_a_short_sentence_that_opens_with_by_and_a_verb(string sentence)
    {
        var text = Extract(Story + $"<p>{sentence}</p>" + Story.Replace("council", "board"));

        Assert.Contains(sentence, text);
    }

    [Theory]
    [InlineData("By Jane Doe")]
    [InlineData("Contributions From: Maria Lopez and John Smith")]
    [InlineData("Contributed by Maria Lopez and John Smith")]
    public void Drops_a_byline_inside_the_article(string byline)
    {
        var text = Extract($"<p>{byline}</p>" + Story);

        Assert.DoesNotContain(byline, text);
        Assert.Contains("the council said in a statement.", text);
    }

    [Fact]
    public void Keeps_the_dates_of_a_timeline_inside_the_article_and_drops_a_date_line_over_it()
    {
        var timeline = "<h2>What happens next</h2><p>March 16, 2026</p><p>The first boats leave the old quay for the new berths on the hill side.</p>" +
                       "<p>April 7, 2026</p><p>Divers start to clear the harbour floor of wrecks and old chains.</p>";
        var text = Extract("<p>March 3, 2026</p>" + Story + Story.Replace("council", "board") + timeline + Story.Replace("council", "port authority") + Story.Replace("council", "region"));

        Assert.StartsWith("The city council voted", text);
        Assert.Contains("March 16, 2026\n\nThe first boats leave", text);
        Assert.Contains("April 7, 2026", text);
    }

    [Theory]
    [InlineData("This post contains affiliate links. Read my full disclosure.")]
    [InlineData("If you buy through links on this site, we may earn a commission.")]
    [InlineData("Products are chosen independently by our editors. Purchases made through our links may earn us a commission.")]
    [InlineData("Disclosure: As an affiliate marketer, I earn from qualifying purchases. If you click a product link on Harbour Kitchen and " +
                "make a purchase, I may receive a commission at no additional cost to you! I own every pan I recommend and love how they " +
                "cook, and I would not send you to a shop I do not buy from myself.")]
    public void Drops_an_affiliate_disclosure_inside_the_article(string disclosure)
    {
        var text = Extract(Story + $"<p>{disclosure}</p>" + Story.Replace("council", "board"));

        Assert.DoesNotContain(disclosure, text);
        Assert.Contains("the board said in a statement.", text);
    }

    [Theory]
    [InlineData("Affiliate programs: streamers earn a commission when viewers buy games or gear via affiliate links.")]
    [InlineData("Secondary models include freemium access, sponsorships and affiliate marketing, and affiliate links bring in the rest.")]
    [InlineData("Disclosure rules: since 2023 the regulator has required influencers to say when they earn a commission on products " +
                "they show, and creators who use affiliate links must label every post, the agency said on Tuesday after fining " +
                "three accounts that had hidden them from their followers for months.")]
    public void Keeps_article_text_about_affiliate_links(string sentence)
    {
        var text = Extract(Story + $"<p>{sentence}</p>" + Story.Replace("council", "board"));

        Assert.Contains(sentence, text);
    }

    [Fact]
    public void Keeps_a_paragraph_of_article_text_that_ends_with_its_source()
    {
        var text = Extract(Story + "<p>The figures come from the harbour authority, which counted the boats in the port every morning last summer and found twice as many as the year before, most of them from abroad. Source: the authority's annual report</p>");

        Assert.Contains("The figures come from the harbour authority", text);
    }

    [Fact]
    public void Numbers_the_items_of_an_ordered_list_as_the_page_shows_them()
    {
        var steps =
            "<p>The council set out what happens next:</p><ol><li>The plan goes out for public comment until the end of March.</li>" +
            "<li><p>Engineers survey the seabed by the old quay.</p></li><li>Building starts next spring.</li></ol>" +
            "<ol start=\"7\"><li>The new quays open to the fishing fleet.</li></ol>" +
            "<ol><li>1. Residents are offered new homes first.</li><li><span>2</span> Shops follow a year later.</li></ol>" +
            "<ul><li>The ferry keeps its present berth while the work goes on.</li></ul>";
        var lines = Extract(Story + steps).Split("\n\n");

        Assert.Contains("1. The plan goes out for public comment until the end of March.", lines);
        Assert.Contains("2. Engineers survey the seabed by the old quay.", lines);
        Assert.Contains("3. Building starts next spring.", lines);
        Assert.Contains("7. The new quays open to the fishing fleet.", lines);
        Assert.Contains("1. Residents are offered new homes first.", lines);
        Assert.Contains(lines, l => l.StartsWith("2") && l.Contains("Shops follow") && !l.StartsWith("2. 2"));
        Assert.Contains("The ferry keeps its present berth while the work goes on.", lines);
    }

    [Fact]
    public void Keeps_the_story_that_goes_on_after_a_related_label_in_its_middle()
    {
        var more = "<p>The harbour master said the first ships would use the new quays in the spring of 2028, after a season of trials with the pilot boats, the tugs and the ferry.</p>";
        var related = "<p>Related:</p><ul><li><a href=\"/old-port\">Five things to know about the old port</a></li></ul>";
        var story = Story + Story.Replace("council", "board") + Story.Replace("council", "assembly");
        var text = Extract(story + related + more);

        Assert.Contains("first ships would use the new quays", text);
        Assert.Contains("the council said in a statement.", text);

        var closing = "<p>Related:</p><ul><li><a href=\"/old-port\">Five things to know about the old port</a></li><li><a href=\"/ferry\">Ferry timetable changes</a></li></ul>";
        Assert.DoesNotContain("Ferry timetable changes", Extract(story + more + closing));
    }

    [Theory]
    [InlineData("If you liked this post you might also like:")]
    [InlineData("Related articles from the Harbour Times blog:")]
    [InlineData("You may be interested in the following topics as well:")]
    public void Drops_a_closing_section_under_a_label_of_several_words(string label)
    {
        var story = Story + Story.Replace("council", "board");
        var text = Extract(story + $"<p>{label}</p><ul><li>Five things to know about the old port and its fishing fleet</li><li>Ferry timetable changes for the winter season</li></ul>");

        Assert.DoesNotContain(label, text);
        Assert.DoesNotContain("Ferry timetable changes", text);
        Assert.Contains("The city board voted on Tuesday", text);
        Assert.EndsWith("the board said in a statement.", text);
    }

    [Fact]
    public void Takes_up_the_article_again_after_a_list_of_references_set_between_its_sections()
    {
        var text = Extract(Story + Story.Replace("council", "board") +
            "<h2>References</h2><ul><li>Harbour Authority, annual report for the year 2024.</li><li>City council, minutes of the meeting of 4 March.</li></ul>" +
            "<h2>What happens next</h2><p>The first contracts for the new quays go out to tender in the autumn, and the council expects the diggers on site before the end of next spring.</p>");

        Assert.Contains("The first contracts for the new quays go out to tender", text);
        Assert.DoesNotContain("annual report for the year 2024", text);
        Assert.DoesNotContain("minutes of the meeting", text);
    }
}
