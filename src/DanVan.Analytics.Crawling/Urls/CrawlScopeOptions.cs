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

    /// <summary>The most links a URL may be away from a seed (a seed has depth 0). Default: 20.</summary>
    public int MaxDepth { get; init; } = 20;
}
