using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using DanVan.Analytics.Crawling.Urls;

namespace DanVan.Analytics.Crawling.Fetching;

/// <summary>
/// Fetches pages politely and safely: one <see cref="HttpClient"/> over a <see cref="SocketsHttpHandler"/> whose
/// connect step resolves the host and refuses non-public addresses (checking every resolved address and the one
/// actually connected); redirects followed by hand so each hop is checked (loop, limit, scope, robots.txt, address);
/// bodies read within a size limit and decompressed here, counting decompressed bytes, so a gzip bomb is cut off;
/// timeouts, 5xx and 429 retried with exponential backoff or the server's Retry-After; every request waits for its
/// host's turn in the <see cref="HostScheduler"/>.
/// </summary>
public sealed class PageFetcher : IDisposable
{
    private const string AcceptHeader = "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,*/*;q=0.8";
    private const string AcceptLanguageHeader = "vi,en;q=0.5";
    private const string AcceptEncodingHeader = "gzip, deflate, br";
    private const int ReadChunk = 16 * 1024;

    private readonly HttpClient _client;
    private readonly FetcherOptions _options;
    private readonly bool _checkBeforeSend;

    /// <summary>Creates a fetcher.</summary>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="scheduler">The politeness scheduler, or <see langword="null"/> for one with a 1 s delay per host.</param>
    /// <param name="handler">
    /// The HTTP handler to send through (a proxy, a handler from <c>IHttpMessageHandlerFactory</c>, instrumentation),
    /// or <see langword="null"/> for <see cref="CreateHandler"/>'s. It must not follow redirects (each hop is
    /// checked here) and is not disposed by the fetcher. Its connections are not checked at connect time unless
    /// it uses <see cref="AddressPolicy.ConnectAsync"/> as its <see cref="SocketsHttpHandler.ConnectCallback"/>; so
    /// that a handler of unknown make cannot reach internal networks, the fetcher resolves each request's host and
    /// checks its addresses against <see cref="FetcherOptions.AddressPolicy"/> before sending.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="handler"/> follows redirects itself.</exception>
    public PageFetcher(FetcherOptions? options = null, HostScheduler? scheduler = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? new FetcherOptions();
        Scheduler = scheduler ?? new HostScheduler(TimeSpan.FromSeconds(1));
        if (handler is null)
        {
            _client = new HttpClient(CreateHandler(_options)) { Timeout = Timeout.InfiniteTimeSpan };
            return;
        }

        for (HttpMessageHandler? inner = handler; inner is not null; inner = (inner as DelegatingHandler)?.InnerHandler)
        {
            if (inner is SocketsHttpHandler { AllowAutoRedirect: true } or HttpClientHandler { AllowAutoRedirect: true })
            {
                throw new ArgumentException("The handler follows redirects itself; set AllowAutoRedirect = false so each hop is checked (scope, robots.txt, address).", nameof(handler));
            }
        }

        _checkBeforeSend = true;
        _client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// The handler the fetcher uses when given none: no proxy (a proxy would connect on the crawler's behalf and
    /// bypass the address check), no cookies, no automatic redirects or decompression (both are done here, under
    /// checks and limits), and <see cref="AddressPolicy.ConnectAsync"/> as the connect step. A caller that needs a
    /// proxy starts from this handler and sets <see cref="SocketsHttpHandler.Proxy"/>.
    /// </summary>
    /// <param name="options">The fetcher options (connect timeout, connections per server, address policy).</param>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler CreateHandler(FetcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            ConnectCallback = options.AddressPolicy.ConnectAsync,
        };
    }

    /// <summary>The politeness scheduler every request goes through.</summary>
    public HostScheduler Scheduler { get; }

    /// <summary>The options.</summary>
    public FetcherOptions Options => _options;

    /// <summary>Fetches a URL, following redirects and retrying transient failures.</summary>
    /// <param name="url">The (canonical) URL.</param>
    /// <param name="validators">Validators for a conditional request, or <see langword="null"/>.</param>
    /// <param name="redirectGuard">Checks each redirect hop, or <see langword="null"/> to allow any http(s) hop.</param>
    /// <param name="maxBodyBytes">The largest body for this URL, or <see langword="null"/> for <see cref="FetcherOptions.MaxBodyBytes"/> (sitemaps may be 50 MB).</param>
    /// <param name="cancellationToken">
    /// Stops waiting for the host's turn and for retries (an <see cref="OperationCanceledException"/> is thrown). An
    /// exchange already under way is finished (within <see cref="FetcherOptions.RequestTimeout"/>), so a stopping
    /// crawl never throws away a response the server already made.
    /// </param>
    /// <returns>The result; failures are reported in it, not thrown.</returns>
    public async Task<FetchResult> FetchAsync(Uri url, FetchValidators? validators = null, RedirectGuard? redirectGuard = null, long? maxBodyBytes = null, CancellationToken cancellationToken = default)
    {
        long limit = maxBodyBytes ?? _options.MaxBodyBytes;
        ArgumentNullException.ThrowIfNull(url);
        var exchanges = new List<HttpExchange>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        Uri current = url;
        int redirects = 0;
        int retries = 0;
        while (true)
        {
            Attempt attempt = await SendAsync(current, redirects == 0 ? validators : null, limit, cancellationToken).ConfigureAwait(false);
            if (attempt.Exchange is { } exchange)
            {
                exchanges.Add(exchange);
            }

            if (attempt.Retryable && retries < _options.MaxRetries)
            {
                TimeSpan delay = attempt.RetryAfter ?? Backoff(retries);
                if (delay <= _options.MaxRetryDelay)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    retries++;
                    Scheduler.Defer(HostKey(current), delay);
                    continue;
                }

                return Result(url, current, attempt.Status, exchanges, $"{attempt.Error}; the server asks to wait {delay.TotalSeconds:0} s, longer than the {_options.MaxRetryDelay.TotalSeconds:0} s allowed");
            }

            if (attempt.Exchange is not { } response || !IsRedirect(response.StatusCode))
            {
                return Result(url, current, attempt.Status, exchanges, attempt.Error);
            }

            string? location = response.Header("Location");
            if (location is null || !UrlCanonicalizer.Default.TryCanonicalize(current, location, out Uri? next))
            {
                return Result(url, current, FetchStatus.RedirectRefused, exchanges, $"redirect {response.StatusCode} to '{location}', which is not an http(s) URL");
            }

            if (!visited.Add(next.AbsoluteUri))
            {
                return Result(url, current, FetchStatus.RedirectLoop, exchanges, $"redirect loop: {next} was already visited");
            }

            if (++redirects > _options.MaxRedirects)
            {
                return Result(url, current, FetchStatus.RedirectLimit, exchanges, $"more than {_options.MaxRedirects} redirects");
            }

            if (redirectGuard is not null && await redirectGuard(next, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                return Result(url, current, FetchStatus.RedirectRefused, exchanges, $"redirect to {next} refused: {refusal}");
            }

            cancellationToken.ThrowIfCancellationRequested();
            current = next;
            retries = 0;
        }
    }

    /// <summary>Aborts every exchange under way (for a stop that cannot wait for them); those fetches throw <see cref="OperationCanceledException"/>.</summary>
    public void CancelPendingRequests() => _client.CancelPendingRequests();

    /// <summary>The key the scheduler keeps politeness under: the host name.</summary>
    /// <param name="url">A URL.</param>
    /// <returns>The host.</returns>
    public static string HostKey(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IdnHost;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static FetchResult Result(Uri requested, Uri final, FetchStatus status, List<HttpExchange> exchanges, string? error) =>
        new() { RequestedUrl = requested, FinalUrl = final, Status = status, Exchanges = exchanges, Error = error };

    private static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    private static bool IsRetryableStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    private TimeSpan Backoff(int retry)
    {
        double factor = Math.Pow(2, retry) * (0.75 + (Random.Shared.NextDouble() / 2)); // jitter keeps retries from lining up
        return TimeSpan.FromTicks((long)(_options.RetryBaseDelay.Ticks * factor));
    }

    private async Task<Attempt> SendAsync(Uri url, FetchValidators? validators, long limit, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", AcceptHeader);
        request.Headers.TryAddWithoutValidation("Accept-Language", AcceptLanguageHeader);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", AcceptEncodingHeader);
        if (validators?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (validators?.LastModified is { } modified)
        {
            request.Headers.IfModifiedSince = modified;
        }

        using HostScheduler.HostLease lease = await Scheduler.AcquireAsync(HostKey(url), cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (_checkBeforeSend && await PreflightAsync(url, cancellationToken).ConfigureAwait(false) is { } preflight)
        {
            return preflight;
        }

        using var timeout = new CancellationTokenSource();
        DateTimeOffset date = DateTimeOffset.UtcNow;
        timeout.CancelAfter(_options.RequestTimeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            byte[] requestHead = RequestHead(request);
            var headers = ResponseHeaders(response);
            byte[] responseHead = ResponseHead(response, headers);
            int status = (int)response.StatusCode;
            TimeSpan? retryAfter = RetryAfter(response.Headers.RetryAfter);

            byte[] raw;
            byte[] body;
            try
            {
                raw = await ReadLimitedAsync(response.Content, limit, timeout.Token).ConfigureAwait(false);
                body = ContentDecoder.Decode(raw, response.Content.Headers.ContentEncoding, limit);
            }
            catch (FetchBodyException e)
            {
                return new Attempt(e.Status, e.Message, Exchange: null);
            }

            var exchange = new HttpExchange
            {
                Url = url,
                Date = date,
                RequestHead = requestHead,
                StatusCode = status,
                ResponseHead = responseHead,
                Headers = headers,
                RawBody = raw,
                Body = body,
            };
            FetchStatus outcome = status switch
            {
                >= 200 and < 300 => FetchStatus.Success,
                304 => FetchStatus.NotModified,
                _ => FetchStatus.HttpError,
            };
            string? error = outcome == FetchStatus.HttpError ? $"HTTP {status} {response.ReasonPhrase}".TrimEnd() : null;
            return new Attempt(outcome, error, exchange, IsRetryableStatus(status), retryAfter);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new Attempt(FetchStatus.Timeout, $"no complete answer within {_options.RequestTimeout.TotalSeconds:0.###} s", null, Retryable: true);
        }
        catch (HttpRequestException e) when (FindInner<AddressRefusedException>(e) is { } refused)
        {
            return new Attempt(FetchStatus.AddressRefused, refused.Message, null);
        }
        catch (HttpRequestException e) when (FindInner<TimeoutException>(e) is not null)
        {
            return new Attempt(FetchStatus.Timeout, "connect timed out", null, Retryable: true);
        }
        catch (HttpRequestException e)
        {
            return new Attempt(FetchStatus.NetworkError, NetworkErrorMessage(url, e), null);
        }
        catch (IOException e)
        {
            return new Attempt(FetchStatus.NetworkError, $"connection to {url.Authority} broke: {e.Message}", null, Retryable: true);
        }
        finally
        {
            response?.Dispose();
        }
    }

    private static string NetworkErrorMessage(Uri url, HttpRequestException e)
    {
        if (FindInner<SocketException>(e) is { } socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"host {url.Host} could not be resolved",
                SocketError.ConnectionRefused => $"{url.Authority} refused the connection",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => $"{url.Authority} is unreachable",
                _ => $"{url.Authority}: {socket.Message}",
            };
        }

        return $"{url.Authority}: {e.Message}";
    }

    private static T? FindInner<T>(Exception e)
        where T : Exception
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? value)
    {
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            TimeSpan wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private async Task<Attempt?> PreflightAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            await _options.AddressPolicy.CheckAsync(url.IdnHost, url.Port, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (AddressRefusedException e)
        {
            return new Attempt(FetchStatus.AddressRefused, e.Message, null);
        }
        catch (SocketException)
        {
            return new Attempt(FetchStatus.NetworkError, $"host {url.Host} could not be resolved", null);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > limit)
        {
            throw new FetchBodyException(FetchStatus.TooLarge, $"the body is {declared} bytes, over the {limit}-byte limit");
        }

        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[ReadChunk];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new FetchBodyException(FetchStatus.TooLarge, $"the body is over the {limit}-byte limit; the transfer was aborted");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static byte[] RequestHead(HttpRequestMessage request)
    {
        Uri url = request.RequestUri!;
        var head = new StringBuilder(256);
        head.Append("GET ").Append(url.PathAndQuery).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(url.Authority).Append("\r\n");
        foreach (var header in request.Headers.NonValidated)
        {
            foreach (string value in header.Value)
            {
                head.Append(header.Key).Append(": ").Append(value).Append("\r\n");
            }
        }

        head.Append("\r\n");
        return Encoding.Latin1.GetBytes(head.ToString());
    }

    private static List<KeyValuePair<string, string>> ResponseHeaders(HttpResponseMessage response)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in response.Headers.NonValidated)
        {
            foreach (string value in header.Value)
            {
                headers.Add(new(header.Key, value));
            }
        }

        foreach (var header in response.Content.Headers.NonValidated)
        {
            foreach (string value in header.Value)
            {
                headers.Add(new(header.Key, value));
            }
        }

        return headers;
    }

    private static byte[] ResponseHead(HttpResponseMessage response, List<KeyValuePair<string, string>> headers)
    {
        var head = new StringBuilder(512);
        head.Append("HTTP/").Append(response.Version.Major.ToString(CultureInfo.InvariantCulture)).Append('.')
            .Append(response.Version.Minor.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(response.ReasonPhrase))
        {
            head.Append(' ').Append(response.ReasonPhrase);
        }

        head.Append("\r\n");
        foreach (var (name, value) in headers)
        {
            // The body is stored de-chunked, so the archived head must not claim chunked framing.
            string archivedName = name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) ? "X-Crawler-Transfer-Encoding" : name;
            head.Append(archivedName).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        return Encoding.Latin1.GetBytes(head.ToString());
    }

    private sealed record Attempt(FetchStatus Status, string? Error, HttpExchange? Exchange, bool Retryable = false, TimeSpan? RetryAfter = null);
}
