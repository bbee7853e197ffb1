namespace DanVan.Analytics.Crawling.Fetching;

/// <summary>What a server said about a page last time, sent back to make the next fetch conditional.</summary>
/// <param name="ETag">The <c>ETag</c> response header, sent as <c>If-None-Match</c>.</param>
/// <param name="LastModified">The <c>Last-Modified</c> response header, sent as <c>If-Modified-Since</c>.</param>
public sealed record FetchValidators(string? ETag, DateTimeOffset? LastModified)
{
    /// <summary>Whether there is anything to send.</summary>
    public bool IsEmpty => ETag is null && LastModified is null;
}
