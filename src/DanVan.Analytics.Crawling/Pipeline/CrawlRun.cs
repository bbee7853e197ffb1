using System.Threading.Channels;
using DanVan.Analytics.Crawling.Archiving;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.State;
using DanVan.Analytics.Crawling.Urls;
using Microsoft.Extensions.Logging;

namespace DanVan.Analytics.Crawling.Pipeline;

/// <summary>
/// One run: recovers the state, then a dispatcher takes URLs from the frontier host by host (round robin, at most
/// <see cref="CrawlerOptions.MaxConcurrencyPerHost"/> per host) and starts a worker for each (fetch stage, then
/// analysis), whose results go through a bounded channel to the one sink.
/// </summary>
internal sealed class CrawlRun : IDisposable
{
    private readonly CrawlerOptions _options;
    private readonly CrawlState _state;
    private readonly List<Uri> _seeds;
    private readonly ICrawlOutput? _output;
    private readonly ILogger _logger;
    private readonly string _warcDirectory;
    private readonly WarcWriter _warc;
    private readonly FetchStage _fetch;
    private readonly PageAnalyzer _analyzer;
    private readonly CrawlSink _sink;
    private readonly CrawlCounters _counters = new();
    private readonly Channel<WorkResult> _results;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _sinkFailed = new();
    private Exception? _sinkError;
    private long _pending;

    public CrawlRun(CrawlerOptions options, CrawlState state, List<Uri> seeds, AddressPolicy policy, ICrawlOutput? output,
        HttpMessageHandler? handler, Func<CrawledPage, CancellationToken, ValueTask>? onPage, ILogger logger)
    {
        _options = options;
        _state = state;
        _seeds = seeds;
        _output = output;
        _logger = logger;
        var scope = new CrawlScope(seeds, options.Scope);
        _warcDirectory = options.WarcDirectory ?? Path.Combine(options.StateDirectory, "warc");
        _warc = new WarcWriter(_warcDirectory, info: [new("http-header-user-agent", options.Fetcher.UserAgent), new("robots", "obey")]);
        _sink = new CrawlSink(options, state, scope, _warc, output, _counters, onPage, options.Progress, logger);
        _fetch = new FetchStage(options, scope, state, policy, handler, _sink.RobotsLoaded, logger);
        _analyzer = new PageAnalyzer(options, scope, logger);
        _results = Channel.CreateBounded<WorkResult>(new BoundedChannelOptions(Math.Max(16, options.MaxConcurrency * 4)) { SingleReader = true });
    }

    public async Task<CrawlSummary> ExecuteAsync(CancellationToken stop)
    {
        IReadOnlyList<string> recovered = _state.Recover();
        WarcWriter.Repair(_warcDirectory, _state.WarcLengths());
        try
        {
            _output?.Recover(recovered);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CrawlOutputException($"the crawl output cannot be opened: {e.Message}", e);
        }

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
                _fetch.Scheduler.Defer(host, wait); // keep the pause across a restart
            }
        }

        if (_logger.IsEnabled(LogLevel.Information))
        {
            CrawlLog.Started(_logger, string.Join(" ", _seeds), recovered.Count);
        }

        Task sink = Task.Run(GuardedSinkAsync, CancellationToken.None);
        using var dispatchStop = CancellationTokenSource.CreateLinkedTokenSource(stop, _sinkFailed.Token);
        using var grace = new CancellationTokenSource();
        grace.Token.Register(_fetch.CancelPendingRequests);
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

        CrawlSummary summary = _counters.Summary(_state.Counts(), recovered.Count, stop.IsCancellationRequested);
        CrawlLog.Finished(_logger, summary.Cancelled ? "stopped" : "finished", summary.Fetched, summary.Emitted, summary.Errors, summary.Queued);
        return summary;
    }

    public void Dispose()
    {
        _warc.Dispose();
        _fetch.Dispose();
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
                    hosts = QueuedHosts(buffers);
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
                    hosts = QueuedHosts(buffers);
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

    private List<string> QueuedHosts(Dictionary<string, Queue<FrontierEntry>> buffers) =>
        [.. _state.QueuedHosts().Union(buffers.Where(b => b.Value.Count > 0).Select(b => b.Key), StringComparer.OrdinalIgnoreCase)];

    private async Task WorkAsync(FrontierEntry entry, CancellationToken stop)
    {
        WorkResult result;
        try
        {
            var (final, fetch) = await _fetch.FetchAsync(entry, stop).ConfigureAwait(false);
            result = final ?? _analyzer.Analyze(entry, fetch!, stop);
        }
        catch (Exception e) when (stop.IsCancellationRequested && e is OperationCanceledException or HttpRequestException)
        {
            result = new WorkResult(entry, null, Abandoned: true); // queued again; the next run fetches it
        }
#pragma warning disable CA1031 // one broken page must not stop the crawl; it is recorded as failed with the reason
        catch (Exception e)
#pragma warning restore CA1031
        {
            CrawlLog.CrawlerError(_logger, e, entry.Url);
            result = WorkResult.Final(entry, UrlState.Failed, PageReason.CrawlerError, $"crawler error: {e.GetType().Name}: {e.Message}");
        }

        await _results.Writer.WriteAsync(result, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task GuardedSinkAsync()
    {
        try
        {
            await _sink.RunAsync(_results.Reader, Committed).ConfigureAwait(false);
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

    private void Committed(int count)
    {
        Interlocked.Add(ref _pending, -count);
        _wake.Release();
    }
}
