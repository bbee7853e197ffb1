namespace DanVan.Cli;

/// <summary>Finds the bundled corpus from the working directory or the tool's own directory.</summary>
internal static class CorpusLocator
{
    /// <summary>The <c>corpus</c> directory of the repository, or null when none is found.</summary>
    public static DirectoryInfo? Find()
    {
        foreach (string startPath in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(startPath); dir is not null; dir = dir.Parent)
            {
                var candidate = new DirectoryInfo(Path.Combine(dir.FullName, "corpus", "seeds"));
                if (candidate.Exists)
                {
                    return candidate.Parent;
                }
            }
        }

        return null;
    }
}
