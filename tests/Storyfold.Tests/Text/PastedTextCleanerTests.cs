using Storyfold.Text;

namespace Storyfold.Tests.Text;

public sealed class PastedTextCleanerTests
{
    private const string Body1 = "The harbour authority closed the northern quay on Monday after a crane collapsed during the night shift.";
    private const string Body2 = "Nobody was hurt, a spokeswoman said, but cargo handling will stay suspended until inspectors finish their work.";
    private const string Body3 = "Shipping lines said they would divert vessels to the southern terminal in the meantime.";

    private static CleanedText Clean(params string[] lines) => PastedTextCleaner.Clean(string.Join("\n", lines));

    private static void AssertBodyIs(CleanedText cleaned, params string[] expected) => Assert.Equal(expected, cleaned.Paragraphs);

    [Fact]
    public void Takes_a_headline_line_as_the_title()
    {
        var cleaned = Clean("Crane collapse shuts northern quay at Port Vell", Body1, Body2);
        Assert.Equal("Crane collapse shuts northern quay at Port Vell", cleaned.Title);
        AssertBodyIs(cleaned, Body1, Body2);
    }

    [Theory]
    [InlineData("BARCELONA (Reuters) - " + Body1, "Reuters")]
    [InlineData("BARCELONA, Spain (AP) — " + Body1, "Associated Press")]
    [InlineData("(CNN)— " + Body1, "CNN")]
    [InlineData("BARCELONA (Harbour Weekly) — " + Body1, "Harbour Weekly")]
    public void Takes_the_outlet_from_a_wire_dateline(string lead, string outlet)
    {
        var cleaned = Clean("Crane collapse shuts northern quay", lead, Body2);
        Assert.Equal(outlet, cleaned.Outlet);
        Assert.Equal("Crane collapse shuts northern quay", cleaned.Title);
    }

    [Fact]
    public void Takes_the_outlet_from_a_label_above_the_story()
    {
        // As pasted from a page that sets place, outlet and dash on lines of their own.
        var cleaned = Clean("barcelona", "", "Reuters", "", "—", "", Body1, Body2);
        Assert.Equal("Reuters", cleaned.Outlet);
        AssertBodyIs(cleaned, Body1, Body2);
    }

    [Theory]
    [InlineData("Prices rose (slightly) — analysts said the quay would reopen soon.")]
    [InlineData("Officials (including the mayor) - visited the quay on Monday morning.")]
    [InlineData("(Photo) — " + Body1)]
    public void Brackets_in_an_ordinary_sentence_name_no_outlet(string lead)
    {
        Assert.Null(Clean("Crane collapse shuts northern quay", lead, Body2).Outlet);
        Assert.Null(Clean("World", "Crane collapse shuts northern quay", Body1).Outlet);
    }

    [Fact]
    public void Leaves_the_title_empty_when_the_text_opens_with_a_sentence()
    {
        var cleaned = Clean(Body1, Body2);
        Assert.Equal("", cleaned.Title);
        AssertBodyIs(cleaned, Body1, Body2);
    }

    [Fact]
    public void Keeps_a_dek_under_the_headline_as_body()
    {
        var dek = "Inspectors expect to finish within a week, but shipping lines are already diverting vessels";
        var cleaned = Clean("Crane collapse shuts northern quay", dek, Body1);
        Assert.Equal("Crane collapse shuts northern quay", cleaned.Title);
        AssertBodyIs(cleaned, dek, Body1);
    }

    [Fact]
    public void A_headline_alone_is_the_text_not_a_title()
    {
        var cleaned = Clean("Crane collapse shuts northern quay at Port Vell");
        Assert.Equal("", cleaned.Title);
        AssertBodyIs(cleaned, "Crane collapse shuts northern quay at Port Vell");
    }

    [Theory]
    [InlineData("World")]
    [InlineData("Middle East & Africa")]
    [InlineData("Business | Markets")]
    [InlineData("EXCLUSIVE")]
    public void Drops_a_section_label_above_the_headline(string label)
    {
        var cleaned = Clean(label, "", "Crane collapse shuts northern quay at Port Vell", Body1, Body2);
        Assert.Equal("Crane collapse shuts northern quay at Port Vell", cleaned.Title);
        AssertBodyIs(cleaned, Body1, Body2);
    }

    [Fact]
    public void A_short_title_case_headline_under_a_section_label_is_still_the_title()
    {
        var cleaned = Clean("World", "Crane Shuts Quay", Body1);
        Assert.Equal("Crane Shuts Quay", cleaned.Title);
        AssertBodyIs(cleaned, Body1);
    }

