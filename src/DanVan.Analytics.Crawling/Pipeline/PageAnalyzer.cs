using System.Collections.Concurrent;
using System.Security.Cryptography;
using DanVan.Analytics.Crawling.Discovery;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.State;
using DanVan.Analytics.Crawling.Urls;
using DanVan.Analytics.Parsing;
using Microsoft.Extensions.Logging;

namespace DanVan.Analytics.Crawling.Pipeline;

/// <summary>
/// The analysis stage: a fetched body becomes links and, for an HTML page, an article. An HTML page is decoded
/// once and parsed into one DOM by the article parser (<see cref="ArticleParser.Load"/>, the crawler's one seam
/// into parsing), the links are read from that DOM, and the article from the same DOM when the page is kept
/// (not <c>noindex</c>, not canonical elsewhere). Sitemaps and feeds go to the XML link reader. Thread-safe:
/// parsers are pooled, one per concurrent page.
/// </summary>
internal sealed class PageAnalyzer
{
    private readonly CrawlerOptions _options;
    private readonly CrawlScope _scope;
    private readonly ILogger _logger;
    private readonly XmlLinkReader _xml = new();
    private readonly ConcurrentBag<(ArticleParser Parser, LinkExtractor Links)> _pool = [];

    public PageAnalyzer(CrawlerOptions options, CrawlScope scope, ILogger logger)
    {
        _options = options;
        _scope = scope;
        _logger = logger;
    }

    /// <summary>Analyzes a successful fetch.</summary>
    public WorkResult Analyze(FrontierEntry entry, FetchResult fetch, CancellationToken stop)
    {
        HttpExchange response = fetch.Response!;
        string hash = Convert.ToHexStringLower(SHA256.HashData(response.Body.Span));
        var page = new CrawledPage
        {
            Url = new Uri(entry.Url),
            Depth = entry.Depth,
            Kind = entry.Kind,
            State = UrlState.Done,
            Fetch = fetch,
            ContentHash = hash,
        };
        var discovered = new List<DiscoveredUrl>();
        if (XmlLinkReader.LooksLikeXml(response.Body.Span, response.ContentType))
        {
            XmlLinks xml = _xml.Read(response.Body, fetch.FinalUrl);
            UrlKind childKind = xml.Kind == XmlLinkKind.SitemapIndex ? UrlKind.Sitemap : UrlKind.Page;
            AddInScope(discovered, xml.Links, entry.Depth + 1, childKind);
            page = page with { XmlLinks = xml, Reason = xml.Error is null ? PageReason.None : PageReason.MalformedXml, Note = xml.Error };
            return new WorkResult(entry, page, Discovered: discovered);
        }

        if (!IsHtml(response.ContentType))
        {
            return new WorkResult(entry, page, Discovered: discovered);
        }

        (ArticleParser parser, LinkExtractor extractor) = _pool.TryTake(out var pooled)
            ? pooled
            : (new ArticleParser(), new LinkExtractor(maxLinks: _options.MaxLinksPerPage));
        try
        {
            HtmlPage html;
            try
            {
                html = parser.Load(response.Body, fetch.FinalUrl, response.ContentType, stop);
            }
            catch (ArticleParseException e)
            {
                // Empty, binary or unreadable: no links and no article; the page is still archived.
                return new WorkResult(entry, page with { Links = new PageLinks { Links = [] }, Note = e.Message }, Discovered: discovered);
            }

            using (html)
            {
                PageLinks links = extractor.Extract(html.Document, fetch.FinalUrl);
                if (links.DroppedLinks > 0)
                {
                    CrawlLog.LinksCapped(_logger, entry.Url, _options.MaxLinksPerPage, links.DroppedLinks);
                }

                if (!links.NoFollow)
                {
                    AddInScope(discovered, links.Links, entry.Depth + 1, UrlKind.Page);
                }

                AddInScope(discovered, links.Feeds, entry.Depth + 1, UrlKind.Feed);
                page = page with { Links = links };
                if (links.Canonical is { } canonical && canonical.AbsoluteUri != fetch.FinalUrl.AbsoluteUri && canonical.AbsoluteUri != entry.Url
                    && _scope.Check(canonical, entry.Depth) == ScopeDecision.InScope)
                {
                    // The page says another URL is the real one: fetch that one (once) and keep only it. This page
                    // is not kept under its own URL and does not claim the content.
                    discovered.Add(new DiscoveredUrl(canonical.AbsoluteUri, PageFetcher.HostKey(canonical), entry.Depth, UrlKind.Page));
                    page = page with { State = UrlState.Skipped, Reason = PageReason.CanonicalElsewhere, Note = "canonical URL is " + canonical.AbsoluteUri };
                }
                else if (links.NoIndex)
                {
                    page = page with { Reason = PageReason.NoIndex, Note = "noindex" };
                }
                else
                {
                    page = page with { IsOutputCandidate = true, Article = ReadArticle(parser, html, stop) };
                }
            }

            return new WorkResult(entry, page, Discovered: discovered);
        }
        finally
        {
            _pool.Add((parser, extractor));
        }
    }

    private Article? ReadArticle(ArticleParser parser, HtmlPage html, CancellationToken stop)
    {
        Article article = parser.Parse(html, stop);
        int length = (article.Lead?.Length ?? 0) + article.Paragraphs.Sum(p => p.Length);
        return article.Title is not null && length >= _options.MinArticleCharacters ? article : null;
    }

    private void AddInScope(List<DiscoveredUrl> discovered, IReadOnlyList<Uri> urls, int depth, UrlKind kind)
    {
        foreach (Uri url in urls)
        {
            if (_scope.Check(url, depth) == ScopeDecision.InScope)
            {
                discovered.Add(new DiscoveredUrl(url.AbsoluteUri, PageFetcher.HostKey(url), depth, kind));
            }
        }
    }

    private static bool IsHtml(string? contentType) =>
        contentType is null || contentType.Contains("html", StringComparison.OrdinalIgnoreCase);
}
