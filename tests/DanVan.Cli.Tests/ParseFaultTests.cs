using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace DanVan.Cli.Tests;

/// <summary>
/// Issue 13 item 13 (the parse parts), run as real processes over real files: a full disk while writing the output is
/// an output error that keeps every article written before whole; a gzip page cut short is parsed as far as it goes with
/// a warning; 200,000 nested elements keep paragraphs apart.
/// </summary>
public sealed class ParseFaultTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "danvan-parse-fault-" + Guid.NewGuid().ToString("N"));

    public ParseFaultTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        DanvanCli.RunTool("umount", "-l", Path.Combine(_root, "small"));
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Parse_OutputDiskFills_ReportsTheOutputAndKeepsEveryWrittenArticleWhole()
    {
        // Pages of about 170 KB each: a 1 MB disk fills after a few articles.
        var body = new StringBuilder();
        string[] words = ["ban", "dân", "vận", "tổ", "chức", "hội", "nghị", "tổng", "kết", "công", "tác", "tại", "cơ", "sở"];
        for (int p = 0; p < 150; p++)
        {
            body.Append("<p>").AppendJoin(' ', Enumerable.Range(0, 200).Select(i => words[(i * 7 + p) % words.Length])).Append(".</p>");
        }

        File.WriteAllText(Path.Combine(_root, "big.html"), $"<html><head><title>Hội nghị</title></head><body><h1>Hội nghị dân vận</h1><div class=\"content\">{body}</div></body></html>");
        string manifest = Path.Combine(_root, "m.jsonl");
        File.WriteAllLines(manifest, Enumerable.Range(0, 40).Select(i => JsonSerializer.Serialize(new { id = "p" + i, path = "big.html" })));
        string small = Path.Combine(_root, "small");
        Directory.CreateDirectory(small);
        bool mounted = DanvanCli.RunTool("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small) == 0;
        string output = mounted ? Path.Combine(small, "out.jsonl") : "/dev/full";
        Assert.True(mounted || File.Exists("/dev/full"), "the test needs a tmpfs mount (root) or Linux's /dev/full");

        (int exitCode, _, string error) = await DanvanCli.RunAsync("parse", "--in", manifest, "--out", output);

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("Unreadable", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Contains("could not be written", error, StringComparison.Ordinal);
        if (mounted)
        {
            string[] lines = File.ReadAllLines(output);
            Assert.NotEmpty(lines);
            Assert.True(File.ReadAllBytes(output)[^1] == (byte)'\n', "the file ends with a whole line");
            foreach (string line in lines)
            {
                using JsonDocument article = JsonDocument.Parse(line);
                Assert.True(article.RootElement.GetProperty("body").GetString()!.Length > 100_000, "each kept article has its whole body");
            }

            Assert.Contains($"({lines.Length} complete articles kept)", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Parse_GzipPageCutShort_ParsesWhatIsReadableWithAWarning()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "html", "jsonld-only-modern.html"));
        string whole = Path.Combine(_root, "page.html.gz");
        using (FileStream file = File.Create(whole))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(page));
        }

        byte[] bytes = File.ReadAllBytes(whole);
        string cut = Path.Combine(_root, "cut.html.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length * 2 / 3)]);

        (int wholeExit, string wholeOutput, string wholeError) = await DanvanCli.RunAsync("parse", whole);
        (int cutExit, string cutOutput, string cutError) = await DanvanCli.RunAsync("parse", cut);

        Assert.True(wholeExit == 0, wholeError);
        Assert.True(cutExit == 0, cutError);
        Assert.DoesNotContain("CompressedInputCut", Codes(wholeOutput));
        Assert.Contains("CompressedInputCut", Codes(cutOutput));
        using JsonDocument article = JsonDocument.Parse(cutOutput);
        Assert.False(string.IsNullOrWhiteSpace(article.RootElement.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Parse_TwoHundredThousandNestedElements_KeepsParagraphsApart()
    {
        const int Depth = 200_000;
        var html = new StringBuilder("<html><body>");
        html.Insert(html.Length, "<div>", Depth);
        html.Append("<p>Ban dân vận huyện họp tại cơ sở.</p><p>Nội dung cuộc họp bàn về công tác dân vận khéo.</p>");
        html.Insert(html.Length, "</div>", Depth);
        html.Append("</body></html>");
        string file = Path.Combine(_root, "deep.html");
        File.WriteAllText(file, html.ToString());

        (int exitCode, string output, string error) = await DanvanCli.RunAsync("parse", file);

        Assert.True(exitCode == 0, error);
        using JsonDocument article = JsonDocument.Parse(output);
        string body = article.RootElement.GetProperty("body").GetString()!;
        Assert.DoesNotContain("cơ sở.Nội dung", body, StringComparison.Ordinal);
        Assert.Contains("cơ sở.\n\nNội dung", body, StringComparison.Ordinal);
        Assert.Contains("NestingTooDeep", Codes(output));
    }

    private static List<string> Codes(string articleJson)
    {
        using JsonDocument article = JsonDocument.Parse(articleJson);
        return [.. article.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()!)];
    }
}
