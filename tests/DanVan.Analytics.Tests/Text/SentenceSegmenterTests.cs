using DanVan.Analytics.Text;

namespace DanVan.Analytics.Tests.Text;

public sealed class SentenceSegmenterTests
{
    private static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        foreach (TextSpan span in SentenceSegmenter.Split(text))
        {
            sentences.Add(text.Substring(span.Start, span.Length));
        }

        return sentences;
    }

    [Fact]
    public void Split_TwoNewsSentences_GivesBoth()
    {
        const string text = "Hội nghị đã nhận được 20 bài tham luận. Đồng thời chỉ ra những khó khăn, vướng mắc!  Vì sao?";
        Assert.Equal(
            ["Hội nghị đã nhận được 20 bài tham luận.", "Đồng thời chỉ ra những khó khăn, vướng mắc!", "Vì sao?"],
            Sentences(text));
    }

    [Theory]
    [InlineData("Đoàn công tác làm việc tại TP. Hồ Chí Minh vào sáng nay.")]
    [InlineData("Báo cáo do ThS. Nguyễn Văn A trình bày tại hội nghị.")]
    [InlineData("Hội nghị do PGS.TS. Lê Văn B chủ trì tại Q.1, TP.HCM hôm qua.")]
    [InlineData("Tổng cộng có 1,5 triệu người và 36.000 mô hình được ghi nhận.")]
    [InlineData("Thực hiện Nghị quyết số 25-NQ/TW ngày 3/6/2013 của Ban Chấp hành Trung ương.")]
    [InlineData("Theo Quyết định 04/2015/NĐ-CP và 12.06.2023 thì mọi việc đã rõ.")]
    [InlineData("Chi tiết xem tại https://laodongthudo.vn/a.b.html và dangcongsan.vn nhé.")]
    [InlineData("Các nghị quyết, chỉ thị, đề án… của Đảng về công tác dân vận.")]
    [InlineData("Các phong trào như xanh, sạch, đẹp v.v. được duy trì.")]
    [InlineData("Bí thư nói: “Lòng tin của dân không có sẵn. Chúng ta phải vun đắp”.")]
    [InlineData("Phong trào “Dân vận khéo…” lan tỏa khắp nơi.")]
    public void Split_DotsInsideAbbreviationsNumbersCodesUrlsAndQuotes_DoNotEndTheSentence(string text)
    {
        Assert.Equal([text], Sentences(text));
    }

    [Fact]
    public void Split_EndOfArticleMark_EndsTheSentenceAndKeepsTheMark()
    {
        const string text = "Công tác tuyên truyền chưa thực sự hiệu quả./. Ngọc Khang";
        Assert.Equal(["Công tác tuyên truyền chưa thực sự hiệu quả./.", "Ngọc Khang"], Sentences(text));
    }

    [Fact]
    public void Split_EndOfArticleMarkFollowedByLowerCase_StillEndsTheSentence()
    {
        Assert.Equal(["hiệu quả./.", "có thể bạn quan tâm"], Sentences("hiệu quả./. có thể bạn quan tâm"));
    }

    [Fact]
    public void Split_LineBreak_EndsTheSentenceWithoutAPeriod()
    {
        const string text = "Quang cảnh buổi làm việc\nĐồng chí Hoàng Trung Hải phát biểu\r\n\r\nGửi cho bạn bè";
        Assert.Equal(["Quang cảnh buổi làm việc", "Đồng chí Hoàng Trung Hải phát biểu", "Gửi cho bạn bè"], Sentences(text));
    }

    [Fact]
    public void Split_LineBreakInsideAnOpenQuote_StillEndsTheSentence()
    {
        Assert.Equal(["Ông nói: “chưa xong", "Dòng mới."], Sentences("Ông nói: “chưa xong\nDòng mới."));
    }

    [Fact]
    public void Split_PeriodBeforeClosingQuote_EndsAfterTheQuote()
    {
        const string text = "Nghị quyết nêu rõ: “Dân là gốc.” Sau đó hội nghị bế mạc.";
        Assert.Equal(["Nghị quyết nêu rõ: “Dân là gốc.”", "Sau đó hội nghị bế mạc."], Sentences(text));
    }

    [Fact]
    public void Split_PeriodBeforeStraightQuoteAndParenthesis_EndsAfterThem()
    {
        const string text = "Khẩu hiệu \"trọng dân, gần dân.\") Tiếp theo là phần thảo luận.";
        Assert.Equal(["Khẩu hiệu \"trọng dân, gần dân.\")", "Tiếp theo là phần thảo luận."], Sentences(text));
    }

    [Fact]
    public void Split_EllipsisFollowedByCapital_EndsTheSentence()
    {
        Assert.Equal(["Người nghèo, người khuyết tật...", "Mặt trận Tổ quốc cũng vậy."], Sentences("Người nghèo, người khuyết tật... Mặt trận Tổ quốc cũng vậy."));
    }

    [Fact]
    public void Split_SentenceEndingWithAbbreviation_EndsAtTheDotAfterIt()
    {
        Assert.Equal(["Văn bản gửi UBND.", "Hội nghị kết thúc."], Sentences("Văn bản gửi UBND. Hội nghị kết thúc."));
    }

    [Fact]
    public void Split_SentenceEndingWithAName_EndsAfterTheInitial()
    {
        Assert.Equal(["Báo cáo của ông Nguyễn Văn A.", "Sau đó là thảo luận."], Sentences("Báo cáo của ông Nguyễn Văn A. Sau đó là thảo luận."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t ")]
    [InlineData("\u200B")]
    public void Split_BlankText_YieldsNoSentence(string text)
    {
        Assert.Empty(Sentences(text));
    }

    [Fact]
    public void Split_SpansLeaveOutTheBlankSpaceBetweenSentences()
    {
        const string text = "  Câu một.   Câu hai.  ";
        var spans = new List<TextSpan>();
        foreach (TextSpan span in SentenceSegmenter.Split(text))
        {
            spans.Add(span);
        }

        Assert.Equal([new TextSpan(2, 8), new TextSpan(13, 8)], spans);
    }

    [Fact]
    public void Split_SeedArticle_FindsHandPickedSentencesWhole()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, "001_520578ac9f119650.txt"));
        List<string> sentences = Sentences(text);
        Assert.Contains("Quận Thanh Xuân: Xây dựng và nhân rộng các mô hình “dân vận khéo” trên các lĩnh vực", sentences);
        Assert.Contains(sentences, s => s.StartsWith("Ngày 22/9, Ban Thường vụ Quận ủy Thanh Xuân", StringComparison.Ordinal)
            && s.EndsWith("xây dựng chính quyền”.", StringComparison.Ordinal) && s.Contains("25-NQ/TW ngày 3/6/2013", StringComparison.Ordinal));
        Assert.Contains("https://laodongthudo.vn/xay-dung-va-nhan-rong-cac-mo-hinh-dan-van-kheo-tren-cac-linh-vuc-160636.html", sentences);
    }

    [Fact]
    public void Split_EverySeed_GivesOrderedTrimmedSentencesThatEndAtLineBreaksOrEndMarks()
    {
        foreach ((string name, string text) in RepositoryPaths.SeedTexts())
        {
            int previousEnd = 0;
            foreach (TextSpan span in SentenceSegmenter.Split(text))
            {
                Assert.True(span.Start >= previousEnd && span.Length > 0, name);
                Assert.False(char.IsWhiteSpace(text[span.Start]) || char.IsWhiteSpace(text[span.End - 1]), name);
                Assert.DoesNotContain('\n', text.Substring(span.Start, span.Length));
                previousEnd = span.End;
            }
        }
    }
}
