namespace DanVan.Analytics.Parsing.Tests;

/// <summary>Locates the repository's HTML fixtures and the shared real pages beside the clone.</summary>
internal static class ParsingPaths
{
    /// <summary>The repository root (the directory holding <c>DanVan.Analytics.sln</c>).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The HTML fixtures with their expected parses (<c>corpus/html</c>).</summary>
    public static string Fixtures => Path.Combine(Root, "corpus", "html");

    /// <summary>The seed article texts (<c>corpus/seeds</c>).</summary>
    public static string Seeds => Path.Combine(Root, "corpus", "seeds");

    /// <summary>The real pages of the shared data set (<c>../shared/html</c>).</summary>
    public static string SharedHtml => Path.GetFullPath(Path.Combine(Root, "..", "shared", "html"));

    /// <summary>The annotated evaluation set of real pages from many sites (<c>../shared/parsing-eval/evaldata.jsonl</c>).</summary>
    public static string EvalManifest => Path.GetFullPath(Path.Combine(Root, "..", "shared", "parsing-eval", "evaldata.jsonl"));

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
