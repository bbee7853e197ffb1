using System.Text;
using DanVan.Analytics.Learning.Features;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Learning.Tests.Features;

public sealed class TopicCuesTests
{
    private const string Filler = "Trong những năm qua, địa phương đã triển khai nhiều nội dung thiết thực và hiệu quả. ";

    private static float[] Fill(string text, TopicCues? cues = null)
    {
        cues ??= TopicCues.Default;
        var features = new float[cues.FeatureCount];
        cues.Fill(VietnameseNormalizer.Default.Normalize(text), features, 1f);
        return features;
    }

    private static int Area(string name) => TopicCues.Default.Areas.ToList().IndexOf(name);

    private static float Count(float[] features, string area) => features[Area(area) * TopicCues.FeaturesPerArea];

    private static float Lead(float[] features, string area) => features[(Area(area) * TopicCues.FeaturesPerArea) + 1];

    private static float Position(float[] features, string area) => features[(Area(area) * TopicCues.FeaturesPerArea) + 2];

    [Fact]
    public void Default_HasTheSevenAreasOfTheTopicLabels()
    {
        Assert.Equal(VietnameseFeaturizer.CueAreas, TopicCues.Default.Areas.Count);
        Assert.Equal(
            ["dan_chu_co_so", "dan_toc_ton_giao", "dan_van_chinh_quyen", "dan_van_kheo", "luc_luong_vu_trang", "mat_tran_doan_the", "other_danvan"],
            TopicCues.Default.Areas.Order(StringComparer.Ordinal));
        Assert.True(TopicCues.Default.PhraseCount > 150, $"{TopicCues.Default.PhraseCount} phrases");
        Assert.Equal(VietnameseFeaturizer.CueCount, TopicCues.Default.FeatureCount);
    }

    [Theory]
    [InlineData("Hội Cựu chiến binh xã tổ chức đại hội nhiệm kỳ mới.", "mat_tran_doan_the")]
    [InlineData("Ban Thanh tra nhân dân phường giám sát việc xây dựng nhà văn hóa.", "dan_chu_co_so")]
    [InlineData("Bí thư Huyện ủy tiếp công dân định kỳ tại trụ sở.", "dan_van_chinh_quyen")]
    [InlineData("Đồn Biên phòng giúp đồng bào xây nhà.", "luc_luong_vu_trang")]
    [InlineData("Lãnh đạo tỉnh thăm các chức sắc, chức việc nhân dịp lễ Phục sinh.", "dan_toc_ton_giao")]
    [InlineData("Xã tổ chức Hội thi “Dân vận khéo” lần thứ nhất.", "dan_van_kheo")]
    [InlineData("Kỷ niệm Ngày truyền thống công tác dân vận của Đảng.", "other_danvan")]
    public void Fill_PhraseOfAnArea_CountsForThatArea(string text, string area)
    {
        float[] features = Fill(text);
        Assert.True(Count(features, area) > 0, string.Join(" ", features));
        Assert.Equal(1f, Lead(features, area));
        Assert.True(Position(features, area) > 0.9f);
    }

    [Fact]
    public void Fill_UpperCaseNfdAndOtherTonePlacement_MatchAlike()
    {
        float[] plain = Fill("Ban Trị sự Giáo hội Phật giáo và đồng bào theo đạo Hòa Hảo.");
        Assert.Equal(plain, Fill("BAN TRỊ SỰ GIÁO HỘI PHẬT GIÁO VÀ ĐỒNG BÀO THEO ĐẠO HOÀ HẢO."));
        Assert.Equal(plain, Fill("Ban Trị sự Giáo hội Phật giáo và đồng bào theo đạo Hòa Hảo.".Normalize(NormalizationForm.FormD)));
        Assert.True(Count(plain, "dan_toc_ton_giao") > 0);
    }

    [Fact]
    public void Fill_PhraseBrokenByPunctuation_DoesNotMatch()
    {
        Assert.All(Fill("Đoàn kiểm tra thanh tra, nhân dân địa phương phối hợp."), f => Assert.Equal(0f, f));
        Assert.True(Count(Fill("Đoàn kiểm tra thanh tra nhân dân địa phương phối hợp."), "dan_chu_co_so") > 0);
    }

