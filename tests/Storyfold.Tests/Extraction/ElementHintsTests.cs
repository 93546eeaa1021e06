using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Storyfold.Extraction;

namespace Storyfold.Tests.Extraction;

public sealed class ElementHintsTests
{
    private static int NamesHint(string classes)
    {
        var document = new HtmlParser().ParseDocument($"<div class=\"{classes}\"></div>");
        return ElementHints.OfNames((Element)document.QuerySelector("div")!);
    }

    [Theory]
    [InlineData("sr-only", true)]
    [InlineData("card Visually-Hidden", true)]
    [InlineData("card\n\thidden", true)]
    [InlineData("hidden-xs card", false)]
    [InlineData("unhide card", false)]
    public void Reads_a_hiding_utility_class_as_a_whole_word_in_any_case_between_any_spaces(string classes, bool hidden)
    {
        var document = new HtmlParser().ParseDocument($"<div class=\"{classes}\"></div>");
        Assert.Equal(hidden, ElementHints.IsHiddenByClass((Element)document.QuerySelector("div")!));
    }

    [Theory]
    [InlineData("call-to-action", true)]
    [InlineData("wp-block-Call_To_Action box", true)]
    [InlineData("sectionCallToAction", true)]
    [InlineData("c-call-to-action__inner", true)]
    [InlineData("call-to-arms", false)]
    [InlineData("recall to action", false)]
    public void Reads_a_call_to_action_in_a_class_however_its_words_are_joined(string classes, bool pitch) =>
        Assert.Equal(pitch, NamesHint(classes) < 0);

    [Fact]
    public void Scores_the_same_class_names_the_same_on_every_element_and_page()
    {
        // The score of a class string is remembered; a heading's reading of "header" must not leak to a plain box.
        Assert.True(NamesHint("site-header") < 0);
        var heading = (Element)new HtmlParser().ParseDocument("<h2 class=\"site-header\"></h2>").QuerySelector("h2")!;
        Assert.Equal(0, ElementHints.OfNames(heading, heading: true));
        Assert.True(NamesHint("site-header") < 0);
    }

    [Theory]
    [InlineData("css-ad12f3")]
    [InlineData("sc-1a2b3c ad4e5f")]
    [InlineData("post__body_ad09be")]
    public void Reads_no_hint_words_in_the_hashes_of_generated_class_names(string classes) =>
        Assert.True(NamesHint(classes) >= 0, $"'{classes}' was read as boilerplate");

    [Theory]
    [InlineData("pw-post-body 08ad")]
    [InlineData("ch 3ad")]
    [InlineData("x7ads")]
    public void Reads_no_hint_words_in_letters_that_follow_digits(string classes) =>
        Assert.True(NamesHint(classes) >= 0, $"'{classes}' was read as boilerplate");

    [Theory]
    [InlineData("ad-slot")]
    [InlineData("css-ad12f3 related-stories")]
    [InlineData("ads2")]
    public void Still_reads_boilerplate_words_beside_generated_hashes(string classes) =>
        Assert.Equal(-ElementHints.Strong, NamesHint(classes));

    [Theory]
    [InlineData("sidebar-left")]
    [InlineData("sidebar-nonetheless")]
    [InlineData("share-enabled")]
    public void Still_reads_a_hint_word_whose_setting_is_not_off(string classes) => Assert.Equal(-ElementHints.Strong, NamesHint(classes));

    [Theory]
    [InlineData("<section class=\"toc-para\" id=\"toc_19426\"></section>")]
    [InlineData("<div class=\"cws-jump-section\"></div>")]
    public void Reads_toc_and_jump_on_a_section_as_a_part_the_contents_list_jumps_to(string html) =>
        Assert.Equal(0, ElementHints.OfNames((Element)new HtmlParser().ParseDocument(html).Body!.FirstElementChild!));

    [Theory]
    [InlineData("<div class=\"toc-para\"></div>")]
    [InlineData("<div class=\"jump-links\"></div>")]
    public void Still_reads_toc_and_jump_elsewhere_as_the_contents_list(string html) =>
        Assert.Equal(-1, ElementHints.OfNames((Element)new HtmlParser().ParseDocument(html).Body!.FirstElementChild!));

