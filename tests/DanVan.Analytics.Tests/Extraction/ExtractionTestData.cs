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

    private static List<ExtractionCase> Read(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(ExtractionCaseJson.Parse).ToList();
}
