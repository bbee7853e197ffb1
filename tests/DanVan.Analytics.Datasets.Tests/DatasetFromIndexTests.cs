using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DanVan.Analytics.Datasets.Sources;
using DanVan.Analytics.Datasets.Tests.Fixtures;
using DuckDB.NET.Data;

namespace DanVan.Analytics.Datasets.Tests;

/// <summary>
/// <c>danvan dataset --index DIR --query "…"</c> as real processes over a real index on disk: the exported articles are
/// the ones <c>danvan search</c> returns for the query, with their metadata and text as they were indexed.
/// </summary>
public sealed class DatasetFromIndexTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("dân vận")]
    [InlineData("\"mô hình\" -site:example.vn")]
    public async Task Dataset_FromAnIndexAndAQuery_ExportsTheArticlesTheSearchReturns(string query)
    {
        string input = DatasetInputs.WriteArticles(_folder.File("in.jsonl"), labeled: 30);
        string index = _folder.File("idx");
        (int indexed, _, string indexError) = await DanvanCli.RunAsync("index", "--in", input, "--index", index);
        Assert.True(indexed == 0, indexError);

        (int searched, string searchOutput, string searchError) = await DanvanCli.RunAsync("search", "--index", index, query, "--json", "--top", "1000");
        Assert.True(searched == 0, searchError);
        string[] expectedIds = JsonNode.Parse(searchOutput)!["hits"]!.AsArray().Select(h => (string)h!["id"]!).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expectedIds);

        (int code, _, string error) = await DanvanCli.RunAsync("dataset", "--index", index, "--query", query, "--out", _folder.File("ds"), "--format", "jsonl,csv");
        Assert.True(code == 0, error);

        List<JsonObject> rows = DatasetInputs.ReadJsonl(_folder.File("ds/articles.jsonl"));
        Assert.Equal(expectedIds, rows.Select(r => (string)r["article_id"]!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(rows.Count, CsvRows(_folder.File("ds/articles.csv")));

        // Each row carries what the input said of the article, and the hash of the same text (title, lead and body back).
        Dictionary<string, DatasetArticle> originals = (await DatasetArticle.ReadAsync(input).ToListAsync()).ToDictionary(a => a.Id);
        foreach (JsonObject row in rows)
        {
            DatasetArticle original = originals[(string)row["article_id"]!];
            Assert.Equal(Sha256(original.Text), (string)row["text_sha256"]!);
            Assert.Equal(original.Url ?? original.Id, (string?)row["url"]); // the index names a plain case without an address by its id
            Assert.Equal(original.Title ?? "", (string?)row["title"] ?? "");
            if (original.Published is { } published)
            {
                Assert.Equal(published, DateTimeOffset.Parse((string)row["published"]!, System.Globalization.CultureInfo.InvariantCulture));
            }

            Assert.Equal(original.Authors, row["authors"]!.AsArray().Select(a => (string)a!).ToArray());
        }

        JsonObject manifest = JsonNode.Parse(File.ReadAllText(_folder.File("ds/manifest.json")))!.AsObject();
        Assert.Contains(manifest["inputs"]!.AsArray(), i => (string?)i!["kind"] == "index" && ((string?)i["sha256"])?.Length == 64);
    }

    [Fact]
    public async Task Dataset_QueryWithoutIndex_OrABadQuery_IsAUsageError()
    {
        (int noIndex, _, string error) = await DanvanCli.RunAsync("dataset", "--query", "dân vận", "--out", _folder.File("ds"));
        Assert.Equal(2, noIndex);
        Assert.Contains("--index", error, StringComparison.Ordinal);

        string input = _folder.File("in.jsonl");
        File.WriteAllText(input, "{\"id\":\"a\",\"url\":\"https://x.vn/a\",\"title\":\"Dân vận khéo\",\"body\":\"Công tác dân vận.\"}\n");
        Assert.Equal(0, (await DanvanCli.RunAsync("index", "--in", input, "--index", _folder.File("idx"))).ExitCode);
        (int badQuery, _, string badError) = await DanvanCli.RunAsync("dataset", "--index", _folder.File("idx"), "--query", "dân \"vận", "--out", _folder.File("ds"));
        Assert.Equal(2, badQuery);
        Assert.StartsWith("error: ", badError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", badError, StringComparison.Ordinal);

        (int missing, _, string missingError) = await DanvanCli.RunAsync("dataset", "--index", _folder.File("no-such-index"), "--out", _folder.File("ds2"));
        Assert.NotEqual(0, missing);
        Assert.DoesNotContain("   at ", missingError, StringComparison.Ordinal);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // Read by DuckDB, an independent CSV reader.
    private static long CsvRows(string path)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_csv('{path}', header = true)";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
