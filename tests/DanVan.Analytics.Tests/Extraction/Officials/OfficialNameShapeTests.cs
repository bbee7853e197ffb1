using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Tests.Extraction.Officials;

/// <summary>
/// How a name ends and where it starts, by Vietnamese naming conventions: a name ends in a given name, never in a middle
/// name or before a number; two words that open a title are no name; an unknown one-syllable word before a two-word name
/// is the name's family, not a place. Several cases withhold a table row, as if the text came from a province the tables
/// were never written for.
/// </summary>
public sealed class OfficialNameShapeTests
{
    private static IReadOnlyList<string> Names(string text, ExtractionLexicon? lexicon = null) =>
        [.. new ArticleExtractor(new ExtractionOptions { Lexicon = lexicon ?? ExtractionLexicon.Default }).Extract(text).Officials.Select(o => o.Name)];

    private static ExtractionLexicon Without(string table, params string[] rows) =>
        ExtractionLexicon.Without((t, r) => t == table && rows.Contains(r, StringComparer.OrdinalIgnoreCase));

    [Fact]
    public void Extract_ShortMentionBeforeTheFullName_TakesTheFullName()
    {
        Official o = Assert.Single(ArticleExtractor.Default.Extract("Bà Huệ cho biết đã chuẩn bị. Sau đó, bà Võ Thị Huệ nói thêm.").Officials);
        Assert.Equal("Võ Thị Huệ", o.Name);
        Assert.Equal(2, o.Mentions.Count);
    }

    [Theory]
    [InlineData("Ông Hà Phẩm Chất-Phó Bí thư Chi bộ-chia sẻ về sinh hoạt chi bộ.", "Hà Phẩm Chất", "Phó Bí thư Chi bộ")]
    [InlineData("Bà Lò Thị Mai-Chủ tịch Hội Phụ nữ xã cho biết.", "Lò Thị Mai", "Chủ tịch Hội Phụ nữ xã")]
    public void Extract_TitleJoinedByATightHyphen_IsAnApposition(string text, string name, string title)
    {
        Official o = Assert.Single(ArticleExtractor.Default.Extract(text).Officials);
        Assert.Equal(name, o.Name);
        Assert.Equal([title], o.Titles.Select(t => t.Text));
    }

    [Fact]
    public void Extract_HyphenatedForeignName_StaysWhole()
    {
        Assert.Equal(["Jeong Byung-won"], Names("Ông Jeong Byung-won, Đại sứ Hàn Quốc phát biểu."));
    }

    [Theory]
    [InlineData("ông Nguyễn Thạnh, Bí thư Chi bộ, Tổ trưởng tổ dân phố Lại Thế 1, phường Phú Thượng tâm sự.", "Nguyễn Thạnh")]
    [InlineData("Trưởng thôn Đồng Tâm 2 Nguyễn Văn Bình cho biết.", "Nguyễn Văn Bình")]
    public void Extract_CapitalizedWordsBeforeANumber_AreAUnitNotAName(string text, string name)
    {
        Assert.Equal([name], Names(text));
    }

    [Fact]
    public void Extract_WordsEndingInAMiddleName_AreNoName()
    {
        // "Chánh Văn phòng" with the title missing from the tables: "Chánh Văn" ends in a middle name, so it is no name.
        const string text = "Dự có bà Nguyễn Thị Thu Hà, Ủy viên Đoàn Chủ tịch Trung ương Hội, Chánh Văn phòng Trung ương Hội; ông Nông Văn Lịch, Chủ tịch Hội.";
        IReadOnlyList<string> names = Names(text, Without("TitleHeads", "chánh văn phòng"));
        Assert.DoesNotContain("Chánh Văn", names);
        Assert.Contains("Nguyễn Thị Thu Hà", names);
        Assert.Contains("Nông Văn Lịch", names);
    }

    [Fact]
    public void Extract_PlaceholderNameEndingInA_IsStillAName()
    {
        Assert.Equal(["Nguyễn Văn A"], Names("Đồng chí Nguyễn Văn A, Bí thư Huyện ủy, cho biết."));
    }

