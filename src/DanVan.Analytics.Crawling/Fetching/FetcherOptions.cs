using DanVan.Analytics.Crawling.Urls;

namespace DanVan.Analytics.Crawling.Fetching;

/// <summary>Options of <see cref="PageFetcher"/>.</summary>
public sealed record FetcherOptions
{
    /// <summary>The crawler's product token: robots.txt groups name it (<c>User-agent: DanVanBot</c>).</summary>
    public const string ProductToken = "DanVanBot/0.1";

    /// <summary>
    /// The User-Agent header. Keep the product token first (robots.txt groups match it) and the operator's contact in
    /// it (<see cref="UserAgentFor"/>), so site owners can see who is crawling and reach them. Default: the product
    /// token alone, for callers that add their contact themselves.
    /// </summary>
    public string UserAgent { get; init; } = ProductToken;

    /// <summary>
    /// The User-Agent of a crawl run by the operator reachable at <paramref name="contact"/> (a URL of a page that
    /// explains the crawl, or a <c>mailto:</c> address): <c>DanVanBot/0.1 (+https://example.org/about-our-crawler)</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="contact"/> is not an absolute http(s) or mailto URI.</exception>
    public static string UserAgentFor(string contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (!Uri.TryCreate(contact.Trim(), UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            throw new ArgumentException("The contact must be an absolute http(s) URL or a mailto: address.", nameof(contact));
        }

        return $"{ProductToken} (+{uri.AbsoluteUri})";
    }

    /// <summary>The time for a whole exchange: connect, headers and body. Default: 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The time to establish a connection. Default: 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest body accepted, both as sent and once decompressed. Default: 10 MB.</summary>
    public long MaxBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>The most redirects followed for one URL. Default: 5.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>How often a timeout, a 5xx or a 429 is retried. Default: 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first retry waits this long, doubling each time (unless the server sends Retry-After). Default: 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After or backoff longer than this is not waited for: the fetch fails instead. Default: 10 min.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Which addresses may be connected to. Default: public addresses only.</summary>
    public AddressPolicy AddressPolicy { get; init; } = new();

    /// <summary>The most open connections to one server. Default: 4.</summary>
    public int MaxConnectionsPerServer { get; init; } = 4;
}
