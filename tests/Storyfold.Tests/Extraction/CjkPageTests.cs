using Storyfold.Extraction;

namespace Storyfold.Tests.Extraction;

/// <summary>
/// Chinese news pages as portals lay them out: a line of particulars under the headline (date in 年月日, source, reporter),
/// an editor's line under the story, an agency's dateline with its reporters; and Korean bylines. The date and the
/// writers come from them, and the lines of particulars are not article text.
/// </summary>
public sealed class CjkPageTests
{
    private static readonly PageExtractor Extractor = new();

    private const string Story =
        "<p>外交部发言人25日宣布：应国家主席邀请，白俄罗斯总统将于2月28日至3月2日对中国进行国事访问。</p>" +
        "<p>记者从外交部获悉，两国外长24日通电话，表示愿深化政治互信，推进各领域务实合作。</p>" +
        "<p>去年9月，两国元首宣布将两国关系提升为全天候全面战略伙伴关系。分析人士认为，此访将为两国关系注入新的动力。</p>";

    private static ExtractedPage Extract(string particulars, string after = "", string lead = "")
    {
        var html =
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>白俄罗斯总统将对中国进行国事访问</title></head><body>" +
            "<div class=\"nav\"><a href=\"/\">首页</a> | <a href=\"/news\">新闻</a> | <a href=\"/world\">国际</a></div>" +
            $"<div class=\"article\"><h1>白俄罗斯总统将对中国进行国事访问</h1><div class=\"info\">{particulars}</div><div class=\"content\">{lead}{Story}{after}</div></div>" +
            "<div class=\"related\"><h3>相关新闻</h3><ul><li><a href=\"/a1\">两国签署多项合作文件</a></li><li><a href=\"/a2\">外交部欢迎来访</a></li></ul></div>" +
            "</body></html>";
        var result = Extractor.Extract(html, null);
        Assert.True(result.Page is not null, result.Problem);
        return result.Page!;
    }