    [Fact]
    public void Drops_stray_dateline_pieces_before_the_first_paragraph()
    {
        var cleaned = Clean("", "valletta", "", "AFP", "", "—", "", Body1, Body2);
        Assert.Equal("", cleaned.Title);
        AssertBodyIs(cleaned, Body1, Body2);
    }

    [Theory]
    [InlineData("Richard Roe 1am - 4am")]
    [InlineData("Maria Delgado 10:00am – 1pm")]
    [InlineData("Tom O'Neill 7pm to 10pm")]
    public void Drops_a_presenter_byline_with_show_times(string byline)
    {
        var cleaned = Clean(byline, "Crane collapse shuts northern quay", Body1);
        Assert.Equal("Crane collapse shuts northern quay", cleaned.Title);
        AssertBodyIs(cleaned, Body1);
    }

    [Fact]
    public void Drops_inline_read_more_links()
    {
        var cleaned = Clean(Body1, "Read more: Ferry strike called off after late-night talks", "Related: Storm warning issued for the coast", Body2);
        AssertBodyIs(cleaned, Body1, Body2);
    }

    [Fact]
    public void Drops_a_read_more_header_and_the_link_headlines_under_it()
    {
        var cleaned = Clean(Body1, Body2, "Read more:", "", "Ferry strike called off after late-night talks", "",
            "Storm warning issued for the coast", "", "Dockers vote on new pay offer", Body3);
        AssertBodyIs(cleaned, Body1, Body2, Body3);
    }

    [Fact]
    public void A_read_more_list_ends_at_the_next_sentence()
    {
        var cleaned = Clean(Body1, "You may also like", "Ferry strike called off", "Port reopens", Body2);
        AssertBodyIs(cleaned, Body1, Body2);
    }

    [Theory]
    [InlineData("For all the latest headlines, follow our Google News channel online or via the app.")]
    [InlineData("Follow us on Telegram")]
    [InlineData("Follow The Harbour Gazette on X")]
    [InlineData("Sign up for our newsletter")]
    [InlineData("Subscribe to our daily briefing and get the news in your inbox.")]
    [InlineData("Download the Coastal News app for breaking alerts")]
    [InlineData("Listen to this article")]
    [InlineData("Listen to this article 4 min")]
    [InlineData("5 min read")]
    [InlineData("Leave a Reply")]
    [InlineData("Your email address will not be published. Required fields are marked *")]
    [InlineData("Trending")]
    [InlineData("Exit mobile version")]
    [InlineData("Advertisement")]
    [InlineData("Story continues below advertisement")]
    [InlineData("Share this article")]
    [InlineData("Comments are closed.")]
    [InlineData("© 2024 Harbour Gazette Ltd. All rights reserved.")]
    [InlineData("Topics: shipping, ports, accidents")]
    [InlineData("Reporting by Ana Ruiz; Editing by Paul Kerr")]
    [InlineData("Updated 3 hours ago")]
    public void Drops_page_prompts_and_furniture(string prompt)
    {
        var cleaned = Clean(Body1, prompt, Body2);
        AssertBodyIs(cleaned, Body1, Body2);
    }

    [Theory]
    [InlineData("He said the company would follow the inspectors' advice.")]
    [InlineData("Reporters follow the candidate on Twitter, where she posts several times a day.")]
    [InlineData("Readers who subscribe to the port's alerts were warned on Sunday.")]
    [InlineData("More than 200 dockers walked out.")]
    [InlineData("Share prices of the operator fell 4% on Monday.")]
    [InlineData("Related talks with the union are due next week.")]
    [InlineData("See you in court, the union told the operator.")]
    [InlineData("The copyright dispute over the port's logo dates from 2019.")]
    [InlineData("Trending lower all week, cargo volumes hit a ten-year low.")]
    [InlineData("“We were lucky,” she said.")]
    [InlineData("Why?")]
    [InlineData("No one answered.")]
    public void Keeps_real_body_lines_that_look_a_little_like_furniture(string line)
    {
        var cleaned = Clean(Body1, line, Body2);
        AssertBodyIs(cleaned, Body1, line, Body2);
    }

