using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using DanVan.Analytics.Crawling.Archiving;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.Robots;
using DanVan.Analytics.Crawling.State;
using DanVan.Analytics.Crawling.Urls;
using Microsoft.Extensions.Logging;

namespace DanVan.Analytics.Crawling.Pipeline;

/// <summary>
/// The sink stage, the one writer: takes the workers' results in batches, archives every exchange to WARC, gives a
/// redirected page to its target's URL, drops duplicate and unchanged content, writes the output, flushes archive
/// and output, and only then commits the batch to the state: the order that makes a stop at any moment safe.
/// </summary>
internal sealed class CrawlSink
{
    public const int Batch = 256;

    private readonly CrawlerOptions _options;
    private readonly CrawlState _state;
    private readonly CrawlScope _scope;
    private readonly WarcWriter _warc;
    private readonly ICrawlOutput? _output;
    private readonly CrawlCounters _counters;
    private readonly Func<CrawledPage, CancellationToken, ValueTask>? _onPage;
    private readonly IProgress<CrawlProgress>? _progress;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<(FetchResult Result, RobotsTxt Rules)> _robotsFetches = new();

    public CrawlSink(CrawlerOptions options, CrawlState state, CrawlScope scope, WarcWriter warc, ICrawlOutput? output, CrawlCounters counters,
        Func<CrawledPage, CancellationToken, ValueTask>? onPage, IProgress<CrawlProgress>? progress, ILogger logger)
    {
        _options = options;
        _state = state;
        _scope = scope;
        _warc = warc;
        _output = output;
        _counters = counters;
        _onPage = onPage;
        _progress = progress;
        _logger = logger;
    }

    /// <summary>Called (from any thread) when a robots.txt was fetched: archived and its sitemaps queued with the next batch.</summary>
    public void RobotsLoaded(FetchResult result, RobotsTxt rules) => _robotsFetches.Enqueue((result, rules));

    /// <summary>Writes and commits results until <paramref name="results"/> completes.</summary>
    /// <param name="results">The workers' results.</param>
    /// <param name="committed">Called after each commit with the batch's size (the dispatcher's count of uncommitted work).</param>
    public async Task RunAsync(ChannelReader<WorkResult> results, Action<int> committed)
    {
        var batch = new List<WorkResult>(Batch);
        TimeSpan lastReport = TimeSpan.Zero;
        while (await results.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < Batch && results.TryRead(out WorkResult? item))
            {
                batch.Add(item);
            }

            var (pages, completions, requeue) = Write(batch);

            // Archive and output are flushed before the state says "done".
            IReadOnlyDictionary<string, long> warcLengths = _warc.Flush();
            Output(o => o.Flush(), "flush");
            IReadOnlyDictionary<long, int> capped = _state.Complete(completions, warcLengths);
            if (requeue.Count > 0)
            {
                _state.Requeue(requeue);
            }

            foreach (var (id, refused) in capped)
            {
                CrawlLog.FrontierCapped(_logger, completions.First(c => c.Id == id).Url, _options.MaxNewUrlsPerPage, refused);
            }

            committed(batch.Count);
            if (_onPage is { } onPage)
            {
                foreach (CrawledPage page in pages)
                {
                    await onPage(page, CancellationToken.None).ConfigureAwait(false);
                }
            }

            if (_progress is { } progress && _counters.Elapsed - lastReport >= _options.ProgressInterval)
            {
                lastReport = _counters.Elapsed;
                progress.Report(_counters.Progress(_state.Counts().Queued));
            }
        }

