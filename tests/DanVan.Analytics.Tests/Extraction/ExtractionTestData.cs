using DanVan.Analytics.Evaluation;

namespace DanVan.Analytics.Tests.Extraction;

/// <summary>The annotated sets the extraction tests score against.</summary>
internal static class ExtractionTestData
{
    /// <summary>The hand-annotated development set over the five seeds (shared/gold).</summary>
    public static IReadOnlyList<ExtractionCase> Seeds { get; } = Read(Path.Combine(RepositoryPaths.Shared, "gold", "seeds.gold.jsonl"));

    /// <summary>The team's own hand-annotated provincial and district articles.</summary>
    public static IReadOnlyList<ExtractionCase> Provincial { get; } =
        Read(Path.Combine(RepositoryPaths.Root, "tests", "DanVan.Analytics.Tests", "Extraction", "Fixtures", "provincial.gold.jsonl"));

    /// <summary>The regional set written for issue 18 (Tây Bắc, Tây Nguyên, Mekong delta, central coast), the part the rules were tuned on.</summary>
    public static IReadOnlyList<ExtractionCase> RegionalTuning { get; } = Read(Fixture("regional.tuning.gold.jsonl"));

    /// <summary>The regional set's part held out from tuning: scored, never looked at while changing rules or tables.</summary>
    public static IReadOnlyList<ExtractionCase> RegionalHeldOut { get; } = Read(Fixture("regional.heldout.gold.jsonl"));

    /// <summary>Every hand-annotated case.</summary>
    public static IEnumerable<ExtractionCase> All => Seeds.Concat(Provincial).Concat(RegionalTuning).Concat(RegionalHeldOut);

    private static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "DanVan.Analytics.Tests", "Extraction", "Fixtures", name);

    private static List<ExtractionCase> Read(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(ExtractionCaseJson.Parse).ToList();
}