    [Theory]
    [InlineData("Đại tá Y Ngọc Khoa, Phó Giám đốc Công an tỉnh Đắk Nông, cho biết.", "Y Ngọc Khoa", "phó giám đốc,phó giám đốc công an")]
    [InlineData("Thiếu tá Cầm Văn Hải, Phó Chỉ huy trưởng Ban Chỉ huy Quân sự huyện, phát biểu.", "Cầm Văn Hải", "phó chỉ huy trưởng")]
    public void Extract_TwoWordsOpeningATitleThenLowerCase_AreATitleCutShortNotAName(string text, string name, string withheld)
    {
        Assert.Equal([name], Names(text, Without("TitleHeads", withheld.Split(','))));
    }

    [Fact]
    public void Extract_UnknownOneSyllableBeforeATwoWordName_GivesNoHalfName()
    {
        const string text = "Phó Bí thư Thành ủy Đào Đức Toàn cho biết.";
        Assert.Equal(["Đào Đức Toàn"], Names(text));
        // Without the family name "Đào" the place slot after "Thành ủy" could hold "Đào"; the rules never give "Đức Toàn".
        Assert.All(Names(text, Without("FamilyNames", "đào")), n => Assert.Equal("Đào Đức Toàn", n));
        Assert.All(Names("Ủy viên Ban Thường vụ Thành ủy Đào Đức Toàn dự.", Without("FamilyNames", "đào")), n => Assert.Equal("Đào Đức Toàn", n));
    }

    [Fact]
    public void Extract_UnknownOneSyllablePlaceBeforeAThreeWordName_StillGivesTheName()
    {
        Assert.Equal(["Nguyễn Văn Hải"], Names("Bí thư Thành ủy Vinh Nguyễn Văn Hải phát biểu."));
    }

    [Theory]
    [InlineData("PCT UBND tỉnh Cao Huy chúc mừng các vị chức sắc.", "Cao Huy", "PCT UBND tỉnh")]
    [InlineData("Dự có ông Lê Văn Hai, PBT Đảng ủy xã.", "Lê Văn Hai", "PBT Đảng ủy xã")]
    [InlineData("Thượng tá Nguyễn Văn Ba, PGĐ Công an tỉnh cho biết.", "Nguyễn Văn Ba", "PGĐ Công an tỉnh")]
    public void Extract_AbbreviatedTitleHeads_AreTitles(string text, string name, string title)
    {
        Official o = Assert.Single(ArticleExtractor.Default.Extract(text).Officials);
        Assert.Equal(name, o.Name);
        Assert.Contains(title, o.Titles.Select(t => t.Text));
    }

    [Theory]
    [InlineData("Thiếu tá Rơ Mah Tuân, Đồn trưởng Đồn Biên phòng Ia Dom cho biết.", "Rơ Mah", "Rơ Mah Tuân")]
    [InlineData("Đại úy Kpă Y Lu cho biết.", "Kpă", "Kpă Y Lu")]
    public void Extract_NameAfterARank_IsFoundWithoutItsFamilyInTheTables(string text, string withheld, string name)
    {
        Assert.Equal([name], Names(text, Without("FamilyNames", withheld)));
    }

    [Theory]
    [InlineData("Đại tá Công an tỉnh phát biểu.")]
    [InlineData("Thiếu tá Bộ đội Biên phòng tỉnh tham gia.")]
    [InlineData("Lễ thăng cấp Thượng tá Hà Nội diễn ra sáng nay.")]
    public void Extract_BodyOrPlaceAfterARank_IsNoName(string text)
    {
        Assert.Empty(Names(text));
    }

    [Fact]
    public void Extract_ColonListWhoseFirstNameTheTablesCannotRead_StillGivesTheNamesAfterIt()
    {
        const string text = "Ủy ban Kiểm tra Huyện ủy gồm các đồng chí: Đoàn Minh Quang, Trương Công Lý, Phan Thị Mỹ Dung.";
        Assert.Equal(["Đoàn Minh Quang", "Trương Công Lý", "Phan Thị Mỹ Dung"], Names(text));
        Assert.Equal(["Trương Công Lý", "Phan Thị Mỹ Dung"], Names(text, Without("FamilyNames", "Đoàn")));
        // Without a colon the words after the honorific may be a body ("các đồng chí Ban Thường vụ"): nothing is skipped.
        Assert.Empty(Names("Dự có các đồng chí Ban Thường vụ, Ban Chấp hành Đảng bộ huyện.", Without("FamilyNames", "Đoàn")));
    }
}
