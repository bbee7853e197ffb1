namespace DanVan.Analytics.Crawling.State;

/// <summary>Where a URL is in the crawl. A URL moves queued → in-flight → done/failed/skipped, each step a transaction.</summary>
public enum UrlState
{
    /// <summary>Waiting to be fetched.</summary>
    Queued = 0,

    /// <summary>Handed to a worker; re-queued if the crawl stops before it completes.</summary>
    InFlight = 1,

    /// <summary>Fetched and its outputs written.</summary>
    Done = 2,

    /// <summary>Fetching failed for good (after retries).</summary>
    Failed = 3,

    /// <summary>Not fetched or not emitted on purpose (robots.txt, scope after a redirect, duplicate content).</summary>
    Skipped = 4,
}
