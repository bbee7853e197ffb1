using System.Globalization;
using DanVan.Analytics.Evaluation;
using Xunit.Abstractions;

namespace DanVan.Analytics.Learning.Tests.Tagging;

public sealed class WithheldLexiconTests(ITestOutputHelper output)
{
    [Fact]
    public void TaggerWithRules_OnTextTheTablesWereNotWrittenFor_FindsMoreOfficialsWithoutLosingPrecision()
    {
        // SDCA, not the default L-BFGS: five trainings on ~80,000 tokens take ~5 s with it and ~2 min with L-BFGS
        // (src/DanVan.Analytics.Learning/README.md has both learners' numbers).
        List<FoldScore> folds = WithheldLexiconCrossValidation.Run(Folds, Seed, "sdca_maxent");

        output.WriteLine("fold cases officials withheld | rules P R F1 | rules+tagger P R F1");
        foreach (FoldScore f in folds)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{f.Fold,4} {f.Cases,5} {f.GoldOfficials,9} {f.Withheld.Count,8} | {Row(f.Rules)} | {Row(f.Merged)}"));
            output.WriteLine($"     withheld: {string.Join(", ", f.Withheld)}");
            output.WriteLine($"     rules missed: {string.Join(", ", f.Rules.Missed)}; extra: {string.Join(", ", f.Rules.Extra)}");
            output.WriteLine($"     rules+tagger missed: {string.Join(", ", f.Merged.Missed)}; extra: {string.Join(", ", f.Merged.Extra)}");
        }

        KindScore rules = Sum(folds.Select(f => f.Rules));
        KindScore merged = Sum(folds.Select(f => f.Merged));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $" all {folds.Sum(f => f.Cases),5} {folds.Sum(f => f.GoldOfficials),9} {folds.Sum(f => f.Withheld.Count),8} | {Row(rules)} | {Row(merged)}"));

        // The scheme bites: with the held-out rows withheld the rules miss officials they find with the full tables.
        Assert.Equal(WithheldLexiconCrossValidation.Gold.Count, folds.Sum(f => f.Cases));
        Assert.All(folds, f => Assert.NotEmpty(f.Withheld));
        Assert.True(rules.Recall < 0.95, $"rules recall {rules.Recall:0.000} with withheld tables");

        // The tagger finds officials the rules miss, and costs no precision in any fold.
        Assert.True(merged.TruePositives > rules.TruePositives, $"found {rules.TruePositives} -> {merged.TruePositives}");
        Assert.All(folds, f => Assert.True(f.Merged.Precision >= f.Rules.Precision, $"fold {f.Fold}: precision {f.Rules.Precision:0.000} -> {f.Merged.Precision:0.000}"));
        Assert.True(merged.Recall >= FloorRecall, $"rules+tagger recall {merged.Recall:0.000}");
        Assert.True(merged.Precision >= FloorPrecision, $"rules+tagger precision {merged.Precision:0.000}");
    }

    // Measured when written (5 folds, seed 1, SDCA, vi-tagger-2): rules P 0.974 R 0.907; rules+tagger P 0.987 R 0.926.
    // After the name-shape rules (a name never ends in a middle name, before a number, or as two words opening a title; a
    // rank takes a person; a colon list goes on past a name the tables cannot read) and the merge's place-noun change:
    // rules P 1.000 R 0.926; rules+tagger P 1.000 R 0.944. Floors a little below.
    private const double FloorRecall = 0.935;
    private const double FloorPrecision = 0.99;

    private const int Folds = 5;
    private const int Seed = 1;

    private static string Row(KindScore s) => string.Create(CultureInfo.InvariantCulture, $"{s.Precision:0.000} {s.Recall:0.000} {s.F1:0.000}");

    private static KindScore Sum(IEnumerable<KindScore> scores)
    {
        var all = scores.ToList();
        return new KindScore(all.Sum(s => s.TruePositives), all.Sum(s => s.FalsePositives), all.Sum(s => s.FalseNegatives),
            [.. all.SelectMany(s => s.Missed)], [.. all.SelectMany(s => s.Extra)]);
    }
}
