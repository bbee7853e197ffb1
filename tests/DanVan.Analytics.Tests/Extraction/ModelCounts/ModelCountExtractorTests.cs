using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Tests.Extraction.ModelCounts;

public sealed class ModelCountExtractorTests
{
    private static IReadOnlyList<ModelCount> Extract(string text) => ArticleExtractor.Default.Extract(text).ModelCounts;

    [Theory]
    [InlineData("toàn thành phố có tổng số gần 36.000 mô hình được công nhận", 36000, CountQualifier.Approx, "gần 36.000 mô hình")]
    [InlineData("với hơn 11.900 mô hình được triển khai", 11900, CountQualifier.MoreThan, "hơn 11.900 mô hình")]
    [InlineData("đã xây dựng 1,2 nghìn mô hình mới", 1200, CountQualifier.Exact, "1,2 nghìn mô hình")]
    [InlineData("có khoảng 3 vạn mô hình", 30000, CountQualifier.Approx, "khoảng 3 vạn mô hình")]
    [InlineData("hàng trăm mô hình được nhân rộng", 100, CountQualifier.Vague, "hàng trăm mô hình")]
    [InlineData("hàng nghìn mô hình được nhân rộng", 1000, CountQualifier.Vague, "hàng nghìn mô hình")]
    [InlineData("xã có 105/130 mô hình đạt chuẩn", 105, CountQualifier.Exact, "105/130 mô hình")]
    [InlineData("năm nay có ít nhất 3 mô hình mới", 3, CountQualifier.AtLeast, "ít nhất 3 mô hình")]
    [InlineData("có dưới 10 mô hình chưa hiệu quả", 10, CountQualifier.LessThan, "dưới 10 mô hình")]
    [InlineData("tổng cộng trên dưới 500 điển hình tiên tiến", 500, CountQualifier.Approx, "trên dưới 500 điển hình")]
    [InlineData("đạt trên 120 mô hình", 120, CountQualifier.MoreThan, "trên 120 mô hình")]
    [InlineData("xây dựng 07 mô hình", 7, CountQualifier.Exact, "07 mô hình")]
    [InlineData("đã tuyên dương gần 800 lượt điển hình tiên tiến", 800, CountQualifier.Approx, "gần 800 lượt điển hình")]
    [InlineData("toàn xã có 31 mô hình, câu lạc bộ hoạt động", 31, CountQualifier.Exact, "31 mô hình")]
    [InlineData("huyện có hơn 150 mô\nhình dân vận khéo", 150, CountQualifier.MoreThan, "hơn 150 mô\nhình")]
    public void Extract_Count_ReadsValueAndQualifier(string text, long value, CountQualifier qualifier, string surface)
    {
        ModelCount c = Assert.Single(Extract(text));
        Assert.Equal(value, c.Value);
        Assert.Equal(qualifier, c.Qualifier);
        Assert.Equal(surface, c.Surface);
    }

    [Fact]
    public void Extract_TwoNouns_AreOneCountWithBothNouns()
    {
        ModelCount c = Assert.Single(Extract("Giai đoạn từ 2013 - 2017, toàn thành phố đã có tổng số gần 36.000 mô hình, điển hình \"Dân vận khéo\"."));
        Assert.Equal("mô hình, điển hình", c.Noun);
        Assert.Equal("gần 36.000 mô hình, điển hình", c.Surface);
        Assert.Equal("Dân vận khéo", c.Movement);
        Assert.Equal("toàn thành phố", c.Scope);
        Assert.Equal("Giai đoạn từ 2013 - 2017", c.Period);
    }

    [Fact]
    public void Extract_MovementBeforeTheCountInTheSentence_IsFound()
    {
        ModelCount c = Assert.Single(Extract("Phong trào thi đua “Dân vận khéo” đã phát triển sâu rộng, với hơn 11.900 mô hình được triển khai."));
        Assert.Equal("Dân vận khéo", c.Movement);
    }

    [Theory]
    [InlineData("75% mô hình được đánh giá hiệu quả")]
    [InlineData("75 % mô hình được đánh giá hiệu quả")]
    [InlineData("khen thưởng 7 tập thể, 7 cá nhân điển hình")]
    [InlineData("40 xã đạt chuẩn nông thôn mới, 98% hồ sơ đúng hạn")]
    [InlineData("nhân rộng các mô hình “dân vận khéo” trên các lĩnh vực")]
    [InlineData("theo Quyết định 25-QĐ/TW mô hình mới được áp dụng")]
    public void Extract_NotACountOfModels_FindsNothing(string text)
    {
        Assert.Empty(Extract(text));
    }

    [Fact]
    public void Extract_HeadlineAndBodyWithTheSameCount_AreTwoEntries()
    {
        var counts = Extract("Hàng trăm mô hình dân vận khéo\n\nToàn huyện có hàng trăm mô hình được công nhận.");
        Assert.Equal([100L, 100L], counts.Select(c => c.Value));
    }

    [Theory]
    [InlineData("36.000", 1, 36000)]
    [InlineData("1,2", 1000, 1200)]
    [InlineData("1.250", 1, 1250)]
    [InlineData("2,5", 1000000, 2500000)]
    [InlineData("1,234", 1, 1234)]
    public void TryParseNumber_VietnameseGrouping_ReadsTheValue(string number, long multiplier, long expected)
    {
        Assert.True(DanVan.Analytics.Extraction.ModelCounts.ModelCountExtractor.TryParseNumber(number, multiplier, out long value));
        Assert.Equal(expected, value);
    }
}
