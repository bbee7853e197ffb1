using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.Urls;

namespace DanVan.Analytics.Crawling;

/// <summary>What to crawl and how politely.</summary>
public sealed record CrawlerOptions
{
    /// <summary>The URLs the crawl starts from (home pages, section pages, sitemaps or feeds).</summary>
    public required IReadOnlyList<string> Seeds { get; init; }

    /// <summary>The directory holding the crawl state (frontier database and, by default, the WARC files).</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Where WARC files go. Default: <c>warc/</c> inside <see cref="StateDirectory"/>.</summary>
    public string? WarcDirectory { get; init; }

    /// <summary>HTTP options: User-Agent, timeouts, size limit, redirects, retries.</summary>
    public FetcherOptions Fetcher { get; init; } = new();

    /// <summary>The pause between two requests to one host (robots.txt Crawl-delay can make it longer). Default: 1 s.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many pages are fetched at once across all hosts. Default: 8.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>How many pages are fetched at once from one host. Default: 1.</summary>
    public int MaxConcurrencyPerHost { get; init; } = 1;

    /// <summary>Which URLs belong to the crawl.</summary>
    public CrawlScopeOptions Scope { get; init; } = new();

    /// <summary>Stop after this many fetches in this run (robots.txt not counted), or <see langword="null"/> for no limit.</summary>
    public long? MaxPages { get; init; }

    /// <summary>
    /// Allow connections to private, loopback and link-local addresses for every host. Default: false, so a public
    /// crawl cannot be steered into an internal network.
    /// </summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>
    /// Allow non-public addresses for the origins (host and port) of seeds that themselves resolve to one (crawling
    /// an intranet site or a local test server on purpose): exactly those origins, not the host's other ports.
    /// Default: true.
    /// </summary>
    public bool TrustPrivateSeeds { get; init; } = true;

    /// <summary>
    /// How many runs may try a URL whose fetch failed in a way that may pass (no answer, 5xx, 429, robots.txt
    /// unavailable): each new run queues such URLs again until they have been tried this often. Default: 3.
    /// </summary>
    public int MaxAttemptsPerUrl { get; init; } = 3;

    /// <summary>The most URLs one sitemap file may list under the sitemap protocol; a sitemap or feed adds at most this many to the frontier.</summary>
    public const int MaxUrlsPerSitemap = 50_000;

    /// <summary>
    /// The most links taken from one HTML page (anchors and pagination); the rest are counted and a warning is
    /// logged. Bounds the memory a page stuffed with links can take. Default: 5,000.
    /// </summary>
    public int MaxLinksPerPage { get; init; } = Discovery.LinkExtractor.DefaultMaxLinks;

    /// <summary>
    /// The most URLs new to the frontier that one HTML page may add; the rest are not queued and a warning is
    /// logged. Bounds how fast one page can grow the crawl. Default: 1,000.
    /// </summary>
    public int MaxNewUrlsPerPage { get; init; } = 1_000;

    /// <summary>
    /// The largest sitemap fetched, as sent and once decompressed: the sitemap protocol allows 50 MB uncompressed,
    /// more than <see cref="FetcherOptions.MaxBodyBytes"/> allows pages. Default: 50 MB.
    /// </summary>
    public long MaxSitemapBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Queue the sitemaps that robots.txt lists. Default: true.</summary>
    public bool FollowSitemaps { get; init; } = true;

    /// <summary>
    /// The least body text (lead and paragraphs, in characters) a page needs to count as an article; shorter pages
    /// (home, section and tag pages, error pages) are crawled for links only. Default: 300.
    /// </summary>
    public int MinArticleCharacters { get; init; } = 300;

    /// <summary>
    /// After a stop is requested, how long exchanges under way may take to finish before they are aborted (their
    /// URLs are then queued again). Default: 10 s.
    /// </summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Receives progress reports while crawling.</summary>
    public IProgress<CrawlProgress>? Progress { get; init; }

    /// <summary>How often progress is reported. Default: 0.5 s.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
