using System.Collections.Concurrent;
using System.Text;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.Output;
using DanVan.Analytics.Crawling.State;
using DanVan.Analytics.Crawling.Tests.Fixtures;
using DanVan.Analytics.Crawling.Urls;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DanVan.Analytics.Crawling.Tests;

/// <summary>Issue 13's crawl attacks, each against the fixture site on a real server on 127.0.0.1.</summary>
public sealed class CrawlAttackTests() : NewsSiteTestBase(new NewsSite(crawlDelay: "0"))
{
    private CrawlerOptions Options(string seedPath = "/") => new()
    {
        Seeds = [Server.Url(seedPath).AbsoluteUri],
        StateDirectory = Dir.File("state"),
        Delay = TimeSpan.Zero,
        Fetcher = new FetcherOptions { RequestTimeout = TimeSpan.FromMilliseconds(1500), MaxRetries = 0, MaxBodyBytes = 1024 * 1024 },
    };

    [Fact]
    public async Task RunAsync_RedirectAndLinksToOtherPortsOfTheSeedHost_AreNeverFollowed()
    {
        await using LocalServer other = await LocalServer.StartAsync();
        other.MapText("/noi-bo.html", "<html><body>internal service</body></html>");
        Server.MapRedirect("/sang-cong-khac", other.Url("/noi-bo.html").AbsoluteUri, 302);
        Server.MapText("/cong.html", $"<html><body><a href='{other.Url("/noi-bo.html")}'>x</a><a href='http://127.0.0.1:0/'>zero</a><a href='/sang-cong-khac'>r</a></body></html>");

        var pages = new List<CrawledPage>();
        await new Crawler(Options("/cong.html") with { Scope = new() { MaxDepth = 1 } }).RunAsync((p, _) => { pages.Add(p); return ValueTask.CompletedTask; });

        Assert.Empty(other.Requests);
        Assert.Equal(FetchStatus.RedirectRefused, pages.Single(p => p.Url.AbsolutePath == "/sang-cong-khac").Fetch!.Status);
        using var state = CrawlState.Open(Dir.File("state"));
        Assert.Null(state.StateOf("http://127.0.0.1:0/"));
        Assert.Null(state.StateOf(other.Url("/noi-bo.html").AbsoluteUri));
    }

    [Fact]
    public async Task RunAsync_PrivateSeed_TrustsOnlyItsOwnPortEvenWhenScopeAllowsOtherPorts()
    {
        await using LocalServer other = await LocalServer.StartAsync();
        other.MapText("/noi-bo.html", "<html><body>internal service</body></html>");
        Server.MapText("/cong.html", $"<html><body><a href='{other.Url("/noi-bo.html")}'>x</a></body></html>");

        var pages = new List<CrawledPage>();
        await new Crawler(Options("/cong.html") with { Scope = new() { MaxDepth = 1, MatchSchemeAndPort = false } })
            .RunAsync((p, _) => { pages.Add(p); return ValueTask.CompletedTask; });

        Assert.Empty(other.Requests); // in scope now, but its address is loopback on a port the seed does not name
        Assert.Contains(pages, p => p.Url.Port == other.BaseUrl.Port && p.State == UrlState.Failed && p.Note!.Contains("non-public address", StringComparison.Ordinal));
        Assert.Single(Server.RequestsFor("/cong.html"));
    }