    [Theory]
    [InlineData("Pictured: The collapsed crane on the northern quay")]
    [InlineData("Harbour master Joan Vidal (pictured) said the quay would reopen next week")]
    [InlineData("Port director Ana Ruiz (left) and union leader Marc Pons (right) at Monday's meeting")]
    [InlineData("Rescue crews at the quay on Monday. (AP Photo/Jordi Mas)")]
    [InlineData("Photo: Harbour Gazette")]
    [InlineData("Image caption, The crane fell across two berths")]
    [InlineData("The crane lies across the berth | Getty Images")]
    public void Sets_captions_apart_from_the_body(string caption)
    {
        var cleaned = Clean(Body1, caption, Body2);
        AssertBodyIs(cleaned, Body1, Body2);
        Assert.Equal([caption], cleaned.Captions);
    }

    [Fact]
    public void A_long_paragraph_that_mentions_a_picture_is_still_body()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("The harbour master (pictured in yesterday's edition) spoke at length about safety.", 8));
        var cleaned = Clean(Body1, paragraph);
        AssertBodyIs(cleaned, Body1, paragraph);
        Assert.Empty(cleaned.Captions);
    }

    [Theory]
    [InlineData("25 February 2023, 09:10 | Updated: 25 February 2023, 09:13", "2023-02-25")]
    [InlineData("March 3, 2024 at 5:12 p.m. EST", "2024-03-03T17:12:00-05:00")]
    [InlineData("Updated 5:12 PM EST, Sun March 3, 2024", "2024-03-03T17:12:00-05:00")]
    [InlineData("Published: 2024-03-03", "2024-03-03")]
    [InlineData("Mon 4 Mar 2024 06.00 GMT", "2024-03-04T06:00:00+00:00")]
    [InlineData("December 15th, 2008, 7:35 am", "2008-12-15")]
    [InlineData("2023年2月25日 09:10", "2023-02-25")]
    [InlineData("Posted 2/3/2009 11:11 PM", "2009-02-03")]
    [InlineData("Posted 2 / 3 / 2009 11:11 PM", "2009-02-03")]
    [InlineData("12 / 16 / 08 1:30 AM EST", "2008-12-16T01:30:00-05:00")]
    [InlineData("Last updated 13:26 14 / 09 / 2013", "2013-09-14")]
    [InlineData("On Tue, 16/08/2011-13:42", "2011-08-16")]
    [InlineData("12 / 23 / 12 06:03 PM ET", "2012-12-23")]
    [InlineData("Posted at 3:21 PM ET, 01 / 5 / 2011", "2011-01-05")]
    [InlineData("10:55 P. M. FEB. 2, 2009", "2009-02-02")]
    [InlineData("Published: 2012. 08. 08 09:01 AM", "2012-08-08")]
    [InlineData("Article posted on 08.07.2012", "2012-07-08")]
    [InlineData("August 8, 2012-4:43 pm", "2012-08-08")]
    [InlineData("Story Created: Aug 7, 2012 at 9:56 AM AKDT", "2012-08-07")]
    [InlineData("on Dec 23 2012, 5:03p", "2012-12-23")]
    [InlineData("Sat Nov 12 2011, 01:19 hrs", "2011-11-12")]
    [InlineData("8:05am UK, Monday 16 September 2013", "2013-09-16")]
    [InlineData("9 / 10 / 2010 @ 1:19PM", "2010-09-10")]
    [InlineData("Tuesday 28 April 2009 22. 34 BST", "2009-04-28T22:34:00+01:00")]
    [InlineData("Sunday, November 27-2005 at 16:12", "2005-11-27")]
    [InlineData("PUBLISHED FRIDAY, MARCH 8, 2013 AT 12:46 PM / UPDATED AT 12:48 PM", "2013-03-08")]
    [InlineData("FOR IMMEDIATE RELEASE July 13, 2009", "2009-07-13")]
    [InlineData("For immediate release: July 13, 2009", "2009-07-13")]
    [InlineData("POSTED: 1052 GMT (1852 HKT), April 10, 2007", "2007-04-10T10:52:00+00:00")]
    [InlineData("Updated 2315 GMT (0715 HKT) March 3, 2024", "2024-03-03T23:15:00+00:00")]
    [InlineData("Posted 2052 GMT, April 10, 2007", "2007-04-10T20:52:00+00:00")]
    [InlineData("Updated April 10, 2007 GMT", "2007-04-10")]
    [InlineData("April 10, 2007 1052 GMT", "2007-04-10T10:52:00+00:00")]
    [InlineData("Washington D. C., Jul 13, 2009 / 02:00 pm (CNA)", "2009-07-13")]
    [InlineData("BARCELONA, March 3, 2024 09:15 GMT (AFP)", "2024-03-03T09:15:00+00:00")]
    public void Reads_the_date_from_a_dateline_and_drops_the_line(string line, string expected)
    {
        var cleaned = Clean("Crane collapse shuts northern quay", line, Body1, Body2);
        Assert.Equal(expected, cleaned.Dateline?.ToIso());
        Assert.Equal("Crane collapse shuts northern quay", cleaned.Title);
        AssertBodyIs(cleaned, Body1, Body2);
    }

    [Theory]
    [InlineData("On March 3, 2024 the quay was closed.")]
    [InlineData("February 30, 2024")]
    [InlineData("Mayor 3 March 2024")]
    [InlineData("2 / 30 / 2009 11:11 PM")]
    [InlineData("The vote moved from 5/3/2009 to a later day.")]
    [InlineData("Approved for immediate release July 13, 2009")]
    [InlineData("The statement was not for immediate release July 13, 2009.")]
    [InlineData("POSTED: 1052 GMT (1852 HKT), April 10")]
    [InlineData("1952 GMT, April 10")]
    [InlineData("Crews arrived at 2045 GMT on Friday, April 10, 2007, and stayed.")]
    [InlineData("The Red Cross said, Jul 13, 2009 (CNA)")]
    [InlineData("Washington D. C., Jul 13, 2009 / 02:00 pm crews arrived (CNA)")]
    public void A_sentence_with_a_date_or_an_impossible_date_is_not_a_dateline(string line)
    {
        var cleaned = Clean(Body1, line, Body2);
        Assert.Null(cleaned.Dateline);
        Assert.Contains(line, cleaned.Paragraphs);
    }

    [Theory]
    [InlineData("05 / 02 / 2013")]
    [InlineData("11/09/2010")]
    [InlineData("Posted 05/02/2013 18:40 PM")]
    public void A_numeric_date_that_could_be_month_or_day_first_with_no_clock_or_zone_to_tell_is_no_dateline(string line)
    {
        // 05/02 is the 2nd of May in the United States and the 5th of February in Britain: no date beats a wrong one.
        Assert.Null(Clean(Body1, line, Body2).Dateline);
    }

    [Fact]
    public void Takes_the_author_from_a_by_line()
    {
        var cleaned = Clean("Crane collapse shuts northern quay", "By Ana Ruiz, Harbour Gazette", Body1);
        Assert.Equal("Ana Ruiz", cleaned.Byline);
        AssertBodyIs(cleaned, Body1);
    }

    [Fact]
    public void A_sentence_starting_with_by_is_body()
    {
        var line = "By Monday evening, the crane had been cut into sections.";
        var cleaned = Clean(Body1, line);
        Assert.Null(cleaned.Byline);
        AssertBodyIs(cleaned, Body1, line);
    }

    [Fact]
    public void Cleans_chinese_text_without_losing_its_headline_or_paragraphs()
    {
        var cleaned = Clean("新闻", "港口起重机倒塌 北码头暂停作业", "2024年3月4日 10:15", "周一凌晨，港口北码头一台起重机在夜班作业时倒塌。", "港务局发言人说，事故没有造成人员伤亡，但货物装卸将暂停。");
        Assert.Equal("港口起重机倒塌 北码头暂停作业", cleaned.Title);
        Assert.Equal("2024-03-04", cleaned.Dateline?.ToIso());
        AssertBodyIs(cleaned, "周一凌晨，港口北码头一台起重机在夜班作业时倒塌。", "港务局发言人说，事故没有造成人员伤亡，但货物装卸将暂停。");
    }

    [Fact]
    public void Drops_trailing_stray_pieces_but_keeps_a_short_closing_sentence()
    {
        var cleaned = Clean(Body1, "It was not the first time.", "Share", "Harbour Gazette", "—");
        AssertBodyIs(cleaned, Body1, "It was not the first time.");
    }

    [Fact]
    public void Collapses_odd_spacing_inside_lines()
    {
        var cleaned = Clean("The  harbour\u00A0authority   closed the quay.");
        AssertBodyIs(cleaned, "The harbour authority closed the quay.");
    }

    [Fact]
    public void A_display_title_is_the_lead_sentence_shortened_at_a_word()
    {
        Assert.Equal("The harbour authority closed the quay", PastedTextCleaner.DisplayTitleFromLead("The harbour authority closed the quay. More followed."));
        var longLead = string.Join(' ', Enumerable.Repeat("harbour", 40)) + ".";
        var shortened = PastedTextCleaner.DisplayTitleFromLead(longLead);
        Assert.EndsWith("…", shortened);
        Assert.True(shortened.Length <= 111);
    }
}
