using System.Text.Json;
using DanVan.Analytics.Crawling.Tests;

namespace DanVan.Cli.Tests;

/// <summary>
/// The learning commands run as real processes: bad input lines go through the one bad-line policy (reported on stderr
/// as they come, exit code 3, or 1 with <c>--strict</c>), and a tagger trained by <c>train tagger</c> serves <c>extract --tagger</c>.
/// </summary>
public sealed class LearningCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteInputWithBadLines()
    {
        string input = Path.Combine(_dir.Path, "in.jsonl");
        File.WriteAllLines(input,
        [
            """{"id":"a1","text":"Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết phong trào thi đua Dân vận khéo năm 2024, biểu dương 35 mô hình tiêu biểu.","published":"2024-05-02T00:00:00+07:00"}""",
            "{broken",
            """{"id":"a2","text":"   "}""",
            """{"id":"a3","text":"Đội tuyển bóng đá U23 thắng 2-0 trong trận giao hữu tối qua trên sân Mỹ Đình trước hàng nghìn khán giả.","published":"2024-06-02T00:00:00+07:00"}""",
            """{"id":"a4","text":"Mặt trận Tổ quốc xã phối hợp Hội Nông dân trao nhà Đại đoàn kết cho hộ nghèo, vận động nhân dân hiến đất làm đường.","published":"2024-06-12T00:00:00+07:00"}""",
        ]);
        return input;
    }

    private static List<JsonElement> Problems(string error) =>
        [.. error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    [Fact]
    public async Task Classify_BadLines_ReportedAndExit3_StrictStopsWithExit1()
    {
        string input = WriteInputWithBadLines();
        string output = Path.Combine(_dir.Path, "pred.jsonl");

        var lenient = await DanvanCli.RunAsync("classify", "--in", input, "--out", output);
        var strict = await DanvanCli.RunAsync("classify", "--in", input, "--out", Path.Combine(_dir.Path, "strict.jsonl"), "--strict");

        Assert.True(lenient.ExitCode == 3, lenient.Error);
        List<JsonElement> problems = Problems(lenient.Error);
        Assert.Equal(2, problems.Count);
        Assert.Equal(2, problems[0].GetProperty("line").GetInt32());
        Assert.Equal(input, problems[0].GetProperty("file").GetString());
        Assert.Contains("a2", problems[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var ids = File.ReadLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(["a1", "a3", "a4"], ids);
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public async Task Topics_BadLines_ReportedAndExit3()
    {
        string input = WriteInputWithBadLines();
        string output = Path.Combine(_dir.Path, "topics");

        var run = await DanvanCli.RunAsync("topics", "--in", input, "--topics", "2", "--out", output, "--threads", "1");

        Assert.True(run.ExitCode == 3, run.Error);
        Assert.Equal(2, Problems(run.Error).Count);
        Assert.Equal(3, File.ReadLines(Path.Combine(output, "doc_topics.jsonl")).Count());
    }

    [Fact]
    public async Task TrainTagger_ThenExtractWithIt_KeepsTheRulesOfficials()
    {
        string corpus = Path.Combine(RepositoryPaths.Shared, "corpus", "labeled.jsonl");
        string dataset = Path.Combine(_dir.Path, "dataset");
        string tagger = Path.Combine(_dir.Path, "tagger.zip");
        var made = await DanvanCli.RunAsync("dataset", "--in", corpus, "--out", dataset, "--format", "jsonl");
        Assert.True(made.ExitCode == 0, made.Error);

        var train = await DanvanCli.RunAsync("train", "tagger", "--data", dataset, "--out", tagger, "--folds", "2");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("PER", train.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(tagger));

        string rulesOut = Path.Combine(_dir.Path, "rules.jsonl"), taggedOut = Path.Combine(_dir.Path, "tagged.jsonl");
        var rules = await DanvanCli.RunAsync("extract", "--in", corpus, "--out", rulesOut);
        var tagged = await DanvanCli.RunAsync("extract", "--in", corpus, "--out", taggedOut, "--tagger", tagger);
        Assert.True(rules.ExitCode == 0 && tagged.ExitCode == 0, rules.Error + tagged.Error);
        var before = File.ReadLines(rulesOut).Select(Names).ToList();
        var after = File.ReadLines(taggedOut).Select(Names).ToList();
        Assert.Equal(before.Count, after.Count);
        Assert.True(before.Sum(b => b.Count) > 20);
        for (int i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i], after[i].Take(before[i].Count));
        }

        // A model of another kind is refused in words.
        var wrong = await DanvanCli.RunAsync("extract", "--in", corpus, "--out", Path.Combine(_dir.Path, "x.jsonl"), "--tagger", corpus);
        Assert.Equal(2, wrong.ExitCode);
        Assert.StartsWith("error: ", wrong.Error, StringComparison.Ordinal);
    }

    private static List<string> Names(string line) =>
        [.. JsonDocument.Parse(line).RootElement.GetProperty("officials").EnumerateArray().Select(o => o.GetProperty("name").GetString()!)];
}
