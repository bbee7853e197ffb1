using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.State;

namespace DanVan.Analytics.Crawling.Tests.State;

public sealed class CrawlStateTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static DiscoveredUrl Page(string path, string host = "a.vn", int depth = 1) => new($"http://{host}{path}", host, depth, UrlKind.Page);

    [Fact]
    public void Enqueue_KnownUrl_IsIgnored()
    {
        using var state = CrawlState.Open(_dir.Path);
        Assert.Equal(2, state.Enqueue([Page("/1"), Page("/2"), Page("/1")]));
        Assert.Equal(0, state.Enqueue([Page("/2")]));
        Assert.Equal(new CrawlCounts(2, 0, 0, 0, 0), state.Counts());
    }

    [Fact]
    public void Take_ReturnsOldestOfTheHostAndMarksThemInFlight()
    {
        using var state = CrawlState.Open(_dir.Path);
        state.Enqueue([Page("/1"), Page("/x", "b.vn"), Page("/2"), Page("/3")]);
        var taken = state.Take("a.vn", 2);
        Assert.Equal(["http://a.vn/1", "http://a.vn/2"], taken.Select(e => e.Url));
        Assert.Equal(UrlState.InFlight, state.StateOf("http://a.vn/1"));
        Assert.Equal(["http://a.vn/3"], state.Take("a.vn", 10).Select(e => e.Url));
        Assert.Empty(state.Take("a.vn", 10));
        Assert.Equal(["b.vn"], state.QueuedHosts());
    }

    [Fact]
    public void Recover_AfterAStopMidCrawl_RequeuesOnlyInFlightUrls()
    {
        using (var state = CrawlState.Open(_dir.Path))
        {
            state.Enqueue([Page("/1"), Page("/2"), Page("/3")]);
            var taken = state.Take("a.vn", 2);
            state.Complete([new PageCompletion { Id = taken[0].Id, Url = taken[0].Url, State = UrlState.Done, FetchStatus = FetchStatus.Success, StatusCode = 200 }]);
            // The process "dies" here with /2 in flight.
        }

        using var reopened = CrawlState.Open(_dir.Path);
        Assert.Equal(["http://a.vn/2"], reopened.Recover());
        Assert.Equal(new CrawlCounts(2, 0, 1, 0, 0), reopened.Counts());
        Assert.Equal(["http://a.vn/2", "http://a.vn/3"], reopened.Take("a.vn", 10).Select(e => e.Url));
    }

    [Fact]
    public void Complete_RecordsStateDiscoveriesContentAndWarcLength()
    {
        using var state = CrawlState.Open(_dir.Path);
        state.Enqueue([Page("/home", depth: 0)]);
        var home = state.Take("a.vn", 1).Single();
        state.Complete(
            [new PageCompletion
            {
                Id = home.Id, Url = home.Url, State = UrlState.Done, FetchStatus = FetchStatus.Success, StatusCode = 200,
                FetchedAt = DateTimeOffset.UtcNow, ContentHash = "abc", ETag = "\"e1\"",
                Discovered = [Page("/a"), Page("/b"), Page("/home")],
            }],
            new Dictionary<string, long> { ["crawl-1.warc.gz"] = 1234 });

        Assert.Equal(new CrawlCounts(2, 0, 1, 0, 0), state.Counts());
        Assert.Equal("http://a.vn/home", state.ContentOwner("abc"));
        Assert.Null(state.ContentOwner("def"));
        Assert.Equal(1234, state.WarcLengths()["crawl-1.warc.gz"]);
        Assert.True(state.LastRequests().ContainsKey("a.vn"));
    }

    [Fact]
    public void Revisit_DoneUrl_IsQueuedAgainWithItsValidators()
    {
        using var state = CrawlState.Open(_dir.Path);
        var modified = new DateTimeOffset(2025, 1, 4, 8, 0, 0, TimeSpan.Zero);
        state.Enqueue([Page("/feed", depth: 0)]);
        var feed = state.Take("a.vn", 1).Single();
        Assert.Null(feed.Validators);
        state.Complete([new PageCompletion { Id = feed.Id, Url = feed.Url, State = UrlState.Done, FetchStatus = FetchStatus.Success, ETag = "\"v7\"", LastModified = modified }]);

        state.Revisit([Page("/feed", depth: 0)]);
        var again = state.Take("a.vn", 1).Single();
        Assert.Equal(new FetchValidators("\"v7\"", modified), again.Validators);
    }

    [Fact]
    public void RetryTransientFailures_RequeuesOnlyPassingFailuresUnderTheAttemptLimit()
    {
        using var state = CrawlState.Open(_dir.Path);
        state.Enqueue([Page("/timeout"), Page("/busy"), Page("/gone"), Page("/again")]);
        var taken = state.Take("a.vn", 4);
        state.Complete(
        [
            new PageCompletion { Id = taken[0].Id, Url = taken[0].Url, State = UrlState.Failed, FetchStatus = FetchStatus.Timeout },
            new PageCompletion { Id = taken[1].Id, Url = taken[1].Url, State = UrlState.Failed, FetchStatus = FetchStatus.HttpError, StatusCode = 503 },
            new PageCompletion { Id = taken[2].Id, Url = taken[2].Url, State = UrlState.Failed, FetchStatus = FetchStatus.HttpError, StatusCode = 404 },
            new PageCompletion { Id = taken[3].Id, Url = taken[3].Url, State = UrlState.Failed, FetchStatus = FetchStatus.Timeout },
        ]);

        Assert.Equal(3, state.RetryTransientFailures(maxAttempts: 2));
        Assert.Equal(UrlState.Failed, state.StateOf("http://a.vn/gone"));
        Assert.Equal(UrlState.Queued, state.StateOf("http://a.vn/busy"));

        // A second attempt that fails again reaches the limit and stays failed.
        var again = state.Take("a.vn", 1).Single();
        state.Complete([new PageCompletion { Id = again.Id, Url = again.Url, State = UrlState.Failed, FetchStatus = FetchStatus.Timeout }]);
        Assert.Equal(0, state.RetryTransientFailures(maxAttempts: 2));
        Assert.Equal(UrlState.Failed, state.StateOf(again.Url));
        Assert.Equal(1, state.RetryTransientFailures(maxAttempts: 3));
    }

    [Fact]
    public void Requeue_GivesInFlightUrlsBack()
    {
        using var state = CrawlState.Open(_dir.Path);
        state.Enqueue([Page("/1")]);
        var taken = state.Take("a.vn", 1);
        state.Requeue(taken.Select(t => t.Id));
        Assert.Equal(UrlState.Queued, state.StateOf("http://a.vn/1"));
    }

    [Fact]
    public void Open_NotADatabase_ThrowsCrawlStateException()
    {
        File.WriteAllText(_dir.File(CrawlState.DatabaseFileName), "this is not sqlite, just text that happens to be long enough to look like a header");
        Assert.Throws<CrawlStateException>(() => CrawlState.Open(_dir.Path));
    }
}
