using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Tests.Extraction.Documents;

public sealed class DocumentExtractorTests
{
    private static IReadOnlyList<DocumentReference> Extract(string text) => ArticleExtractor.Default.Extract(text).Documents;

    [Theory]
    [InlineData("thực hiện Nghị quyết số 25-NQ/TW của Trung ương", "25-NQ/TW", "nghị quyết")]
    [InlineData("theo Chương trình hành động 23-Ctr/TU của Thành ủy", "23-CTR/TU", "chương trình hành động")]
    [InlineData("Quy định số 11-QĐi/TW về trách nhiệm", "11-QĐI/TW", "quy định")]
    [InlineData("Kết luận số 100 - KL/TW của Ban Bí thư", "100-KL/TW", "kết luận")]
    [InlineData("Chỉ thị số 07-CT/TU của Tỉnh ủy", "07-CT/TU", "chỉ thị")]
    [InlineData("Nghị quyết 25-NQ/TƯ phù hợp", "25-NQ/TW", "nghị quyết")]
    [InlineData("Quyết định số 99-QÐ/TU của Ban Thường vụ", "99-QĐ/TU", "quyết định")]
    [InlineData("Nghị định số 04/2015/NĐ-CP của Chính phủ", "04/2015/NĐ-CP", "nghị định")]
    [InlineData("Công văn số 1613/UBND-KGVX về việc", "1613/UBND-KGVX", "công văn")]
    [InlineData("Kế hoạch 411/KH-UBND của UBND tỉnh", "411/KH-UBND", "kế hoạch")]
    [InlineData("Kế hoạch số 24-KH/BDVTU của Ban Dân vận", "24-KH/BDVTU", "kế hoạch")]
    [InlineData("quán triệt Chỉ thị 12/CT/TU của Thành ủy", "12-CT/TU", "chỉ thị")]
    [InlineData("theo Kết luận số 08/KL-TW của Bộ Chính trị", "08-KL/TW", "kết luận")]
    [InlineData("Nghị quyết 09/NQ/TƯ về phát triển", "09-NQ/TW", "nghị quyết")]
    [InlineData("Quyết định số 61/QĐ-UBND của UBND huyện", "61/QĐ-UBND", "quyết định")]
    [InlineData("Nghị quyết liên tịch số 05/2021/NQLT/CP-ĐCTUBTWMTTQVN quy định", "05/2021/NQLT/CP-ĐCTUBTWMTTQVN", "nghị quyết liên tịch")]
    [InlineData("Quy chế phối hợp số 21/QCPH/MTTQ-CA giữa hai cơ quan", "21/QCPH/MTTQ-CA", "quy chế")]
    [InlineData("Chương trình phối hợp số 4/CTrPH/HND-BĐBP được ký", "4/CTRPH/HND-BĐBP", "chương trình")]
    public void Extract_WrittenCode_GivesCanonicalId(string text, string canonical, string docType)
    {
        DocumentReference d = Assert.Single(Extract(text));
        Assert.Equal(canonical, d.Canonical);
        Assert.Equal(docType, d.DocumentType);
        Assert.False(d.IsShort);
    }

    [Fact]
    public void Extract_SharedSuffix_GivesOneDocumentPerNumber()
    {
        var docs = Extract("tổng kết Quyết định 217, 218-QĐ/TW của Bộ Chính trị");
        Assert.Equal(["217-QĐ/TW", "218-QĐ/TW"], docs.Select(d => d.Canonical));
        Assert.Equal(["217", "218"], docs.Select(d => d.Number));
    }

    [Fact]
    public void Extract_BareCodeWithKnownType_IsAReference()
    {
        DocumentReference d = Assert.Single(Extract("Quyết định số 217-QĐ/TW và 218-QĐ/TW của Bộ Chính trị"), x => x.Number == "218");
        Assert.Equal("218-QĐ/TW", d.Canonical);
        Assert.Equal("quyết định", d.DocumentType);
    }

    [Fact]
    public void Extract_ShortReference_ResolvesToTheFullCodeInTheSameText()
    {
        var docs = Extract("Thực hiện Nghị quyết số 25-NQ/TW ngày 3/6/2013. Sau 5 năm thực hiện Nghị quyết 25, công tác dân vận chuyển biến.");
        Assert.Equal(2, docs.Count);
        Assert.True(docs[1].IsShort);
        Assert.Equal("Nghị quyết 25", docs[1].Surface);
        Assert.Equal("25-NQ/TW", docs[1].Canonical);
    }

    [Fact]
    public void Extract_ShortReferenceWithTwoCandidates_StaysUnresolved()
    {
        var docs = Extract("Nghị quyết số 25-NQ/TW và Nghị quyết số 25-NQ/TU. Nghị quyết 25 được quán triệt.");
        DocumentReference shortRef = Assert.Single(docs, d => d.IsShort);
        Assert.Null(shortRef.Canonical);
    }

