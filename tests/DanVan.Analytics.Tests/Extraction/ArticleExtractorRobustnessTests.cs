using System.Text;
using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Tests.Extraction;

/// <summary>Bad input never throws and is read in one pass (no backtracking); timing is left to the benchmarks.</summary>
public sealed class ArticleExtractorRobustnessTests
{
    [Theory]
    [InlineData("digits")]
    [InlineData("dashes-and-slashes")]
    [InlineData("codes")]
    [InlineData("no-spaces")]
    [InlineData("one-long-line")]
    [InlineData("capitals")]
    [InlineData("titles")]
    public void Extract_MegabyteOfHostileText_ReturnsWithoutThrowing(string shape)
    {
        string text = Hostile(shape, 1 << 20);
        ExtractionResult result = ArticleExtractor.Default.Extract(text);
        Assert.NotNull(result);
        foreach (DocumentReference d in result.Documents)
        {
            Assert.Equal(text.Substring(d.Span.Start, d.Span.Length), d.Surface);
        }
    }

    [Fact]
    public void Extract_RandomCharacters_NeverThrowsAndSpansStayInTheText()
    {
        var random = new Random(20251122);
        const string alphabet = "ĐđÐðNQTWUKH0123456789-–/.,:;() \u00A0\n\u0300\u0301\u0303\u0309\u0323aăâeêioôơuưyÁÀẢÃẠ’'“”%";
        for (int round = 0; round < 200; round++)
        {
            var builder = new StringBuilder();
            int length = random.Next(0, 400);
            for (int i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            string text = builder.ToString();
            ExtractionResult result = ArticleExtractor.Default.Extract(text);
            foreach (var span in result.Documents.Select(d => d.Span).Concat(result.ModelCounts.Select(c => c.Span)).Concat(result.Officials.SelectMany(o => o.Mentions).Select(m => m.Span)))
            {
                Assert.InRange(span.Start, 0, text.Length);
                Assert.InRange(span.End, span.Start, text.Length);
            }
        }
    }

    [Fact]
    public void Extract_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ArticleExtractor.Default.Extract(null!));
    }

    [Fact]
    public void Extract_EmptyText_FindsNothing()
    {
        ExtractionResult result = ArticleExtractor.Default.Extract(string.Empty);
        Assert.Empty(result.Documents);
        Assert.Empty(result.ModelCounts);
        Assert.Empty(result.Officials);
    }

    private static string Hostile(string shape, int length)
    {
        string unit = shape switch
        {
            "digits" => "0123456789",
            "dashes-and-slashes" => "1-/-/2//--3 - / ",
            "codes" => "25-NQ/TW, 218-QĐ/TW 04/2015/NĐ-CP ",
            "no-spaces" => "Nghịquyếtsố25môhìnhĐồngchíNguyễnVănA",
            "one-long-line" => "Bí thư Tỉnh ủy Nguyễn Văn A và Chủ tịch UBND tỉnh Trần Văn B, gần 36.000 mô hình, Nghị quyết số 25-NQ/TW ",
            "capitals" => "Nguyễn Trần Lê Phạm Hoàng Huỳnh Hà Nội ",
            _ => "Phó Bí thư Thường trực Ủy viên Ban Thường vụ Chủ tịch ",
        };
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }
}
