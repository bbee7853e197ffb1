using System.Text;

namespace DanVan.Benchmarks;

/// <summary>Builds benchmark inputs from the committed corpus, so that numbers compare across commits.</summary>
internal static class BenchmarkCorpus
{
    /// <summary>The repository's <c>corpus</c> directory.</summary>
    public static string Directory { get; } = FindCorpus();

    /// <summary>The seed articles joined and repeated until the text reaches <paramref name="targetChars"/> characters.</summary>
    public static string RepeatedSeeds(int targetChars)
    {
        string seeds = string.Join("\n\n", System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "seeds"), "*.txt")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(File.ReadAllText));
        var builder = new StringBuilder(targetChars + seeds.Length);
        while (builder.Length < targetChars)
        {
            builder.Append(seeds).Append("\n\n");
        }

        return builder.ToString();
    }

    private static string FindCorpus()
    {
        foreach (string start in new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "corpus", "seeds");
                if (System.IO.Directory.Exists(candidate))
                {
                    return Path.Combine(dir.FullName, "corpus");
                }
            }
        }

        throw new DirectoryNotFoundException("corpus/seeds was not found; run the benchmarks from the repository.");
    }
}