        WriteRobotsRecords();
        _warc.Flush();
        _progress?.Report(_counters.Progress(_state.Counts().Queued));
    }

    private (List<CrawledPage> Pages, List<PageCompletion> Completions, List<long> Requeue) Write(List<WorkResult> batch)
    {
        var pages = new List<CrawledPage>(batch.Count);
        var completions = new List<PageCompletion>(batch.Count);
        var requeue = new List<long>();
        var batchHashes = new Dictionary<string, string>(StringComparer.Ordinal);
        WriteRobotsRecords();
        foreach (WorkResult item in batch)
        {
            if (item.Abandoned || item.Page is null)
            {
                requeue.Add(item.Entry.Id);
                continue;
            }

            CrawledPage page = item.Page;
            WarcPosition? position = null;
            foreach (HttpExchange exchange in page.Fetch?.Exchanges ?? [])
            {
                // The page's state points at its first exchange; the article at the last, the response it was parsed from.
                WarcPosition written = _warc.Write(exchange);
                position ??= written;
                page = page with { Archived = written };
            }

            long id = item.Entry.Id;
            string? previousHash = item.Entry.ContentHash;
            if (page.State == UrlState.Done && page.Fetch is { } redirected && redirected.FinalUrl.AbsoluteUri != page.Url.AbsoluteUri)
            {
                // A redirect: the page belongs to its target's URL. Record it there, unless the target is (or was)
                // fetched itself, and mark the redirecting URL as skipped.
                Uri final = redirected.FinalUrl;
                long? claimed = _state.Claim(new DiscoveredUrl(final.AbsoluteUri, PageFetcher.HostKey(final), page.Depth, page.Kind));
                completions.Add(new PageCompletion
                {
                    Id = id, Url = item.Entry.Url, State = UrlState.Skipped, FetchStatus = redirected.Status, StatusCode = redirected.StatusCode,
                    FinalUrl = final.AbsoluteUri, Note = "redirects to " + final.AbsoluteUri, FetchedAt = redirected.Response?.Date,
                    WarcFile = position?.File, WarcOffset = position?.Offset,
                });
                if (claimed is not { } claimedId)
                {
                    page = page with { State = UrlState.Skipped, IsOutputCandidate = false, Reason = PageReason.RedirectTargetCrawled, Note = "redirects to " + final.AbsoluteUri + ", which is crawled itself" };
                    _counters.Count(page);
                    pages.Add(page);
                    continue;
                }

                id = claimedId;
                previousHash = null;
                page = page with { Url = final };
            }

            page = Deduplicate(page, previousHash, batchHashes);
            if (Output(o => o.Write(page), "write"))
            {
                _counters.Emitted++;
            }

            _counters.Count(page);
            pages.Add(page);
            completions.Add(Completion(id, page, position, item));
        }

        return (pages, completions, requeue);
    }

    private CrawledPage Deduplicate(CrawledPage page, string? previousHash, Dictionary<string, string> batchHashes)
    {
        if (page.ContentHash is not { } hash || page.State != UrlState.Done)
        {
            return page;
        }

        string? owner = batchHashes.GetValueOrDefault(hash) ?? _state.ContentOwner(hash);
        if (owner is not null && owner != page.Url.AbsoluteUri)
        {
            return page with { State = UrlState.Skipped, IsOutputCandidate = false, Reason = PageReason.DuplicateContent, Note = "same content as " + owner };
        }

        batchHashes[hash] = page.Url.AbsoluteUri;
        if (hash == previousHash && page.Reason == PageReason.None)
        {
            // Fetched again (a seed on a new run, a server without validators) with the body already committed for
            // this URL: what it produced was written then.
            return page with { IsOutputCandidate = false, Reason = PageReason.Unchanged, Note = "unchanged since the last fetch" };
        }

        return page;
    }

    private PageCompletion Completion(long id, CrawledPage page, WarcPosition? position, WorkResult item)
    {
        HttpExchange? last = page.Fetch?.Response;
        return new PageCompletion
        {
            Id = id,
            Url = page.Url.AbsoluteUri,
            State = page.State,
            FetchStatus = page.Fetch?.Status,
            StatusCode = page.Fetch?.StatusCode ?? 0,
            FinalUrl = page.Fetch?.FinalUrl.AbsoluteUri,
            Note = page.Note,
            FetchedAt = last?.Date,
            Bytes = last?.Body.Length ?? 0,
            ETag = last?.Header("ETag"),
            LastModified = last?.Header("Last-Modified") is { } modified && DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var m) ? m : null,
            ContentHash = page.State == UrlState.Done ? page.ContentHash : null,
            WarcFile = position?.File,
            WarcOffset = position?.Offset,
            Discovered = item.Discovered ?? [],
            // An HTML page may add at most MaxNewUrlsPerPage URLs; a sitemap or feed as many as the sitemap protocol
            // lets one file list.
            MaxNewUrls = page.Links is not null ? _options.MaxNewUrlsPerPage : page.XmlLinks is not null ? CrawlerOptions.MaxUrlsPerSitemap : int.MaxValue,
        };
    }

    private bool Output(Func<ICrawlOutput, bool> action, string what)
    {
        if (_output is null)
        {
            return false;
        }

        try
        {
            return action(_output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CrawlOutputException($"the crawl output could not {what}: {e.Message}", e);
        }
    }

    private void Output(Action<ICrawlOutput> action, string what) => Output(o => { action(o); return false; }, what);

    private void WriteRobotsRecords()
    {
        var sitemaps = new List<DiscoveredUrl>();
        while (_robotsFetches.TryDequeue(out var fetched))
        {
            foreach (HttpExchange exchange in fetched.Result.Exchanges)
            {
                _warc.Write(exchange);
            }

            if (_options.FollowSitemaps)
            {
                foreach (string sitemap in fetched.Rules.Sitemaps)
                {
                    if (UrlCanonicalizer.Default.TryCanonicalize(fetched.Result.RequestedUrl, sitemap, out Uri? url) && _scope.Check(url, 1) == ScopeDecision.InScope)
                    {
                        sitemaps.Add(new DiscoveredUrl(url.AbsoluteUri, PageFetcher.HostKey(url), 1, UrlKind.Sitemap));
                    }
                }
            }
        }

        if (sitemaps.Count > 0)
        {
            _state.Enqueue(sitemaps);
        }
    }
}
