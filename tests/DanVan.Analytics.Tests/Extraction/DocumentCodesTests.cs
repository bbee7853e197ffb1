using DanVan.Analytics.Extraction;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Tests.Extraction;

public sealed class DocumentCodesTests
{
    [Theory]
    [InlineData("25-NQ/TW", "25-NQ/TW")]
    [InlineData("25-NQ/TƯ", "25-NQ/TW")]
    [InlineData("25-nq/tư", "25-NQ/TW")]
    [InlineData("17/NQ/TU", "17-NQ/TU")]
    [InlineData("45/NQ-TW", "45-NQ/TW")]
    [InlineData("03/QCPH/UBND-UBMTTQ", "03/QCPH/UBND-UBMTTQ")]
    [InlineData("25 - NQ/TW", "25-NQ/TW")]
    [InlineData("100 - KL/TW", "100-KL/TW")]
    [InlineData(" 25 -NQ / TW ", "25-NQ/TW")]
    [InlineData("04/2015/NÐ-CP", "04/2015/NĐ-CP")]
    [InlineData("218–QĐ/TW", "218-QĐ/TW")]
    [InlineData("23-Ctr/TU", "23-CTR/TU")]
    [InlineData("411/KH-UBND", "411/KH-UBND")]
    [InlineData("07-CT/TU", "07-CT/TU")]
    public void TryCanonicalize_PressSpellings_GiveTheExtractorsCanonicalCode(string code, string expected)
    {
        Assert.True(DocumentCodes.TryCanonicalize(code, out string? canonical));
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Nghị quyết 25")]
    [InlineData("25")]
    [InlineData("25-NQ/TW và 26-NQ/TW")]
    [InlineData("2021-2026")]
    public void TryCanonicalize_NotOneWholeCode_ReturnsFalse(string text)
    {
        Assert.False(DocumentCodes.TryCanonicalize(text, out string? canonical));
        Assert.Null(canonical);
    }

    [Fact]
    public void TryCanonicalize_AgreesWithWhatTheExtractorFindsInText()
    {
        ExtractionResult result = ArticleExtractor.Default.Extract("Thực hiện Nghị quyết số 25 - NQ/TƯ ngày 3/6/2013 và Nghị định 04/2015/NÐ-CP.");

        Assert.True(DocumentCodes.TryCanonicalize("25 - NQ/TƯ", out string? resolution));
        Assert.True(DocumentCodes.TryCanonicalize("04/2015/NÐ-CP", out string? decree));
        Assert.Equal([resolution, decree], result.Documents.Select(d => d.Canonical));
    }

    [Theory]
    [InlineData("Nghị quyết 25-NQ/TW, Quyết định 218\u2013QĐ/TW, Kế hoạch 411/KH-UBND, Nghị định 04/2015/NĐ-CP và 17/NQ/TU.", 5)]
    [InlineData("Các văn bản 1613/UBND-KGVX; 123456-NQ/TW; 25-NQ/TWở; 25 - NQ/TW; 88/2019/NQLT/CP-UBTUMTTQVN.", 3)]
    public void Tokenizer_DocumentCodeTokens_AreWholeCodesForTheExtractor(string text, int expected)
    {
        // One code reader: every code token of the tokenizer is one whole code the extractor canonicalizes.
        int codes = 0;
        foreach (Token token in SyllableTokenizer.Tokenize(text))
        {
            if (token.Kind == TokenKind.DocumentCode)
            {
                codes++;
                Assert.True(DocumentCodes.TryCanonicalize(text.Substring(token.Start, token.Length), out _), text.Substring(token.Start, token.Length));
            }
        }

        Assert.Equal(expected, codes);
    }
}
