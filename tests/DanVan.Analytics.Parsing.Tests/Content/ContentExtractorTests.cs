namespace DanVan.Analytics.Parsing.Tests.Content;

/// <summary>The generic detector on small pages built for one behaviour each.</summary>
public sealed class ContentExtractorTests
{
    private static readonly string[] Sentences =
    [
        "Ban Thường vụ Quận ủy tổ chức hội nghị tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW, với sự tham dự của đại diện các ban, ngành, đoàn thể.",
        "Công tác dân vận của các cấp ủy, chính quyền bước đầu có sự chuyển biến tích cực, sự vào cuộc của cả hệ thống chính trị.",
        "Các cấp ủy Đảng đã quan tâm chỉ đạo có hiệu quả công tác tôn giáo, thực hiện tốt Quy chế dân chủ ở cơ sở, tạo nên không khí cởi mở.",
        "Phát biểu chỉ đạo, đồng chí Phó Bí thư yêu cầu tiếp tục nâng cao chất lượng, hiệu quả công tác dân vận theo hướng thực chất.",
    ];

    // The sentences as paragraphs, and the headline the byline tests put above them.
    private static readonly string ArticleParagraphs = string.Concat(Sentences.Select(s => $"<p>{s}</p>"));
    private const string Headline = "<h1>Hội nghị sơ kết công tác dân vận năm 2023</h1>";

    private static Article Parse(string body) =>
        new ArticleParser().Parse($"<html><head><title>Tin</title></head><body><nav class=\"menu\"><a href=\"/\">Trang chủ</a> <a href=\"/chinh-tri\">Chính trị</a></nav>{body}<footer>Bản quyền thuộc về báo. Địa chỉ: 1 Tràng Tiền, Hà Nội.</footer></body></html>");

    [Fact]
    public void Extract_ParagraphsSeparatedByDoubleBreaks_AreSplit()
    {
        Article article = Parse("<div id=\"noidung\">" + string.Join("<br><br>", Sentences) + "</div>");
        Assert.Equal(Sentences, article.Paragraphs);
    }

    [Fact]
    public void Extract_LongCommentsBelowTheArticle_AreNotTheBody()
    {
        string comments = "<div class=\"comment-list\">" + string.Concat(Enumerable.Range(0, 12).Select(i =>
            $"<div class=\"item\"><p>Bạn đọc {i}: Tôi hoàn toàn đồng ý với ý kiến của đồng chí, công tác dân vận cần sâu sát, gần dân, hiểu dân, học dân, có trách nhiệm với dân, nhất là ở cơ sở.</p></div>")) + "</div>";
        Article article = Parse("<div class=\"detail\">" + ArticleParagraphs + "</div>" + comments);
        Assert.Equal(Sentences, article.Paragraphs);
    }

    [Fact]
    public void Extract_LexiconPhraseThatEndsTheArticle_CutsEverythingAfter()
    {
        Article article = Parse("<div>" + ArticleParagraphs +
                                "<p>Xem nhiều nhất</p><p>Hà Nội công bố quyết định về công tác cán bộ, thành phố đẩy mạnh cải cách thủ tục hành chính năm 2025.</p></div>");
        Assert.Equal(Sentences, article.Paragraphs);
    }

    [Fact]
    public void Extract_RelatedLinksInsideTheBody_AreDropped()
    {
        Article article = Parse("<div>" + $"<p>{Sentences[0]}</p><p>{Sentences[1]}</p>" +
                                "<p><b>Tin liên quan:</b></p><ul><li><a href=\"/a\">Quận Hoàn Kiếm sơ kết công tác dân vận</a></li><li><a href=\"/b\">Huyện Sóc Sơn nhân rộng mô hình hay</a></li></ul>" +
                                $"<p>{Sentences[2]}</p><p>{Sentences[3]}</p></div>");
        Assert.Equal(Sentences, article.Paragraphs);
    }

    [Fact]
    public void Extract_HiddenElements_AreIgnored()
    {
        Article article = Parse("<div>" + ArticleParagraphs +
                                "<div style=\"display: none\"><p>Copy link thành công, đường dẫn đã được sao chép vào bộ nhớ tạm của bạn.</p></div></div>");
        Assert.Equal(Sentences, article.Paragraphs);
    }

