using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Tests.Extraction.Officials;

public sealed class OfficialExtractorTests
{
    private static IReadOnlyList<Official> Extract(string text, ArticleExtractor? extractor = null) =>
        (extractor ?? ArticleExtractor.Default).Extract(text).Officials;

    private static Official Single(string text, string name)
    {
        var officials = Extract(text);
        return Assert.Single(officials, o => o.Name == name);
    }

    [Fact]
    public void Extract_TitleBeforeNameWithPlace_SplitsTheNameOffThePlace()
    {
        Official o = Assert.Single(Extract("Phát biểu tại buổi làm việc, Bí thư Thành ủy Hà Nội Hoàng Trung Hải khẳng định."));
        Assert.Equal("Hoàng Trung Hải", o.Name);
        Assert.Equal(["Bí thư Thành ủy Hà Nội"], o.Titles.Select(t => t.Text));
    }

    [Fact]
    public void Extract_TitlesBeforeName_AreEachTheirOwnTitle()
    {
        Official o = Single("Cùng dự có Ủy viên Trung ương Đảng, Phó Bí thư Thành ủy, Chủ tịch UBND thành phố Nguyễn Đức Chung.", "Nguyễn Đức Chung");
        Assert.Equal(["Ủy viên Trung ương Đảng", "Phó Bí thư Thành ủy", "Chủ tịch UBND thành phố"], o.Titles.Select(t => t.Text));
    }

    [Theory]
    [InlineData("Ông Đặng Vân - Trưởng ban Dân vận Huyện ủy Phú Ninh cho biết.", "Đặng Vân", "Trưởng ban Dân vận Huyện ủy Phú Ninh")]
    [InlineData("Ông Đặng Vân – Trưởng ban Dân vận Huyện ủy Phú Ninh cho biết.", "Đặng Vân", "Trưởng ban Dân vận Huyện ủy Phú Ninh")]
    [InlineData("đồng chí Hà Thị Khiết, Bí thư Trung ương Đảng, Trưởng Ban Dân vận Trung ương phát biểu", "Hà Thị Khiết", "Bí thư Trung ương Đảng|Trưởng Ban Dân vận Trung ương")]
    [InlineData("Anh Nguyễn Văn Tùng (Bí thư Chi đoàn thôn 3) chia sẻ.", "Nguyễn Văn Tùng", "Bí thư Chi đoàn thôn 3")]
    [InlineData("Theo ông Nguyễn Văn Sơn, chủ tịch UBND tỉnh Quảng Nam, dự án sẽ khởi công.", "Nguyễn Văn Sơn", "chủ tịch UBND tỉnh Quảng Nam")]
    [InlineData("Trao đổi với phóng viên, phó chủ tịch UBND xã Lê Văn Tám cho biết.", "Lê Văn Tám", "phó chủ tịch UBND xã")]
    [InlineData("Ông Phan Văn Mãi, ủy viên Trung ương Đảng, bí thư Tỉnh ủy Bến Tre, phát biểu.", "Phan Văn Mãi", "ủy viên Trung ương Đảng|bí thư Tỉnh ủy Bến Tre")]
    public void Extract_TitlesWrittenWithTheName_AreFoundAsWritten(string text, string name, string titles)
    {
        Official o = Single(text, name);
        Assert.Equal(titles.Split('|'), o.Titles.Select(t => t.Text));
    }

