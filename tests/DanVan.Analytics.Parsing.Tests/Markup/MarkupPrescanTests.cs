using DanVan.Analytics.Parsing.Markup;

namespace DanVan.Analytics.Parsing.Tests.Markup;

public sealed class MarkupPrescanTests
{
    [Fact]
    public void Run_JsonLdScript_IsCollectedAndOtherScriptBodiesAreCut()
    {
        const string page = "<html><head><title>Tiêu đề &amp; tin</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>" +
                            "<script>var a = '<p>không phải bài</p>';</script><style>.x{color:red}</style></head>" +
                            "<body><!-- quảng cáo --><svg><text>icon</text></svg><p>Nội dung</p></body></html>";
        MarkupPrescan result = MarkupPrescan.Run(page, 400, default);
        Assert.Equal(["{\"@type\":\"NewsArticle\"}"], result.JsonLd);
        Assert.Contains("<title>Tiêu đề &amp; tin</title>", result.Html, StringComparison.Ordinal);
        Assert.Contains("<p>Nội dung</p>", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("không phải bài", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("color:red", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("quảng cáo", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("icon", result.Html, StringComparison.Ordinal);
        Assert.False(result.Flattened);
        Assert.False(result.Truncated);
    }

    [Theory]
    [InlineData("text/template", "", true)]
    [InlineData("text/x-template", "", true)]
    [InlineData("text/template", "<p>{{ title }}</p>", false)] // a widget's skeleton with placeholders
    [InlineData("text/javascript", "", false)]
    public void Run_ScriptTemplateHoldingParagraphs_IsReadAsMarkup(string type, string extra, bool read)
    {
        string paragraphs = string.Concat(Enumerable.Range(1, 4).Select(i =>
            $"<p>Đoạn {i}: Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết phong trào thi đua Dân vận khéo, biểu dương các mô hình tiêu biểu ở cơ sở năm nay.</p>"));
        string page = $"<html><body><div itemprop=\"articleBody\"><script type='{type}'>{paragraphs}{extra}</script></div><p>Sau</p></body></html>";
        MarkupPrescan result = MarkupPrescan.Run(page, 400, default);
        Assert.Equal(read, result.Html.Contains("<div><p>Đoạn 1:", StringComparison.Ordinal));
        Assert.Equal(read, result.Html.Contains("năm nay.</p></div></div><p>Sau</p>", StringComparison.Ordinal));
        Assert.Equal(read, !result.Html.Contains("<script", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_NestingBeyondTheLimit_DropsTheDeepTagsButKeepsTheirText()
    {
        string page = string.Concat(Enumerable.Repeat("<div>", 50)) + "chữ" + string.Concat(Enumerable.Repeat("</div>", 50));
        MarkupPrescan result = MarkupPrescan.Run(page, 20, default);
        Assert.True(result.Flattened);
        Assert.Contains("chữ", result.Html, StringComparison.Ordinal);
        Assert.Equal(20, CountOf(result.Html, "<div>"));
        Assert.Equal(20, CountOf(result.Html, "</div>"));
    }

    [Fact]
    public void Run_UnclosedParagraphsAndListItems_DoNotCountAsNesting()
    {
        string page = "<div>" + string.Concat(Enumerable.Repeat("<p>đoạn", 100)) + "<ul>" + string.Concat(Enumerable.Repeat("<li>mục", 100)) + "</ul></div>";
        MarkupPrescan result = MarkupPrescan.Run(page, 20, default);
        Assert.False(result.Flattened);
        Assert.Same(page, result.Html);
    }

    [Theory]
    [InlineData("<html><body><p>Đoạn <a href=\"/x")]
    [InlineData("<html><body><p>Đoạn</p><!-- bình")]
    [InlineData("<html><body><script>var a = 1;")]
    public void Run_PageCutOff_IsTruncated(string page)
    {
        Assert.True(MarkupPrescan.Run(page, 400, default).Truncated);
    }

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
