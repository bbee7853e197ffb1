using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace DanVan.Cli.Tests;

/// <summary>
/// Issue 13 item 12, run as a real process over real files: an untrusted <c>parse --in</c> manifest cannot read
/// files outside its folder (by <c>..</c>, an absolute path or a symbolic link) unless <c>--allow-outside</c>, and a
/// file that is not HTML by its content (whatever its name) is refused per page while the run goes on.
/// </summary>
public sealed class ParseManifestSafetyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "danvan-parse-safety-" + Guid.NewGuid().ToString("N"));
    private readonly string _pages;
    private readonly string _manifest;

    public ParseManifestSafetyTests()
    {
        _pages = Path.Combine(_root, "pages");
        Directory.CreateDirectory(Path.Combine(_pages, "sub"));
        Directory.CreateDirectory(Path.Combine(_root, "pages-evil"));
        string page = Path.Combine(RepositoryPaths.Corpus, "html", "jsonld-only-modern.html");
        File.Copy(page, Path.Combine(_pages, "good.html"));
        File.Copy(page, Path.Combine(_pages, "sub", "inner.html"));
        // Real pages outside the manifest's folder: reading them is exactly what the confinement must stop.
        File.Copy(page, Path.Combine(_root, "secret.html"));
        File.Copy(page, Path.Combine(_root, "pages-evil", "x.html"));
        File.CreateSymbolicLink(Path.Combine(_pages, "link.html"), Path.Combine(_root, "secret.html"));
        Directory.CreateSymbolicLink(Path.Combine(_pages, "linked-dir"), _root);

        File.WriteAllBytes(Path.Combine(_pages, "report.html"), MinimalPdf());
        using (FileStream file = File.Create(Path.Combine(_pages, "report.html.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(MinimalPdf());
        }

        File.WriteAllBytes(Path.Combine(_pages, "photo.html"), [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, .. Encoding.ASCII.GetBytes(new string('x', 200))]);
        File.WriteAllText(Path.Combine(_pages, "notes.html"), "Công tác dân vận năm 2025 đạt nhiều kết quả; số người dự họp < 200 và > 150.\nroot:x:0:0:root:/root:/bin/bash\n");
        File.WriteAllText(Path.Combine(_pages, "data.html"), """{"title": "Công tác dân vận", "body": "<not a tag"}""");

        _manifest = Path.Combine(_pages, "manifest.jsonl");
        File.WriteAllLines(_manifest, new[]
        {
            ("good", "good.html"),
            ("inner", "sub/inner.html"),
            ("dotdot", "../secret.html"),
            ("sibling", "../pages-evil/x.html"),
            ("absolute", Path.Combine(_root, "secret.html")),
            ("proc", "/proc/self/environ"),
            ("symlink", "link.html"),
            ("linked-dir", "linked-dir/secret.html"),
            ("sneaky", "sub/../../secret.html"),
            ("pdf", "report.html"),
            ("pdf-gz", "report.html.gz"),
            ("jpeg", "photo.html"),
            ("text", "notes.html"),
            ("json", "data.html"),
        }.Select(e => JsonSerializer.Serialize(new { id = e.Item1, url = "https://example.vn/" + e.Item1, path = e.Item2 })));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task ParseManifest_PathsLeavingTheFolder_AreRefusedAndNothingOutsideIsRead()
    {
        (int exitCode, string output, string error) = await DanvanCli.RunAsync("parse", "--in", _manifest);

        Assert.Equal(3, exitCode);
        Assert.Equal(["good", "inner"], ArticleIds(output));
        Dictionary<string, string> kinds = FailureKinds(error);
        foreach (string id in new[] { "dotdot", "sibling", "absolute", "proc", "symlink", "linked-dir", "sneaky" })
        {
            Assert.Equal("OutsideManifestFolder", kinds[id]);
        }

        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseManifest_FilesThatAreNotHtml_AreRefusedByContentAndTheRunGoesOn()
    {
        (int exitCode, _, string error) = await DanvanCli.RunAsync("parse", "--in", _manifest);

        Assert.Equal(3, exitCode);
        Dictionary<string, string> kinds = FailureKinds(error);
        foreach (string id in new[] { "pdf", "pdf-gz", "jpeg", "text", "json" })
        {
            Assert.Equal("NotHtml", kinds[id]);
        }

        Assert.Contains("PDF", FailureReason(error, "pdf"), StringComparison.Ordinal);
        Assert.Contains("PDF", FailureReason(error, "pdf-gz"), StringComparison.Ordinal);
        Assert.Contains("JPEG", FailureReason(error, "jpeg"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseManifest_AllowOutside_ReadsTheOutsidePagesButStillRefusesWhatIsNotHtml()
    {
        (int exitCode, string output, string error) = await DanvanCli.RunAsync("parse", "--in", _manifest, "--allow-outside");

        Assert.Equal(3, exitCode);
        Assert.Equal(["good", "inner", "dotdot", "sibling", "absolute", "symlink", "linked-dir", "sneaky"], ArticleIds(output));
        Dictionary<string, string> kinds = FailureKinds(error);
        Assert.DoesNotContain("OutsideManifestFolder", kinds.Values);
        Assert.Equal("NotHtml", kinds["proc"]); // the environment block is not a page either
    }

    [Fact]
    public async Task ParseOneFile_APdfNamedHtml_IsRefusedWithATypedReason()
    {
        (int exitCode, string output, string error) = await DanvanCli.RunAsync("parse", Path.Combine(_pages, "report.html"));

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("PDF", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static List<string> ArticleIds(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!)
            .ToList();

    private static IEnumerable<JsonElement> Failures(string error) =>
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone());

    private static Dictionary<string, string> FailureKinds(string error) =>
        Failures(error).ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("kind").GetString()!);

    private static string FailureReason(string error, string id) =>
        Failures(error).Single(f => f.GetProperty("id").GetString() == id).GetProperty("reason").GetString()!;

    // A small but well-formed PDF 1.4 file (header, binary comment, one empty page, xref, trailer) as a PDF writer starts it.
    private static byte[] MinimalPdf()
    {
        var pdf = new MemoryStream();
        pdf.Write("%PDF-1.4\n%"u8);
        pdf.Write([0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
        pdf.Write("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8);
        return pdf.ToArray();
    }
}
