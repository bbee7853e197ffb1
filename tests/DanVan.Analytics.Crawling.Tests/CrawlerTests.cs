using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DanVan.Analytics.Crawling.Archiving;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.Output;
using DanVan.Analytics.Crawling.State;
using DanVan.Analytics.Crawling.Tests.Fixtures;

namespace DanVan.Analytics.Crawling.Tests;

public sealed class CrawlerTests() : NewsSiteTestBase(new NewsSite())
{
    private CrawlerOptions Options(TimeSpan? delay = null) => new()
    {
        Seeds = [Server.BaseUrl.AbsoluteUri],
        StateDirectory = Dir.Path,
        Delay = delay ?? TimeSpan.FromMilliseconds(100),
        Fetcher = new FetcherOptions { RequestTimeout = TimeSpan.FromMilliseconds(1500), MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(50), MaxBodyBytes = 1024 * 1024 },
    };

    [Fact]
    public async Task CrawlAsync_FixtureSite_KeepsExactlyTheAllowedUniquePagesPolitely()
    {
        var crawler = new Crawler(Options());
        var pages = new List<CrawledPage>();
        CrawlSummary summary = await crawler.RunAsync((page, _) => { pages.Add(page); return ValueTask.CompletedTask; });

        // Exactly the allowed articles come out, each once, decoded right whatever the charset label said.
        var articles = pages.Where(p => p.IsOutputCandidate && p.Article is not null).ToList();
        Assert.Equal(Site.ArticlePaths.Order(StringComparer.Ordinal), articles.Select(p => p.Url.PathAndQuery).Order(StringComparer.Ordinal));
        Assert.Equal(NewsSite.Windows1258Title, articles.Single(p => p.Url.AbsolutePath == "/tin/viet-1258.html").Article!.Title);
        Assert.Equal(NewsSite.WrongCharsetTitle, articles.Single(p => p.Url.AbsolutePath == "/tin/sai-charset.html").Article!.Title);

        // Exactly the allowed unique HTML pages are kept, each once.
        var kept = pages.Where(p => p.IsOutputCandidate).Select(p => p.Url.PathAndQuery).ToList();
        Assert.Equal(Site.UniquePagePaths.Order(StringComparer.Ordinal), kept.Order(StringComparer.Ordinal));

        // Nothing disallowed was ever requested (the server logs every request).
        var requests = Server.Requests;
        Assert.DoesNotContain(requests, r => NewsSite.DisallowedPrefixes.Any(d => r.PathAndQuery.StartsWith(d, StringComparison.Ordinal)));
        Assert.DoesNotContain(requests, r => r.PathAndQuery.Contains("utm_", StringComparison.Ordinal));
        Assert.Single(requests, r => r.PathAndQuery == "/robots.txt");

        // Every allowed page was fetched once; the server errors that recover were retried once.
        foreach (string path in Site.UniquePagePaths.Where(p => p is not "/ban-tam.html" and not "/qua-tai.html"))
        {
            Assert.Single(requests, r => r.PathAndQuery == path);
        }

        Assert.Equal(2, requests.Count(r => r.PathAndQuery == "/ban-tam.html"));
        Assert.Equal(2, requests.Count(r => r.PathAndQuery == "/qua-tai.html"));

        // Politeness: requests to the host are at least the Crawl-delay apart (the default delay before robots.txt was read).
        var arrivals = requests.Select(r => r.Arrived).Order().ToList();
        for (int i = 1; i < arrivals.Count; i++)
        {
            TimeSpan gap = arrivals[i] - arrivals[i - 1];
            Assert.True(gap >= TimeSpan.FromMilliseconds(i == 1 ? 100 : 150), $"gap {i} ({requests[i].PathAndQuery}) was {gap.TotalMilliseconds} ms");
        }

        // Failures are recorded with their reason.
        CrawledPage Find(string path) => pages.Single(p => p.Url.PathAndQuery == path);
        Assert.Equal(FetchStatus.RedirectLoop, Find("/vong-1").Fetch!.Status);
        Assert.Equal(404, Find("/khong-co.html").Fetch!.StatusCode);
        Assert.Equal(500, Find("/loi-may-chu.html").Fetch!.StatusCode);
        Assert.Equal(FetchStatus.Timeout, Find("/cham.html").Fetch!.Status);
        Assert.Equal(FetchStatus.TooLarge, Find("/qua-lon.html").Fetch!.Status);
        Assert.Equal(FetchStatus.TooLarge, Find("/bom.html").Fetch!.Status);
        Assert.Equal(UrlState.Skipped, Find("/cu/bai-00.html").State); // redirects to bai-00: same content
        Assert.Equal(UrlState.Skipped, Find("/amp/bai-00.html").State); // canonical is bai-00
        Assert.Equal(PageReason.CanonicalElsewhere, Find("/amp/bai-00.html").Reason);
        Assert.Equal(UrlState.Skipped, Find("/tin/bai-00.html?ref=home").State);
        Assert.Equal(PageReason.CanonicalElsewhere, Find("/tin/bai-00.html?ref=home").Reason); // names bai-00.html as canonical
        Assert.Equal(PageReason.FetchFailed, Find("/khong-co.html").Reason);
        Assert.DoesNotContain(pages, p => p.Url.Host != Server.BaseUrl.Host);

        Assert.Equal(0, summary.Queued);
        Assert.False(summary.Cancelled);
        Assert.True(summary.Errors >= 6);
    }

