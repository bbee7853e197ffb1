namespace DanVan.Analytics.Crawling.Urls;

/// <summary>Options of <see cref="UrlCanonicalizer"/>.</summary>
public sealed record UrlCanonicalizerOptions
{
    /// <summary>
    /// Query parameter names removed from URLs, compared without regard to case; a name ending in <c>*</c> is a
    /// prefix (<c>utm_*</c>). The default lists the common click and campaign trackers.
    /// </summary>
    public IReadOnlyList<string> RemovedQueryParameters { get; init; } = TrackingParameters.Default;

    /// <summary>URLs longer than this (in characters) are refused; the default is 4096.</summary>
    public int MaxLength { get; init; } = 4096;
}
