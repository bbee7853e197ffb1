using System.Collections.Concurrent;
using System.Text;
using DanVan.Analytics.Crawling.Fetching;

namespace DanVan.Analytics.Crawling.Robots;

/// <summary>
/// Fetches and keeps each host's robots.txt. A 2xx answer is parsed; a 4xx answer (the file does not exist) allows
/// everything; a 5xx answer, a 429 or no answer means "the site is having trouble": everything is disallowed for
/// now and the file is fetched again after <see cref="ErrorRetryInterval"/>. The host's Crawl-delay is handed to
/// the fetcher's <see cref="HostScheduler"/>.
/// </summary>
public sealed class RobotsCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly PageFetcher _fetcher;
    private readonly string _userAgent;
    private readonly TimeProvider _time;

    /// <summary>Creates a cache that fetches through <paramref name="fetcher"/>.</summary>
    /// <param name="fetcher">The fetcher (robots.txt requests are polite and address-checked like any other).</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    public RobotsCache(PageFetcher fetcher, TimeProvider? timeProvider = null)
    {
        _fetcher = fetcher ?? throw new ArgumentNullException(nameof(fetcher));
        _userAgent = fetcher.Options.UserAgent;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long a fetched robots.txt is trusted. Default: 24 h (RFC 9309 2.4).</summary>
    public TimeSpan TimeToLive { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long to wait before asking again after a 5xx or unreachable robots.txt. Default: 5 min.</summary>
    public TimeSpan ErrorRetryInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Called with each robots.txt fetch and the rules it gave (for archiving and sitemap discovery).</summary>
    public Action<FetchResult, RobotsTxt>? Loaded { get; init; }

    /// <summary>The robots.txt rules that apply to <paramref name="url"/>.</summary>
    /// <param name="url">Any URL on the host.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The host's rules (possibly <see cref="RobotsTxt.AllowAll"/> or <see cref="RobotsTxt.DisallowAll"/>).</returns>
    public async ValueTask<RobotsTxt> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        string key = url.GetLeftPart(UriPartial.Authority);
        while (true)
        {
            Lazy<Task<Entry>> lazy = _entries.GetOrAdd(key, k => new Lazy<Task<Entry>>(() => LoadAsync(new Uri(k + "/robots.txt"), cancellationToken)));
            Entry entry;
            try
            {
                entry = await lazy.Value.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The caller that started the load gave up; the next caller starts a new one.
                _entries.TryRemove(new(key, lazy));
                cancellationToken.ThrowIfCancellationRequested();
                continue;
            }

            if (entry.Expires > _time.GetUtcNow())
            {
                return entry.Rules;
            }

            _entries.TryRemove(new(key, lazy));
        }
    }

    /// <summary>
    /// Why the host's robots.txt could not be read (a 5xx answer, no answer, a refused address), or
    /// <see langword="null"/> when it was read or is missing (4xx).
    /// </summary>
    /// <param name="url">Any URL on the host.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The reason everything is disallowed for now, or <see langword="null"/>.</returns>
    public async ValueTask<string?> UnavailableReasonAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        await GetAsync(url, cancellationToken).ConfigureAwait(false);
        return _entries.TryGetValue(url.GetLeftPart(UriPartial.Authority), out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully
            ? lazy.Value.Result.Error
            : null;
    }

    /// <summary>Whether <paramref name="url"/> may be fetched.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="cancellationToken">Cancels the robots.txt fetch.</param>
    /// <returns><see langword="true"/> when the host's robots.txt allows it.</returns>
    public async ValueTask<bool> IsAllowedAsync(Uri url, CancellationToken cancellationToken)
    {
        RobotsTxt rules = await GetAsync(url, cancellationToken).ConfigureAwait(false);
        return rules.IsAllowed(url.PathAndQuery, _userAgent);
    }

    private async Task<Entry> LoadAsync(Uri robotsUrl, CancellationToken cancellationToken)
    {
        // RFC 9309 2.3.1.2: follow up to five redirects, wherever they go.
        FetchResult result = await _fetcher.FetchAsync(robotsUrl, cancellationToken: cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _time.GetUtcNow();
        int status = result.StatusCode;
        RobotsTxt rules;
        DateTimeOffset expires;
        string? error = null;
        if (result.Status == FetchStatus.Success)
        {
            ReadOnlySpan<byte> body = result.Response!.Body.Span;
            rules = RobotsTxt.Parse(Encoding.UTF8.GetString(body[..Math.Min(body.Length, RobotsTxt.MaxLength)]));
            expires = now + TimeToLive;
        }
        else if (status is >= 400 and < 500 && status != 429)
        {
            rules = RobotsTxt.AllowAll;
            expires = now + TimeToLive;
        }
        else if (result.Status is FetchStatus.RedirectLimit or FetchStatus.RedirectLoop)
        {
            rules = RobotsTxt.AllowAll; // RFC 9309 2.3.1.2: too many redirects is treated as "unavailable" (4xx)
            expires = now + TimeToLive;
        }
        else
        {
            rules = RobotsTxt.DisallowAll;
            expires = now + ErrorRetryInterval;
            error = result.Error ?? $"HTTP {status}";
        }

        _fetcher.Scheduler.SetCrawlDelay(PageFetcher.HostKey(robotsUrl), rules.CrawlDelay(_userAgent));
        Loaded?.Invoke(result, rules);
        return new Entry(rules, expires, error);
    }

    private sealed record Entry(RobotsTxt Rules, DateTimeOffset Expires, string? Error);
}
