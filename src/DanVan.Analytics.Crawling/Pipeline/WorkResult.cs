using DanVan.Analytics.Crawling.State;

namespace DanVan.Analytics.Crawling.Pipeline;

/// <summary>What a worker hands the sink for one frontier URL.</summary>
/// <param name="Entry">The frontier URL.</param>
/// <param name="Page">The page, or <see langword="null"/> when the work was abandoned by a stop.</param>
/// <param name="Abandoned">The URL goes back to the queue; the next run fetches it.</param>
/// <param name="Discovered">URLs found in the page, in scope.</param>
internal sealed record WorkResult(FrontierEntry Entry, CrawledPage? Page, bool Abandoned = false, IReadOnlyList<DiscoveredUrl>? Discovered = null)
{
    /// <summary>A page that ends here, before or instead of analysis.</summary>
    public static WorkResult Final(FrontierEntry entry, UrlState state, PageReason reason, string? note, Fetching.FetchResult? fetch = null) =>
        new(entry, new CrawledPage
        {
            Url = new Uri(entry.Url),
            Depth = entry.Depth,
            Kind = entry.Kind,
            State = state,
            Fetch = fetch,
            Reason = reason,
            Note = note,
        });
}
