using System.IO.Compression;
using System.Text;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.Tests.Fixtures;
using DanVan.Analytics.Crawling.Urls;
using Microsoft.AspNetCore.Http;

namespace DanVan.Analytics.Crawling.Tests.Fetching;

public sealed class PageFetcherTests : IAsyncLifetime
{
    private LocalServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static PageFetcher CreateFetcher(FetcherOptions? options = null, TimeSpan? delay = null) =>
        new((options ?? new FetcherOptions()) with
        {
            UserAgent = FetcherOptions.UserAgentFor("https://example.org/about-this-crawl"),
            AddressPolicy = new AddressPolicy(trustedHosts: ["127.0.0.1"]),
            RetryBaseDelay = options?.RetryBaseDelay ?? TimeSpan.FromMilliseconds(50),
        }, new HostScheduler(delay ?? TimeSpan.Zero, maxConcurrencyPerHost: 4));

    [Fact]
    public async Task FetchAsync_PlainPage_ReturnsBodyAndSendsAnIdentifiableUserAgent()
    {
        _server.MapText("/a.html", "<p>Dân vận khéo</p>");
        using var fetcher = CreateFetcher();
        FetchResult result = await fetcher.FetchAsync(_server.Url("/a.html"));

        Assert.Equal(FetchStatus.Success, result.Status);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("<p>Dân vận khéo</p>", Encoding.UTF8.GetString(result.Response!.Body.Span));
        string userAgent = _server.RequestsFor("/a.html").Single().Headers["User-Agent"];
        Assert.StartsWith("DanVanBot/", userAgent, StringComparison.Ordinal);
        Assert.Equal("DanVanBot/0.1 (+https://example.org/about-this-crawl)", userAgent);
        Assert.StartsWith("GET /a.html HTTP/1.1\r\nHost: 127.0.0.1:", Encoding.Latin1.GetString(result.Response.RequestHead), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", Encoding.Latin1.GetString(result.Response.ResponseHead), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task FetchAsync_CompressedBody_IsDecodedAndRawBytesKept(string encoding)
    {
        byte[] page = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Ban Dân vận Tỉnh ủy</p>", 200)));
        byte[] compressed = Compress(page, encoding);
        _server.Map("/c.html", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentEncoding = encoding;
            await context.Response.Body.WriteAsync(compressed);
        });
        using var fetcher = CreateFetcher();
        FetchResult result = await fetcher.FetchAsync(_server.Url("/c.html"));

        Assert.Equal(FetchStatus.Success, result.Status);
        Assert.Equal(page, result.Response!.Body.ToArray());
        Assert.Equal(compressed, result.Response.RawBody.ToArray());
        Assert.Equal("gzip, deflate, br", _server.Requests.Single().Headers["Accept-Encoding"]);
    }

    [Fact]
    public async Task FetchAsync_DeclaredLengthOverLimit_IsRefusedWithoutReadingTheBody()
    {
        _server.Map("/big", async context =>
        {
            context.Response.ContentLength = 5000;
            await context.Response.Body.WriteAsync(new byte[5000]);
        });
        using var fetcher = CreateFetcher(new FetcherOptions { MaxBodyBytes = 1000 });
        FetchResult result = await fetcher.FetchAsync(_server.Url("/big"));
        Assert.Equal(FetchStatus.TooLarge, result.Status);
    }

    [Fact]
    public async Task FetchAsync_ChunkedBodyOverLimit_IsAborted()
    {
        _server.Map("/stream", async context =>
        {
            var chunk = new byte[4096];
            for (int i = 0; i < 100; i++)
            {
                await context.Response.Body.WriteAsync(chunk);
                await context.Response.Body.FlushAsync();
            }
        });
        using var fetcher = CreateFetcher(new FetcherOptions { MaxBodyBytes = 50_000 });
        FetchResult result = await fetcher.FetchAsync(_server.Url("/stream"));
        Assert.Equal(FetchStatus.TooLarge, result.Status);
        Assert.Contains("50000-byte limit", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_GzipBomb_IsCutOffAtTheDecompressedLimit()
    {
        // 64 MB of zeros gzip to about 64 KB: far under the wire limit, far over the decompressed one.
        byte[] bomb = GzipZeros(64L * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024);
        _server.Map("/bomb.html", async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(bomb);
        });
        using var fetcher = CreateFetcher(new FetcherOptions { MaxBodyBytes = 10 * 1024 * 1024 });
        FetchResult result = await fetcher.FetchAsync(_server.Url("/bomb.html"));
        Assert.Equal(FetchStatus.TooLarge, result.Status);
        Assert.Contains("decompresses", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_CorruptGzip_IsADecodingError()
    {
        _server.Map("/bad.html", async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync("this is not gzip"u8.ToArray());
        });
        using var fetcher = CreateFetcher();
        Assert.Equal(FetchStatus.DecodingError, (await fetcher.FetchAsync(_server.Url("/bad.html"))).Status);
    }

    [Fact]
    public async Task FetchAsync_RedirectChain_IsFollowedAndEveryHopKept()
    {
        _server.MapRedirect("/old", "/moved", 301);
        _server.MapRedirect("/moved", "/final.html#frag", 302);
        _server.MapText("/final.html", "ok");
        using var fetcher = CreateFetcher();
        FetchResult result = await fetcher.FetchAsync(_server.Url("/old"));

        Assert.Equal(FetchStatus.Success, result.Status);
        Assert.Equal(_server.Url("/final.html"), result.FinalUrl);
        Assert.Equal([301, 302, 200], result.Exchanges.Select(e => e.StatusCode));
    }

    [Fact]
    public async Task FetchAsync_RedirectLoop_IsDetected()
    {
        _server.MapRedirect("/loop-a", "/loop-b");
        _server.MapRedirect("/loop-b", "/loop-a");
        using var fetcher = CreateFetcher();
        FetchResult result = await fetcher.FetchAsync(_server.Url("/loop-a"));
        Assert.Equal(FetchStatus.RedirectLoop, result.Status);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task FetchAsync_TooManyRedirects_StopsAtTheLimit()
    {
        for (int i = 0; i < 10; i++)
        {
            _server.MapRedirect($"/r{i}", $"/r{i + 1}", 307);
        }

        using var fetcher = CreateFetcher(new FetcherOptions { MaxRedirects = 3 });
        FetchResult result = await fetcher.FetchAsync(_server.Url("/r0"));
        Assert.Equal(FetchStatus.RedirectLimit, result.Status);
        Assert.Equal(["/r0", "/r1", "/r2", "/r3"], _server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task FetchAsync_RedirectRefusedByGuard_IsNotFollowed()
    {
        _server.MapRedirect("/go", "/private/x");
        _server.MapText("/private/x", "secret");
        using var fetcher = CreateFetcher();
        FetchResult result = await fetcher.FetchAsync(
            _server.Url("/go"),
            redirectGuard: (target, _) => ValueTask.FromResult(target.AbsolutePath.StartsWith("/private/", StringComparison.Ordinal) ? "disallowed by robots.txt" : null));
        Assert.Equal(FetchStatus.RedirectRefused, result.Status);
        Assert.Empty(_server.RequestsFor("/private/x"));
    }

    [Fact]
    public async Task FetchAsync_RedirectToNonHttpScheme_IsRefused()
    {
        _server.MapRedirect("/ftp", "ftp://example.org/file");
        using var fetcher = CreateFetcher();
        Assert.Equal(FetchStatus.RedirectRefused, (await fetcher.FetchAsync(_server.Url("/ftp"))).Status);
    }

    [Fact]
    public async Task FetchAsync_LoopbackHostNotTrusted_IsRefusedBeforeConnecting()
    {
        _server.MapText("/a.html", "internal");
        using var fetcher = new PageFetcher(new FetcherOptions(), new HostScheduler(TimeSpan.Zero));
        FetchResult result = await fetcher.FetchAsync(_server.Url("/a.html"));
        Assert.Equal(FetchStatus.AddressRefused, result.Status);
        Assert.Empty(_server.Requests);

        var localhost = new UriBuilder(_server.Url("/a.html")) { Host = "localhost" }.Uri;
        Assert.Equal(FetchStatus.AddressRefused, (await fetcher.FetchAsync(localhost)).Status);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task FetchAsync_RedirectFromTrustedToUntrustedLoopbackName_IsRefused()
    {
        var target = new UriBuilder(_server.Url("/inside")) { Host = "localhost" }.Uri;
        _server.MapRedirect("/jump", target.AbsoluteUri);
        _server.MapText("/inside", "internal");
        using var fetcher = CreateFetcher();
        FetchResult result = await fetcher.FetchAsync(_server.Url("/jump"));
        Assert.Equal(FetchStatus.AddressRefused, result.Status);
        Assert.Empty(_server.RequestsFor("/inside"));
    }

    [Fact]
    public async Task FetchAsync_ServiceUnavailableWithRetryAfterSeconds_WaitsThatLongThenSucceeds()
    {
        int calls = 0;
        _server.Map("/busy", async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            await context.Response.WriteAsync("ok");
        });
        using var fetcher = CreateFetcher();
        FetchResult result = await fetcher.FetchAsync(_server.Url("/busy"));

        Assert.Equal(FetchStatus.Success, result.Status);
        Assert.Equal([503, 200], result.Exchanges.Select(e => e.StatusCode));
        var arrivals = _server.RequestsFor("/busy").Select(r => r.Arrived).ToList();
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromSeconds(1), $"retried after {(arrivals[1] - arrivals[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task FetchAsync_TooManyRequestsWithRetryAfterDate_WaitsUntilThatDate()
    {
        int calls = 0;
        DateTimeOffset retryAt = default;
        _server.Map("/limited", async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 429;
                retryAt = DateTimeOffset.UtcNow.AddSeconds(2);
                context.Response.Headers.RetryAfter = retryAt.ToString("R");
                return;
            }

            await context.Response.WriteAsync("ok");
        });
        using var fetcher = CreateFetcher();
        FetchResult result = await fetcher.FetchAsync(_server.Url("/limited"));

        Assert.Equal(FetchStatus.Success, result.Status);
        var second = _server.RequestsFor("/limited")[1].Arrived;
        // The HTTP-date has whole seconds, so the wait is at least retryAt with its fraction cut off.
        Assert.True(second >= retryAt.AddTicks(-(retryAt.Ticks % TimeSpan.TicksPerSecond)), $"retried at {second:O}, asked for {retryAt:O}");
    }

    [Fact]
    public async Task FetchAsync_ServerErrors_AreRetriedWithBackoffThenReported()
    {
        _server.MapText("/broken", "boom", status: 500);
        using var fetcher = CreateFetcher(new FetcherOptions { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(100) });
        FetchResult result = await fetcher.FetchAsync(_server.Url("/broken"));

        Assert.Equal(FetchStatus.HttpError, result.Status);
        Assert.Equal(500, result.StatusCode);
        var arrivals = _server.RequestsFor("/broken").Select(r => r.Arrived).ToList();
        Assert.Equal(3, arrivals.Count);
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromMilliseconds(75)); // 100 ms with at most 25 % jitter
        Assert.True(arrivals[2] - arrivals[1] >= TimeSpan.FromMilliseconds(150)); // doubled
    }

    [Fact]
    public async Task FetchAsync_NotFound_IsNotRetried()
    {
        using var fetcher = CreateFetcher();
        FetchResult result = await fetcher.FetchAsync(_server.Url("/missing"));
        Assert.Equal(FetchStatus.HttpError, result.Status);
        Assert.Equal(404, result.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task FetchAsync_SlowerThanTheTimeout_TimesOutAfterRetries()
    {
        _server.Map("/slow", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            await context.Response.WriteAsync("late");
        });
        using var fetcher = CreateFetcher(new FetcherOptions { RequestTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1 });
        FetchResult result = await fetcher.FetchAsync(_server.Url("/slow"));
        Assert.Equal(FetchStatus.Timeout, result.Status);
        Assert.Equal(2, _server.RequestsFor("/slow").Count);
    }

    [Fact]
    public async Task FetchAsync_WithValidators_SendsThemAndReportsNotModified()
    {
        var modified = new DateTimeOffset(2025, 1, 4, 8, 0, 0, TimeSpan.Zero);
        _server.Map("/cond.html", async context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.Headers.ETag = "\"v1\"";
            await context.Response.WriteAsync("page");
        });
        using var fetcher = CreateFetcher();
        FetchResult first = await fetcher.FetchAsync(_server.Url("/cond.html"));
        Assert.Equal("\"v1\"", first.Response!.Header("ETag"));
        FetchResult second = await fetcher.FetchAsync(_server.Url("/cond.html"), new FetchValidators("\"v1\"", modified));
        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Equal("Sat, 04 Jan 2025 08:00:00 GMT", _server.RequestsFor("/cond.html")[1].Headers["If-Modified-Since"]);
    }

    [Fact]
    public async Task FetchAsync_UnresolvableHost_GivesAClearNetworkError()
    {
        using var fetcher = new PageFetcher(new FetcherOptions { MaxRetries = 0 }, new HostScheduler(TimeSpan.Zero));
        FetchResult result = await fetcher.FetchAsync(new Uri("http://no-such-host.invalid/"));
        Assert.Equal(FetchStatus.NetworkError, result.Status);
        Assert.Contains("no-such-host.invalid", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_SameHost_KeepsTheDelayBetweenRequests()
    {
        _server.MapText("/p", "page");
        using var fetcher = new PageFetcher(
            new FetcherOptions { AddressPolicy = new AddressPolicy(trustedHosts: ["127.0.0.1"]) },
            new HostScheduler(TimeSpan.FromMilliseconds(150)));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => fetcher.FetchAsync(_server.Url($"/p?i={i}"))));

        var arrivals = _server.Requests.Select(r => r.Arrived).Order().ToList();
        Assert.Equal(4, arrivals.Count);
        for (int i = 1; i < arrivals.Count; i++)
        {
            Assert.True(arrivals[i] - arrivals[i - 1] >= TimeSpan.FromMilliseconds(150), $"gap {i}: {(arrivals[i] - arrivals[i - 1]).TotalMilliseconds} ms");
        }
    }

    private static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }

    internal static byte[] GzipZeros(long length)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < length; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