    [Theory]
    [InlineData("Dự có Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch Nguyễn Văn Hùng; Chủ nhiệm Ủy ban Văn hóa, Giáo dục của Quốc hội Nguyễn Đắc Vinh.", "Nguyễn Văn Hùng", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch")]
    [InlineData("Dự có Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch Nguyễn Văn Hùng; Chủ nhiệm Ủy ban Văn hóa, Giáo dục của Quốc hội Nguyễn Đắc Vinh.", "Nguyễn Đắc Vinh", "Chủ nhiệm Ủy ban Văn hóa, Giáo dục của Quốc hội")]
    [InlineData("cùng với Phó Trưởng Ban Tôn giáo - Dân tộc tỉnh Nguyễn Vĩnh Thế, cán bộ của hai cơ quan", "Nguyễn Vĩnh Thế", "Phó Trưởng Ban Tôn giáo - Dân tộc tỉnh")]
    public void Extract_OrganisationNameWithCommaOrDash_StaysOneTitle(string text, string name, string title)
    {
        Official o = Single(text, name);
        Assert.Equal([title], o.Titles.Select(t => t.Text));
    }

    [Theory]
    [InlineData("Các bí thư chi bộ và chủ tịch UBND xã đã ký cam kết.")]
    [InlineData("Phạm Tiến Ngọ (giám đốc DNTN Thành Tiến) bị khởi tố.")]
    [InlineData("Tập thể đã bầu làm Chủ tịch UBND huyện Trần Văn Bốn.")]
    public void Extract_LowerCaseTitleWithoutNameOrCompanyOrRoleByVerb_IsNoOfficial(string text)
    {
        Assert.Empty(Extract(text));
    }

    [Fact]
    public void Extract_CommaBetweenTitles_StillSeparatesThem()
    {
        Official o = Single("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Trần Văn Hiệp phát biểu.", "Trần Văn Hiệp");
        Assert.Equal(["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"], o.Titles.Select(t => t.Text));
    }

    [Fact]
    public void Extract_HonorificOnly_GivesNameWithoutTitlesAndWithoutHonorific()
    {
        Official o = Assert.Single(Extract("Kết luận buổi làm việc, đồng chí Trương Thị Mai đánh giá cao tinh thần trách nhiệm."));
        Assert.Equal("Trương Thị Mai", o.Name);
        Assert.Empty(o.Titles);
    }

    [Fact]
    public void Extract_LaterShortMention_MergesIntoTheFullName()
    {
        Official o = Assert.Single(Extract("Đồng chí Trương Thị Mai phát biểu. Sau đó, đồng chí Mai nhấn mạnh vai trò của dân vận."));
        Assert.Equal("Trương Thị Mai", o.Name);
        Assert.Equal(2, o.Mentions.Count);
        Assert.Equal("Mai", o.Mentions[1].Surface);
        Assert.Equal(1, o.Mentions[1].SentenceIndex);
    }

    [Fact]
    public void Extract_TitleBeforeAList_BelongsToEachName()
    {
        var officials = Extract("Các Phó Chủ tịch UBND xã Trần Văn Nam và Phạm Quang Huy thường xuyên đối thoại với nhân dân.");
        Assert.Equal(["Trần Văn Nam", "Phạm Quang Huy"], officials.Select(o => o.Name));
        Assert.All(officials, o => Assert.Equal(["Phó Chủ tịch UBND xã"], o.Titles.Select(t => t.Text)));
    }

    [Fact]
    public void Extract_CongressList_GivesEveryComrade()
    {
        var officials = Extract("Ủy ban Kiểm tra Huyện ủy gồm các đồng chí: Đoàn Minh Quang, Trương Công Lý, Phan Thị Mỹ Dung.");
        Assert.Equal(["Đoàn Minh Quang", "Trương Công Lý", "Phan Thị Mỹ Dung"], officials.Select(o => o.Name));
        Assert.All(officials, o => Assert.Empty(o.Titles));
    }

    [Fact]
    public void Extract_RoleGivenByAVerb_IsNotATitle()
    {
        Official o = Assert.Single(Extract("Đồng chí Huỳnh Văn Thái được bầu giữ chức Bí thư Huyện ủy."));
        Assert.Equal("Huỳnh Văn Thái", o.Name);
        Assert.Empty(o.Titles);
    }

    [Fact]
    public void Extract_Rank_IsATitleOfItsOwn()
    {
        Official o = Assert.Single(Extract("Đại tá Lê Văn Hùng, Chính ủy Bộ Chỉ huy Quân sự tỉnh chủ trì hội nghị."));
        Assert.Equal("Lê Văn Hùng", o.Name);
        Assert.Equal(["Đại tá", "Chính ủy Bộ Chỉ huy Quân sự tỉnh"], o.Titles.Select(t => t.Text));
    }

    [Theory]
    [InlineData("Phó Trưởng ban Thường trực Ban Dân vận Trung ương Điểu K’ré phát biểu.", "Điểu K’ré")]
    [InlineData("Dự có đồng chí Rah Lan Chung, Trưởng ban Dân vận Tỉnh ủy.", "Rah Lan Chung")]
    [InlineData("Đồng chí Y Biêr Niê, Phó Bí thư Tỉnh ủy dự hội nghị.", "Y Biêr Niê")]
    [InlineData("Người có uy tín Siu H’Nhoa được tặng Bằng khen.", "Siu H’Nhoa")]
    [InlineData("Chủ tịch UBND xã Chiềng Sung Giàng A Chu cho biết.", "Giàng A Chu")]
    [InlineData("Trưởng ban Dân vận Tỉnh ủy Thạch Nhựt Hằng phát biểu.", "Thạch Nhựt Hằng")]
    public void Extract_EthnicMinorityNames_AreFound(string text, string name)
    {
        Assert.Contains(name, Extract(text).Select(o => o.Name));
    }

    [Theory]
    [InlineData("làm theo tư tưởng Hồ Chí Minh và học tập đạo đức, phong cách Hồ Chí Minh.")]
    [InlineData("Hội nghị diễn ra tại số 11 đường Lê Duẩn, Hà Nội.")]
    [InlineData("Học viên Trường Chính trị Nguyễn Văn Cừ tỉnh Quảng Ninh theo dõi.")]
    [InlineData("Ảnh: Khánh Huyền\nHoàng Phong")]
    [InlineData("Trưởng Ban Dân vận Trung ương đề nghị Hà Nội quan tâm đến nguyện vọng của dân.")]
    [InlineData("Bí thư Tỉnh ủy Lâm Đồng phát biểu chỉ đạo.")]
    [InlineData("Cán bộ, chiến sĩ Đồn Biên phòng Bản Máy giúp dân làm đường.")]
    public void Extract_NoOfficial_FindsNobody(string text)
    {
        Assert.Empty(Extract(text));
    }

    [Theory]
    [InlineData("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nguyễn Văn A dự.", "Bí thư Tỉnh ủy", "Bí thư", "Tỉnh ủy", AdministrativeLevel.Province)]
    [InlineData("Chủ tịch Hội đồng nhân dân quận Thanh Xuân Nguyễn Minh Tiến phát biểu.", "Chủ tịch Hội đồng nhân dân quận Thanh Xuân", "Chủ tịch", "Hội đồng nhân dân quận Thanh Xuân", AdministrativeLevel.District)]
    [InlineData("Phó Bí thư Thường trực Quận ủy Nguyễn Minh Tiến phát biểu.", "Phó Bí thư Thường trực Quận ủy", "Phó Bí thư Thường trực", "Quận ủy", AdministrativeLevel.District)]
    [InlineData("Bí thư Đảng ủy xã Nguyễn Thị Hương cho biết.", "Bí thư Đảng ủy xã", "Bí thư", "Đảng ủy xã", AdministrativeLevel.Commune)]
    [InlineData("Trưởng thôn Thượng Hội Đỗ Văn Bảy chia sẻ.", "Trưởng thôn Thượng Hội", "Trưởng thôn", "Thượng Hội", AdministrativeLevel.Village)]
    [InlineData("Phó Trưởng Ban Dân vận Trung ương Nguyễn Văn Hùng dự.", "Phó Trưởng Ban Dân vận Trung ương", "Phó Trưởng Ban", "Dân vận Trung ương", AdministrativeLevel.Central)]
    public void Extract_Title_IsSplitIntoPositionOrganisationAndLevel(string text, string title, string position, string organisation, AdministrativeLevel level)
    {
        OfficialTitle t = Assert.Single(Extract(text).SelectMany(o => o.Titles), x => x.Text == title);
        Assert.Equal(position, t.Position);
        Assert.Equal(organisation, t.Organisation);
        Assert.Equal(level, t.Level);
    }

    [Fact]
    public void Extract_UserFamilyName_TurnsAPositionalReadingIntoAKnownFamilyName()
    {
        // The family-name table is a preference, not a gate (issue 18): the name is found without it, by its position.
        const string text = "Chủ tịch UBND xã Ia Dom Kpuih Thuyên cho biết.";
        Official before = Assert.Single(Extract(text));
        Assert.Equal("Kpuih Thuyên", before.Name);
        Assert.Equal(NameEvidence.Position, Assert.Single(before.Mentions).Evidence);

        var lexicon = ExtractionLexicon.WithAdditions(new ExtractionLexiconAdditions { FamilyNames = ["Kpuih"] });
        var extractor = new ArticleExtractor(new ExtractionOptions { Lexicon = lexicon });
        Official o = Assert.Single(Extract(text, extractor));
        Assert.Equal("Kpuih Thuyên", o.Name);
        Assert.Equal(["Chủ tịch UBND xã Ia Dom"], o.Titles.Select(t => t.Text));
        Assert.Equal(NameEvidence.KnownFamilyName, Assert.Single(o.Mentions).Evidence);
    }

    [Fact]
    public void Extract_UserTitleHead_ExtendsTheLexicon()
    {
        const string text = "Tại hội thảo, Giáo sư Nguyễn Văn Sáu phát biểu.";
        Assert.Empty(Extract(text));

        var lexicon = ExtractionLexicon.WithAdditions(new ExtractionLexiconAdditions { TitleHeads = ["Giáo sư"] });
        Official o = Assert.Single(Extract(text, new ArticleExtractor(new ExtractionOptions { Lexicon = lexicon })));
        Assert.Equal("Nguyễn Văn Sáu", o.Name);
        Assert.Equal(["Giáo sư"], o.Titles.Select(t => t.Text));
    }

    [Fact]
    public void Extract_MentionSpan_PointsIntoTheOriginalText()
    {
        string text = "Phó\u00A0Bí\u00A0thư Thành ủy Đào\u00A0Đức Toàn cho biết.".Normalize(System.Text.NormalizationForm.FormD);
        Official o = Assert.Single(Extract(text));
        Assert.Equal("Đào Đức Toàn", o.Name);
        OfficialMention m = Assert.Single(o.Mentions);
        Assert.Equal(text.Substring(m.Span.Start, m.Span.Length), m.Surface);
        Assert.Equal(["Phó Bí thư Thành ủy"], o.Titles.Select(t => t.Text));
    }

    [Theory]
    [InlineData("Chủ tịch UBND xã Nậm Ty (Hoàng Su Phì) Sin Văn Chài cho biết.", "Sin Văn Chài", "Chủ tịch UBND xã Nậm Ty")]
    [InlineData("Bí thư Huyện ủy Ea Kar (Đắk Lắk) Y Thuyết Byă phát biểu.", "Y Thuyết Byă", "Bí thư Huyện ủy Ea Kar")]
    [InlineData("Phó Trưởng Công an xã Mỹ Lệ (Cần Đước) Huỳnh Tấn Lực cho biết.", "Huỳnh Tấn Lực", "Phó Trưởng Công an xã Mỹ Lệ")]
    public void Extract_PlaceInParenthesesBetweenTitleAndName_KeepsTitleAndName(string text, string name, string title)
    {
        Official o = Assert.Single(Extract(text));
        Assert.Equal(name, o.Name);
        Assert.StartsWith(title, Assert.Single(o.Titles).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Các Phó Bí thư Đoàn gồm: anh Lý Seo Chỉn, chị Hoàng Thị Dung và anh Lương Văn Lập.", "Phó Bí thư Đoàn")]
    [InlineData("Các Ủy viên Ban Thường vụ là: đồng chí Lý Seo Chỉn, đồng chí Hoàng Thị Dung, đồng chí Lương Văn Lập.", "Ủy viên Ban Thường vụ")]
    public void Extract_ListUnderTitle_GivesTheTitleToEveryName(string text, string title)
    {
        var officials = Extract(text);
        Assert.Equal(["Lý Seo Chỉn", "Hoàng Thị Dung", "Lương Văn Lập"], officials.Select(o => o.Name));
        Assert.All(officials, o => Assert.Equal([title], o.Titles.Select(t => t.Text)));
    }

    [Theory]
    [InlineData("Bí thư Đảng ủy xã Xà Hồ Mùa A Tông cho biết.", "Mùa A Tông", NameEvidence.KnownFamilyName)]
    [InlineData("Trưởng ban Dân vận Huyện ủy Tủa Chùa Tráng Thị Pà cho biết.", "Tráng Thị Pà", NameEvidence.NamePattern)]
    [InlineData("Chủ tịch UBND xã Ia Mơ Tlang Duyên cho biết.", "Tlang Duyên", NameEvidence.Position)]
    [InlineData("bà Thị Sóc Rây, Chi hội trưởng Phụ nữ ấp, cho biết.", "Thị Sóc Rây", NameEvidence.Honorific)]
    [InlineData("Tiếp đoàn có ngài Sivone Keomany, Phó Tỉnh trưởng tỉnh Salavan.", "Sivone Keomany", NameEvidence.Honorific)]
    public void Extract_NameOfAFamilyTheLexiconMayNotKnow_IsFoundWithItsEvidence(string text, string name, NameEvidence evidence)
    {
        Official o = Assert.Single(Extract(text));
        Assert.Equal(name, o.Name);
        Assert.Equal(evidence, Assert.Single(o.Mentions).Evidence);
    }

    [Theory]
    [InlineData("Chủ tịch UBND xã Ea Tiêu cho biết xã có 5 thôn.")]
    [InlineData("Đoàn đến dâng hoa tại Tượng đài Chủ tịch Hồ Chí Minh.")]
    [InlineData("Sinh viên Trường Đại học Sư phạm Thành phố Hồ Chí Minh tham gia.")]
    [InlineData("Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh xã phát biểu.")]
    [InlineData("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.")]
    [InlineData("Ủy viên Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam dự hội nghị.")]
    [InlineData("Ảnh: Hồng Nhung\nY Pắc")]
    public void Extract_PlacesInstitutionsAndFixedExpressions_AreNoOfficials(string text)
    {
        Assert.Empty(Extract(text));
    }

    [Fact]
    public void Extract_ChuTichHoChiMinhAfterCua_IsAnOfficial()
    {
        Official o = Assert.Single(Extract("Cán bộ thấm nhuần lời dạy của Chủ tịch Hồ Chí Minh về công tác dân vận."));
        Assert.Equal("Hồ Chí Minh", o.Name);
        Assert.Equal(["Chủ tịch"], o.Titles.Select(t => t.Text));
    }

    [Fact]
    public void Extract_RankAndFormerPosition_AreBothTitles()
    {
        Official o = Assert.Single(Extract("Thiếu tướng Hà Văn Tới, nguyên Phó Tổng cục trưởng Tổng cục Hậu cần, dự buổi gặp mặt."));
        Assert.Equal("Hà Văn Tới", o.Name);
        Assert.Equal(["Thiếu tướng", "nguyên Phó Tổng cục trưởng Tổng cục Hậu cần"], o.Titles.Select(t => t.Text));
    }
}
