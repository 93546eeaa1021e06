using System.Text;
using Storyfold.Feeds;

namespace Storyfold.Tests.Feeds;

public sealed class FeedParserTests
{
    private static ParsedFeed ParseOk(string text, out IReadOnlyList<string> warnings, Uri? url = null)
    {
        var result = FeedParser.Parse(Encoding.UTF8.GetBytes(text), null, url);
        Assert.True(result.Feed is not null, result.Error);
        warnings = result.Warnings;
        return result.Feed;
    }

    [Fact]
    public void Reads_rss_content_encoded_dc_creator_and_enclosures()
    {
        const string rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Harbour News</title><link>https://harbour.example/</link><language>en-gb</language>
            <item>
              <title>Ferry terminal approved</title>
              <link>https://harbour.example/news/ferry</link>
              <guid isPermaLink="false">harbour-1234</guid>
              <dc:creator>Ann Writer</dc:creator>
              <pubDate>Mon, 23 Nov 2026 08:30:00 GMT</pubDate>
              <description>Short teaser.</description>
              <content:encoded><![CDATA[<p>The harbour authority approved the terminal.</p><p>Work starts in spring.</p>]]></content:encoded>
              <enclosure url="https://harbour.example/media/ferry.jpg" type="image/jpeg" length="12345"/>
            </item>
            </channel></rss>
            """;
        var feed = ParseOk(rss, out var warnings);

        Assert.Empty(warnings);
        Assert.Equal(FeedFormat.Rss, feed.Format);
        Assert.Equal("Harbour News", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal("harbour-1234", item.Guid);
        Assert.False(item.GuidIsPermaLink);
        Assert.Equal("Ann Writer", item.Author);
        Assert.Equal("https://harbour.example/news/ferry", item.Link);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero), item.Published!.Value.Value);
        Assert.Contains("Work starts in spring.", item.ContentHtml, StringComparison.Ordinal);
        var enclosure = Assert.Single(item.Enclosures);
        Assert.Equal(("https://harbour.example/media/ferry.jpg", "image/jpeg", 12345L), (enclosure.Url, enclosure.MediaType, enclosure.Length!.Value));
        Assert.Equal("en-gb", item.Language);
    }

    [Fact]
    public void Reads_atom_with_html_and_xhtml_content_and_relative_links()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://valley.example/blog/">
              <title type="html">Valley &lt;em&gt;Times&lt;/em&gt;</title>
              <link rel="alternate" href="https://valley.example/"/>
              <author><name>Desk</name></author>
              <entry>
                <id>tag:valley.example,2026:frost</id>
                <title>Early frost</title>
                <link rel="alternate" type="text/html" href="posts/frost"/>
                <link rel="enclosure" href="/audio/frost.mp3" type="audio/mpeg" length="99"/>
                <published>2026-11-22T06:00:00+01:00</published>
                <updated>2026-11-22T09:00:00+01:00</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Frost hit the <b>orchards</b>.</p></div></content>
              </entry>
              <entry>
                <id>tag:valley.example,2026:bus</id>
                <title type="text">Night buses</title>
                <link href="https://valley.example/bus"/>
                <updated>2026-11-21T10:00:00Z</updated>
                <summary type="html">&lt;p&gt;Buses run later.&lt;/p&gt;</summary>
                <author><name>Bo Reporter</name></author>
              </entry>
            </feed>
            """;
        var feed = ParseOk(atom, out _);

        Assert.Equal(FeedFormat.Atom, feed.Format);
        Assert.Equal("Valley Times", feed.Title);
        Assert.Equal(2, feed.Items.Count);
        var frost = feed.Items[0];
        Assert.Equal("https://valley.example/blog/posts/frost", frost.Link);
        Assert.Equal("Desk", frost.Author);
        Assert.Contains("<b>orchards</b>", frost.ContentHtml, StringComparison.Ordinal);
        Assert.Equal("https://valley.example/audio/frost.mp3", Assert.Single(frost.Enclosures).Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 5, 0, 0, TimeSpan.Zero), frost.Published!.Value.Value.ToUniversalTime());
        var bus = feed.Items[1];
        Assert.Equal("Bo Reporter", bus.Author);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), bus.Published!.Value.Value);
        Assert.Contains("<p>Buses run later.</p>", bus.SummaryHtml, StringComparison.Ordinal);
        Assert.False(bus.HasFullContent);
    }

    [Fact]
    public void Reads_json_feed_1_1()
    {
        const string json = """
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "Island Air Watch",
              "home_page_url": "https://island.example/",
              "language": "en",
              "authors": [{"name": "Feed Desk"}],
              "items": [
                {"id": 1, "url": "/flights/resume", "title": "Flights resume",
                 "content_html": "<p>The airline resumes flights.</p>", "date_published": "2026-11-20T12:00:00Z",
                 "authors": [{"name": "Cy Pilot"}], "attachments": [{"url": "https://island.example/a.pdf", "mime_type": "application/pdf", "size_in_bytes": 10}]},
                {"id": "two", "external_url": "https://other.example/x", "content_text": "Plain body.", "date_modified": "2026-11-21"}
              ]
            }
            """;
        var feed = ParseOk(json, out var warnings);

        Assert.Empty(warnings);
        Assert.Equal(FeedFormat.JsonFeed, feed.Format);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal("1", feed.Items[0].Guid);
        Assert.Equal("https://island.example/flights/resume", feed.Items[0].Link);
        Assert.Equal("Cy Pilot", feed.Items[0].Author);
        Assert.Single(feed.Items[0].Enclosures);
        Assert.Equal("Plain body.", feed.Items[1].ContentText);
        Assert.Equal("Feed Desk", feed.Items[1].Author);
        Assert.Equal(new DateOnly(2026, 11, 21), feed.Items[1].Published!.Value.Day);
    }

    [Theory]
    [InlineData("Tue, 23 Nov 2026 10:00:00 +0000")] // wrong weekday (it is a Monday)
    [InlineData("Mon, 23 Nov 2026 05:00:00 EST")]
    [InlineData("23 Nov 2026 10:00:00 GMT")]
    [InlineData("Monday, 23 November 2026 11:00:00 CET")]
    [InlineData("2026-11-23T10:00:00Z")]
    [InlineData("2026-11-23 10:00:00")]
    [InlineData("Mon, 23 Nov 2026 10:00 +0000 (UTC)")]
    public void Reads_dates_in_the_forms_feeds_use(string date)
    {
        var feed = ParseOk(Rss($"<pubDate>{date}</pubDate>"), out var warnings);

        Assert.Empty(warnings);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), feed.Items[0].Published!.Value.Value.ToUniversalTime());
    }

    [Fact]
    public void An_unreadable_date_is_left_empty_with_a_warning()
    {
        var feed = ParseOk(Rss("<pubDate>sometime last week</pubDate>"), out var warnings);

        Assert.Null(feed.Items[0].Published);
        Assert.Contains(warnings, w => w.Contains("unreadable date 'sometime last week'", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_in_titles_becomes_plain_text()
    {
        var feed = ParseOk(Rss("", title: "&lt;b&gt;Breaking:&lt;/b&gt; Q&amp;amp;A with the &lt;i&gt;mayor&lt;/i&gt;"), out _);

        Assert.Equal("Breaking: Q&A with the mayor", feed.Items[0].Title);
    }

    [Fact]
    public void Undeclared_namespace_prefixes_are_declared_with_a_warning()
    {
        const string rss = "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title><dc:creator>Di</dc:creator>" +
            "<content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded><media:thumbnail url=\"https://x.example/t.jpg\"/></item></channel></rss>";
        var feed = ParseOk(rss, out var warnings);

        Assert.Equal("Di", feed.Items[0].Author);
        Assert.Equal("<p>Body</p>", feed.Items[0].ContentHtml);
        Assert.Contains(warnings, w => w.Contains("undeclared namespace prefix", StringComparison.Ordinal) && w.Contains("dc", StringComparison.Ordinal));
    }

    [Fact]
    public void Bare_ampersands_and_html_entities_are_repaired_with_a_warning()
    {
        var feed = ParseOk(Rss("<description>Fish & chips&nbsp;for &eacute;lite readers</description>", title: "Q & A"), out var warnings);

        Assert.Equal("Q & A", feed.Items[0].Title);
        Assert.Contains("Fish & chips\u00A0for \u00E9lite", feed.Items[0].SummaryHtml, StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.StartsWith("not well-formed XML", StringComparison.Ordinal));
    }

    [Fact]
    public void A_feed_broken_part_way_keeps_the_items_before_the_break()
    {
        var text = FeedFixtures.Rss("Cut", 1, 2, 3);
        var cut = text[..text.LastIndexOf("<item>", StringComparison.Ordinal)] + "<item><title>Half an ite";
        var feed = ParseOk(cut, out var warnings);

        Assert.Equal(2, feed.Items.Count);
        Assert.Contains(warnings, w => w.Contains("kept the 2 item(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Undeclared_windows_1252_is_read_as_windows_1252_with_a_warning()
    {
        var rss = Rss("<description>Caf\u00E9 \u201Cquotes\u201D</description>", title: "Se\u00F1or", declaration: "<?xml version=\"1.0\"?>");
        var bytes = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(rss);

        var result = FeedParser.Parse(bytes);

        Assert.NotNull(result.Feed);
        Assert.Equal("Se\u00F1or", result.Feed.Items[0].Title);
        Assert.Contains("\u201Cquotes\u201D", result.Feed.Items[0].SummaryHtml, StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Contains("Windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Undeclared_gb18030_is_read_as_gb18030_with_a_warning()
    {
        var rss = Rss("<description>港口扩建计划获批，市议会周一投票通过。工程将于夏季开工，预计两年完成。</description>", title: "港口扩建计划获批", declaration: "<?xml version=\"1.0\"?>");
        var bytes = System.Text.CodePagesEncodingProvider.Instance.GetEncoding("gb18030")!.GetBytes(rss);

        var result = FeedParser.Parse(bytes);

        Assert.NotNull(result.Feed);
        Assert.Equal("港口扩建计划获批", result.Feed.Items[0].Title);
        Assert.Contains(result.Warnings, w => w.Contains("read as gb18030", StringComparison.Ordinal));
    }

    [Fact]
    public void Utf8_labelled_as_latin1_is_read_as_utf8()
    {
        var rss = Rss("", title: "Z\u00FCrich \u2013 M\u00FCnchen", declaration: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");

        var result = FeedParser.Parse(Encoding.UTF8.GetBytes(rss));

        Assert.Equal("Z\u00FCrich \u2013 M\u00FCnchen", result.Feed!.Items[0].Title);
        Assert.Contains(result.Warnings, w => w.Contains("is UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Declared_latin1_is_honoured()
    {
        var rss = Rss("", title: "S\u00E3o Paulo", declaration: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");

        var result = FeedParser.Parse(Encoding.Latin1.GetBytes(rss));

        Assert.Equal("S\u00E3o Paulo", result.Feed!.Items[0].Title);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><catalog><book>Not a feed</book></catalog>", "not a feed")]
    [InlineData("{\"id\": 1, \"text\": \"a JSON object that is not a feed\"}", "not a feed")]
    [InlineData("", "empty document")]
    [InlineData("<rss><channel><title>x</title><item><title>broken &", "not well-formed")]
    public void Documents_that_are_not_feeds_are_refused_with_a_reason(string text, string reason)
    {
        var result = FeedParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Feed);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sniffing_tells_feeds_from_other_xml_and_json()
    {
        Assert.Equal(FeedFormat.Rss, FeedSniffer.Detect("<?xml version=\"1.0\"?>\n<!-- c --><?xml-stylesheet href=\"s.xsl\"?><rss>"u8));
        Assert.Equal(FeedFormat.Rss, FeedSniffer.Detect("<rdf:RDF xmlns:rdf=\"x\">"u8));
        Assert.Equal(FeedFormat.Atom, FeedSniffer.Detect("\uFEFF<feed xmlns=\"http://www.w3.org/2005/Atom\">"u8));
        Assert.Equal(FeedFormat.JsonFeed, FeedSniffer.Detect("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"u8));
        Assert.Null(FeedSniffer.Detect("<html><body></body></html>"u8));
        Assert.Null(FeedSniffer.Detect("{\"version\": 2}"u8));
    }

    [Fact]
    public void Rss_1_rdf_items_use_rdf_about_as_their_guid()
    {
        const string rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link></channel>
              <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2026-11-01T10:00:00Z</dc:date></item>
            </rdf:RDF>
            """;
        var feed = ParseOk(rdf, out _);

        Assert.Equal("https://r.example/1", Assert.Single(feed.Items).Guid);
        Assert.Equal(new DateOnly(2026, 11, 1), feed.Items[0].Published!.Value.Day);
    }

    private static string Rss(string extra, string title = "An item", string declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>") =>
        $"{declaration}\n<rss version=\"2.0\"><channel><title>Feed</title><link>https://f.example/</link>" +
        $"<item><title>{title}</title><link>https://f.example/a</link>{extra}</item></channel></rss>";
}
