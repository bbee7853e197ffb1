using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.Robots;
using DanVan.Analytics.Crawling.State;
using DanVan.Analytics.Crawling.Urls;
using Microsoft.Extensions.Logging;

namespace DanVan.Analytics.Crawling.Pipeline;

/// <summary>
/// The fetch stage: robots.txt, politeness (through the fetcher's scheduler) and HTTP, with each redirect hop
/// checked against scope, the frontier and robots.txt. Its result is either a page that ends here (disallowed,
/// failed, not modified) or a successful fetch for the analyzer.
/// </summary>
internal sealed class FetchStage : IDisposable
{
    private readonly PageFetcher _fetcher;
    private readonly RobotsCache _robots;
    private readonly CrawlScope _scope;
    private readonly CrawlState _state;
    private readonly long _sitemapBytes;
    private readonly ILogger _logger;

    public FetchStage(CrawlerOptions options, CrawlScope scope, CrawlState state, AddressPolicy policy, HttpMessageHandler? handler, Action<FetchResult, RobotsTxt> robotsLoaded, ILogger logger)
    {
        var scheduler = new HostScheduler(options.Delay, Math.Max(1, options.MaxConcurrencyPerHost));
        _fetcher = new PageFetcher(
            options.Fetcher with { AddressPolicy = policy, MaxConnectionsPerServer = Math.Max(options.Fetcher.MaxConnectionsPerServer, options.MaxConcurrencyPerHost) },
            scheduler,
            handler);
        _robots = new RobotsCache(_fetcher) { Loaded = robotsLoaded };
        _scope = scope;
        _state = state;
        _sitemapBytes = Math.Max(options.Fetcher.MaxBodyBytes, options.MaxSitemapBytes);
        _logger = logger;
    }

    /// <summary>The politeness scheduler (to carry pauses across a restart).</summary>
    public HostScheduler Scheduler => _fetcher.Scheduler;

    /// <summary>Aborts the exchanges under way.</summary>
    public void CancelPendingRequests() => _fetcher.CancelPendingRequests();

    /// <summary>Fetches one frontier URL.</summary>
    /// <returns>A final result, or the successful fetch to analyze.</returns>
    public async Task<(WorkResult? Final, FetchResult? Fetch)> FetchAsync(FrontierEntry entry, CancellationToken stop)
    {
        var url = new Uri(entry.Url);
        if (!await _robots.IsAllowedAsync(url, stop).ConfigureAwait(false))
        {
            return await _robots.UnavailableReasonAsync(url, stop).ConfigureAwait(false) is { } reason
                ? (WorkResult.Final(entry, UrlState.Failed, PageReason.RobotsUnavailable, $"robots.txt of {url.Authority} is unavailable ({reason}); not fetched"), null)
                : (WorkResult.Final(entry, UrlState.Skipped, PageReason.DisallowedByRobots, "disallowed by robots.txt"), null);
        }

        // Sitemaps may be as large as the protocol allows (50 MB uncompressed); pages keep the fetcher's limit.
        long? limit = entry.Kind == UrlKind.Sitemap ? _sitemapBytes : null;
        FetchResult fetch = await _fetcher.FetchAsync(url, entry.Validators, (target, ct) => CheckHopAsync(target, entry.Depth, ct), limit, stop).ConfigureAwait(false);
        if (fetch.Status == FetchStatus.NotModified)
        {
            return (WorkResult.Final(entry, UrlState.Done, PageReason.NotModified, "not modified", fetch), null);
        }

        if (fetch.Status != FetchStatus.Success)
        {
            CrawlLog.FetchFailed(_logger, entry.Url, fetch.Status, fetch.Error);

            return fetch.Status == FetchStatus.RedirectRefused
                ? (WorkResult.Final(entry, UrlState.Skipped, PageReason.RedirectRefused, fetch.Error, fetch), null)
                : (WorkResult.Final(entry, UrlState.Failed, PageReason.FetchFailed, fetch.Error, fetch), null);
        }

        return (null, fetch);
    }

    /// <inheritdoc />
    public void Dispose() => _fetcher.Dispose();

    private async ValueTask<string?> CheckHopAsync(Uri target, int depth, CancellationToken cancellationToken)
    {
        ScopeDecision decision = _scope.Check(target, depth);
        if (decision != ScopeDecision.InScope)
        {
            return "out of scope (" + decision + ")";
        }

        if (_state.StateOf(target.AbsoluteUri) is not null)
        {
            return "the target is already in the crawl"; // it is (or will be) fetched under its own URL
        }

        return await _robots.IsAllowedAsync(target, cancellationToken).ConfigureAwait(false) ? null : "disallowed by robots.txt";
    }
}
