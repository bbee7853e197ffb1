using System.Collections.Concurrent;

namespace DanVan.Analytics.Crawling.Fetching;

/// <summary>
/// Politeness per host: at most <see cref="MaxConcurrencyPerHost"/> requests to a host at a time, and at least the
/// host's delay between the end of one request and the start of the next. A host's delay is the default delay or
/// its robots.txt <c>Crawl-delay</c>, whichever is longer (capped); a server that answers 429 or 503 with
/// Retry-After can push its next request further out with <see cref="Defer"/>. Different hosts never wait for
/// each other.
/// </summary>
public sealed class HostScheduler
{
    private readonly ConcurrentDictionary<string, HostSlot> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    /// <summary>Creates a scheduler.</summary>
    /// <param name="defaultDelay">The pause between two requests to one host (zero switches politeness off).</param>
    /// <param name="maxConcurrencyPerHost">How many requests may run at once against one host. Default: 1.</param>
    /// <param name="maxCrawlDelay">The longest robots.txt Crawl-delay honoured. Default: 60 s.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    public HostScheduler(TimeSpan defaultDelay, int maxConcurrencyPerHost = 1, TimeSpan? maxCrawlDelay = null, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(defaultDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrencyPerHost, 1);
        DefaultDelay = defaultDelay;
        MaxConcurrencyPerHost = maxConcurrencyPerHost;
        MaxCrawlDelay = maxCrawlDelay ?? TimeSpan.FromSeconds(60);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The pause between two requests to one host when robots.txt asks for no longer one.</summary>
    public TimeSpan DefaultDelay { get; }

    /// <summary>How many requests may run at once against one host.</summary>
    public int MaxConcurrencyPerHost { get; }

    /// <summary>The longest robots.txt Crawl-delay honoured.</summary>
    public TimeSpan MaxCrawlDelay { get; }

    /// <summary>Sets a host's robots.txt Crawl-delay; the host's delay becomes the longer of it and the default.</summary>
    /// <param name="host">The host name.</param>
    /// <param name="crawlDelay">The Crawl-delay, or <see langword="null"/> for none.</param>
    public void SetCrawlDelay(string host, TimeSpan? crawlDelay)
    {
        HostSlot slot = Slot(host);
        TimeSpan delay = crawlDelay is { } d ? (d > MaxCrawlDelay ? MaxCrawlDelay : d) : TimeSpan.Zero;
        lock (slot)
        {
            slot.Delay = delay > DefaultDelay ? delay : DefaultDelay;
        }
    }

    /// <summary>The pause now applied between requests to <paramref name="host"/>.</summary>
    /// <param name="host">The host name.</param>
    /// <returns>The delay.</returns>
    public TimeSpan DelayFor(string host)
    {
        HostSlot slot = Slot(host);
        lock (slot)
        {
            return slot.Delay;
        }
    }

    /// <summary>Makes sure no request to <paramref name="host"/> starts before <paramref name="delay"/> from now.</summary>
    /// <param name="host">The host name.</param>
    /// <param name="delay">How long to hold the host back (a Retry-After or a backoff).</param>
    public void Defer(string host, TimeSpan delay)
    {
        HostSlot slot = Slot(host);
        DateTimeOffset until = _time.GetUtcNow() + delay;
        lock (slot)
        {
            if (until > slot.NotBefore)
            {
                slot.NotBefore = until;
            }
        }
    }

    /// <summary>Waits until a request to <paramref name="host"/> may start and reserves the slot.</summary>
    /// <param name="host">The host name.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A lease; dispose it when the response has been read, which starts the host's pause.</returns>
    public async ValueTask<HostLease> AcquireAsync(string host, CancellationToken cancellationToken)
    {
        HostSlot slot = Slot(host);
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (slot)
                {
                    wait = slot.NotBefore - _time.GetUtcNow();
                }

                if (wait <= TimeSpan.Zero)
                {
                    break;
                }

                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            slot.Gate.Release();
            throw;
        }

        return new HostLease(this, slot);
    }

    private HostSlot Slot(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return _hosts.GetOrAdd(host, static (_, scheduler) => new HostSlot(scheduler.MaxConcurrencyPerHost, scheduler.DefaultDelay), this);
    }

    private void Release(HostSlot slot)
    {
        DateTimeOffset next = _time.GetUtcNow();
        lock (slot)
        {
            next += slot.Delay;
            if (next > slot.NotBefore)
            {
                slot.NotBefore = next;
            }
        }

        slot.Gate.Release();
    }

    /// <summary>A reserved request slot on one host.</summary>
    public readonly struct HostLease : IDisposable
    {
        private readonly HostScheduler? _scheduler;
        private readonly HostSlot? _slot;

        internal HostLease(HostScheduler scheduler, HostSlot slot)
        {
            _scheduler = scheduler;
            _slot = slot;
        }

        /// <summary>Ends the request: the host's pause starts now.</summary>
        public void Dispose()
        {
            if (_scheduler is not null && _slot is not null)
            {
                _scheduler.Release(_slot);
            }
        }
    }

    internal sealed class HostSlot(int concurrency, TimeSpan delay)
    {
        public SemaphoreSlim Gate { get; } = new(concurrency, concurrency);

        public TimeSpan Delay { get; set; } = delay;

        public DateTimeOffset NotBefore { get; set; } = DateTimeOffset.MinValue;
    }
}
