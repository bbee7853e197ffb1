namespace DanVan.Analytics.Parsing.Tests.Metadata;

public sealed class MetadataResolverTests
{
    private const string Body =
        "<div class=\"content\"><p>Ban Thường vụ Quận ủy tổ chức hội nghị tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW, với sự tham dự của đại diện các ban, ngành, đoàn thể.</p></div>";

    private static Article Parse(string head, string body = Body) =>
        new ArticleParser().Parse($"<html><head>{head}</head><body>{body}</body></html>", new Uri("https://baodanvan.vn/tin/a-1.html"));

    private static string JsonLd(string fields) => $"<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",{fields}}}</script>";

    [Fact]
    public void Resolve_JsonLdAndOpenGraph_JsonLdWins()
    {
        Article article = Parse(JsonLd("\"headline\":\"Tiêu đề JSON-LD\",\"datePublished\":\"2024-12-18T09:00:00+07:00\"") +
                                "<meta property=\"og:title\" content=\"Tiêu đề OpenGraph\"><meta property=\"article:published_time\" content=\"2024-12-17T09:00:00+07:00\">");
        Assert.Equal("Tiêu đề JSON-LD", article.Title);
        Assert.Equal(new DateTimeOffset(2024, 12, 18, 9, 0, 0, TimeSpan.FromHours(7)), article.Published);
    }

    [Fact]
    public void Resolve_JsonLdHeadlineCutWithEllipsis_TakesTheWholeOpenGraphTitle()
    {
        Article article = Parse(JsonLd("\"headline\":\"Dân vận khéo là chìa khóa quan trọng để hiện thực hóa...\"") +
                                "<meta property=\"og:title\" content=\"Dân vận khéo là chìa khóa quan trọng để hiện thực hóa các mục tiêu phát triển Thủ đô\">");
        Assert.Equal("Dân vận khéo là chìa khóa quan trọng để hiện thực hóa các mục tiêu phát triển Thủ đô", article.Title);
    }

    [Fact]
    public void Resolve_RecipeInJsonLd_GivesAuthorAndDateButNotItsNameAsTheTitle()
    {
        Article article = Parse("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Recipe\",\"name\":\"Bánh chưng\"," +
                                "\"author\":{\"@type\":\"Person\",\"name\":\"Nguyễn Thu Hà\"},\"datePublished\":\"2024-02-01T08:00:00+07:00\"}</script>" +
                                "<meta property=\"og:title\" content=\"Cách gói bánh chưng ngày Tết cho cả nhà\">");
        Assert.Equal("Cách gói bánh chưng ngày Tết cho cả nhà", article.Title);
        Assert.Equal(["Nguyễn Thu Hà"], article.Authors);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 8, 0, 0, TimeSpan.FromHours(7)), article.Published);
    }

    [Fact]
    public void Resolve_ParagraphOpeningWithItsDate_DatesThePage()
    {
        Article article = Parse(string.Empty,
            "<h1>Hội nghị tổng kết công tác dân vận năm 2023</h1><p>Pressemitteilung vom 25. Januar 2022 | Hà Nội – Ban Dân vận Thành ủy tổ chức hội nghị tổng kết công tác năm với nhiều đại biểu tham dự.</p>" + Body);
        Assert.Equal(new DateOnly(2022, 1, 25), DateOnly.FromDateTime(article.Published!.Value.DateTime));
    }

    [Theory]
    [InlineData("Verfasst von", new[] { "Nguyễn Thu Hà" })]
    [InlineData("Written by", new[] { "Nguyễn Thu Hà" })]
    [InlineData("Est. reading time", new string[0])]
    public void Resolve_TwitterCardLabelsTheAuthor_OnlyAnAuthorLabelCounts(string label, string[] authors)
    {
        Article article = Parse($"<meta name=\"twitter:label1\" content=\"{label}\"><meta name=\"twitter:data1\" content=\"Nguyễn Thu Hà\">");
        Assert.Equal(authors, article.Authors);
    }

    [Theory]
    [InlineData("Nils Pickert ist freier Autor und Journalist.", "Nils Pickert")]
    [InlineData("Nils schreibt über Kinder.", "Nils")] // the description does not give the full name
    [InlineData("Anna Schmidt ist Redakteurin.", "Nils")] // another person's name
    public void Resolve_FirstNameAuthorWhosePersonDescriptionGivesTheFullName_IsTheFullName(string description, string expected)
    {
        Article article = Parse("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[" +
                                "{\"@type\":\"Article\",\"headline\":\"Tiêu đề\",\"author\":{\"@id\":\"https://a.de/#/person/1\"}}," +
                                $"{{\"@type\":\"Person\",\"@id\":\"https://a.de/#/person/1\",\"name\":\"Nils\",\"description\":\"{description}\"}}]}}</script>");
        Assert.Equal([expected], article.Authors);
    }

    [Fact]
    public void Resolve_FirstNameInMetadataAndAFullPersonInTheGraph_IsThatPerson()
    {
        Article article = Parse("<meta name=\"author\" content=\"Stefanus\"><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[" +
                                "{\"@type\":\"Person\",\"@id\":\"https://a.de/#/person/1\",\"name\":\"Stefanus Stahl\"}]}</script>");
        Assert.Equal(["Stefanus Stahl"], article.Authors);
    }

    [Theory]
    [InlineData("Günter Pilger, Essen", "Günter Pilger", new[] { "Günter Pilger" })]
    [InlineData("Beispiel Verlag GmbH", "Beispiel Verlag GmbH", new string[0])]
    public void Resolve_AuthorWhoIsTheCopyrightHolder_APersonIsTheAuthorAPublisherIsNot(string copyright, string author, string[] expected)
    {
        Article article = Parse($"<meta name=\"copyright\" content=\"{copyright}\"><meta name=\"author\" content=\"{author}\">");
        Assert.Equal(expected, article.Authors);
    }

    [Fact]
    public void Resolve_AuthorWhoIsTheDublinCorePublisher_IsNotAnAuthor()
    {
        Article article = Parse("<meta name=\"DC.publisher\" content=\"Auto Illustrierte\"><meta name=\"author\" content=\"Auto Illustrierte\">");
        Assert.Empty(article.Authors);
    }

    [Fact]
    public void Resolve_OrganizationAsAuthor_IsNotAnAuthor()
    {
        Article article = Parse(JsonLd("\"headline\":\"Tin\",\"author\":{\"@type\":\"Organization\",\"name\":\"Báo Dân Vận\"},\"publisher\":{\"@type\":\"Organization\",\"name\":\"Báo Dân Vận\"}") +
                                "<meta name=\"author\" content=\"Báo Dân Vận\">");
        Assert.Empty(article.Authors);
    }

    [Fact]
    public void Resolve_TwoAuthorsInOneField_AreTwoAuthors()
    {
        Article article = Parse(JsonLd("\"headline\":\"Tin\",\"author\":{\"@type\":\"Person\",\"name\":\"Thu Hà - Minh Anh\"}"));
        Assert.Equal(["Thu Hà", "Minh Anh"], article.Authors);
    }

    [Theory]
    [InlineData("<h1><span class=\"kicker\">Đà Nẵng</span> Phát huy vai trò dân vận trong xây dựng nông thôn mới</h1>")]
    [InlineData("<h1><span class=\"dachzeile\">Đà Nẵng</span><br><span class=\"headline\">Phát huy vai trò dân vận trong xây dựng nông thôn mới</span></h1>")]
    [InlineData("<h1><div class=\"section\"><a href=\"/thoi-su\">Thời sự | </a></div><span>Phát huy vai trò dân vận trong xây dựng nông thôn mới</span></h1>")]
    [InlineData("<h1><span>Đà Nẵng</span>: <span>Phát huy vai trò dân vận trong xây dựng nông thôn mới</span></h1>")] // the separator shown in the heading too
    [InlineData("<h1><span>Đà Nẵng</span><span> – </span><span>Phát huy vai trò dân vận trong xây dựng nông thôn mới</span></h1>")]
    public void Resolve_HeadingOfKickerAndHeadline_TitleIsTheHeadline(string heading)
    {
        Article article = Parse("<meta property=\"og:title\" content=\"Đà Nẵng: Phát huy vai trò dân vận trong xây dựng nông thôn mới\">", heading + Body);
        Assert.Equal("Phát huy vai trò dân vận trong xây dựng nông thôn mới", article.Title);
    }

    [Theory]
    [InlineData("<h1><span class=\"hl\">Phát huy</span> vai trò dân vận trong xây dựng nông thôn mới</h1>")]
    [InlineData("<h1><span>Dân vận khéo ở cơ sở trong xây dựng nông thôn mới</span>: <span>Đà Nẵng</span></h1>")]
    public void Resolve_HeadingWithAStyledPart_StaysWhole(string heading)
    {
        string whole = Clean(heading);
        Article article = Parse($"<meta property=\"og:title\" content=\"{whole}\">", heading + Body);
        Assert.Equal(whole, article.Title);
    }

    [Fact]
    public void Resolve_ShortHeadlineBeforeTheSiteName_CutsTheSiteName()
    {
        Article article = Parse("<meta property=\"og:title\" content=\"Dân vận - Báo Điện tử Đảng Cộng sản Việt Nam\"><meta property=\"og:site_name\" content=\"Báo Điện tử Đảng Cộng sản Việt Nam\">",
            "<h1>Dân vận</h1>" + Body);
        Assert.Equal("Dân vận", article.Title);
    }

    [Fact]
    public void Resolve_HeadlineHeadingAndTheHostAmongTheRest_KeepsTheHeadline()
    {
        Article article = new ArticleParser().Parse(
            "<html><head><meta property=\"og:title\" content=\"Dân vận khéo | dan-van.vn | Tạp chí của cán bộ dân vận\"></head><body><h1>Dân vận khéo</h1>" + Body + "</body></html>",
            new Uri("https://www.dan-van.vn/tin/1.html"));
        Assert.Equal("Dân vận khéo", article.Title);
    }

    private static string Clean(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty);

    [Fact]
    public void Resolve_HeadingWithAnEmphasizedWord_StaysWhole()
    {
        Article article = Parse("<meta property=\"og:title\" content=\"Phát huy vai trò dân vận trong xây dựng nông thôn mới\">",
            "<h1>Phát huy vai trò <em>dân vận</em> trong xây dựng nông thôn mới</h1>" + Body);
        Assert.Equal("Phát huy vai trò dân vận trong xây dựng nông thôn mới", article.Title);
    }

    [Theory]
    [InlineData("https://www.baodanvan.vn/tin/a-1.html", "2023-11-08T20:30:00Z", "2023-11-09", 7)]
    [InlineData("https://www.baodanvan.vn/tin/a-1.html", "2023-11-08T10:30:00Z", "2023-11-08", 0)] // the same day: the time stays as given
    [InlineData("https://www.nachrichten.at/gesundheit/a-1", "2019-10-18T22:04:00Z", "2019-10-19", 2)] // summer time
    [InlineData("https://www.lanacion.com.ar/politica/a-1", "Wed, 04 May 2022 00:25:56 GMT", "2022-05-03", -3)]
    [InlineData("https://www.example.com/news/a-1", "2019-10-18T22:04:00Z", "2019-10-18", 0)] // a generic domain says no country
    public void Resolve_UtcTimeOnACountrySite_IsShownInTheCountrysZone(string url, string published, string day, int offsetHours)
    {
        Article article = new ArticleParser().Parse(
            $"<html><head><meta property=\"article:published_time\" content=\"{published}\"></head><body>{Body}</body></html>", new Uri(url));
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), DateOnly.FromDateTime(article.Published!.Value.DateTime));
        Assert.Equal(TimeSpan.FromHours(offsetHours), article.Published.Value.Offset);
    }

    [Fact]
    public void Resolve_NoMetadataDate_TheAddressDayOutranksAVisibleTimeYearsAway()
    {
        Article article = new ArticleParser().Parse(
            "<html><body><h1>Hội nghị tổng kết công tác dân vận</h1>" + Body + "<aside><time datetime=\"2009-04-11 18:06:36\">11.04.2009</time></aside></body></html>",
            new Uri("https://blog.example.org/2019/10/22/hoi-nghi/"));
        Assert.Equal(new DateOnly(2019, 10, 22), DateOnly.FromDateTime(article.Published!.Value.DateTime));
    }

    [Fact]
    public void Resolve_UtcTimeOneDayOffTheAddress_IsTheSameInstantOnTheAddressDay()
    {
        Article article = new ArticleParser().Parse(
            "<html><head><meta property=\"article:published_time\" content=\"2018-12-31T23:11:59+00:00\"></head><body>" + Body + "</body></html>",
            new Uri("https://blog.example.org/2019/01/01/nam-moi/"));
        Assert.Equal(new DateTimeOffset(2018, 12, 31, 23, 11, 59, TimeSpan.Zero), article.Published);
        Assert.Equal(new DateOnly(2019, 1, 1), DateOnly.FromDateTime(article.Published!.Value.DateTime));
    }

    [Fact]
    public void Resolve_UtcTimeOneDayOffTheDateShownUnderTheHeadline_TakesTheShownDay()
    {
        Article article = Parse("<meta property=\"article:published_time\" content=\"2023-11-09T05:30:59+00:00\">",
            "<h1>Hội nghị tổng kết công tác dân vận năm 2023</h1><time datetime=\"2023-11-08 23:30:59\">November 8, 2023 at 11:30 p.m.</time>" +
            "<time class=\"updated\">November 9, 2023</time>" + Body);
        Assert.Equal(new DateOnly(2023, 11, 8), DateOnly.FromDateTime(article.Published!.Value.DateTime));
        Assert.Equal(new DateTimeOffset(2023, 11, 9, 5, 30, 59, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Resolve_DateShownUnderTheHeadlineAgrees_StaysAsGiven()
    {
        Article article = Parse("<meta property=\"article:published_time\" content=\"2022-12-30T07:00:40+01:00\">",
            "<h1>Hội nghị tổng kết công tác dân vận năm 2022</h1><time class=\"updated\">29. Dezember 2022</time><time class=\"published\">30. Dezember 2022</time>" + Body);
        Assert.Equal(new DateTimeOffset(2022, 12, 30, 7, 0, 40, TimeSpan.FromHours(1)), article.Published);
        Assert.Equal(TimeSpan.FromHours(1), article.Published!.Value.Offset);
    }

    [Fact]
    public void Resolve_UtcMidnightOfTheNextDay_IsReadOnThatDay()
    {
        Article article = Parse("<meta property=\"article:published_time\" content=\"2021-11-04T23:00Z\">");
        Assert.Equal(new DateOnly(2021, 11, 5), DateOnly.FromDateTime(article.Published!.Value.DateTime));
    }

    [Fact]
    public void Resolve_MetaTimeWithoutZone_AssumesVietnamTimeAndWarns()
    {
        Article article = Parse("<meta property=\"article:published_time\" content=\"2023-09-22 10:05\">");
        Assert.Equal(new DateTimeOffset(2023, 9, 22, 10, 5, 0, TimeSpan.FromHours(7)), article.Published);
        Assert.Contains(article.Warnings, w => w.Code == ParseWarningCode.TimeZoneAssumed);
    }

    [Fact]
    public void Resolve_NoDateAnywhere_WarnsNoPublishedTime()
    {
        Article article = Parse("<title>Tin</title>");
        Assert.Null(article.Published);
        Assert.Contains(article.Warnings, w => w.Code == ParseWarningCode.NoPublishedTime);
    }

    [Fact]
    public void Resolve_GraphWithBreadcrumbAndHtmlEscapedStrings_ReadsSectionAndDecodesText()
    {
        string ld = "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"BreadcrumbList\",\"itemListElement\":[{\"@type\":\"ListItem\",\"position\":1,\"name\":\"Chính trị\"}]}," +
                    "{\"@type\":[\"NewsArticle\"],\"headline\":\"Phong trào &quot;Dân vận khéo&quot;\",\"keywords\":[\"dân vận\",\"Hà Nội\"]}]}</script>";
        Article article = Parse(ld);
        Assert.Equal("Phong trào \"Dân vận khéo\"", article.Title);
        Assert.Equal("Chính trị", article.Section);
        Assert.Equal(["dân vận", "Hà Nội"], article.Tags);
    }

    [Fact]
    public void Resolve_RelativeCanonical_IsResolvedAgainstTheUrl()
    {
        Article article = Parse("<link rel=\"canonical\" href=\"/tin/a-1.html?amp=0\">");
        Assert.Equal("https://baodanvan.vn/tin/a-1.html?amp=0", article.CanonicalUrl?.AbsoluteUri);
        Assert.Equal("baodanvan.vn", article.Site);
    }

    [Fact]
    public void Resolve_BreadcrumbEndingWithTheTitle_TakesTheSectionBeforeIt()
    {
        string ld = "<script type=\"application/ld+json\">{\"@type\":\"BreadcrumbList\",\"itemListElement\":[" +
                    "{\"@type\":\"ListItem\",\"position\":1,\"name\":\"Trang chủ\"},{\"@type\":\"ListItem\",\"position\":2,\"name\":\"Xây dựng Đảng\"}," +
                    "{\"@type\":\"ListItem\",\"position\":3,\"name\":\"Dân vận khéo ở cơ sở\"}]}</script><meta property=\"og:title\" content=\"Dân vận khéo ở cơ sở\">";
        Assert.Equal("Xây dựng Đảng", Parse(ld).Section);
    }

    [Fact]
    public void Resolve_HiddenNavigationHeadingFirst_DateLineUnderTheTitleHeadingIsRead()
    {
        string navigation = "<h1>Navigation</h1><ul>" + string.Concat(Enumerable.Range(1, 60).Select(i => $"<li><a href=\"/s{i}\">Bereich {i}</a></li>")) + "</ul>";
        Article article = Parse(
            "<meta property=\"og:title\" content=\"Rede beim Konvent der Landesparlamente\">",
            navigation + "<h1>Rede beim Konvent der Landesparlamente</h1><div class=\"meta\"><span>Lübeck, 31. März 2003</span></div>" + Body);
        Assert.Equal(new DateOnly(2003, 3, 31), DateOnly.FromDateTime(article.Published!.Value.DateTime));
    }

    [Fact]
    public void Resolve_GraphWithWebPageOnly_TakesTheWebPageDate()
    {
        Article article = Parse("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Site\"},{\"@type\":\"WebPage\",\"name\":\"About\",\"datePublished\":\"2018-06-07T10:13:17+00:00\"}]}</script>");
        Assert.Equal(new DateTimeOffset(2018, 6, 7, 10, 13, 17, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Resolve_ViewAllPostsLinkAndPlaceholderAccount_TakeThePersonNotTheAccount()
    {
        Article linked = Parse(string.Empty, "<h1>Titel</h1><a rel=\"author\" href=\"/author/km\">Zeige alle Beiträge von Karl Muster</a>" + Body);
        Assert.Equal(["Karl Muster"], linked.Authors);
        Article placeholder = Parse("<meta name=\"author\" content=\"admin\">", "<h1>Titel</h1><p class=\"info\">Von Erika Beispiel am 3. Mai 2021</p>" + Body);
        Assert.Equal(["Erika Beispiel"], placeholder.Authors);
    }
}
