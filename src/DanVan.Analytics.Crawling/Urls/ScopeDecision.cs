namespace DanVan.Analytics.Crawling.Urls;

/// <summary>Whether a URL is inside the crawl, and if not, why.</summary>
public enum ScopeDecision
{
    /// <summary>The URL is inside the crawl.</summary>
    InScope,

    /// <summary>The URL is not http or https.</summary>
    UnsupportedScheme,

    /// <summary>The URL's host is not one of the allowed hosts.</summary>
    HostNotAllowed,

    /// <summary>The URL's scheme and port are not a seed's (see <see cref="CrawlScopeOptions.MatchSchemeAndPort"/>).</summary>
    PortNotAllowed,

    /// <summary>The URL matches an exclude pattern.</summary>
    Excluded,

    /// <summary>Include patterns are set and the URL matches none of them.</summary>
    NotIncluded,

    /// <summary>The URL is more links away from a seed than the maximum depth.</summary>
    TooDeep,
}