    [Fact]
    public void Extract_ItalicLineUnderAPhoto_IsACaption()
    {
        Article article = Parse("<div>" + $"<p>{Sentences[0]}</p><p><img src=\"a.jpg\"></p><p><em>Quang cảnh hội nghị.</em></p>" +
                                string.Concat(Sentences.Skip(1).Select(s => $"<p>{s}</p>")) + "</div>");
        Assert.Equal(Sentences, article.Paragraphs);
        Assert.Equal([new ArticleCaption("Quang cảnh hội nghị.", 1)], article.Captions);
    }

    [Fact]
    public void Extract_TrailingByline_BecomesTheAuthor()
    {
        Article article = Parse("<div>" + ArticleParagraphs + "<p><b>Hoàng Phong</b></p></div>");
        Assert.Equal(Sentences, article.Paragraphs);
        Assert.Equal(["Hoàng Phong"], article.Authors);
        Assert.Contains(article.Warnings, w => w.Code == ParseWarningCode.AuthorsFromByline);
    }

    [Fact]
    public void Find_BylineUnderTheHeadline_TwoAuthorSpansCountButAnAuthorBoxAndTeasersDoNot()
    {
        string filler = string.Concat(Enumerable.Range(0, 8).Select(i => $"<div class=\"share\"><a href=\"/s{i}\">Chia sẻ {i}</a></div>"));
        Article article = Parse("<div class=\"byline\">Bài: <span class=\"author\">Thu Hà</span> và <span class=\"author\">Minh Anh</span></div><div>" +
                                ArticleParagraphs + "</div>" + filler +
                                "<div class=\"author-bio\">Thu Hà Phóng viên</div><ul><li><span class=\"byline\">Bài: Lê Văn Nam</span></li></ul>");
        Assert.Equal(["Thu Hà", "Minh Anh"], article.Authors);
    }

    [Theory]
    [InlineData("<footer><p>Copyright (c) 2012- Nguyễn Văn An. All rights reserved.</p></footer>", "Nguyễn Văn An")]
    [InlineData("<footer><p>© LÊ THỊ HOA • Impressum</p></footer>", "Lê Thị Hoa")]
    [InlineData("<footer><p>© 2023 Beispiel Fachmedien München</p></footer>", null)]
    [InlineData("<footer><p>© 2023 Deutsche Welle</p></footer>", null)]
    public void Find_NoByline_APersonalSitesCopyrightNamesTheAuthor(string footer, string? author)
    {
        Article article = Parse("<div>" + ArticleParagraphs + "</div>" + footer);
        Assert.Equal(author is null ? [] : [author], article.Authors);
    }

    [Theory]
    [InlineData("<p class=\"meta\">11.12.2019 - Amelie Loevenich</p>", "Amelie Loevenich")]
    [InlineData("<p>12/06/2023 22:32 | Nguyễn Thu Hà</p>", "Nguyễn Thu Hà")]
    [InlineData("<p>Hà Nội - 12/06/2023</p>", null)]
    [InlineData("<p>Bad Homburg | 3. Mai 2021</p>", null)]
    [InlineData("<p>11.12.2019 - Beispiel Verlag GmbH</p>", null)]
    public void Find_DateAndNameUnderTheHeadline_TheNameIsTheAuthor(string line, string? author)
    {
        Article article = Parse(Headline + line + "<div>" + ArticleParagraphs + "</div>");
        Assert.Equal(author is null ? [] : [author], article.Authors);
    }

    [Fact]
    public void Find_DateTimeAndNameAboveTheHeadline_TheLastPartIsTheAuthor()
    {
        Article article = Parse("<small>04.02.2022 | 13:10 Uhr | Uta Helkenberg</small>" + Headline + "<div>" +
                                ArticleParagraphs + "</div>");
        Assert.Equal(["Uta Helkenberg"], article.Authors);
    }

    [Theory]
    [InlineData("<h5>Autor:</h5>Peter Maahn", "Peter Maahn")]
    [InlineData("<h4>Von</h4><p><a href=\"/p/1\">Nguyễn Thu Hà</a></p>", "Nguyễn Thu Hà")]
    [InlineData("<h4>Bởi</h4><p>Nguyễn Thu Hà</p>", "Nguyễn Thu Hà")] // an accented byline word matches the table as written
    [InlineData("<h4>Von</h4><p>các cơ quan, đơn vị</p>", null)]
    public void Find_BylineWordOverTheName_TheNameIsTheAuthor(string byline, string? author)
    {
        Article article = Parse(Headline + "<div>" + ArticleParagraphs +
                                $"</div><div class=\"meta\">{byline}</div>");
        Assert.Equal(author is null ? [] : [author], article.Authors);
    }

