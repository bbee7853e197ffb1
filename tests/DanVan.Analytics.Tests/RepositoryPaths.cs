namespace DanVan.Analytics.Tests;

/// <summary>Locates the repository's corpus and the shared data set that lies beside the clone.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root (the directory holding <c>DanVan.Analytics.sln</c>).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The bundled corpus.</summary>
    public static string Corpus => Path.Combine(Root, "corpus");

    /// <summary>The seed articles of the bundled corpus.</summary>
    public static string Seeds => Path.Combine(Corpus, "seeds");

    /// <summary>The read-only shared data beside the clone (<c>../shared</c>).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The seed texts, ordered by file name.</summary>
    public static IReadOnlyList<(string Name, string Text)> SeedTexts() =>
        Directory.EnumerateFiles(Seeds, "*.txt")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DanVan.Analytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (DanVan.Analytics.sln) was not found above " + AppContext.BaseDirectory);
    }
}
