using DanVan.Analytics.Crawling.Fetching;

namespace DanVan.Analytics.Crawling.State;

/// <summary>A URL taken from the frontier to be fetched.</summary>
/// <param name="Id">The URL's row id.</param>
/// <param name="Url">The canonical URL.</param>
/// <param name="Depth">Links from a seed (a seed is 0).</param>
/// <param name="Kind">What the URL is expected to hold.</param>
/// <param name="Validators">ETag and Last-Modified from an earlier fetch, for a conditional re-fetch.</param>
/// <param name="ContentHash">The content hash committed by an earlier fetch of this URL, if any: the same body again was already written.</param>
public sealed record FrontierEntry(long Id, string Url, int Depth, UrlKind Kind, FetchValidators? Validators, string? ContentHash = null);