    [Theory]
    [InlineData("<span class=\"author-by\">By</span> <span class=\"author\">Daniel</span>", "Daniel")]
    [InlineData("<span class=\"author\">Walter von Aachen</span>", "Walter von Aachen")]
    [InlineData("<span class=\"author\">Eingestellt von der Michel</span>", "der Michel")]
    public void Find_BylineElements_TheNameIsReadWholeAndALabelElementIsSkipped(string byline, string author)
    {
        Article article = Parse(Headline + $"<div class=\"meta\">{byline}</div><div>" +
                                ArticleParagraphs + "</div><div id=\"siteinfo\">Blog powered by Enno Aljets</div>");
        Assert.Equal([author], article.Authors);
    }

    [Fact]
    public void Find_TeaserHeadlineWithAByLineWord_IsNoByline()
    {
        Article article = Parse(Headline + "<div>" + ArticleParagraphs +
                                "</div><ul><li><a href=\"/b\">CNH plant Delisting von Mailänder Börse</a></li></ul>");
        Assert.Empty(article.Authors);
    }

    [Theory]
    [InlineData("Janic Cathomen, 01.12.2021", "Janic Cathomen")]
    [InlineData("12/06/2023 | Nguyễn Thu Hà", "Nguyễn Thu Hà")]
    [InlineData("Interview: Julia Lauter", "Julia Lauter")]
    [InlineData("Tin tức: Hội nghị", null)] // a label of two words, then no name
    [InlineData("Chuyên mục: công tác dân vận", null)]
    public void Find_LabelledNameInABylineElement_TheNameIsTheAuthor(string byline, string? author)
    {
        Article article = Parse(Headline + $"<div class=\"author\">{byline}</div><div>" +
                                ArticleParagraphs + "</div>");
        Assert.Equal(author is null ? [] : [author], article.Authors);
    }

    [Fact]
    public void Find_DateAndNameFarBelowTheHeadline_IsNoByline()
    {
        Article article = Parse(Headline + "<div>" + ArticleParagraphs +
                                "<p>11.12.2019 - Amelie Loevenich</p></div>");
        Assert.Empty(article.Authors);
    }

    [Theory]
    [InlineData("This entry was posted in News and tagged dân vận. Bookmark the permalink.")]
    [InlineData("Dieser Eintrag wurde veröffentlicht in Allgemein von admin.")]
    [InlineData("War dieser Artikel hilfreich?")]
    [InlineData("Was this article helpful?")]
    public void Extract_PostMetadataOrRatingPromptAfterTheArticle_IsNotBody(string line)
    {
        Article article = Parse("<div>" + ArticleParagraphs + $"<p>{line}</p></div>");
        Assert.Equal(Sentences, article.Paragraphs);
    }

    [Theory]
    [InlineData("Mehr zum Thema")]
    [InlineData("Lire aussi :")]
    [InlineData("Related articles")]
    public void Extract_ForeignRelatedReadingBox_IsDroppedWithItsLinks(string label)
    {
        Article article = Parse("<div>" + ArticleParagraphs +
                                $"<p>{label}</p><ul><li><a href=\"/a\">Một bài viết khác về công tác dân vận ở cơ sở</a></li><li><a href=\"/b\">Hội nghị sơ kết phong trào thi đua Dân vận khéo</a></li></ul></div>");
        Assert.Equal(Sentences, article.Paragraphs);
    }

    [Fact]
    public void Extract_BoldOpeningParagraph_IsTheLead()
    {
        const string sapo = "(ĐCSVN) - Nghị quyết đề ra mục tiêu tăng cường và đổi mới, nâng cao hiệu quả sự lãnh đạo của các cấp ủy Đảng đối với công tác dân vận.";
        Article article = Parse($"<div><p><strong>{sapo}</strong></p>" + ArticleParagraphs + "</div>");
        Assert.Equal(sapo, article.Lead);
        Assert.Equal(Sentences, article.Paragraphs);
    }
}