    [Theory]
    [InlineData("Nghị quyết số 25-NQ/TW ngày 3/6/2013 của Ban Chấp hành", 2013, 6, 3)]
    [InlineData("Kế hoạch số 92-KH/QU, ngày 1/8/2013 của Quận ủy", 2013, 8, 1)]
    [InlineData("Kế hoạch số 342/KH-UBND ngày 24 tháng 4 năm 2023 của UBND phường", 2023, 4, 24)]
    [InlineData("Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị", 2016, 5, 15)]
    [InlineData("Quyết định số 217-QĐ/TW ngày 12.12.2013 của Bộ Chính trị", 2013, 12, 12)]
    public void Extract_DateWrittenWithTheReference_IsTheIssueDate(string text, int year, int month, int day)
    {
        DocumentReference d = Assert.Single(Extract(text));
        Assert.Equal(new DateOnly(year, month, day), d.Date);
        Assert.EndsWith(day.ToString(System.Globalization.CultureInfo.InvariantCulture) == "24" ? "năm 2023" : year.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Surface);
    }

    [Fact]
    public void Extract_DateElsewhereInTheSentence_IsNull()
    {
        DocumentReference d = Assert.Single(Extract("Ngày 12/12/2013, Bộ Chính trị ban hành Quyết định số 218-QĐ/TW về góp ý."));
        Assert.Null(d.Date);
    }

    [Fact]
    public void Extract_IssuingBodyAndTerm_AreExtraFields()
    {
        DocumentReference d = Assert.Single(Extract("Nghị quyết số 25-NQ/TW ngày 3/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI về công tác dân vận"));
        Assert.Equal("Ban Chấp hành Trung ương Đảng", d.IssuingBody);
        Assert.Equal("XI", d.Term);

        DocumentReference q = Assert.Single(Extract("Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI) ban hành quy định"));
        Assert.Equal("Bộ Chính trị", q.IssuingBody);
        Assert.Equal("XI", q.Term);
    }

    [Theory]
    [InlineData("góp phần thực hiện Nghị quyết Đại hội XIII của Đảng")]
    [InlineData("quán triệt Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII")]
    [InlineData("xây dựng kế hoạch 5 năm về phát triển kinh tế")]
    [InlineData("phấn đấu 98% hồ sơ được trả đúng hạn trong giai đoạn 2023-2025")]
    [InlineData("đường Quốc lộ 1A và tỉnh lộ 25-3 đã thông xe")]
    public void Extract_NoNumberedDocument_FindsNothingCountable(string text)
    {
        Assert.DoesNotContain(Extract(text), d => d.Canonical is not null);
    }

    [Fact]
    public void Extract_Surface_IsTheOriginalSubstringForNfdInput()
    {
        string text = "Thực hiện Nghị quyết số 25-NQ/TW ngày 3/6/2013 của Trung ương.".Normalize(System.Text.NormalizationForm.FormD);
        DocumentReference d = Assert.Single(Extract(text));
        Assert.Equal(text.Substring(d.Span.Start, d.Span.Length), d.Surface);
        Assert.Equal("Nghị quyết số 25-NQ/TW ngày 3/6/2013", d.NormalizedSurface);
    }

    [Theory]
    [InlineData("UBND HUYỆN MƯỜNG NHÉ\nSố: 342/KH-UBND\nKẾ HOẠCH tuyên truyền", "342/KH-UBND")]
    [InlineData("HUYỆN ỦY KRÔNG BÔNG\nSố: 77-KH/HU\nKẾ HOẠCH", "77-KH/HU")]
    public void Extract_DocumentsOwnHeadingNumber_IsAReference(string text, string canonical)
    {
        DocumentReference d = Assert.Single(Extract(text));
        Assert.Equal(canonical, d.Canonical);
        Assert.Equal(text.Substring(d.Span.Start, d.Span.Length), d.Surface);
    }

    [Fact]
    public void Extract_PartyCodeWithStateSeparators_ResolvesAShortReferenceInAnotherSentence()
    {
        var documents = Extract("Huyện ủy ban hành Nghị quyết 05/NQ/HU về chuyển đổi số. Sau một năm, việc thực hiện Nghị quyết 05 đạt kết quả tốt.");
        Assert.Equal(["05-NQ/HU", "05-NQ/HU"], documents.Select(d => d.Canonical));
        Assert.Equal([false, true], documents.Select(d => d.IsShort));
    }

    [Theory]
    [InlineData("Văn bản số 15/UBND của xã")]
    [InlineData("tỷ lệ đạt 17/NQ phần trăm")]
    public void Extract_SlashCodeWithoutIssuerOrDash_IsNoReference(string text)
    {
        Assert.DoesNotContain(Extract(text), d => d.Canonical is not null && !d.IsShort);
    }
}
