using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using DanVan.Analytics.Crawling.Archiving;
using DanVan.Analytics.Crawling.Discovery;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.Robots;
using DanVan.Analytics.Crawling.State;
using DanVan.Analytics.Crawling.Urls;
using DanVan.Analytics.Parsing;

namespace DanVan.Analytics.Crawling;

/// <summary>
/// A polite, resumable crawl. A dispatcher takes URLs from the SQLite frontier host by host (round robin, at most
/// <see cref="CrawlerOptions.MaxConcurrencyPerHost"/> per host), workers check robots.txt, fetch (politeness,
/// redirects, retries and address safety are the <see cref="PageFetcher"/>'s), and discover links, sitemaps and
/// feeds; one sink archives every exchange to WARC, writes the output, flushes both, and only then commits the
/// batch to the state. A stop at any moment (Ctrl+C, kill -9) loses nothing: URLs that were in flight are queued
/// again on the next run, and the output skips what it had already written.
/// </summary>
public sealed class Crawler
{
    private const int SinkBatch = 256;

    private readonly CrawlerOptions _options;
    private readonly ICrawlOutput? _output;

    /// <summary>Creates a crawler.</summary>
    /// <param name="options">What to crawl.</param>
    /// <param name="output">Where pages go besides the WARC archive (the articles JSONL), or <see langword="null"/>.</param>
    public Crawler(CrawlerOptions options, ICrawlOutput? output = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _output = output;
    }

    /// <summary>Crawls, yielding each page once it is archived, written and committed.</summary>
    /// <param name="cancellationToken">Stops the crawl cleanly: in-flight writes finish and the state is committed; the enumeration then ends.</param>
    /// <returns>The committed pages.</returns>
    /// <exception cref="CrawlConfigurationException">A seed is invalid or the state cannot be opened.</exception>
    public async IAsyncEnumerable<CrawledPage> CrawlAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pages = Channel.CreateBounded<CrawledPage>(new BoundedChannelOptions(SinkBatch) { SingleReader = true, SingleWriter = true });
        Task<CrawlSummary> run = Task.Run(
            async () =>
            {
                try
                {
                    return await RunAsync((page, _) => pages.Writer.WriteAsync(page, CancellationToken.None), cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    pages.Writer.Complete();
                }
            },
            CancellationToken.None);
        await foreach (CrawledPage page in pages.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            yield return page;
        }

        LastSummary = await run.ConfigureAwait(false);
    }