    [Theory]
    [InlineData("<span>2023年02月25日 18:32</span> <span>来源：示例通讯社</span> <span>记者 王小明</span>", "2023-02-25", new[] { "王小明" })]
    [InlineData("<span>发布时间：2023年2月5日</span> <span>作者：王小明、李华</span>", "2023-02-05", new[] { "王小明", "李华" })]
    [InlineData("<p>新华社记者：张伟 刘洋</p><p>2023 年 2 月 25 日</p>", "2023-02-25", new[] { "张伟", "刘洋" })]
    [InlineData("<span>文/阿卜杜拉·艾力</span> <span>2023-02-25 09:00</span>", "2023-02-25", new[] { "阿卜杜拉·艾力" })]
    [InlineData("<span>2023年2月25日</span> <span>来源：新华网</span>", "2023-02-25", new string[0])]
    public void Reads_date_and_writers_from_the_line_of_particulars_and_leaves_it_out_of_the_text(string particulars, string day, string[] authors)
    {
        var page = Extract(particulars);

        Assert.Equal(day, page.Published?.ToIso()[..10]);
        Assert.Equal(authors, page.Authors);
        Assert.StartsWith("外交部发言人25日宣布", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("来源", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("2023", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_the_editor_s_line_out_and_does_not_take_the_editor_for_the_writer()
    {
        var page = Extract("<span>2023年02月25日</span>", "<p>（责任编辑：张三）</p>");

        Assert.Empty(page.Authors);
        Assert.DoesNotContain("张三", page.Text, StringComparison.Ordinal);
        Assert.EndsWith("此访将为两国关系注入新的动力。", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_a_sentence_that_opens_with_the_word_for_reporter()
    {
        var page = Extract("<span>2023年02月25日</span>");

        // "记者从外交部获悉，……" (the reporter learned from the ministry that ...) is a sentence of the story, not a byline.
        Assert.Contains("记者从外交部获悉", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023年02月25日 18:32 来源：新华网", true)]
    [InlineData("责任编辑：张三", true)]
    [InlineData("（记者 王小明）", true)]
    [InlineData("文/李华", true)]
    [InlineData("记者从外交部获悉，两国外长通电话。", false)]
    [InlineData("在记者会上，他表示欢迎来访", false)]
    [InlineData("来源：国家统计局。数据显示，一季度增长5%。", false)]
    [InlineData("Source: Reuters", false)]
    public void Tells_a_line_of_particulars_from_a_sentence(string text, bool byline)
    {
        Assert.Equal(byline, ArticleText.IsCjkByline(text));
    }

    [Theory]
    [InlineData("记者 王小明 来源：新华网", new[] { "王小明" })]
    [InlineData("本报记者 王小明 李华", new[] { "王小明", "李华" })]
    [InlineData("作者：王小明，李华", new[] { "王小明", "李华" })]
    [InlineData("责任编辑：张三", new string[0])]
    [InlineData("在记者会上表示，欢迎来访", new string[0])]
    [InlineData("文艺工作者王小明", new string[0])]
    public void Names_the_writers_of_a_chinese_byline(string text, string[] names)
    {
        Assert.Equal(names, Bylines.CjkAuthors(text));
    }

    [Theory]
    [InlineData("2023年02月25日 18:32", "2023-02-25")]
    [InlineData("发布于 2023 年 2 月 5 日", "2023-02-05")]
    [InlineData("2023年2月25号", "2023-02-25")]
    [InlineData("2023년 2월 25일", "2023-02-25")]
    [InlineData("2023年2月30日", null)]
    [InlineData("12023年2月25日", null)]
    public void Reads_dates_written_with_year_month_and_day_characters(string text, string? day)
    {
        Assert.Equal(day, TextDates.FindInText(text)?.ToIso()[..10]);
        Assert.Null(TextDates.OtherReading(text, monthFirst: true));
    }

    [Theory]
    [InlineData("卢卡申科将对中国进行国事访问_新闻中心_示例网", "卢卡申科将对中国进行国事访问")]
    [InlineData("习近平会见白俄罗斯总统-新华网", "习近平会见白俄罗斯总统")]
    [InlineData("习近平会见白俄罗斯总统--国际--人民网", "习近平会见白俄罗斯总统")]
    [InlineData("习近平会见白俄罗斯总统|央视网", "习近平会见白俄罗斯总统")]
    [InlineData("中白关系——开启新篇章", "中白关系——开启新篇章")]
    [InlineData("新冠-19疫情最新进展", "新冠-19疫情最新进展")]
    [InlineData("Council_backs_harbour_plan", "Council_backs_harbour_plan")]
    public void Takes_the_channel_and_site_off_a_chinese_portal_s_title(string declared, string headline)
    {
        Assert.Equal(headline, TitleFinder.RemoveSiteSuffix(declared, siteName: null));
    }

    [Fact]
    public void A_page_without_a_heading_gets_its_title_element_without_the_portal_s_suffix()
    {
        const string html =
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>白俄罗斯总统将对中国进行国事访问_国际新闻_示例网</title></head><body>" +
            $"<div class=\"article\"><div class=\"content\">{Story}</div></div></body></html>";

        var page = Extractor.Extract(html, null).Page!;

        Assert.Equal("白俄罗斯总统将对中国进行国事访问", page.Title);
    }

    [Theory]
    [InlineData("白俄罗斯总统将对中国进行国事访问_国际新闻_示例网", null, "示例网")]
    [InlineData("白俄罗斯总统将对中国进行国事访问--国际--人民网", "https://world.people.example/n1/2023/0228/c1002.html", "人民网")]
    [InlineData("白俄罗斯总统将对中国进行国事访问|央视网", null, "央视网")]
    [InlineData("白俄罗斯总统将对中国进行国事访问_国际新闻", null, null)]
    [InlineData("白俄罗斯总统将对中国进行国事访问_国际新闻", "https://news.example.cn/world/1.html", "news.example.cn")]
    public void Names_the_site_from_the_outlet_a_portal_s_title_ends_in(string declared, string? url, string? site)
    {
        var html =
            $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{declared}</title></head><body>" +
            $"<div class=\"article\"><h1>白俄罗斯总统将对中国进行国事访问</h1><div class=\"content\">{Story}</div></div></body></html>";

        var page = Extractor.Extract(html, url).Page!;

        Assert.Equal("白俄罗斯总统将对中国进行国事访问", page.Title);
        Assert.Equal(site, page.SiteName);
    }

    [Theory]
    [InlineData("新华社北京2月28日电（记者王小明、李华）国家主席习近平28日在人民大会堂同白俄罗斯总统举行会谈。", new[] { "王小明", "李华" })]
    [InlineData("中新网3月1日电 (记者 张伟) 白俄罗斯总统结束访问。", new[] { "张伟" })]
    [InlineData("新华社北京2月28日电 国家主席习近平28日在人民大会堂同白俄罗斯总统举行会谈。", new string[0])]
    [InlineData("他在发布会上说电（记者会）将推迟举行。", new string[0])]
    public void Names_the_reporters_an_agency_s_dateline_gives_in_brackets(string text, string[] names)
    {
        Assert.Equal(names, Bylines.CjkWireAuthors(text));
    }

    [Fact]
    public void A_story_that_opens_with_an_agency_s_dateline_takes_its_reporters_as_writers()
    {
        var page = Extract("<span>2023年02月28日</span>");
        var wire = Extract("", lead: "<p>新华社北京2月28日电（记者王小明、李华）国家主席习近平28日在人民大会堂同来访的白俄罗斯总统卢卡申科举行会谈。两国元首一致同意深化全天候全面战略伙伴关系。</p>");

        Assert.Empty(page.Authors);
        Assert.Equal(["王小明", "李华"], wire.Authors);
        Assert.StartsWith("新华社北京2月28日电（记者王小明、李华）国家主席习近平", wire.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("김철수 기자 kim@example.com", new[] { "김철수" })]
    [InlineData("김철수·이영희 기자", new[] { "김철수", "이영희" })]
    [InlineData("(서울=연합뉴스) 김철수 기자 = 시진핑 중국 국가주석은 28일 베이징에서 루카셴코 벨라루스 대통령과 회담했다.", new[] { "김철수" })]
    [InlineData("한 기자가 회담장에서 질문을 던졌다.", new string[0])]
    [InlineData("현장에 있던 기자들은 회담이 길어졌다고 전했다.", new string[0])]
    public void Names_the_reporters_of_a_korean_byline(string text, string[] names)
    {
        Assert.Equal(names, Bylines.KoreanAuthors(text));
    }

    [Fact]
    public void A_korean_page_takes_its_writer_from_the_byline_and_leaves_the_line_out()
    {
        const string html =
            "<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>시진핑, 루카셴코와 정상회담</title></head><body>" +
            "<div class=\"article\"><h1>시진핑, 루카셴코와 정상회담</h1><p>김철수 기자 kim@example.com</p><p>입력 2023년 2월 28일 18:32</p>" +
            "<p>시진핑 중국 국가주석은 28일 베이징 인민대회당에서 국빈 방문 중인 알렉산드르 루카셴코 벨라루스 대통령과 정상회담을 했다.</p>" +
            "<p>두 정상은 양국의 전천후 포괄적 전략 동반자 관계를 심화하기로 합의했다고 중국 관영 매체가 전했다.</p>" +
            "<p>루카셴코 대통령의 이번 방문은 러시아의 우크라이나 침공 이후 서방의 제재가 이어지는 가운데 이뤄졌다.</p></div></body></html>";

        var page = Extractor.Extract(html, null).Page!;

        Assert.Equal(["김철수"], page.Authors);
        Assert.Equal("2023-02-28", page.Published?.ToIso()[..10]);
        Assert.StartsWith("시진핑 중국 국가주석은", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("kim@example.com", page.Text, StringComparison.Ordinal);
    }
}
