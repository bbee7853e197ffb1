using DanVan.Analytics.Parsing.Metadata;

namespace DanVan.Analytics.Parsing.Tests.Metadata;

public sealed class TitleCleanerTests
{
    private const string Headline = "Quận Thanh Xuân: Xây dựng và nhân rộng các mô hình “dân vận khéo”";
    private static readonly string[] SiteHeadings = ["Menu", "Nhật ký phường"];
    private static readonly string[] LogoThenHeadline = ["Menu", Headline, "Ghi chép của một cán bộ dân vận"];

    [Theory]
    [InlineData(Headline + " - Báo Lao động Thủ đô")]
    [InlineData(Headline + " | Lao động Thủ đô")]
    [InlineData("Báo Lao động Thủ đô - " + Headline)]
    [InlineData(Headline + " – laodongthudo.vn")]
    public void StripSiteName_KnownSiteName_IsCut(string title)
    {
        string result = TitleCleaner.StripSiteName(title, ["Báo Lao động Thủ đô"], "laodongthudo.vn", null, out bool guessed);
        Assert.Equal(Headline, result);
        Assert.True(guessed);
    }

    [Fact]
    public void StripSiteName_HeadingInsideTitle_IsTheTitle()
    {
        string result = TitleCleaner.StripSiteName("Cổng TTĐT tỉnh Hà Giang - " + Headline, [], null, Headline, out _);
        Assert.Equal(Headline, result);
    }

    [Theory]
    [InlineData("Four Years Remaining » Blog Archive » Interning of Small Integers in Python", "Interning of Small Integers in Python")]
    [InlineData("Was ist Freie Software - MyOOS Community Forum", "Was ist Freie Software")]
    [InlineData("mediaarchitecture.de // » Jens Weber", "Jens Weber")]
    [InlineData("Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tham gia góp ý xây dựng Đảng", "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tham gia góp ý xây dựng Đảng")]
    [InlineData("Nordkorea - Kim Jong Un | Politik", "Nordkorea - Kim Jong Un")]
    public void LongestPart_TitleOfSeveralParts_IsItsLongestNonSitePart(string title, string expected) =>
        Assert.Equal(expected, TitleCleaner.LongestPart(title, [], "mediaarchitecture.de"));

    [Fact]
    public void StripSiteName_DashInsideTheHeadline_IsKept()
    {
        const string title = "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tham gia góp ý xây dựng Đảng";
        Assert.Equal(title, TitleCleaner.StripSiteName(title, ["Báo Nhân Dân"], "nhandan.vn", null, out bool guessed));
        Assert.False(guessed);
    }

    [Fact]
    public void StripSiteName_HostInsideTheLongerPart_DoesNotCutTheHeadline()
    {
        // The host label "hanoi" occurs in the headline; the headline is the longer part and stays.
        const string title = "Sở Nội vụ - Công tác dân vận của thành phố Hà Nội được thực hiện đồng bộ";
        string result = TitleCleaner.StripSiteName(title, [], "hanoi.gov.vn", null, out _);
        Assert.Equal(title, result);
    }

    [Theory]
    [InlineData(Headline + " : Nhật ký phường")]
    [InlineData(Headline + " // Nhật ký phường")]
    [InlineData("Nhật ký phường | " + Headline)]
    public void StripSiteName_PartEqualToAPageHeading_IsCut(string title)
    {
        string result = TitleCleaner.StripSiteNameByHeadings(title, [], "example.org", SiteHeadings, out bool guessed);
        Assert.Equal(Headline, result);
        Assert.True(guessed);
    }

    [Fact]
    public void StripSiteName_HeadlineHeadingAfterALogoHeading_TheHeadlineWins()
    {
        string result = TitleCleaner.StripSiteNameByHeadings(Headline + " – Ghi chép của một cán bộ dân vận", [], null, LogoThenHeadline, out _);
        Assert.Equal(Headline, result);
    }
}