    [Fact]
    public async Task RunAsync_WarcArchive_ReadsBackToTheBytesServed()
    {
        var options = Options(TimeSpan.Zero) with { Seeds = [Server.Url("/chinh-tri").AbsoluteUri], Scope = new() { MaxDepth = 1 } };
        var pages = new List<CrawledPage>();
        await new Crawler(options).RunAsync((p, _) => { pages.Add(p); return ValueTask.CompletedTask; });

        var records = Directory.GetFiles(Path.Combine(Dir.Path, "warc"), "*.warc.gz").SelectMany(WarcReader.ReadAll).ToList();
        var responses = records.Where(r => r.Type == "response").ToList();
        foreach (CrawledPage page in pages.Where(p => p.Fetch?.Status == FetchStatus.Success))
        {
            HttpExchange exchange = page.Fetch!.Response!;
            WarcRecord record = Assert.Single(responses, r => r.TargetUri == exchange.Url.AbsoluteUri);
            Assert.Equal(exchange.RawBody.ToArray(), record.SplitHttp().Payload.ToArray());
            Assert.True(record.BlockDigestMatches());
            Assert.True(record.PayloadDigestMatches());
        }

        Assert.Contains(responses, r => r.TargetUri == Server.Url("/robots.txt").AbsoluteUri);
        Assert.Equal(records.Count(r => r.Type == "request"), responses.Count);
    }

    [Fact]
    public async Task RunAsync_RetriedPage_EveryAttemptIsItsOwnExchangeInTheWarc()
    {
        // Why the retries are the crawler's own rather than a resilience handler's (Polly, Http.Resilience): a handler
        // retries below the fetcher, and the 503 before the success would be lost from the archive.
        await new Crawler(Options(TimeSpan.Zero)).RunAsync();

        var records = Directory.GetFiles(Path.Combine(Dir.Path, "warc"), "*.warc.gz").SelectMany(WarcReader.ReadAll).ToList();
        foreach ((string path, int refused) in (ReadOnlySpan<(string, int)>)[("/ban-tam.html", 503), ("/qua-tai.html", 429)])
        {
            string url = Server.Url(path).AbsoluteUri;
            int[] statuses = records.Where(r => r.Type == "response" && r.TargetUri == url).Select(r => r.HttpStatusCode).ToArray();
            Assert.Equal([refused, 200], statuses);
            Assert.Equal(2, records.Count(r => r.Type == "request" && r.TargetUri == url));
        }
    }

