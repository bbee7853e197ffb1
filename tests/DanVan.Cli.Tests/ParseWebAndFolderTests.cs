using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DanVan.Analytics.Crawling.Tests.Fixtures;

namespace DanVan.Cli.Tests;

/// <summary>
/// <c>danvan parse --fetch URL</c>, <c>--urls FILE</c> and <c>--in DIR</c> as real processes: pages fetched from the
/// fixture news site on a real Kestrel server on 127.0.0.1 with the crawler's polite fetcher, and folders of real files.
/// </summary>
public sealed class ParseWebAndFolderTests() : NewsSiteTestBase(new NewsSite(crawlDelay: "0.05"))
{
    [Fact]
    public async Task Fetch_OnePage_ReadsRobotsFirstThenParsesThePageWithItsCharset()
    {
        (int exitCode, string output, string error) = await DanvanCli.RunAsync(
            "parse", "--fetch", Server.Url("/tin/viet-1258.html").AbsoluteUri, "--contact", "mailto:tests@example.org");

        Assert.True(exitCode == 0, error);
        using var article = JsonDocument.Parse(output);
        Assert.Equal(NewsSite.Windows1258Title, article.RootElement.GetProperty("title").GetString());
        Assert.Equal(Server.Url("/tin/viet-1258.html").AbsoluteUri, article.RootElement.GetProperty("url").GetString());

        string[] paths = Server.Requests.Select(r => r.PathAndQuery).ToArray();
        Assert.Equal(["/robots.txt", "/tin/viet-1258.html"], paths);
        Assert.All(Server.Requests, r => Assert.Contains("DanVanBot/0.1 (+mailto:tests@example.org)", r.Headers["User-Agent"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fetch_DisallowedByRobots_IsNeverRequested()
    {
        string path = NewsSite.DisallowedPrefixes[0] + "trang.html";
        Server.MapText(path, "<html><body><p>Không được tải.</p></body></html>");

        (int exitCode, string output, string error) = await DanvanCli.RunAsync("parse", "--fetch", Server.Url(path).AbsoluteUri);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("RobotsDisallowed", error, StringComparison.Ordinal);
        Assert.Empty(Server.RequestsFor(path));
    }

    [Fact]
    public async Task Fetch_MissingPageAndOversizedPage_FailWithTheirKind()
    {
        Server.MapText("/tin/khong-lo.html", "<html><body><p>" + new string('x', 11 * 1024 * 1024) + "</p></body></html>");

        (int missing, _, string missingError) = await DanvanCli.RunAsync("parse", "--fetch", Server.Url("/tin/khong-co.html").AbsoluteUri);
        (int huge, _, string hugeError) = await DanvanCli.RunAsync("parse", "--fetch", Server.Url("/tin/khong-lo.html").AbsoluteUri);
        (int notWeb, _, _) = await DanvanCli.RunAsync("parse", "--fetch", "file:///etc/passwd");

        Assert.Equal(1, missing);
        Assert.Contains("HttpError", missingError, StringComparison.Ordinal);
        Assert.Equal(1, huge);
        Assert.Contains("TooLarge", hugeError, StringComparison.Ordinal);
        Assert.Equal(2, notWeb);
        Assert.DoesNotContain("   at ", missingError + hugeError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Urls_AListOfPages_WritesTheGoodOnesAndReportsEachOtherLine()
    {
        string[] good = [.. Site.ArticlePaths.Take(3)];
        string list = Dir.File("urls.txt");
        File.WriteAllLines(list,
        [
            "# pages to parse",
            .. good.Select(p => Server.Url(p).AbsoluteUri),
            "",
            "not a url",
            Server.Url(NewsSite.DisallowedPrefixes[0] + "x.html").AbsoluteUri,
            Server.Url("/tin/khong-co.html").AbsoluteUri,
        ]);
        string output = Dir.File("articles.jsonl");

        (int exitCode, _, string error) = await DanvanCli.RunAsync("parse", "--urls", list, "--out", output);

        Assert.Equal(3, exitCode);
        string[] urls = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("url").GetString()!).ToArray();
        Assert.Equal(good.Select(p => Server.Url(p).AbsoluteUri), urls);
        var reports = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal([6, 7, 8], reports.Select(r => r.GetProperty("line").GetInt32()).Order());
        Assert.Single(Server.RequestsFor("/robots.txt")); // read once for the host
    }

    [Fact]
    public async Task InFolder_ParsesEveryPageInIt_AndReportsTheOnesThatAreNotPages()
    {
        string folder = Dir.File("pages");
        Directory.CreateDirectory(Path.Combine(folder, "2025", "12"));
        string page = Path.Combine(RepositoryPaths.Corpus, "html", "jsonld-only-modern.html");
        File.Copy(page, Path.Combine(folder, "a.html"));
        File.Copy(page, Path.Combine(folder, "2025", "12", "b.htm"));
        using (FileStream file = File.Create(Path.Combine(folder, "2025", "c.html.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(File.ReadAllBytes(page));
        }

        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a page, not even looked at");
        File.WriteAllBytes(Path.Combine(folder, "scan.html"), Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"));

        (int exitCode, string output, string error) = await DanvanCli.RunAsync("parse", "--in", folder);

        Assert.Equal(3, exitCode);
        string[] ids = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(["2025/12/b", "2025/c", "a"], ids);
        using var failure = JsonDocument.Parse(error.Split('\n').Single(l => l.StartsWith('{')));
        Assert.Equal("scan", failure.RootElement.GetProperty("id").GetString());
        Assert.Equal("NotHtml", failure.RootElement.GetProperty("kind").GetString());
    }
}
