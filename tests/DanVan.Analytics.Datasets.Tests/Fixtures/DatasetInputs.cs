using System.Text.Json;
using System.Text.Json.Nodes;

namespace DanVan.Analytics.Datasets.Tests.Fixtures;

/// <summary>Input files made from the bundled corpus and the shared real texts, in a fresh temporary folder.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "danvan-dataset-" + Guid.NewGuid().ToString("N")[..10]);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class DatasetInputs
{
    /// <summary>A title with a comma, quotes and a line break, which CSV must quote.</summary>
    public const string TrickyTitle = "Dân vận khéo, \"mô hình\" mới\ntại phường";

    /// <summary>
    /// Article records from the HTML fixtures' expected parses (two of them are one story on two sites), plain cases from
    /// the seeds and from the shared labeled excerpts (real text), and one record with <see cref="TrickyTitle"/>.
    /// </summary>
    public static string WriteArticles(string path, int labeled = 80)
    {
        using var writer = new StreamWriter(path);
        foreach (string file in Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryPaths.Corpus, "html"), "*.expected.json").Order(StringComparer.Ordinal))
        {
            JsonObject e = JsonNode.Parse(System.IO.File.ReadAllText(file))!.AsObject();
            var record = new JsonObject
            {
                ["id"] = System.IO.Path.GetFileName(file).Replace(".expected.json", "", StringComparison.Ordinal),
                ["url"] = (string?)e["url"],
                ["site"] = (string?)e["site"],
                ["title"] = (string?)e["title"],
                ["published"] = (string?)e["published"],
                ["authors"] = e["authors"]?.DeepClone(),
                ["lead"] = (string?)e["lead"],
                ["body"] = string.Join("\n\n", e["paragraphs"]!.AsArray().Select(p => (string?)p)),
            };
            writer.WriteLine(record.ToJsonString());
        }

        foreach ((string name, string text) in RepositoryPaths.SeedTexts())
        {
            writer.WriteLine(new JsonObject { ["id"] = name, ["text"] = text }.ToJsonString());
        }

        foreach (string line in System.IO.File.ReadLines(System.IO.Path.Combine(RepositoryPaths.Shared, "corpus", "labeled2.jsonl")).Take(labeled))
        {
            JsonObject c = JsonNode.Parse(line)!.AsObject();
            writer.WriteLine(new JsonObject { ["id"] = (string?)c["id"], ["url"] = (string?)c["url"], ["site"] = (string?)c["site"], ["published"] = (string?)c["date"] is { } d ? d[..7] + "-01T00:00:00+07:00" : null, ["text"] = (string?)c["text"] }.ToJsonString());
        }

        writer.WriteLine(new JsonObject
        {
            ["id"] = "tricky",
            ["url"] = "https://example.vn/a",
            ["title"] = TrickyTitle,
            ["body"] = "Đồng chí Nguyễn Văn An, Bí thư Đảng ủy phường, cho biết phường có 12 mô hình \"Dân vận khéo\".",
        }.ToJsonString());
        return path;
    }

    /// <summary>The non-blank lines of a JSONL file, parsed.</summary>
    public static List<JsonObject> ReadJsonl(string path) =>
        [.. System.IO.File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())];

    public static JsonSerializerOptions Options { get; } = new();
}
