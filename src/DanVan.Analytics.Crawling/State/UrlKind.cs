namespace DanVan.Analytics.Crawling.State;

/// <summary>What a URL is expected to hold, which decides how its response is read.</summary>
public enum UrlKind
{
    /// <summary>An HTML page: links are followed and articles parsed.</summary>
    Page = 0,

    /// <summary>A sitemap or sitemap index.</summary>
    Sitemap = 1,

    /// <summary>An RSS or Atom feed.</summary>
    Feed = 2,
}
