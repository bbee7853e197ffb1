using DanVan.Analytics.Evaluation;
using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Tests.Extraction.Evaluation;

public sealed class ExtractionScorerTests
{
    private static ExtractionCase Case(string id, string[]? docs = null, (long Value, string Qualifier)[]? counts = null, (string Name, string[] Titles)[]? officials = null) => new()
    {
        Id = id,
        Documents = (docs ?? []).Select(d => new CaseDocument { Surface = d, Canonical = d == "-" ? null : d }).ToList(),
        ModelCounts = (counts ?? []).Select(c => new CaseModelCount { Surface = c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Value = c.Value, Qualifier = c.Qualifier }).ToList(),
        Officials = (officials ?? []).Select(o => new CaseOfficial { Name = o.Name, Titles = o.Titles }).ToList(),
    };

    [Fact]
    public void Score_Documents_UsesTheSetOfNonNullCanonicalIdsPerCase()
    {
        var gold = new[] { Case("a", docs: ["25-NQ/TW", "25-NQ/TW", "-", "218-QĐ/TW"]) };
        var pred = new[] { Case("a", docs: ["25-NQ/TW", "-", "99-KH/TU"]) };
        KindScore s = ExtractionScorer.Score(gold, pred).Documents;
        Assert.Equal((1, 1, 1), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
        Assert.Equal(["a: 218-QĐ/TW"], s.Missed);
        Assert.Equal(["a: 99-KH/TU"], s.Extra);
        Assert.Equal(0.5, s.F1, 6);
    }

    [Fact]
    public void Score_ModelCounts_UsesTheMultisetOfValuesAndQualifierAccuracyOnMatches()
    {
        var gold = new[] { Case("a", counts: [(100, "vague"), (100, "vague"), (36000, "approx")]) };
        var pred = new[] { Case("a", counts: [(100, "vague"), (36000, "more_than"), (5, "exact")]) };
        ExtractionScores s = ExtractionScorer.Score(gold, pred);
        Assert.Equal((2, 1, 1), (s.ModelCounts.TruePositives, s.ModelCounts.FalsePositives, s.ModelCounts.FalseNegatives));
        Assert.Equal((1, 2), (s.QualifierAccuracy.Correct, s.QualifierAccuracy.Total));
    }

    [Fact]
    public void Score_Officials_MatchNamesIgnoringCaseAndNormalizationAndTitlesByContainment()
    {
        var gold = new[] { Case("a", officials: [("Nguyễn Doãn Toản", ["Trưởng ban Dân vận Thành ủy Hà Nội", "Ủy viên Ban Thường vụ Thành ủy"]), ("Trương Thị Mai", [])]) };
        var pred = new[] { Case("a", officials: [("NGUYỄN DOÃN TOẢN".Normalize(System.Text.NormalizationForm.FormD), ["trưởng  ban Dân vận Thành ủy", "Phó Bí thư"]), ("Hoàng Phong", [])]) };
        ExtractionScores s = ExtractionScorer.Score(gold, pred);
        Assert.Equal((1, 1, 1), (s.Officials.TruePositives, s.Officials.FalsePositives, s.Officials.FalseNegatives));
        Assert.Equal((1, 2), (s.TitleAccuracy.Correct, s.TitleAccuracy.Total));
        Assert.Equal(["a: Nguyễn Doãn Toản: Ủy viên Ban Thường vụ Thành ủy"], s.TitleAccuracy.Wrong);
    }

    [Fact]
    public void Score_CaseMissingFromPredictions_CountsAsPredictingNothing()
    {
        var gold = new[] { Case("a", docs: ["25-NQ/TW"]), Case("b", docs: ["33-NQ/TU"]) };
        var pred = new[] { Case("a", docs: ["25-NQ/TW"]) };
        KindScore s = ExtractionScorer.Score(gold, pred).Documents;
        Assert.Equal((1, 0, 1), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
    }

    [Fact]
    public void FromResult_RoundTripsThroughJsonInTheSchemaShape()
    {
        ExtractionResult result = ArticleExtractor.Default.Extract("Đồng chí Nguyễn Văn A, Bí thư Huyện ủy, cho biết huyện có gần 120 mô hình theo Nghị quyết số 25-NQ/TW ngày 3/6/2013.");
        string line = ExtractionCaseJson.Serialize(ExtractionCaseJson.FromResult("x", result));
        Assert.DoesNotContain('\n', line);
        Assert.Contains("\"doc_type\":\"nghị quyết\"", line, StringComparison.Ordinal);
        Assert.Contains("\"date\":\"2013-06-03\"", line, StringComparison.Ordinal);
        Assert.Contains("\"qualifier\":\"approx\"", line, StringComparison.Ordinal);
        ExtractionCase back = ExtractionCaseJson.Parse(line);
        Assert.Equal("25-NQ/TW", Assert.Single(back.Documents).Canonical);
        Assert.Equal(120, Assert.Single(back.ModelCounts).Value);
        Assert.Equal(["Bí thư Huyện ủy"], Assert.Single(back.Officials).Titles);
    }
}
