using DanVan.Analytics.Crawling.Archiving;
using DanVan.Analytics.Crawling.Discovery;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.State;
using DanVan.Analytics.Parsing;

namespace DanVan.Analytics.Crawling;

/// <summary>One frontier URL after it was fetched (or skipped), archived and committed to the crawl state.</summary>
public sealed record CrawledPage
{
    /// <summary>The frontier URL.</summary>
    public required Uri Url { get; init; }

    /// <summary>Links from a seed.</summary>
    public required int Depth { get; init; }

    /// <summary>What the URL was expected to hold.</summary>
    public required UrlKind Kind { get; init; }

    /// <summary>Its state after this run (done, failed or skipped).</summary>
    public required UrlState State { get; init; }

    /// <summary>The fetch, or <see langword="null"/> when the URL was skipped before fetching (robots.txt).</summary>
    public FetchResult? Fetch { get; init; }

    /// <summary>The links found in an HTML page.</summary>
    public PageLinks? Links { get; init; }

    /// <summary>The links found in a sitemap or feed.</summary>
    public XmlLinks? XmlLinks { get; init; }

    /// <summary>The SHA-256 (hex) of the decoded body.</summary>
    public string? ContentHash { get; init; }

    /// <summary>Why the page ended as it did.</summary>
    public PageReason Reason { get; init; }

    /// <summary>The details of <see cref="Reason"/> in words (the canonical URL, the fetch error, ...).</summary>
    public string? Note { get; init; }

    /// <summary>Whether the page is a unique HTML page fit for the output (not a duplicate, not noindex, not a feed).</summary>
    public bool IsOutputCandidate { get; init; }

    /// <summary>
    /// The article parsed from the page, when it reads as one (a title and at least
    /// <see cref="CrawlerOptions.MinArticleCharacters"/> of body text); section and home pages have none.
    /// </summary>
    public Article? Article { get; init; }

    /// <summary>Where the response the page was read from was archived (its WARC file and response record), when it was.</summary>
    public WarcPosition? Archived { get; init; }
}
