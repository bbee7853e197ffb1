using System.Text.Json;
using System.Text.RegularExpressions;

namespace DanVan.Cli.Tests;

/// <summary><c>danvan demo</c>, the README's main job, run as a real process on the bundled corpus.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_BundledCorpus_ParsesEveryManifestPageAndFindsTheSameArticlesWithAndWithoutDiacritics()
    {
        (int exitCode, string output, string error) = await DanvanCli.RunAsync("demo", "--corpus", RepositoryPaths.Corpus);

        Assert.True(exitCode == 0, error);
        foreach (string line in File.ReadLines(Path.Combine(RepositoryPaths.Corpus, "html", "manifest.jsonl")))
        {
            using var entry = JsonDocument.Parse(line);
            string id = entry.RootElement.GetProperty("id").GetString()!;
            Assert.Contains(id + ": \"", output, StringComparison.Ordinal);
            Assert.DoesNotContain(id + ": not parsed", output, StringComparison.Ordinal);
        }

        Assert.Equal(MatchCount(output, "dân vận khéo"), MatchCount(output, "dan van kheo"));
        Assert.True(MatchCount(output, "dân vận khéo") > 0);
        Assert.True(MatchCount(output, "doc:25-NQ/TƯ") > 0);
        Assert.DoesNotContain("file://", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_MissingCorpus_FailsWithAClearMessage()
    {
        string missing = Path.Combine(Path.GetTempPath(), "danvan-no-corpus-" + Guid.NewGuid().ToString("N"));

        (int exitCode, string output, string error) = await DanvanCli.RunAsync("demo", "--corpus", missing);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
    }

    // "> QUERY    (what it shows)" is followed by "N articles match" ("1 article matches").
    private static int MatchCount(string output, string query)
    {
        Match match = Regex.Match(output, "^> " + Regex.Escape(query) + @" .*\r?\n(?<count>\d+) articles? match", RegexOptions.Multiline | RegexOptions.NonBacktracking);
        Assert.True(match.Success, $"the demo did not run the query {query}");
        return int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
