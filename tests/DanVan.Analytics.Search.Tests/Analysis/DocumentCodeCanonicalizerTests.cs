using DanVan.Analytics.Search.Analysis;

namespace DanVan.Analytics.Search.Tests.Analysis;

public sealed class DocumentCodeCanonicalizerTests
{
    [Theory]
    [InlineData("25-NQ/TW", "25-NQ/TW")]
    [InlineData("25-NQ/TƯ", "25-NQ/TW")]
    [InlineData("25-nq/tư", "25-NQ/TW")]
    [InlineData("25 - NQ/TW", "25-NQ/TW")]
    [InlineData(" 25 -NQ / TW ", "25-NQ/TW")]
    [InlineData("04/2015/NÐ-CP", "04/2015/NĐ-CP")]
    [InlineData("04/2015/nđ-cp", "04/2015/NĐ-CP")]
    [InlineData("218–QĐ/TW", "218-QĐ/TW")]
    public void Canonicalize_PressSpellings_GiveTheCanonicalCode(string code, string expected)
    {
        Assert.Equal(expected, DocumentCodeCanonicalizer.Canonicalize(code));
    }
}
