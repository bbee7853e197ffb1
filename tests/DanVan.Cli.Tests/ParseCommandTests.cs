using System.Text.Json;

namespace DanVan.Cli.Tests;

/// <summary><c>danvan parse</c> run as a real process: the manifest mode over the bundled pages and over bad entries.</summary>
public sealed class ParseCommandTests
{
    [Fact]
    public async Task ParseManifest_BundledPages_WritesOneArticlePerEntryWithTheExpectedTitles()
    {
        string manifest = Path.Combine(RepositoryPaths.Corpus, "html", "manifest.jsonl");
        string output = Path.Combine(Path.GetTempPath(), "danvan-parse-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            (int exitCode, _, string error) = await DanvanCli.RunAsync("parse", "--in", manifest, "--out", output);

            Assert.True(exitCode == 0, error);
            string[] entries = File.ReadLines(manifest).Where(line => line.Length > 0).ToArray();
            string[] articles = File.ReadAllLines(output);
            Assert.Equal(entries.Length, articles.Length);
            for (int k = 0; k < entries.Length; k++)
            {
                using var entry = JsonDocument.Parse(entries[k]);
                using var article = JsonDocument.Parse(articles[k]);
                string id = entry.RootElement.GetProperty("id").GetString()!;
                Assert.Equal(id, article.RootElement.GetProperty("id").GetString());
                Assert.Equal(ExpectedTitle(id), article.RootElement.GetProperty("title").GetString());
                Assert.True(article.RootElement.GetProperty("paragraphs").GetArrayLength() > 0, id);
            }
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task ParseManifest_BadEntries_ReportsEachOnStderrAndKeepsTheGoodOne()
    {
        string folder = Path.Combine(Path.GetTempPath(), "danvan-parse-bad-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.Copy(Path.Combine(RepositoryPaths.Corpus, "html", "jsonld-only-modern.html"), Path.Combine(folder, "good.html"));
            File.WriteAllBytes(Path.Combine(folder, "image.html"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
            File.WriteAllText(Path.Combine(folder, "empty.html"), "  \n ");
            string manifest = Path.Combine(folder, "manifest.jsonl");
            File.WriteAllLines(manifest,
            [
                """{"id": "missing", "url": "https://example.vn/a", "path": "missing.html"}""",
                """{"id": "good", "url": "https://example.vn/b", "path": "good.html"}""",
                """not json at all""",
                """{"id": "image", "url": "https://example.vn/c", "path": "image.html"}""",
                """{"id": "empty", "url": "https://example.vn/d", "path": "empty.html"}""",
                """{"id": "badurl", "url": "not a url", "path": "good.html"}""",
            ]);

            (int exitCode, string output, string error) = await DanvanCli.RunAsync("parse", "--in", manifest);

            // Exit code 3: finished, with lines and pages skipped; the good page is written all the same.
            Assert.Equal(3, exitCode);
            string[] articles = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            using (var article = JsonDocument.Parse(Assert.Single(articles)))
            {
                Assert.Equal("good", article.RootElement.GetProperty("id").GetString());
            }

            // Every report has the bad-line shape {"file", "line", "reason"}; a page that failed also says its kind.
            var failures = error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(line => line.StartsWith('{'))
                .Select(line => JsonDocument.Parse(line).RootElement.Clone())
                .ToList();
            Assert.All(failures, f => Assert.Equal(manifest, f.GetProperty("file").GetString()));
            Assert.All(failures, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("reason").GetString())));
            var kinds = failures.Select(f => (Line: f.GetProperty("line").GetInt32(), Kind: f.TryGetProperty("kind", out JsonElement kind) ? kind.GetString() : "BadLine")).ToList();
            Assert.Equal([(1, "FileNotFound"), (3, "BadLine"), (4, "NotHtml"), (5, "Empty"), (6, "BadLine")], kinds);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Parse_NeitherFileNorManifest_FailsWithAClearMessage()
    {
        (int exitCode, _, string error) = await DanvanCli.RunAsync("parse");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_OneFile_PrintsTheArticle()
    {
        string page = Path.Combine(RepositoryPaths.Corpus, "html", "party-enewspaper-hagiang.html");

        (int exitCode, string output, string error) = await DanvanCli.RunAsync("parse", page);

        Assert.True(exitCode == 0, error);
        using var article = JsonDocument.Parse(output);
        Assert.Equal(ExpectedTitle("party-enewspaper-hagiang"), article.RootElement.GetProperty("title").GetString());
    }

    // The title written by hand in the page's expected parse.
    private static string ExpectedTitle(string id)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "html", id + ".expected.json")));
        return expected.RootElement.GetProperty("title").GetString()!;
    }
}