    [Theory]
    [InlineData("kg-card kg-callout-card kg-callout-card-yellow")]
    [InlineData("card card-callout card-callout-lightbulb")]
    public void Reads_a_card_that_is_a_callout_as_no_teaser(string classes) => Assert.Equal(0, NamesHint(classes));

    [Theory]
    [InlineData("kg-card kg-bookmark-card")]
    [InlineData("teaser-card")]
    public void Still_reads_a_card_that_is_no_callout_as_a_teaser(string classes) => Assert.Equal(-1, NamesHint(classes));

    [Theory]
    [InlineData("hide-from-toc no-link")]
    [InlineData("no-sidebar")]
    [InlineData("content has-no-toc")]
    [InlineData("page sidebar-none")]
    [InlineData("blog-article__main sidebar-enabled--false content")]
    [InlineData("meta-disabled")]
    public void Reads_no_hint_word_that_the_class_negates(string classes) =>
        Assert.True(NamesHint(classes) >= 0, $"'{classes}' was read as boilerplate");

    [Theory]
    [InlineData("sidebar-no-padding")]
    [InlineData("toc")]
    public void Still_reads_a_hint_word_that_no_negation_precedes(string classes) =>
        Assert.True(NamesHint(classes) < 0, $"'{classes}' was not read as boilerplate");

    [Theory]
    [InlineData("call-to-action")]
    [InlineData("wprm-call_to_action-simple")]
    [InlineData("CallToActionLarge_callout__j_g7m")]
    public void Reads_a_call_to_action_box_as_a_weak_hint_however_its_words_are_joined(string classes) =>
        Assert.Equal(-1, NamesHint(classes));

    [Theory]
    [InlineData("callout")]
    [InlineData("action-plan")]
    public void Reads_no_call_to_action_in_a_part_of_the_phrase(string classes) =>
        Assert.Equal(0, NamesHint(classes));

    [Theory]
    [InlineData("<h2 class=\"et_pb_module_header\">Costs</h2>", "h2", 0)]
    [InlineData("<h3 class=\"recipe__tips-header\">Tips</h3>", "h3", 0)]
    [InlineData("<div class=\"site-header\">Harbour Times</div>", "div", -1)]
    [InlineData("<div class=\"section-header\">Costs</div>", "div", -1)]
    [InlineData("<h2 class=\"product-title toc\">Costs</h2>", "h2", 0)]
    [InlineData("<div class=\"toc\">Costs</div>", "div", -1)]
    public void Reads_header_or_toc_in_a_class_as_boilerplate_except_on_a_heading(string html, string tag, int expected)
    {
        var element = (Element)new HtmlParser().ParseDocument(html).QuerySelector(tag)!;
        Assert.Equal(expected, ElementHints.Of(element, tag).Hint);
    }

    [Theory]
    [InlineData("accordion-wrap pane-header-alignment-left", 0)]
    [InlineData("toc-container-direction-column", 0)]
    [InlineData("site-header header-style-2", -1)]
    [InlineData("share-bar-align-right", -ElementHints.Strong)]
    public void Reads_no_weak_hint_word_in_a_class_that_names_a_layout_setting(string classes, int expected) =>
        Assert.Equal(expected, NamesHint(classes));

    [Theory]
    [InlineData("<article><section><header><h2>Costs</h2></header></section></article>", 0)]
    [InlineData("<article><section><header><h1>Council backs harbour plan</h1></header></section></article>", -1)]
    [InlineData("<article><section><header><h2>Quay Cafe</h2><p>Harbour Road</p></header></section></article>", -1)]
    [InlineData("<section><header><h2>Costs</h2></header></section>", -1)]
    public void Reads_a_header_that_only_heads_a_section_of_the_article_as_no_hint(string html, int expected)
    {
        var element = (Element)new HtmlParser().ParseDocument(html).QuerySelector("header")!;
        Assert.Equal(expected, ElementHints.Of(element, "header").Hint);
    }
}