    [Fact]
    public async Task RunAsync_ArticleRecords_PointAtTheirResponseRecordInTheWarc()
    {
        var options = Options(TimeSpan.Zero) with { Seeds = [Server.Url("/chinh-tri").AbsoluteUri], Scope = new() { MaxDepth = 1 } };
        string articles = Dir.File("articles.jsonl");
        using (var output = new JsonlArticleOutput(articles))
        {
            await new Crawler(options, output).RunAsync();
        }

        string[] lines = File.ReadAllLines(articles);
        Assert.NotEmpty(lines);
        string warcDirectory = Path.Combine(Dir.Path, "warc");
        using var http = new HttpClient();
        foreach (string line in lines)
        {
            using JsonDocument json = JsonDocument.Parse(line);
            string url = json.RootElement.GetProperty("url").GetString()!;
            string file = json.RootElement.GetProperty("warc_file").GetString()!;
            string id = json.RootElement.GetProperty("warc_record_id").GetString()!;

            // Read back without the crawler's reader: the WARC headers of the record with that id, in that file.
            string warc = Gunzip(Path.Combine(warcDirectory, Path.GetFileName(file)));
            int at = warc.IndexOf("WARC-Record-ID: " + id + "\r\n", StringComparison.Ordinal);
            Assert.True(at > 0, $"{id} is not in {file}");
            int headStart = warc.LastIndexOf("WARC/1.", at, StringComparison.Ordinal);
            string head = warc[headStart..warc.IndexOf("\r\n\r\n", at, StringComparison.Ordinal)];
            Assert.Contains("WARC-Type: response\r\n", head, StringComparison.Ordinal);
            Assert.Contains("WARC-Target-URI: " + url + "\r\n", head, StringComparison.Ordinal);

            // And the crawler's reader finds the page served under that id.
            WarcRecord record = Assert.Single(WarcReader.ReadAll(Path.Combine(warcDirectory, Path.GetFileName(file))), r => r.RecordId == id);
            Assert.Equal(await http.GetByteArrayAsync(new Uri(url)), record.SplitHttp().Payload.ToArray());
        }
    }

    private static string Gunzip(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.Latin1);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task RunAsync_StoppedAndResumed_FetchesEachPageOnce()
    {
        using (var stop = new CancellationTokenSource())
        {
            int seen = 0;
            CrawlSummary first = await new Crawler(Options(TimeSpan.FromMilliseconds(20))).RunAsync(
                (_, _) =>
                {
                    if (++seen == 8)
                    {
                        stop.Cancel();
                    }

                    return ValueTask.CompletedTask;
                },
                stop.Token);
            Assert.True(first.Cancelled);
            Assert.True(first.Queued > 0);
        }

        CrawlSummary second = await new Crawler(Options(TimeSpan.FromMilliseconds(20))).RunAsync();
        Assert.False(second.Cancelled);
        Assert.Equal(0, second.Queued);

        var requests = Server.Requests;
        foreach (string path in Site.UniquePagePaths.Where(p => p is not "/ban-tam.html" and not "/qua-tai.html" and not "/"))
        {
            Assert.True(requests.Count(r => r.PathAndQuery == path) == 1, $"{path} was requested {requests.Count(r => r.PathAndQuery == path)} times");
        }

        using var state = CrawlState.Open(Dir.Path);
        Assert.Equal(UrlState.Done, state.StateOf(Server.Url("/tin/bai-09.html").AbsoluteUri));
    }

    [Fact]
    public async Task RunAsync_MaxPages_StopsAndLeavesTheRestQueued()
    {
        CrawlSummary summary = await new Crawler(Options(TimeSpan.Zero) with { MaxPages = 3 }).RunAsync();
        Assert.Equal(3, summary.Fetched);
        Assert.True(summary.Queued > 0);
    }

    [Fact]
    public async Task RunAsync_InvalidSeed_ThrowsAClearConfigurationError()
    {
        var e = await Assert.ThrowsAsync<CrawlConfigurationException>(() => new Crawler(Options() with { Seeds = ["ftp://example.org/"] }).RunAsync());
        Assert.Contains("ftp://example.org/", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PublicSeedLinkingToLoopback_NeverConnectsThere()
    {
        // Without trusting private seeds, the loopback test server itself is refused: nothing reaches it.
        CrawlSummary summary = await new Crawler(Options() with { TrustPrivateSeeds = false }).RunAsync();
        Assert.Empty(Server.Requests);
        Assert.Equal(0, summary.Fetched);
        Assert.Contains(summary.ErrorsByKind, e => e.Key == "RobotsUnavailable");
        Assert.Contains("non-public address", Assert.Single(summary.ErrorSamples), StringComparison.Ordinal);
    }
}
