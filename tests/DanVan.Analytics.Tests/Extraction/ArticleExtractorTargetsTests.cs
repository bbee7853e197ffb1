using DanVan.Analytics.Evaluation;
using DanVan.Analytics.Extraction;
using DanVan.Analytics.Tests.Text;

namespace DanVan.Analytics.Tests.Extraction;

/// <summary>The issue's score targets, on the seed gold set and on the team's provincial fixtures, plain and perturbed.</summary>
public sealed class ArticleExtractorTargetsTests
{
    private static readonly string[] s_perturbations = ["none", "nfd", "eth", "new-tone", "old-tone", "nbsp", "all"];

    public static TheoryData<string> Perturbations => new(s_perturbations);

    [Fact]
    public void Extract_SeedGold_MeetsTargets()
    {
        ExtractionScores scores = Score(ExtractionTestData.Seeds, "none");
        Assert.True(scores.Documents.F1 == 1.0, Describe("documents", scores.Documents));
        Assert.True(scores.ModelCounts.F1 == 1.0, Describe("model counts", scores.ModelCounts));
        Assert.True(scores.Officials.F1 >= 0.95, Describe("officials", scores.Officials));
        Assert.True(scores.TitleAccuracy.Accuracy >= 0.90, string.Join("; ", scores.TitleAccuracy.Wrong));
    }

    [Theory]
    [MemberData(nameof(Perturbations))]
    public void Extract_ProvincialFixtures_MeetUnseenSetTargets(string perturbation)
    {
        Assert.True(ExtractionTestData.Provincial.Count >= 10);
        ExtractionScores scores = Score(ExtractionTestData.Provincial, perturbation);
        Assert.True(scores.Documents.F1 >= 0.98, Describe("documents", scores.Documents));
        Assert.True(scores.ModelCounts.F1 >= 0.95, Describe("model counts", scores.ModelCounts));
        Assert.True(scores.Officials.F1 >= 0.93, Describe("officials", scores.Officials));
        Assert.True(scores.TitleAccuracy.Accuracy >= 0.90, string.Join("; ", scores.TitleAccuracy.Wrong));
        Assert.True(scores.QualifierAccuracy.Accuracy >= 0.95, string.Join("; ", scores.QualifierAccuracy.Wrong));
    }