    [Fact]
    public async Task RunAsync_PageWithTwentyThousandLinks_QueuesAtMostTheCapAndWarns()
    {
        var html = new StringBuilder("<html><body>");
        for (int i = 0; i < 20_000; i++)
        {
            html.Append("<a href='/rac/").Append(i).Append(".html'>x</a>");
        }

        Server.MapText("/nhieu-lien-ket.html", html.Append("</body></html>").ToString());
        var logger = new ListLogger();
        await new Crawler(Options("/nhieu-lien-ket.html") with { MaxPages = 1, MaxLinksPerPage = 300, MaxNewUrlsPerPage = 100, FollowSitemaps = false }, logger: logger).RunAsync();

        using var state = CrawlState.Open(Dir.File("state"));
        CrawlCounts counts = state.Counts();
        Assert.Equal(100, counts.Queued);
        Assert.Contains(logger.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("300 links", StringComparison.Ordinal));
        Assert.Contains(logger.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("100 new URLs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_FinishedCrawlRunAgainWithoutValidators_DoesNotWriteTheSeedArticleAgain()
    {
        string articles = Dir.File("articles.jsonl");
        for (int run = 0; run < 3; run++)
        {
            using var output = new JsonlArticleOutput(articles);
            CrawlSummary summary = await new Crawler(Options("/tin/bai-00.html") with { Scope = new() { MaxDepth = 0 } }, output).RunAsync();
            Assert.Equal(run == 0 ? 1 : 0, summary.Emitted);
            Assert.Equal(run == 0 ? 0 : 1, summary.Unchanged);
        }

        Assert.Equal(3, Server.RequestsFor("/tin/bai-00.html").Count); // fetched each time: the server sends no validators
        Assert.Single(File.ReadAllLines(articles));
    }

    [Fact]
    public async Task RunAsync_SitemapOverThePageLimit_IsReadUpToTheProtocolsFiftyMegabytes()
    {
        // 2 MB of sitemap against a 1 MB page limit; the one real article in it is reachable from nowhere else.
        var sitemap = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>");
        sitemap.Append("<url><loc>").Append(Server.Url("/tin/bai-09.html")).Append("</loc></url>");
        for (int i = 0; sitemap.Length < 2 * 1024 * 1024; i++)
        {
            sitemap.Append("<url><loc>").Append(Server.Url($"/lap/{i}.html")).Append("</loc></url>");
        }

        Server.MapText("/sitemap-lon.xml", sitemap.Append("</urlset>").ToString(), "application/xml");
        Server.MapText("/robots.txt", $"User-agent: *\nDisallow: /lap/\nSitemap: {Server.Url("/sitemap-lon.xml")}\n", "text/plain");

        await new Crawler(Options("/tin/bai-05.html") with { Scope = new() { MaxDepth = 2, IncludePatterns = [@"(/tin/bai-0[59]\.html|/sitemap-lon\.xml)$"] } }).RunAsync();

        Assert.Single(Server.RequestsFor("/sitemap-lon.xml"));
        Assert.Single(Server.RequestsFor("/tin/bai-09.html"));
    }

    [Fact]
    public async Task FetchAsync_CorruptBrotli_IsADecodingErrorNotACrash()
    {
        Server.Map("/hong.html", async context =>
        {
            context.Response.Headers.ContentEncoding = "br";
            await context.Response.Body.WriteAsync(Enumerable.Range(0, 4096).Select(i => (byte)(i * 37)).ToArray());
        });
        using var fetcher = new PageFetcher(new FetcherOptions { AddressPolicy = new AddressPolicy(trustedOrigins: [Server.BaseUrl]) }, new HostScheduler(TimeSpan.Zero));
        FetchResult result = await fetcher.FetchAsync(Server.Url("/hong.html"));
        Assert.Equal(FetchStatus.DecodingError, result.Status);
        Assert.Contains("br body is corrupt", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crawl.db")]
    [InlineData("crawl.db-wal")]
    [InlineData("crawl.lock")]
    [InlineData("warc/articles.jsonl")]
    public async Task RunAsync_OutputInsideTheStatesOwnFiles_IsRefusedAndTheStateStaysIntact(string name)
    {
        await new Crawler(Options("/tin/bai-00.html") with { Scope = new() { MaxDepth = 0 } }).RunAsync();
        byte[] before = await File.ReadAllBytesAsync(Path.Combine(Dir.File("state"), "crawl.db"));

        using var output = new JsonlArticleOutput(Path.Combine(Dir.File("state"), name));
        var e = await Assert.ThrowsAsync<CrawlConfigurationException>(() => new Crawler(Options("/tin/bai-01.html"), output).RunAsync());
        Assert.Contains("state's own files", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(Path.Combine(Dir.File("state"), "crawl.db")));
        using var state = CrawlState.Open(Dir.File("state"));
        Assert.Equal(UrlState.Done, state.StateOf(Server.Url("/tin/bai-00.html").AbsoluteUri));
    }

    [Fact]
    public async Task RunAsync_OutputIsADirectory_IsAConfigurationError()
    {
        Directory.CreateDirectory(Dir.File("thu-muc"));
        using var output = new JsonlArticleOutput(Dir.File("thu-muc"));
        var e = await Assert.ThrowsAsync<CrawlConfigurationException>(() => new Crawler(Options(), output).RunAsync());
        Assert.Contains("is a directory", e.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task RunAsync_StateHeldByAnotherCrawl_IsRefusedWithTheTypedError()
    {
        using (CrawlState.Open(Dir.File("state")))
        {
            await Assert.ThrowsAsync<CrawlStateLockedException>(() => new Crawler(Options()).RunAsync());
        }

        Assert.Empty(Server.Requests);
        CrawlSummary summary = await new Crawler(Options("/tin/bai-00.html") with { Scope = new() { MaxDepth = 0 } }).RunAsync();
        Assert.Equal(1, summary.Fetched); // released with the first holder
    }

    [Fact]
    public async Task RunAsync_InjectedHandler_CarriesEveryRequestAndKeepsTheAddressGuard()
    {
        using var counting = new CountingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
        var pages = new List<CrawledPage>();
        await new Crawler(Options("/chinh-tri") with { Scope = new() { MaxDepth = 1 } }, handler: counting).RunAsync((p, _) => { pages.Add(p); return ValueTask.CompletedTask; });
        Assert.Equal(Server.Requests.Count, counting.Requests);
        Assert.Contains(pages, p => p.Article is not null);

        // The same handler, a seed that is not trusted: the fetcher's own look-up refuses loopback before sending.
        int served = Server.Requests.Count;
        CrawlSummary refused = await new Crawler(Options("/xa-hoi") with { StateDirectory = Dir.File("state2"), TrustPrivateSeeds = false }, handler: counting).RunAsync();
        Assert.Equal(served, Server.Requests.Count);
        Assert.Equal(0, refused.Fetched);
    }

    [Fact]
    public void Crawler_HandlerThatFollowsRedirects_IsRefused()
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = true };
        Assert.Throws<ArgumentException>(() => new PageFetcher(handler: handler));
    }

    /// <summary>A real delegating handler that counts what it sends (what a user's instrumentation or proxy hop would see).</summary>
    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Keeps what the crawler logs.</summary>
    private sealed class ListLogger : ILogger
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Text)> _messages = new();

        public IReadOnlyList<(LogLevel Level, string Text)> Messages => _messages.ToArray();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _messages.Enqueue((logLevel, formatter(state, exception)));
    }
}
