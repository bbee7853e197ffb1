namespace DanVan.Analytics.Crawling.Urls;

/// <summary>Which URLs a crawl may visit.</summary>
public sealed record CrawlScopeOptions
{
    /// <summary>
    /// Extra hosts the crawl may visit besides the seeds' hosts (for example a site's CDN host for articles).
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>
    /// Whether subdomains of an allowed host are allowed too (<c>tuyengiao.vn</c> allows <c>www.tuyengiao.vn</c>
    /// and <c>m.tuyengiao.vn</c>). A leading <c>www.</c> of an allowed host is ignored. Default: true.
    /// </summary>
    public bool IncludeSubdomains { get; init; } = true;

    /// <summary>
    /// Regular expressions over the canonical URL; when any are given, a URL must match one of them. They run
    /// with <see cref="System.Text.RegularExpressions.RegexOptions.NonBacktracking"/>, so matching is linear.
    /// </summary>
    public IReadOnlyList<string> IncludePatterns { get; init; } = [];

    /// <summary>Regular expressions over the canonical URL; a URL matching any of them is skipped.</summary>
    public IReadOnlyList<string> ExcludePatterns { get; init; } = [];

    /// <summary>
    /// Whether a URL must also match a seed's scheme and port, not only its host: a crawl of
    /// <c>http://127.0.0.1:8080/</c> never visits <c>http://127.0.0.1:9200/</c>, even by a redirect. A seed on its
    /// scheme's default port (80 for http, 443 for https) allows both schemes on their default ports, so a site that
    /// moves to https stays in scope; hosts from <see cref="AllowedHosts"/> are allowed on the default ports.
    /// Set to false to allow every port of an allowed host. Port 0 is never in scope. Default: true.
    /// </summary>
    public bool MatchSchemeAndPort { get; init; } = true;

    /// <summary>The most links a URL may be away from a seed (a seed has depth 0). Default: 20.</summary>
    public int MaxDepth { get; init; } = 20;
}