    /// <summary>Crawls, yielding each article once it is archived, written and committed.</summary>
    /// <param name="cancellationToken">Stops the crawl cleanly; the enumeration then ends.</param>
    /// <returns>The articles, each once (duplicates by URL, canonical URL and content are dropped).</returns>
    /// <exception cref="CrawlConfigurationException">A seed is invalid or the state cannot be opened.</exception>
    public async IAsyncEnumerable<Article> CrawlArticlesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (CrawledPage page in CrawlAsync(cancellationToken).ConfigureAwait(false))
        {
            if (page.IsOutputCandidate && page.Article is { } article)
            {
                yield return article;
            }
        }
    }

    /// <summary>The summary of the last completed <see cref="CrawlAsync"/> enumeration.</summary>
    public CrawlSummary? LastSummary { get; private set; }

    /// <summary>Crawls until the frontier is empty, the page limit is reached or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="onPage">Called with each committed page, in commit order, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the crawl cleanly (no exception): in-flight writes finish and the state is committed.</param>
    /// <returns>What the run did.</returns>
    /// <exception cref="CrawlConfigurationException">A seed is invalid or the state cannot be opened.</exception>
    public async Task<CrawlSummary> RunAsync(Func<CrawledPage, CancellationToken, ValueTask>? onPage = null, CancellationToken cancellationToken = default)
    {
        List<Uri> seeds = ParseSeeds(_options.Seeds);
        AddressPolicy policy = await BuildAddressPolicyAsync(seeds, cancellationToken).ConfigureAwait(false);
        CrawlState state;
        try
        {
            state = CrawlState.Open(_options.StateDirectory);
        }
        catch (Exception e) when (e is CrawlStateException or IOException or UnauthorizedAccessException)
        {
            throw new CrawlConfigurationException($"the state directory '{_options.StateDirectory}' cannot be used: {e.Message}", e);
        }

        using (state)
        {
            var run = new Run(this, state, seeds, policy, onPage);
            try
            {
                return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                run.Dispose();
            }
        }
    }

    private static List<Uri> ParseSeeds(IReadOnlyList<string> seeds)
    {
        if (seeds is null || seeds.Count == 0)
        {
            throw new CrawlConfigurationException("no seed URL was given");
        }

        var result = new List<Uri>();
        foreach (string seed in seeds)
        {
            if (!UrlCanonicalizer.Default.TryCanonicalize(seed, out Uri? url))
            {
                throw new CrawlConfigurationException($"'{seed}' is not a valid seed: give an absolute http:// or https:// URL");
            }

            result.Add(url);
        }

        return result;
    }

    private async Task<AddressPolicy> BuildAddressPolicyAsync(List<Uri> seeds, CancellationToken cancellationToken)
    {
        if (_options.AllowPrivateNetworks)
        {
            return new AddressPolicy(allowPrivateNetworks: true);
        }

        var trusted = new List<string>();
        if (_options.TrustPrivateSeeds)
        {
            foreach (Uri seed in seeds)
            {
                IPAddress[] addresses;
                try
                {
                    addresses = IPAddress.TryParse(seed.DnsSafeHost, out IPAddress? literal)
                        ? [literal]
                        : await Dns.GetHostAddressesAsync(seed.DnsSafeHost, cancellationToken).ConfigureAwait(false);
                }
                catch (System.Net.Sockets.SocketException)
                {
                    continue; // reported when the fetch fails, with the host name
                }

                if (addresses.Any(a => !AddressPolicy.IsPublic(a)))
                {
                    trusted.Add(seed.DnsSafeHost);
                }
            }
        }

        return new AddressPolicy(trustedHosts: trusted);
    }

    /// <summary>One run: owns the fetcher, the writers and the pipeline's shared counters.</summary>
    private sealed class Run : IDisposable
    {
        private readonly Crawler _crawler;
        private readonly CrawlerOptions _options;
        private readonly CrawlState _state;
        private readonly List<Uri> _seeds;
        private readonly Func<CrawledPage, CancellationToken, ValueTask>? _onPage;
        private readonly PageFetcher _fetcher;
        private readonly RobotsCache _robots;
        private readonly CrawlScope _scope;
        private readonly WarcWriter _warc;
        private readonly XmlLinkReader _xml = new();
        private readonly ConcurrentBag<LinkExtractor> _extractors = [];
        private readonly ConcurrentBag<ArticleParser> _parsers = [];
        private readonly ConcurrentQueue<(FetchResult Result, RobotsTxt Rules)> _robotsFetches = new();
        private readonly Channel<WorkResult> _results;
        private readonly SemaphoreSlim _wake = new(0);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly CancellationTokenSource _sinkFailed = new();
        private Exception? _sinkError;
        private readonly Dictionary<string, long> _errorsByKind = new(StringComparer.Ordinal);
        private readonly List<string> _errorSamples = [];
        private long _pending;
        private long _fetched;
        private long _emitted;
        private long _errors;
        private long _skipped;
        private long _notModified;
        private int _recovered;

        public Run(Crawler crawler, CrawlState state, List<Uri> seeds, AddressPolicy policy, Func<CrawledPage, CancellationToken, ValueTask>? onPage)
        {
            _crawler = crawler;
            _options = crawler._options;
            _state = state;
            _seeds = seeds;
            _onPage = onPage;
            var scheduler = new HostScheduler(_options.Delay, Math.Max(1, _options.MaxConcurrencyPerHost));
            _fetcher = new PageFetcher(
                _options.Fetcher with { AddressPolicy = policy, MaxConnectionsPerServer = Math.Max(_options.Fetcher.MaxConnectionsPerServer, _options.MaxConcurrencyPerHost) },
                scheduler);
            _robots = new RobotsCache(_fetcher) { Loaded = (result, rules) => _robotsFetches.Enqueue((result, rules)) };
            _scope = new CrawlScope(seeds, _options.Scope);
            _warc = new WarcWriter(
                _options.WarcDirectory ?? Path.Combine(_options.StateDirectory, "warc"),
                info: [new("http-header-user-agent", _options.Fetcher.UserAgent), new("robots", "obey")]);
            _results = Channel.CreateBounded<WorkResult>(new BoundedChannelOptions(Math.Max(16, _options.MaxConcurrency * 4)) { SingleReader = true });
        }

        public async Task<CrawlSummary> ExecuteAsync(CancellationToken stop)
        {
            IReadOnlyList<string> recovered = _state.Recover();
            _recovered = recovered.Count;
            WarcWriter.Repair(_options.WarcDirectory ?? Path.Combine(_options.StateDirectory, "warc"), _state.WarcLengths());
            _crawler._output?.Recover(recovered);

            _state.RetryTransientFailures(_options.MaxAttemptsPerUrl); // "retry later" for timeouts, 5xx and unavailable robots.txt
            var seedUrls = _seeds.Select(s => new DiscoveredUrl(s.AbsoluteUri, PageFetcher.HostKey(s), 0, UrlKind.Page)).ToList();
            if (_state.Counts().Queued > 0)
            {
                _state.Enqueue(seedUrls); // an unfinished crawl continues where it stopped
            }
            else
            {
                _state.Revisit(seedUrls); // a finished one looks at its seeds again, conditionally
            }

            foreach (var (host, last) in _state.LastRequests())
            {
                TimeSpan wait = _options.Delay - (DateTimeOffset.UtcNow - last);
                if (wait > TimeSpan.Zero)
                {
                    _fetcher.Scheduler.Defer(host, wait); // keep the pause across a restart
                }
            }

            Task sink = Task.Run(GuardedSinkAsync, CancellationToken.None);
            using var dispatchStop = CancellationTokenSource.CreateLinkedTokenSource(stop, _sinkFailed.Token);
            using var grace = new CancellationTokenSource();
            grace.Token.Register(_fetcher.CancelPendingRequests);
            using CancellationTokenRegistration onStop = stop.Register(() => grace.CancelAfter(_options.StopGracePeriod));
            try
            {
                await DispatchAsync(dispatchStop.Token).ConfigureAwait(false);
            }
            finally
            {
                _results.Writer.Complete();
                await sink.ConfigureAwait(false);
            }

            if (_sinkError is not null)
            {
                // Pages the sink had not committed stay in flight: the next run fetches them again.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_sinkError);
            }

            CrawlCounts counts = _state.Counts();
            return new CrawlSummary
            {
                Fetched = _fetched,
                Emitted = _emitted,
                Errors = _errors,
                Skipped = _skipped,
                NotModified = _notModified,
                Queued = counts.Queued + counts.InFlight,
                Recovered = _recovered,
                Elapsed = _clock.Elapsed,
                Cancelled = stop.IsCancellationRequested,
                ErrorsByKind = _errorsByKind.OrderByDescending(e => e.Value).ToList(),
                ErrorSamples = _errorSamples.ToList(),
            };
        }

        public void Dispose()
        {
            _warc.Dispose();
            _fetcher.Dispose();
            _wake.Dispose();
            _sinkFailed.Dispose();
        }

        private async Task DispatchAsync(CancellationToken stop)
        {
            var buffers = new Dictionary<string, Queue<FrontierEntry>>(StringComparer.OrdinalIgnoreCase);
            var busy = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var workers = new Dictionary<Task, string>();
            List<string> hosts = [.. _state.QueuedHosts()];
            bool refresh = false;
            int next = 0;
            long started = 0;
            int perHost = Math.Max(1, _options.MaxConcurrencyPerHost);
            int refill = Math.Max(2, perHost * 2);
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    bool limitReached = _options.MaxPages is { } max && started >= max;
                    if (refresh && !limitReached)
                    {
                        hosts = [.. _state.QueuedHosts().Union(buffers.Where(b => b.Value.Count > 0).Select(b => b.Key), StringComparer.OrdinalIgnoreCase)];
                        refresh = false;
                    }

                    FrontierEntry? entry = null;
                    if (!limitReached && workers.Count < _options.MaxConcurrency)
                    {
                        for (int i = 0; i < hosts.Count && entry is null; i++)
                        {
                            string host = hosts[(next + i) % hosts.Count];
                            if (busy.GetValueOrDefault(host) >= perHost)
                            {
                                continue;
                            }

                            if (!buffers.TryGetValue(host, out var buffer))
                            {
                                buffers[host] = buffer = new Queue<FrontierEntry>();
                            }

                            if (buffer.Count == 0)
                            {
                                foreach (FrontierEntry taken in _state.Take(host, refill))
                                {
                                    buffer.Enqueue(taken);
                                }
                            }

                            if (buffer.TryDequeue(out entry))
                            {
                                next = (next + i + 1) % hosts.Count;
                                busy[host] = busy.GetValueOrDefault(host) + 1;
                                Interlocked.Increment(ref _pending);
                                started++;
                                workers[Task.Run(() => WorkAsync(entry, stop), CancellationToken.None)] = host;
                            }
                        }

                        hosts.RemoveAll(h => busy.GetValueOrDefault(h) == 0 && buffers.TryGetValue(h, out var q) && q.Count == 0);
                    }

                    if (entry is not null)
                    {
                        continue;
                    }

                    if (workers.Count == 0 && Interlocked.Read(ref _pending) == 0)
                    {
                        if (limitReached)
                        {
                            break;
                        }

                        // Nothing running and nothing uncommitted: finished unless the last commit queued new URLs.
                        hosts = [.. _state.QueuedHosts().Union(buffers.Where(b => b.Value.Count > 0).Select(b => b.Key), StringComparer.OrdinalIgnoreCase)];
                        if (hosts.Count == 0)
                        {
                            break;
                        }

                        continue;
                    }

                    Task woken = _wake.WaitAsync(TimeSpan.FromMilliseconds(250), stop);
                    Task finished = await Task.WhenAny(workers.Keys.Append(woken)).ConfigureAwait(false);
                    if (finished == woken)
                    {
                        refresh = true;
                    }

                    foreach (Task done in workers.Keys.Where(t => t.IsCompleted).ToList())
                    {
                        busy[workers[done]]--;
                        workers.Remove(done);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // A clean stop: fall through to wait for the workers and give back the buffered URLs.
            }

            await Task.WhenAll(workers.Keys).ConfigureAwait(false);
            _state.Requeue(buffers.Values.SelectMany(b => b).Select(e => e.Id).ToList());
        }

        private async Task WorkAsync(FrontierEntry entry, CancellationToken stop)
        {
            WorkResult result;
            try
            {
                result = await ProcessAsync(entry, stop).ConfigureAwait(false);
            }
            catch (Exception e) when (stop.IsCancellationRequested && e is OperationCanceledException or HttpRequestException)
            {
                result = new WorkResult(entry, null, Abandoned: true); // queued again; the next run fetches it
            }
#pragma warning disable CA1031 // one broken page must not stop the crawl; it is recorded as failed with the reason
            catch (Exception e)
#pragma warning restore CA1031
            {
                result = new WorkResult(entry, Page(entry, UrlState.Failed, null, $"crawler error: {e.GetType().Name}: {e.Message}"));
            }

            await _results.Writer.WriteAsync(result, CancellationToken.None).ConfigureAwait(false);
        }

        private async Task<WorkResult> ProcessAsync(FrontierEntry entry, CancellationToken stop)
        {
            var url = new Uri(entry.Url);
            if (!await _robots.IsAllowedAsync(url, stop).ConfigureAwait(false))
            {
                return await _robots.UnavailableReasonAsync(url, stop).ConfigureAwait(false) is { } reason
                    ? new WorkResult(entry, Page(entry, UrlState.Failed, null, $"robots.txt of {url.Authority} is unavailable ({reason}); not fetched"))
                    : new WorkResult(entry, Page(entry, UrlState.Skipped, null, "disallowed by robots.txt"));
            }

            FetchResult fetch = await _fetcher.FetchAsync(url, entry.Validators, (target, ct) => CheckHopAsync(target, entry.Depth, ct), stop).ConfigureAwait(false);
            if (fetch.Status == FetchStatus.NotModified)
            {
                return new WorkResult(entry, Page(entry, UrlState.Done, fetch, "not modified"));
            }

            if (fetch.Status != FetchStatus.Success)
            {
                UrlState failed = fetch.Status == FetchStatus.RedirectRefused ? UrlState.Skipped : UrlState.Failed;
                return new WorkResult(entry, Page(entry, failed, fetch, fetch.Error));
            }

            HttpExchange response = fetch.Response!;
            string hash = Convert.ToHexStringLower(SHA256.HashData(response.Body.Span));
            var discovered = new List<DiscoveredUrl>();
            PageLinks? links = null;
            XmlLinks? xml = null;
            string? note = null;
            bool candidate = false;
            if (XmlLinkReader.LooksLikeXml(response.Body.Span, response.ContentType))
            {
                xml = _xml.Read(response.Body, fetch.FinalUrl);
                UrlKind childKind = xml.Kind == XmlLinkKind.SitemapIndex ? UrlKind.Sitemap : UrlKind.Page;
                foreach (Uri link in xml.Links)
                {
                    AddIfInScope(discovered, link, entry.Depth + 1, childKind);
                }

                note = xml.Error;
            }
            else if (IsHtml(response.ContentType))
            {
                LinkExtractor extractor = _extractors.TryTake(out var pooled) ? pooled : new LinkExtractor();
                try
                {
                    links = extractor.Extract(response.Body, response.ContentType, fetch.FinalUrl);
                }
                finally
                {
                    _extractors.Add(extractor);
                }

                if (!links.NoFollow)
                {
                    foreach (Uri link in links.Links)
                    {
                        AddIfInScope(discovered, link, entry.Depth + 1, UrlKind.Page);
                    }
                }

                foreach (Uri feed in links.Feeds)
                {
                    AddIfInScope(discovered, feed, entry.Depth + 1, UrlKind.Feed);
                }

                candidate = !links.NoIndex;
                if (links.Canonical is { } canonical && canonical.AbsoluteUri != fetch.FinalUrl.AbsoluteUri && canonical.AbsoluteUri != entry.Url
                    && _scope.Check(canonical, entry.Depth) == ScopeDecision.InScope)
                {
                    // The page says another URL is the real one: fetch that one (once) and keep only it.
                    discovered.Add(new DiscoveredUrl(canonical.AbsoluteUri, PageFetcher.HostKey(canonical), entry.Depth, UrlKind.Page));
                    candidate = false;
                    note = "canonical URL is " + canonical.AbsoluteUri;
                }
                else if (links.NoIndex)
                {
                    note = "noindex";
                }
            }

            // A page that names another URL as canonical is not kept under its own URL, and does not claim the content.
            UrlState state = candidate || links?.Canonical is null || note?.StartsWith("canonical", StringComparison.Ordinal) != true ? UrlState.Done : UrlState.Skipped;
            Article? article = candidate && state == UrlState.Done ? ParseArticle(response, fetch.FinalUrl, stop) : null;
            var page = Page(entry, state, fetch, note) with { Links = links, XmlLinks = xml, ContentHash = hash, IsOutputCandidate = candidate, Article = article };
            return new WorkResult(entry, page, Discovered: discovered);
        }

        private Article? ParseArticle(HttpExchange response, Uri url, CancellationToken stop)
        {
            ArticleParser parser = _parsers.TryTake(out var pooled) ? pooled : new ArticleParser();
            try
            {
                Article article = parser.Parse(response.Body, url, response.ContentType, stop);
                int length = (article.Lead?.Length ?? 0) + article.Paragraphs.Sum(p => p.Length);
                return article.Title is not null && length >= _options.MinArticleCharacters ? article : null;
            }
            catch (ArticleParseException)
            {
                return null; // empty, binary or unreadable: not an article, the page is still archived
            }
            finally
            {
                _parsers.Add(parser);
            }
        }

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

        private void AddIfInScope(List<DiscoveredUrl> discovered, Uri url, int depth, UrlKind kind)
        {
            if (_scope.Check(url, depth) == ScopeDecision.InScope)
            {
                discovered.Add(new DiscoveredUrl(url.AbsoluteUri, PageFetcher.HostKey(url), depth, kind));
            }
        }

        private static bool IsHtml(string? contentType) =>
            contentType is null || contentType.Contains("html", StringComparison.OrdinalIgnoreCase);

        private static CrawledPage Page(FrontierEntry entry, UrlState state, FetchResult? fetch, string? note) => new()
        {
            Url = new Uri(entry.Url),
            Depth = entry.Depth,
            Kind = entry.Kind,
            State = state,
            Fetch = fetch,
            Note = note,
        };

        private async Task GuardedSinkAsync()
        {
            try
            {
                await SinkAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // rethrown by ExecuteAsync once the workers have stopped
            catch (Exception e)
#pragma warning restore CA1031
            {
                _sinkError = e;
                await _sinkFailed.CancelAsync().ConfigureAwait(false);
                while (await _results.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    while (_results.Reader.TryRead(out _))
                    {
                        Interlocked.Decrement(ref _pending); // drained so the workers can finish
                    }
                }
            }
        }

        private async Task SinkAsync()
        {
            var batch = new List<WorkResult>(SinkBatch);
            TimeSpan lastReport = TimeSpan.Zero;
            while (await _results.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < SinkBatch && _results.Reader.TryRead(out WorkResult? item))
                {
                    batch.Add(item);
                }

                var (committed, completions, requeue) = WriteBatch(batch);

                // Archive and output are flushed before the state says "done": the order that makes a stop safe.
                IReadOnlyDictionary<string, long> warcLengths = _warc.Flush();
                _crawler._output?.Flush();
                _state.Complete(completions, warcLengths);
                if (requeue.Count > 0)
                {
                    _state.Requeue(requeue);
                }

                Interlocked.Add(ref _pending, -batch.Count);
                _wake.Release();

                if (_onPage is { } onPage)
                {
                    foreach (CrawledPage page in committed)
                    {
                        await onPage(page, CancellationToken.None).ConfigureAwait(false);
                    }
                }

                if (_options.Progress is { } progress && _clock.Elapsed - lastReport >= _options.ProgressInterval)
                {
                    lastReport = _clock.Elapsed;
                    progress.Report(Progress());
                }
            }

            WriteRobotsRecords();
            _warc.Flush();
            _options.Progress?.Report(Progress());
        }

        private CrawlProgress Progress()
        {
            double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            return new CrawlProgress(_fetched, _state.Counts().Queued, _errors, _emitted, _fetched / seconds, _clock.Elapsed);
        }

        private (List<CrawledPage> Committed, List<PageCompletion> Completions, List<long> Requeue) WriteBatch(List<WorkResult> batch)
        {
            var committed = new List<CrawledPage>(batch.Count);
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
                    position ??= _warc.Write(exchange);
                }

                long id = item.Entry.Id;
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
                        page = page with { State = UrlState.Skipped, IsOutputCandidate = false, Note = "redirects to " + final.AbsoluteUri + ", which is crawled itself" };
                        Count(page);
                        committed.Add(page);
                        continue;
                    }

                    id = claimedId;
                    page = page with { Url = final };
                }

                if (page.ContentHash is { } hash && page.State == UrlState.Done)
                {
                    string? owner = batchHashes.GetValueOrDefault(hash) ?? _state.ContentOwner(hash);
                    if (owner is not null && owner != page.Url.AbsoluteUri)
                    {
                        page = page with { State = UrlState.Skipped, IsOutputCandidate = false, Note = "same content as " + owner };
                    }
                    else
                    {
                        batchHashes[hash] = page.Url.AbsoluteUri;
                    }
                }

                if (_crawler._output?.Write(page) == true)
                {
                    _emitted++;
                }

                Count(page);
                committed.Add(page);
                HttpExchange? last = page.Fetch?.Response;
                completions.Add(new PageCompletion
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
                    LastModified = last?.Header("Last-Modified") is { } modified && DateTimeOffset.TryParse(modified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var m) ? m : null,
                    ContentHash = page.State == UrlState.Done ? page.ContentHash : null,
                    WarcFile = position?.File,
                    WarcOffset = position?.Offset,
                    Discovered = item.Discovered ?? [],
                });
            }

            return (committed, completions, requeue);
        }

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

        private void Count(CrawledPage page)
        {
            if (page.Fetch is not null)
            {
                _fetched++;
            }

            switch (page.State)
            {
                case UrlState.Failed:
                    _errors++;
                    string kind = page.Fetch is { Status: FetchStatus.HttpError } f ? $"HTTP {f.StatusCode}"
                        : page.Fetch?.Status.ToString() ?? (page.Note?.StartsWith("robots.txt", StringComparison.Ordinal) == true ? "RobotsUnavailable" : "CrawlerError");
                    _errorsByKind[kind] = _errorsByKind.GetValueOrDefault(kind) + 1;
                    if (_errorSamples.Count < 10)
                    {
                        _errorSamples.Add($"{page.Url}: {page.Note}");
                    }

                    break;
                case UrlState.Skipped:
                    _skipped++;
                    break;
                case UrlState.Done when page.Fetch?.Status == FetchStatus.NotModified:
                    _notModified++;
                    break;
            }
        }
    }

    private sealed record WorkResult(FrontierEntry Entry, CrawledPage? Page, bool Abandoned = false, IReadOnlyList<DiscoveredUrl>? Discovered = null);
}
