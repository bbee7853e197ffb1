using System.Data;
using System.Text.Json.Nodes;
using DanVan.Analytics.Datasets.Tests.Fixtures;
using DuckDB.NET.Data;

namespace DanVan.Analytics.Datasets.Tests;

/// <summary>
/// <c>danvan extract --format csv</c> and <c>danvan search --format csv</c> as real processes, their CSV read back by an
/// independent reader (DuckDB) and compared with the same command's JSON output.
/// </summary>
public sealed class CsvOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ExtractCsv_HasOneRowPerFactOfTheJsonlOutput()
    {
        string input = DatasetInputs.WriteArticles(_folder.File("in.jsonl"), labeled: 40);
        (int jsonCode, _, string jsonError) = await DanvanCli.RunAsync("extract", "--in", input, "--out", _folder.File("facts.jsonl"));
        (int csvCode, _, string csvError) = await DanvanCli.RunAsync("extract", "--in", input, "--out", _folder.File("facts.csv"), "--format", "csv");
        Assert.True(jsonCode == 0, jsonError);
        Assert.True(csvCode == 0, csvError);

        var expected = new List<string>();
        foreach (JsonObject article in DatasetInputs.ReadJsonl(_folder.File("facts.jsonl")))
        {
            string id = (string)article["id"]!;
            expected.AddRange(article["documents"]!.AsArray().Select(d => Key(id, "document", (string?)d!["surface"], (int?)d["start"])));
            expected.AddRange(article["model_counts"]!.AsArray().Select(m => Key(id, "model_count", (string?)m!["surface"], (int?)m["start"])));
            foreach (JsonNode? official in article["officials"]!.AsArray())
            {
                expected.AddRange(official!["mentions"]!.AsArray().Select(m => Key(id, "official", (string?)m!["surface"], (int?)m["start"])));
            }
        }

        List<string> actual = Query(
            $"SELECT article_id, fact, surface, start FROM read_csv('{_folder.File("facts.csv")}', header = true, all_varchar = true)",
            r => Key(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : int.Parse(r.GetString(3), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SearchCsv_HasOneRowPerHit_WithTheJsonHitsValues()
    {
        string input = DatasetInputs.WriteArticles(_folder.File("in.jsonl"), labeled: 40);
        string index = _folder.File("idx");
        Assert.Equal(0, (await DanvanCli.RunAsync("index", "--in", input, "--index", index)).ExitCode);

        // "mô hình" finds the record whose title has a comma, quotes and a line break: CSV must quote it.
        (int jsonCode, string json, _) = await DanvanCli.RunAsync("search", "--index", index, "mô hình", "--json", "--top", "50");
        (int csvCode, string csv, string csvError) = await DanvanCli.RunAsync("search", "--index", index, "mô hình", "--format", "csv", "--top", "50");
        Assert.Equal(0, jsonCode);
        Assert.True(csvCode == 0, csvError);
        string file = _folder.File("hits.csv");
        File.WriteAllText(file, csv);

        JsonArray hits = JsonNode.Parse(json)!["hits"]!.AsArray();
        List<(string Id, string Title, string Url)> rows = Query(
            $"SELECT id, coalesce(title, ''), url FROM read_csv('{file}', header = true, all_varchar = true) ORDER BY CAST(rank AS INTEGER)",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)));
        Assert.Equal(hits.Select(h => ((string)h!["id"]!, (string)h["title"]!, (string)h["url"]!)), rows);
        Assert.Contains(rows, r => r.Title == DatasetInputs.TrickyTitle);
    }

    private static string Key(string id, string fact, string? surface, int? start) => $"{id}|{fact}|{surface}|{start}";

    private static List<T> Query<T>(string sql, Func<IDataRecord, T> read)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
