namespace DanVan.Analytics.Crawling.Discovery;

/// <summary>The links of a sitemap, sitemap index or feed.</summary>
/// <param name="Kind">What the document is.</param>
/// <param name="Links">The canonical URLs it lists, in document order, without duplicates.</param>
/// <param name="Error">Why reading stopped early (malformed XML, over the size limit), with the links found before it.</param>
public sealed record XmlLinks(XmlLinkKind Kind, IReadOnlyList<Uri> Links, string? Error = null);
