using DanVan.Analytics.Articles;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.Robots;
using DanVan.Analytics.Crawling.Urls;
using DanVan.Analytics.Parsing;

namespace DanVan.Cli.Commands;

/// <summary>
/// Pages fetched one by one with the crawler's polite fetcher (<c>parse --fetch URL</c>, <c>parse --urls FILE</c>):
/// robots.txt obeyed for the page and every redirect hop, one request a second per host, the crawler's timeouts, retries
/// and size limit, and only public addresses except the origins the user named (as the crawler trusts its seeds).
/// A page that cannot be had or parsed is a <see cref="ArticleFailure"/> with a kind, never an exception.
/// </summary>
internal sealed class WebPageSource : IDisposable
{
    private readonly PageFetcher _fetcher;
    private readonly RobotsCache _robots;
    private readonly ArticleParser _parser = new();

    /// <param name="urls">The pages the user asked for: their origins may be private addresses (a site on the user's own network).</param>
    /// <param name="contact">The operator's contact for the User-Agent, or null for the bare product token.</param>
    public WebPageSource(IEnumerable<Uri> urls, string? contact)
    {
        var options = new FetcherOptions
        {
            UserAgent = contact is null ? FetcherOptions.ProductToken : FetcherOptions.UserAgentFor(contact),
            AddressPolicy = new AddressPolicy(trustedOrigins: urls),
        };
        _fetcher = new PageFetcher(options);
        _robots = new RobotsCache(_fetcher);
    }

    /// <summary>Fetches and parses <paramref name="url"/>: the record, or why there is none.</summary>
    /// <param name="url">The page.</param>
    /// <param name="source">What failures name as their file (the URL list, or "--fetch").</param>
    /// <param name="line">The line of the URL in its list (1 for <c>--fetch</c>).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task<(ArticleRecord? Record, ArticleFailure? Failure)> FetchAsync(Uri url, string source, int line, CancellationToken cancellationToken)
    {
        string id = url.AbsoluteUri;
        ArticleFailure Fail(string kind, string reason) => new(source, line, id, kind, reason);
        if (!await _robots.IsAllowedAsync(url, cancellationToken))
        {
            string reason = await _robots.UnavailableReasonAsync(url, cancellationToken) is { } unavailable
                ? $"robots.txt of {url.Host} could not be read ({unavailable}), so nothing is fetched there for now."
                : $"robots.txt of {url.Host} disallows {url.PathAndQuery}.";
            return (null, Fail("RobotsDisallowed", reason));
        }

        FetchResult result = await _fetcher.FetchAsync(
            url,
            redirectGuard: async (target, ct) => await _robots.IsAllowedAsync(target, ct) ? null : $"robots.txt of {target.Host} disallows {target.PathAndQuery}",
            cancellationToken: cancellationToken);
        if (result.Status != FetchStatus.Success || result.Response is not { } response)
        {
            string detail = result.Error ?? (result.StatusCode > 0 ? $"HTTP {result.StatusCode}" : result.Status.ToString());
            return (null, Fail(result.Status.ToString(), $"{url} was not fetched: {detail}."));
        }

        try
        {
            Article article = _parser.Parse(response.Body, result.FinalUrl, response.ContentType, cancellationToken);
            return (article.ToRecord(id), null);
        }
        catch (ArticleParseException e)
        {
            return (null, Fail(e.Kind.ToString(), $"{result.FinalUrl}: {e.Message}"));
        }
    }

    public void Dispose() => _fetcher.Dispose();
}
