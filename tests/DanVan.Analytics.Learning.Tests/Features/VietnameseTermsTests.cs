using DanVan.Analytics.Learning.Features;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Learning.Tests.Features;

public sealed class VietnameseTermsTests
{
    private const string Nfc = "Ban Dân vận Tỉnh ủy triển khai phong trào thi đua “Dân vận khéo” ở xã theo Nghị quyết số 25-NQ/TW.";

    private sealed class ListSink : ITermSink
    {
        public List<(string Term, TermKind Kind)> Terms { get; } = [];

        public List<(string Pair, bool Folded)> Bigrams { get; } = [];

        public void Term(ReadOnlySpan<char> term, TermKind kind) => Terms.Add((term.ToString(), kind));

        public void Bigram(ReadOnlySpan<char> first, ReadOnlySpan<char> second, bool folded) => Bigrams.Add(($"{first}|{second}", folded));
    }

    private static (ListSink Sink, PhraseCounts Counts) Scan(string text, bool foldedTwins = true)
    {
        var sink = new ListSink();
        PhraseCounts counts = VietnameseTerms.Scan(VietnameseNormalizer.Default.Normalize(text), ref sink, StopWords.Default, foldedTwins);
        return (sink, counts);
    }

    [Fact]
    public void Scan_AccentedWord_GivesLowerCaseWordAndFoldedTwin()
    {
        var (sink, _) = Scan(Nfc);
        Assert.Contains(("dân", TermKind.Word), sink.Terms);
        Assert.Contains(("dan", TermKind.FoldedWord), sink.Terms);
        Assert.Contains(("ban", TermKind.Word), sink.Terms);
        Assert.DoesNotContain(("ban", TermKind.FoldedWord), sink.Terms); // folding changes nothing: no twin
    }

    [Fact]
    public void Scan_AdjacentWords_GiveAccentedAndFoldedBigrams()
    {
        var (sink, _) = Scan(Nfc);
        Assert.Contains(("dân|vận", false), sink.Bigrams);
        Assert.Contains(("dan|van", true), sink.Bigrams);
    }

    [Fact]
    public void Scan_StopWord_GivesNoUnigramButKeepsItsBigrams()
    {
        var (sink, _) = Scan(Nfc);
        Assert.DoesNotContain(sink.Terms, t => t.Term == "ở");
        Assert.Contains(("ở|xã", false), sink.Bigrams);
    }

    [Fact]
    public void Scan_PunctuationBetweenWords_BreaksTheBigram()
    {
        var (sink, _) = Scan("khéo” ở");
        Assert.DoesNotContain(sink.Bigrams, b => b.Pair == "khéo|ở");
    }

    [Theory]
    [InlineData("theo Nghị quyết số 25-NQ/TW của Bộ Chính trị", "25-NQ/TW", "NQ/TW")]
    [InlineData("theo Nghị định 04/2015/NĐ-CP của Chính phủ", "04/2015/NĐ-CP", "NĐ-CP")]
    [InlineData("Kế hoạch số 411/KH-UBND", "411/KH-UBND", "KH-UBND")]
    public void Scan_DocumentCode_IsOneTermWithItsKind(string text, string code, string kind)
    {
        var (sink, counts) = Scan(text);
        Assert.Contains((code, TermKind.DocumentCode), sink.Terms);
        Assert.Contains((kind, TermKind.DocumentCodeKind), sink.Terms);
        Assert.Equal(1, counts.DocumentCodes);
    }

    [Fact]
    public void Scan_Phrases_AreCountedInAnySpelling()
    {
        var (_, counts) = Scan("BAN DÂN VẬN Huyện ủy; Ban Dan van xa; phong trào Dân vận khéo; công tác dân vận.");
        Assert.Equal(2, counts.BanDanVan);
        Assert.Equal(4, counts.DanVan);
        Assert.Equal(1, counts.DanVanKheo);
    }

    [Fact]
    public void Scan_WithoutFoldedTwins_GivesOnlyAccentedTerms()
    {
        var (sink, _) = Scan(Nfc, foldedTwins: false);
        Assert.DoesNotContain(sink.Terms, t => t.Kind == TermKind.FoldedWord);
        Assert.DoesNotContain(sink.Bigrams, b => b.Folded);
    }

    [Fact]
    public void Featurize_NfdAndNfc_GiveTheSameVector()
    {
        var nfc = new ArticleFeatureRow();
        var nfd = new ArticleFeatureRow();
        VietnameseFeaturizer.Featurize(Nfc, nfc);
        VietnameseFeaturizer.Featurize(Nfc.Normalize(System.Text.NormalizationForm.FormD), nfd);
        Assert.Equal(nfc.Terms.GetIndices().ToArray(), nfd.Terms.GetIndices().ToArray());
        Assert.Equal(nfc.Terms.GetValues().ToArray(), nfd.Terms.GetValues().ToArray());
        Assert.Equal(nfc.Facts, nfd.Facts);
    }

    [Fact]
    public void Featurize_TermPart_HasUnitLengthAndFitsTheDimension()
    {
        var row = new ArticleFeatureRow();
        VietnameseFeaturizer.Featurize(Nfc, row);
        float sumOfSquares = 0;
        foreach (float v in row.Terms.GetValues())
        {
            sumOfSquares += v * v;
        }

        Assert.Equal(1f, sumOfSquares, 3);
        Assert.Equal(VietnameseFeaturizer.TermDimension, row.Terms.Length);
        Assert.All(row.Terms.GetIndices().ToArray(), i => Assert.InRange(i, 0, VietnameseFeaturizer.TermDimension - 1));
    }

    [Fact]
    public void Featurize_Facts_SeeDanVanWorkAndNotOrdinaryNews()
    {
        var danVan = new ArticleFeatureRow();
        var other = new ArticleFeatureRow();
        VietnameseFeaturizer.Featurize(Nfc + " Đồng chí Nguyễn Văn An, Trưởng Ban Dân vận Tỉnh ủy phát biểu.", danVan);
        VietnameseFeaturizer.Featurize("Trận đấu bóng đá tối qua kết thúc với tỷ số 2-1 cho đội khách.", other);
        int ban = VietnameseFeaturizer.FactNames.ToList().IndexOf("ban_dan_van_mentions");
        int kheo = VietnameseFeaturizer.FactNames.ToList().IndexOf("dan_van_kheo_mentions");
        int docs = VietnameseFeaturizer.FactNames.ToList().IndexOf("has_document_reference");
        int officials = VietnameseFeaturizer.FactNames.ToList().IndexOf("officials_with_dan_van_titles");
        Assert.True(danVan.Facts[ban] > 0);
        Assert.True(danVan.Facts[kheo] > 0);
        Assert.Equal(1f, danVan.Facts[docs]);
        Assert.True(danVan.Facts[officials] > 0);
        Assert.All(other.Facts, f => Assert.Equal(0f, f));
    }

    [Fact]
    public void Featurize_EmptyText_GivesAnEmptyVector()
    {
        var row = new ArticleFeatureRow();
        VietnameseFeaturizer.Featurize("", row);
        Assert.Equal(0, row.Terms.GetValues().Length);
        Assert.All(row.Facts, f => Assert.Equal(0f, f));
    }

    [Fact]
    public void StopWords_TableIsLoadedAndLowerCase()
    {
        Assert.True(StopWords.Default.Count > 50);
        Assert.True(StopWords.Default.Contains("của"));
        Assert.False(StopWords.Default.Contains("dân"));
    }
}
