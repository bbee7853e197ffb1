using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using DanVan.Analytics.Datasets.Tests.Fixtures;
using DanVan.Analytics.Search.Tests.Fixtures;
using DuckDB.NET.Data;
using YamlDotNet.Serialization;

namespace DanVan.Analytics.Datasets.Tests;

/// <summary>The real <c>danvan dataset</c> as a child process.</summary>
public sealed class DatasetCommandTests : IDisposable
{
    private static readonly string[] FinalFiles = ["articles.jsonl", "articles.csv", "articles.parquet", "documents.jsonl", "officials.parquet", "ner/train.conll", "ner/train.jsonl", "README.md", "manifest.json"];
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static long Count(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task BadLines_AreReportedAsJsonOnStderr_AndTheExitCodeIs3()
    {
        string input = _folder.File("in.jsonl");
        File.WriteAllText(input, "{\"id\":\"a\",\"text\":\"Đồng chí Nguyễn Văn An, Bí thư Đảng ủy xã, dự hội nghị.\"}\nnot json\n{\"id\":\"b\",\"text\":\"Nghị quyết số 25-NQ/TW ngày 3/6/2013.\"}\n");
        (int code, _, string error) = await DanvanCli.RunAsync("dataset", "--in", input, "--out", _folder.File("out"), "--format", "jsonl");
        Assert.Equal(3, code);
        JsonObject bad = JsonNode.Parse(error.Split('\n').First(l => l.StartsWith('{')))!.AsObject();
        Assert.Equal(2, (int)bad["line"]!);
        Assert.EndsWith("in.jsonl", (string)bad["file"]!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)bad["reason"]));
        Assert.Equal(2, DatasetInputs.ReadJsonl(_folder.File("out/articles.jsonl")).Count);
    }

    [Fact]
    public async Task Strict_StopsAtTheFirstBadLine_AndWritesNoFile()
    {
        string input = _folder.File("in.jsonl");
        File.WriteAllText(input, "{\"id\":\"a\",\"text\":\"Một câu.\"}\n{\"id\":\n");
        (int code, _, _) = await DanvanCli.RunAsync("dataset", "--in", input, "--out", _folder.File("out"), "--strict");
        Assert.Equal(3, code);
        Assert.False(File.Exists(_folder.File("out/articles.jsonl")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.File("out")));
    }

    [Fact]
    public async Task NonEmptyOutputFolder_IsRefused_UnlessForced()
    {
        string input = DatasetInputs.WriteArticles(_folder.File("in.jsonl"), labeled: 5);
        Directory.CreateDirectory(_folder.File("out"));
        File.WriteAllText(_folder.File("out/notes.txt"), "mine");
        (int refused, _, string error) = await DanvanCli.RunAsync("dataset", "--in", input, "--out", _folder.File("out"));
        Assert.Equal(2, refused);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("out/articles.jsonl")));

        (int forced, _, _) = await DanvanCli.RunAsync("dataset", "--in", input, "--out", _folder.File("out"), "--force");
        Assert.Equal(0, forced);
        Assert.Equal("mine", File.ReadAllText(_folder.File("out/notes.txt")));
        Assert.True(File.Exists(_folder.File("out/articles.parquet")));
    }

    [Fact]
    public async Task EmptyInput_GivesAnEmptyDataset_WithAValidCard()
    {
        string input = _folder.File("empty.jsonl");
        File.WriteAllText(input, "");
        (int code, _, _) = await DanvanCli.RunAsync("dataset", "--in", input, "--out", _folder.File("out"));
        Assert.Equal(0, code);
        foreach (string table in (string[])["articles", "documents", "model_counts", "officials"])
        {
            Assert.Equal(0, Count($"SELECT count(*) FROM read_parquet('{_folder.File($"out/{table}.parquet")}')"));
            Assert.Single(File.ReadAllLines(_folder.File($"out/{table}.csv"))); // the header only
        }

        Assert.Equal(0, Count($"SELECT count(*) FROM read_parquet('{_folder.File("out/ner/train.parquet")}')"));
        string card = File.ReadAllText(_folder.File("out/README.md"));
        string yaml = card[4..card.IndexOf("\n---\n", 4, StringComparison.Ordinal)];
        var front = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(yaml);
        Assert.Equal("vi", ((List<object>)front["language"])[0]);
        Assert.Equal(0, (int)JsonNode.Parse(File.ReadAllText(_folder.File("out/manifest.json")))!["articles"]!);
    }

    [Fact]
    public async Task Gold_ExportsTheHandAnnotations_InsteadOfTheExtractors()
    {
        string gold = Path.Combine(RepositoryPaths.Shared, "gold", "seeds.gold.jsonl");
        (int code, _, string error) = await DanvanCli.RunAsync("dataset", "--gold", gold, "--out", _folder.File("out"), "--format", "jsonl");
        Assert.True(code == 0, error);
        List<JsonObject> cases = DatasetInputs.ReadJsonl(gold);
        List<JsonObject> officials = DatasetInputs.ReadJsonl(_folder.File("out/officials.jsonl"));
        foreach (JsonObject c in cases)
        {
            string id = (string)c["id"]!;
            string text = (string)c["text"]!;
            var expected = c["officials"]!.AsArray().Select(o => (string)o!["name"]!).Where(n => text.Contains(n, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
            Assert.Equal(expected, officials.Where(o => (string)o["article_id"]! == id).Select(o => (string)o["name"]!).Order(StringComparer.Ordinal));
        }

        Assert.All(DatasetInputs.ReadJsonl(_folder.File("out/articles.jsonl")), a => Assert.Equal("gold", (string)a["annotation_source"]!));
        Assert.Equal(cases.Sum(c => c["documents"]!.AsArray().Count), DatasetInputs.ReadJsonl(_folder.File("out/documents.jsonl")).Count);
    }

    [Fact]
    public async Task Shards_MergeIntoTheDatasetOfOneRun()
    {
        string input = DatasetInputs.WriteArticles(_folder.File("in.jsonl"), labeled: 60);
        string[] common = ["--in", input, "--format", "jsonl,csv,parquet", "--split-by", "month"];
        Assert.Equal(0, (await DanvanCli.RunAsync(["dataset", .. common, "--out", _folder.File("whole")])).ExitCode);
        Assert.Equal(0, (await DanvanCli.RunAsync(["dataset", .. common, "--out", _folder.File("s1"), "--shard", "1/2"])).ExitCode);
        Assert.Equal(0, (await DanvanCli.RunAsync(["dataset", .. common, "--out", _folder.File("s2"), "--shard", "2/2"])).ExitCode);
        (int merged, _, string error) = await DanvanCli.RunAsync("dataset", "merge", "--in", _folder.File("s1"), "--in", _folder.File("s2"), "--out", _folder.File("merged"));
        Assert.True(merged == 0, error);

        List<JsonObject> wholeRows = DatasetInputs.ReadJsonl(_folder.File("whole/articles.jsonl"));
        var whole = wholeRows.ToDictionary(a => (string)a["article_id"]!, a => (string)a["split"]!);
        var parts = DatasetInputs.ReadJsonl(_folder.File("merged/articles.jsonl")).ToDictionary(a => (string)a["article_id"]!, a => (string)a["split"]!);
        Assert.True(DatasetInputs.ReadJsonl(_folder.File("s1/articles.jsonl")).Count > 0 && DatasetInputs.ReadJsonl(_folder.File("s2/articles.jsonl")).Count > 0);

        // Every article once, in the same split: a group's split hangs on its key and the seed only. (A near duplicate
        // follows its original, which may lie in the other shard, where it is not seen: those are left out.)
        Assert.Equal(whole.Count, parts.Count);
        foreach (JsonObject a in wholeRows.Where(a => a["duplicate_of"] is null))
        {
            Assert.Equal(whole[(string)a["article_id"]!], parts[(string)a["article_id"]!]);
        }

        Assert.Equal(parts.Count, Count($"SELECT count(*) FROM read_parquet('{_folder.File("merged/articles.parquet")}')"));
        Assert.Equal(parts.Count, Count($"SELECT count(*) FROM read_csv('{_folder.File("merged/articles.csv")}', header = true, all_varchar = true)"));
        long nerRows = Count($"SELECT count(*) FROM read_parquet('{_folder.File("merged/ner/train.parquet")}')");
        Assert.Equal(DatasetInputs.ReadJsonl(_folder.File("merged/ner/train.jsonl")).Count, nerRows);
        Assert.Equal(parts.Count, (long)JsonNode.Parse(File.ReadAllText(_folder.File("merged/manifest.json")))!["articles"]!);
    }

    [Fact]
    public async Task Warc_ResponsesAreParsedIntoArticles_WithTheirRecordIds()
    {
        string html = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "html", "labour-daily-thanhxuan.html"));
        string warc = _folder.File("pages.warc");
        await using (var file = File.Create(warc))
        {
            WriteResponse(file, "<urn:uuid:11111111-1111-1111-1111-111111111111>", "https://laodongthudo.vn/bai-viet-1.html", html);
            WriteResponse(file, "<urn:uuid:22222222-2222-2222-2222-222222222222>", "https://example.vn/khong-phai-html.txt", "plain", "text/plain");
        }

        (int code, _, string error) = await DanvanCli.RunAsync("dataset", "--warc", warc, "--out", _folder.File("out"), "--format", "jsonl");
        Assert.True(code == 0, error);
        JsonObject article = Assert.Single(DatasetInputs.ReadJsonl(_folder.File("out/articles.jsonl")));
        Assert.Equal("pages.warc", (string)article["warc_file"]!);
        Assert.Equal("<urn:uuid:11111111-1111-1111-1111-111111111111>", (string)article["warc_record_id"]!);
        Assert.Equal("https://laodongthudo.vn/bai-viet-1.html", (string)article["url"]!);
        Assert.True((int)article["officials"]! > 0, "the page names officials");
    }

    private static void WriteResponse(Stream file, string id, string uri, string body, string contentType = "text/html; charset=utf-8")
    {
        byte[] payload = Encoding.UTF8.GetBytes(body);
        byte[] http = [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {payload.Length}\r\n\r\n"), .. payload];
        string head = $"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: {id}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-01-04T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {http.Length}\r\n\r\n";
        file.Write(Encoding.ASCII.GetBytes(head));
        file.Write(http);
        file.Write("\r\n\r\n"u8);
    }

    [Fact]
    public async Task KilledMidRun_LeavesNoFileUnderAFinalName()
    {
        // Enough articles for the run to last well past the moment it is killed.
        string input = _folder.File("big.jsonl");
        var seeds = RepositoryPaths.SeedTexts();
        await using (var writer = new StreamWriter(input))
        {
            for (int i = 0; i < 40_000; i++)
            {
                (string name, string text) = seeds[i % seeds.Count];
                await writer.WriteLineAsync(new JsonObject { ["id"] = $"{i}-{name}", ["site"] = $"site{i % 13}.vn", ["text"] = text + "\n" + i }.ToJsonString());
            }
        }

        string output = _folder.File("out");
        using Process process = DanvanCli.Start("dataset", "--in", input, "--out", output);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60)
            && !(Directory.Exists(output) && Directory.EnumerateFiles(output, "*.jsonl", SearchOption.AllDirectories).Any(f => new FileInfo(f).Length > 100_000)))
        {
            Assert.False(process.HasExited, "the run ended before it could be killed");
            await Task.Delay(50);
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Assert.NotEmpty(Directory.EnumerateDirectories(output, ".partial-*"));
        foreach (string file in FinalFiles)
        {
            Assert.False(File.Exists(Path.Combine(output, file)), $"{file} exists under its final name after the crash");
        }

        // A new run with --force clears the dead run's staging folder and completes.
        string small = DatasetInputs.WriteArticles(_folder.File("small.jsonl"), labeled: 3);
        Assert.Equal(0, (await DanvanCli.RunAsync("dataset", "--in", small, "--out", output, "--force")).ExitCode);
        Assert.Empty(Directory.EnumerateDirectories(output, ".partial-*"));
        Assert.All(FinalFiles, f => Assert.True(File.Exists(Path.Combine(output, f)), f));
    }
}
