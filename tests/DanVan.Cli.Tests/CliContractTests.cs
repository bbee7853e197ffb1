using System.Text.Json;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Crawling.Tests;

namespace DanVan.Cli.Tests;

/// <summary>What scripts rely on, run against the real <c>danvan</c>: exit codes, stderr, <c>-</c> pipes, outputs that are inputs.</summary>
public sealed class CliContractTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static string Manifest => Path.Combine(RepositoryPaths.Corpus, "html", "manifest.jsonl");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("search", "--index", "x", "--top", "abc", "q")]
    [InlineData("index", "--in", "x.jsonl", "--index", "x", "--commit-every", "-5")]
    [InlineData("parse", "--no-such-option")]
    [InlineData("no-such-command")]
    public async Task UsageError_ShortMessageOnStderr_NothingOnStdout_Exit2(params string[] arguments)
    {
        var (exitCode, output, error) = await DanvanCli.RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.True(error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 3, error);
    }

    [Fact]
    public async Task Top_NotANumber_SaysSoInWords()
    {
        var (_, _, error) = await DanvanCli.RunAsync("search", "--index", _dir.Path, "--top", "abc", "q");

        Assert.Contains("--top takes a whole number", error, StringComparison.Ordinal);
        Assert.Contains("'abc'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_DocumentsExitCodesAndUsesPlaceholdersAndNoMissingCommand()
    {
        var root = await DanvanCli.RunAsync("--help");
        var parse = await DanvanCli.RunAsync("parse", "--help");
        var crawl = await DanvanCli.RunAsync("crawl", "--help");

        Assert.Equal(0, root.ExitCode);
        Assert.Contains("3 finished, but some input lines or pages were skipped", root.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("  normalize", root.Output, StringComparison.Ordinal);
        Assert.Contains("--in <FILE>", parse.Output, StringComparison.Ordinal);
        Assert.Contains("--state <DIR>", crawl.Output, StringComparison.Ordinal);
        // A default is shown once, by the help's own [default: ...], not again in the description.
        Assert.DoesNotContain("(default", crawl.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_OnAParseOutput_FindsTheFactsOfTitleLeadAndBody()
    {
        string articles = _dir.File("articles.jsonl");
        var parse = await DanvanCli.RunAsync("parse", "--in", Manifest, "--out", articles);
        Assert.True(parse.ExitCode == 0, parse.Error);

        var extract = await DanvanCli.RunAsync("extract", "--in", articles);

        Assert.True(extract.ExitCode == 0, extract.Error);
        var records = new Dictionary<string, ArticleRecord>();
        await foreach (ArticleRecord record in ArticleRecordReader.ReadAsync(articles))
        {
            records[record.Id] = record;
        }

        string[] lines = extract.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(records.Count, lines.Length);
        int withFacts = 0;
        foreach (string line in lines)
        {
            using var json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            Assert.Equal(ArticleRecord.CurrentSchemaVersion, root.GetProperty("schema_version").GetInt32());
            string text = records[root.GetProperty("id").GetString()!].ComposeText();
            int facts = 0;
            foreach (string kind in new[] { "documents", "model_counts" })
            {
                foreach (JsonElement fact in root.GetProperty(kind).EnumerateArray())
                {
                    // Offsets point into the article's text (title, lead, body): the surface is found there.
                    int start = fact.GetProperty("start").GetInt32();
                    int length = fact.GetProperty("length").GetInt32();
                    Assert.Equal(fact.GetProperty("surface").GetString(), text.Substring(start, length));
                    facts++;
                }
            }

            facts += root.GetProperty("officials").GetArrayLength();
            withFacts += facts > 0 ? 1 : 0;
        }

        Assert.True(withFacts >= lines.Length / 2, $"only {withFacts} of {lines.Length} parsed articles gave facts");
    }

    [Fact]
    public async Task Pipes_DashMeansStdinAndStdout()
    {
        var parse = await DanvanCli.RunAsync("parse", "--in", Manifest, "--out", "-");
        Assert.Equal(0, parse.ExitCode);

        var extract = await DanvanCli.RunWithInputAsync(parse.Output, "extract", "--in", "-", "--out", "-");

        Assert.True(extract.ExitCode == 0, extract.Error);
        Assert.Equal(
            parse.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length,
            extract.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task BadLines_ReportedAsJsonOnStderr_RunGoesOn_Exit3_AndStrictStopsWithExit1()
    {
        string input = _dir.File("cases.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"id":"c1","text":"Thực hiện Nghị quyết số 25-NQ/TW của Bộ Chính trị."}""",
            "{broken",
            """{"id":"c2","text":"Toàn tỉnh có hơn 1.200 mô hình dân vận khéo."}""",
        ]);

        var lenient = await DanvanCli.RunAsync("extract", "--in", input);
        var strict = await DanvanCli.RunAsync("extract", "--in", input, "--strict");

        Assert.Equal(3, lenient.ExitCode);
        Assert.Equal(2, lenient.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        using (var bad = JsonDocument.Parse(lenient.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()))
        {
            Assert.Equal(input, bad.RootElement.GetProperty("file").GetString());
            Assert.Equal(2, bad.RootElement.GetProperty("line").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(bad.RootElement.GetProperty("reason").GetString()));
        }

        Assert.Equal(1, strict.ExitCode);
        Assert.Single(strict.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("parse")]
    [InlineData("classify")]
    public async Task OutputThatIsTheInput_ThroughASymlink_IsRefusedAndTheInputKept(string command)
    {
        string input = _dir.File("input.jsonl");
        File.Copy(command == "parse" ? Manifest : Path.Combine(RepositoryPaths.Shared, "gold", "seeds.gold.jsonl"), input);
        string link = _dir.File("link.jsonl");
        File.CreateSymbolicLink(link, input);
        byte[] before = await File.ReadAllBytesAsync(input);

        var direct = await DanvanCli.RunAsync(command, "--in", input, "--out", input);
        var linked = await DanvanCli.RunAsync(command, "--in", input, "--out", link);

        Assert.Equal(2, direct.ExitCode);
        Assert.Equal(2, linked.ExitCode);
        Assert.Contains("is the input", linked.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(input));
    }

    [Fact]
    public async Task ParseOneFile_WithOut_WritesTheRecordThere()
    {
        string page = Path.Combine(RepositoryPaths.Corpus, "html", "party-enewspaper-hagiang.html");
        string output = _dir.File("one.jsonl");

        var parse = await DanvanCli.RunAsync("parse", page, "--out", output);

        Assert.True(parse.ExitCode == 0, parse.Error);
        Assert.Equal("", parse.Output);
        var records = new List<ArticleRecord>();
        await foreach (ArticleRecord record in ArticleRecordReader.ReadAsync(output))
        {
            records.Add(record);
        }

        Assert.Equal("party-enewspaper-hagiang", Assert.Single(records).Id);
    }

    [Fact]
    public async Task CrawlOutInsideTheStateDirectory_IsRefused()
    {
        string state = _dir.File("state");
        var crawl = await DanvanCli.RunAsync("crawl", "--seed", "http://127.0.0.1:9/", "--contact", "mailto:t@example.org", "--state", state, "--out", Path.Combine(state, "crawl.db"));

        Assert.Equal(2, crawl.ExitCode);
        Assert.Contains("inside the state directory", crawl.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(state, "crawl.db")));
    }

    [Fact]
    public async Task SearchJson_IsSnakeCaseWithASchemaVersion()
    {
        string articles = _dir.File("a.jsonl");
        await File.WriteAllLinesAsync(articles, ["""{"id":"a1","url":"https://baomoi.com/a1","title":"Dân vận khéo","body":"Công tác dân vận."}"""]);
        var index = await DanvanCli.RunAsync("index", "--in", articles, "--index", _dir.File("index"));
        Assert.True(index.ExitCode == 0, index.Error);

        var search = await DanvanCli.RunAsync("search", "--index", _dir.File("index"), "dân vận", "--json");

        using var json = JsonDocument.Parse(search.Output);
        Assert.Equal(ArticleRecord.CurrentSchemaVersion, json.RootElement.GetProperty("schema_version").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("total_hits").GetInt32());
    }
}
