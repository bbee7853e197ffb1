using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.Robots;
using DanVan.Analytics.Crawling.Tests.Fixtures;
using DanVan.Analytics.Crawling.Urls;

namespace DanVan.Analytics.Crawling.Tests.Robots;

public sealed class RobotsCacheTests : IAsyncLifetime
{
    private LocalServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static PageFetcher CreateFetcher() =>
        new(new FetcherOptions { AddressPolicy = new AddressPolicy(trustedHosts: ["127.0.0.1"]), MaxRetries = 0 }, new HostScheduler(TimeSpan.FromMilliseconds(10)));

    [Fact]
    public async Task IsAllowedAsync_RulesAndCrawlDelay_AreAppliedAndFetchedOnce()
    {
        _server.MapText("/robots.txt", "User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n", "text/plain");
        using var fetcher = CreateFetcher();
        var cache = new RobotsCache(fetcher);

        Assert.True(await cache.IsAllowedAsync(_server.Url("/tin-tuc/a.html"), CancellationToken.None));
        Assert.False(await cache.IsAllowedAsync(_server.Url("/private/a.html"), CancellationToken.None));
        Assert.Single(_server.RequestsFor("/robots.txt"));
        Assert.Equal(TimeSpan.FromSeconds(2), fetcher.Scheduler.DelayFor("127.0.0.1"));
    }

    [Fact]
    public async Task IsAllowedAsync_RobotsNotFound_AllowsEverything()
    {
        using var fetcher = CreateFetcher();
        var cache = new RobotsCache(fetcher);
        Assert.True(await cache.IsAllowedAsync(_server.Url("/anything"), CancellationToken.None));
    }

    [Fact]
    public async Task IsAllowedAsync_RobotsServerError_DisallowsUntilRetried()
    {
        int calls = 0;
        _server.Map("/robots.txt", async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }

            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, "User-agent: *\nDisallow:\n");
        });
        using var fetcher = CreateFetcher();
        var cache = new RobotsCache(fetcher) { ErrorRetryInterval = TimeSpan.FromMilliseconds(200) };

        Assert.False(await cache.IsAllowedAsync(_server.Url("/a"), CancellationToken.None));
        Assert.False(await cache.IsAllowedAsync(_server.Url("/a"), CancellationToken.None));
        await Task.Delay(250);
        Assert.True(await cache.IsAllowedAsync(_server.Url("/a"), CancellationToken.None));
        Assert.Equal(2, _server.RequestsFor("/robots.txt").Count);
    }

    [Fact]
    public async Task GetAsync_ConcurrentCallers_ShareOneFetch()
    {
        _server.MapText("/robots.txt", "User-agent: *\nDisallow: /x\n", "text/plain");
        using var fetcher = CreateFetcher();
        var cache = new RobotsCache(fetcher);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.GetAsync(_server.Url("/"), CancellationToken.None).AsTask()));
        Assert.Single(_server.RequestsFor("/robots.txt"));
    }
}
