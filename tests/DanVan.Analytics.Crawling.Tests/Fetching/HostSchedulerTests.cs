using System.Diagnostics;
using DanVan.Analytics.Crawling.Fetching;

namespace DanVan.Analytics.Crawling.Tests.Fetching;

public sealed class HostSchedulerTests
{
    [Fact]
    public async Task AcquireAsync_OtherHost_DoesNotWaitForABusyHost()
    {
        var scheduler = new HostScheduler(TimeSpan.FromSeconds(30));
        using (await scheduler.AcquireAsync("a.vn", CancellationToken.None))
        {
            var watch = Stopwatch.StartNew();
            using (await scheduler.AcquireAsync("b.vn", CancellationToken.None))
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
            }
        }
    }

    [Fact]
    public async Task AcquireAsync_SameHost_WaitsForTheLeaseAndTheDelay()
    {
        var scheduler = new HostScheduler(TimeSpan.FromMilliseconds(200));
        var lease = await scheduler.AcquireAsync("a.vn", CancellationToken.None);
        var second = scheduler.AcquireAsync("a.vn", CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(second.IsCompleted); // the first request is still running
        var released = Stopwatch.StartNew();
        lease.Dispose();
        (await second).Dispose();
        Assert.True(released.Elapsed >= TimeSpan.FromMilliseconds(190), $"{released.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void SetCrawlDelay_LongerThanDefault_WinsAndIsCapped()
    {
        var scheduler = new HostScheduler(TimeSpan.FromSeconds(1), maxCrawlDelay: TimeSpan.FromSeconds(20));
        scheduler.SetCrawlDelay("a.vn", TimeSpan.FromSeconds(5));
        scheduler.SetCrawlDelay("b.vn", TimeSpan.FromMilliseconds(100));
        scheduler.SetCrawlDelay("c.vn", TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromSeconds(5), scheduler.DelayFor("a.vn"));
        Assert.Equal(TimeSpan.FromSeconds(1), scheduler.DelayFor("b.vn"));
        Assert.Equal(TimeSpan.FromSeconds(20), scheduler.DelayFor("c.vn"));
        Assert.Equal(TimeSpan.FromSeconds(1), scheduler.DelayFor("d.vn"));
    }

    [Fact]
    public async Task Defer_HoldsTheHostBack()
    {
        var scheduler = new HostScheduler(TimeSpan.Zero);
        scheduler.Defer("a.vn", TimeSpan.FromMilliseconds(250));
        var watch = Stopwatch.StartNew();
        (await scheduler.AcquireAsync("a.vn", CancellationToken.None)).Dispose();
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(240), $"{watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_ReleasesTheSlot()
    {
        var scheduler = new HostScheduler(TimeSpan.Zero);
        scheduler.Defer("a.vn", TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(50);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await scheduler.AcquireAsync("a.vn", cancel.Token));
        var other = new HostScheduler(TimeSpan.Zero);
        (await other.AcquireAsync("a.vn", CancellationToken.None)).Dispose();
    }
}