    public static TheoryData<string, string> RegionalParts
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (string part in new[] { "tuning", "held-out" })
            {
                foreach (string perturbation in s_perturbations)
                {
                    data.Add(part, perturbation);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RegionalParts))]
    public void Extract_RegionalSet_MeetsIssue18Targets(string part, string perturbation)
    {
        IReadOnlyList<ExtractionCase> gold = part == "tuning" ? ExtractionTestData.RegionalTuning : ExtractionTestData.RegionalHeldOut;
        Assert.True(gold.Count >= 14);
        ExtractionScores scores = Score(gold, perturbation);
        Assert.True(scores.Documents.F1 >= 0.98, Describe("documents", scores.Documents));
        Assert.True(scores.ModelCounts.F1 >= 0.97, Describe("model counts", scores.ModelCounts));
        Assert.True(scores.Officials.F1 >= 0.97 && scores.Officials.Precision >= 0.99, Describe("officials", scores.Officials));
        Assert.True(scores.TitleAccuracy.Accuracy >= 0.93, string.Join("; ", scores.TitleAccuracy.Wrong));
        Assert.True(scores.QualifierAccuracy.Accuracy >= 0.95, string.Join("; ", scores.QualifierAccuracy.Wrong));
    }

    [Fact]
    public void RegionalSet_HasAtLeastFortyCasesInTwoDisjointParts()
    {
        Assert.True(ExtractionTestData.RegionalTuning.Count + ExtractionTestData.RegionalHeldOut.Count >= 40);
        Assert.Empty(ExtractionTestData.RegionalTuning.Select(c => c.Id).Intersect(ExtractionTestData.RegionalHeldOut.Select(c => c.Id)));
        Assert.Empty(ExtractionTestData.RegionalTuning.Select(c => c.Text).Intersect(ExtractionTestData.RegionalHeldOut.Select(c => c.Text)));
    }

    [Theory]
    [MemberData(nameof(Perturbations))]
    public void Extract_PerturbedGoldTexts_GivesTheSameValuesAndOriginalSurfaces(string perturbation)
    {
        foreach (ExtractionCase gold in ExtractionTestData.All)
        {
            string text = gold.Text!;
            string perturbed = Perturb(text, perturbation);
            ExtractionResult plain = ArticleExtractor.Default.Extract(text);
            ExtractionResult other = ArticleExtractor.Default.Extract(perturbed);

            Assert.Equal(plain.Documents.Select(d => (d.Canonical, d.Number, d.Date, d.IsShort)), other.Documents.Select(d => (d.Canonical, d.Number, d.Date, d.IsShort)));
            Assert.Equal(plain.ModelCounts.Select(c => (c.Value, c.Qualifier, c.Noun, c.Movement)), other.ModelCounts.Select(c => (c.Value, c.Qualifier, c.Noun, c.Movement)));
            Assert.Equal(plain.Officials.Select(o => o.Name), other.Officials.Select(o => o.Name));
            Assert.Equal(plain.Officials.SelectMany(o => o.Titles.Select(t => t.Text)), other.Officials.SelectMany(o => o.Titles.Select(t => t.Text)));
            Assert.Equal(plain.Officials.SelectMany(o => o.Mentions.Select(m => m.Evidence)), other.Officials.SelectMany(o => o.Mentions.Select(m => m.Evidence)));

            // Surfaces are the substrings of the text as given, at the reported spans.
            foreach (var (surface, span) in other.Documents.Select(d => (d.Surface, d.Span))
                .Concat(other.ModelCounts.Select(c => (c.Surface, c.Span)))
                .Concat(other.Officials.SelectMany(o => o.Mentions).Select(m => (m.Surface, m.Span))))
            {
                Assert.Equal(perturbed.Substring(span.Start, span.Length), surface);
            }
        }
    }

    [Fact]
    public void Extract_SeedGold_SurfacesAreTheGoldSurfaces()
    {
        foreach (ExtractionCase gold in ExtractionTestData.All)
        {
            ExtractionResult result = ArticleExtractor.Default.Extract(gold.Text!);
            foreach (CaseDocument d in gold.Documents.Where(d => d.Canonical is not null))
            {
                Assert.Contains(d.Surface, result.Documents.Select(r => r.Surface));
            }

            foreach (CaseModelCount c in gold.ModelCounts)
            {
                Assert.Contains(c.Surface, result.ModelCounts.Select(r => r.Surface));
            }
        }
    }

    [Fact]
    public void ProvincialAndRegionalFixtures_AreValidGoldCases()
    {
        foreach (ExtractionCase c in ExtractionTestData.Provincial.Concat(ExtractionTestData.RegionalTuning).Concat(ExtractionTestData.RegionalHeldOut))
        {
            string text = c.Text!;
            Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC), c.Id);
            Assert.All(c.Documents, d => Assert.Contains(d.Surface, text, StringComparison.Ordinal));
            Assert.All(c.ModelCounts, m => Assert.Contains(m.Surface, text, StringComparison.Ordinal));
            Assert.All(c.Officials.SelectMany(o => o.Titles.Append(o.Name)), t => Assert.Contains(t, text, StringComparison.Ordinal));
        }
    }

    private static ExtractionScores Score(IReadOnlyList<ExtractionCase> gold, string perturbation) =>
        ExtractionScorer.Score(gold, gold.Select(g => ExtractionCaseJson.FromResult(g.Id, ArticleExtractor.Default.Extract(Perturb(g.Text!, perturbation)))));

    private static string Perturb(string text, string perturbation) => perturbation switch
    {
        "nfd" => TextPerturbations.ToNfd(text),
        "eth" => TextPerturbations.ToEthLookAlike(text),
        "new-tone" => TextPerturbations.ToNewToneStyle(text),
        "old-tone" => TextPerturbations.ToOldToneStyle(text),
        "nbsp" => TextPerturbations.WithNbspBetweenWords(text),
        "all" => TextPerturbations.ToNfd(TextPerturbations.WithNbspBetweenWords(TextPerturbations.ToEthLookAlike(TextPerturbations.ToNewToneStyle(text)))),
        _ => text,
    };

    private static string Describe(string kind, KindScore score) =>
        $"{kind}: P {score.Precision:0.000} R {score.Recall:0.000}; missed: {string.Join(", ", score.Missed)}; extra: {string.Join(", ", score.Extra)}";
}
