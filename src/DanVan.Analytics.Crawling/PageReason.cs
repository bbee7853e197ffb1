namespace DanVan.Analytics.Crawling;

/// <summary>Why a crawled page ended as it did (kept, skipped or failed); <see cref="CrawledPage.Note"/> has the details in words.</summary>
public enum PageReason
{
    /// <summary>Fetched and kept under its own URL.</summary>
    None,

    /// <summary>The server answered 304: the page has not changed since the last fetch.</summary>
    NotModified,

    /// <summary>The same body as this URL's last fetch: its article was already written and is not written again.</summary>
    Unchanged,

    /// <summary>robots.txt disallows the URL; it was not fetched.</summary>
    DisallowedByRobots,

    /// <summary>The host's robots.txt could not be read (an error that may pass); the URL was not fetched.</summary>
    RobotsUnavailable,

    /// <summary>The fetch failed (see <see cref="CrawledPage.Fetch"/> for how).</summary>
    FetchFailed,

    /// <summary>A redirect led out of scope, into robots.txt's disallowed paths or to a URL the crawl already has.</summary>
    RedirectRefused,

    /// <summary>The URL redirects; the page is kept under the redirect's target.</summary>
    Redirected,

    /// <summary>The URL redirects to a URL that is (or was) crawled itself; nothing is kept here.</summary>
    RedirectTargetCrawled,

    /// <summary>The page names another URL as canonical; that URL is crawled instead.</summary>
    CanonicalElsewhere,

    /// <summary>The page says <c>noindex</c>: its links are followed, the page is not kept.</summary>
    NoIndex,

    /// <summary>Another URL already has the same body.</summary>
    DuplicateContent,

    /// <summary>A sitemap or feed that is not well-formed; the links read before the error are kept.</summary>
    MalformedXml,

    /// <summary>An unexpected error in the crawler while handling the page; the page is recorded as failed.</summary>
    CrawlerError,
}
