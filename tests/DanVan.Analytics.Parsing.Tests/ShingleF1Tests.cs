namespace DanVan.Analytics.Parsing.Tests;

public sealed class ShingleF1Tests
{
    [Fact]
    public void Score_IdenticalTexts_IsOne()
    {
        Assert.Equal(1.0, ShingleF1.Score("một hai ba bốn năm sáu", "một hai ba bốn năm sáu"));
    }

    [Fact]
    public void Score_DisjointTexts_IsZero()
    {
        Assert.Equal(0.0, ShingleF1.Score("một hai ba bốn năm", "sáu bảy tám chín mười"));
    }

    [Fact]
    public void Score_ExtraBoilerplate_LowersPrecisionOnly()
    {
        // Gold: 6 tokens → 3 shingles. Extracted adds 3 tokens → 6 shingles, of which 3 match.
        // Precision 3/6, recall 3/3, F1 = 2·0.5·1/1.5 = 2/3.
        double f1 = ShingleF1.Score("a b c d e f x y z", "a b c d e f");
        Assert.Equal(2.0 / 3.0, f1, 10);
    }

    [Fact]
    public void Score_ParagraphBreaks_DoNotMatter()
    {
        Assert.Equal(1.0, ShingleF1.Score("a b c\n\nd e f", "a b c d e f"));
    }
}
