using DanVan.Analytics.Parsing.Content;

namespace DanVan.Analytics.Parsing.Tests.Content;

public sealed class BylineParserTests
{
    [Theory]
    [InlineData("Hoàng Phong", new[] { "Hoàng Phong" })]
    [InlineData("Bài và ảnh: Ngọc Khang", new[] { "Ngọc Khang" })]
    [InlineData("Thu Hà - Minh Anh", new[] { "Thu Hà", "Minh Anh" })]
    [InlineData("Nguyễn Văn An, Trần Thị Bình", new[] { "Nguyễn Văn An", "Trần Thị Bình" })]
    [InlineData("PV", new[] { "PV" })]
    [InlineData("(TTXVN)", new[] { "TTXVN" })]
    [InlineData("Phương Thảo (Báo Hà Giang)", new[] { "Phương Thảo" })]
    public void Parse_Byline_ReturnsTheNames(string byline, string[] names)
    {
        Assert.Equal(names, BylineParser.Parse(byline));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("Quang cảnh hội nghị.")]
    [InlineData("Gửi cho bạn bè")]
    [InlineData("Tin liên quan")]
    [InlineData("Ngày 22/9, Ban Thường vụ Quận ủy Thanh Xuân tổ chức hội nghị")]
    [InlineData("https://laodongthudo.vn/a.html")]
    [InlineData("")]
    public void Parse_NotAByline_ReturnsNothing(string text)
    {
        Assert.Empty(BylineParser.Parse(text));
    }
}
