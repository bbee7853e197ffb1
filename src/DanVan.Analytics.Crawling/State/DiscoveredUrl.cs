namespace DanVan.Analytics.Crawling.State;

/// <summary>A URL to add to the frontier (ignored when it is already known).</summary>
/// <param name="Url">The canonical URL.</param>
/// <param name="Host">Its host (the politeness key).</param>
/// <param name="Depth">Links from a seed.</param>
/// <param name="Kind">What the URL is expected to hold.</param>
public sealed record DiscoveredUrl(string Url, string Host, int Depth, UrlKind Kind);