    [Fact]
    public void Fill_LaterCue_WeighsLessThanALeadingOne()
    {
        string late = string.Concat(Enumerable.Repeat(Filler, 8)) + "Hội Liên hiệp Phụ nữ xã ra mắt tổ hợp tác.";
        float[] early = Fill("Hội Liên hiệp Phụ nữ xã ra mắt tổ hợp tác. " + Filler);
        float[] after = Fill(late);
        Assert.Equal(Count(early, "mat_tran_doan_the"), Count(after, "mat_tran_doan_the"));
        Assert.Equal(1f, Lead(early, "mat_tran_doan_the"));
        Assert.Equal(0f, Lead(after, "mat_tran_doan_the"));
        Assert.True(Position(after, "mat_tran_doan_the") < Position(early, "mat_tran_doan_the") / 2);
    }

    [Fact]
    public void Fill_MoreCues_CountMore()
    {
        float[] one = Fill("Công an xã làm việc.");
        float[] three = Fill("Công an xã và bộ đội biên phòng cùng dân quân làm việc.");
        Assert.True(Count(three, "luc_luong_vu_trang") > Count(one, "luc_luong_vu_trang"));
    }

    [Fact]
    public void Fill_OrdinaryNewsAndEmptyText_GiveNoCue()
    {
        Assert.All(Fill("Trận đấu bóng đá tối qua kết thúc với tỷ số 2-1 cho đội khách."), f => Assert.Equal(0f, f));
        Assert.All(Fill(""), f => Assert.Equal(0f, f));
    }

    [Fact]
    public void Fill_RandomText_NeverThrowsAndStaysInRange()
    {
        var random = new Random(17);
        const string alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ,.;:-–\n\t“”'0123456789/ĐÂN VẬN";
        for (int k = 0; k < 300; k++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 400);
            for (int i = 0; i < length; i++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            if (k % 3 == 0)
            {
                text.Append(" công tác dân vận mặt trận tổ quốc ");
            }

            float[] features = Fill(text.ToString());
            Assert.All(features, f => Assert.True(float.IsFinite(f) && f >= 0 && f <= 10, $"{f}"));
        }
    }

    [Fact]
    public void Parse_TableOfUsersOwn_ReadsAreasInOrderAndSkipsComments()
    {
        var cues = TopicCues.Parse(new StringReader("# areas\nalpha\tquỹ vì người nghèo\n\nbeta\tgià làng\nalpha\thộ nghèo\n"));
        Assert.Equal(["alpha", "beta"], cues.Areas);
        Assert.Equal(3, cues.PhraseCount);
        float[] features = Fill("Già làng vận động hộ nghèo góp Quỹ vì người nghèo.", cues);
        Assert.Equal(MathF.Log(3), features[0], 5); // "hộ nghèo" and "quỹ vì người nghèo"
        Assert.Equal(MathF.Log(2), features[TopicCues.FeaturesPerArea], 5);
    }

    [Theory]
    [InlineData("alpha quỹ vì người nghèo")]
    [InlineData("alpha\t")]
    [InlineData("alpha\t,;")]
    [InlineData("alpha\tmột\thai")]
    public void Parse_MalformedLine_IsAFormatError(string line)
    {
        var error = Assert.Throws<FormatException>(() => TopicCues.Parse(new StringReader("# ok\n" + line + "\n")));
        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Featurize_CuePart_HasItsLengthAndSeesTheArea()
    {
        var row = new ArticleFeatureRow();
        VietnameseFeaturizer.Featurize("Bộ đội Biên phòng tỉnh bàn giao nhà cho hộ nghèo vùng biên giới.", row);
        Assert.Equal(VietnameseFeaturizer.CueCount, row.Cues.Length);
        Assert.True(row.Cues[Area("luc_luong_vu_trang") * TopicCues.FeaturesPerArea] > 0);
        Assert.Equal(0f, row.Cues[Area("dan_chu_co_so") * TopicCues.FeaturesPerArea]);
    }
}
