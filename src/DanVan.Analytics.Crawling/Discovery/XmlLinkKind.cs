namespace DanVan.Analytics.Crawling.Discovery;

/// <summary>What kind of XML link list a document is.</summary>
public enum XmlLinkKind
{
    /// <summary>Not a sitemap or feed (or not XML at all).</summary>
    NotRecognized,

    /// <summary>A sitemap (<c>urlset</c>): its links are pages.</summary>
    Sitemap,

    /// <summary>A sitemap index (<c>sitemapindex</c>): its links are more sitemaps.</summary>
    SitemapIndex,

    /// <summary>An RSS 2.0 or RSS 1.0 (RDF) feed: its links are items.</summary>
    Rss,

    /// <summary>An Atom feed: its links are entries.</summary>
    Atom,
}
