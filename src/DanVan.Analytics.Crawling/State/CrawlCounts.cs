namespace DanVan.Analytics.Crawling.State;

/// <summary>How many URLs are in each state.</summary>
/// <param name="Queued">Waiting.</param>
/// <param name="InFlight">Being fetched.</param>
/// <param name="Done">Fetched and written.</param>
/// <param name="Failed">Failed for good.</param>
/// <param name="Skipped">Skipped on purpose.</param>
public sealed record CrawlCounts(long Queued, long InFlight, long Done, long Failed, long Skipped)
{
    /// <summary>All URLs known to the crawl.</summary>
    public long Total => Queued + InFlight + Done + Failed + Skipped;
}
