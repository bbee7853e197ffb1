using DanVan.Analytics.Crawling.Fetching;

namespace DanVan.Analytics.Crawling.State;

/// <summary>What became of one frontier URL: its new state, the fetch log line, and the URLs it led to.</summary>
public sealed record PageCompletion
{
    /// <summary>The URL's row id.</summary>
    public required long Id { get; init; }

    /// <summary>The URL.</summary>
    public required string Url { get; init; }

    /// <summary>The new state (done, failed or skipped).</summary>
    public required UrlState State { get; init; }

    /// <summary>How the fetch ended, when there was one.</summary>
    public FetchStatus? FetchStatus { get; init; }

    /// <summary>The final HTTP status code, or 0.</summary>
    public int StatusCode { get; init; }

    /// <summary>The URL the final response came from.</summary>
    public string? FinalUrl { get; init; }

    /// <summary>Why it failed or was skipped.</summary>
    public string? Note { get; init; }

    /// <summary>When the fetch started.</summary>
    public DateTimeOffset? FetchedAt { get; init; }

    /// <summary>The decoded body size in bytes.</summary>
    public long Bytes { get; init; }

    /// <summary>The response's ETag, kept for conditional re-fetches.</summary>
    public string? ETag { get; init; }

    /// <summary>The response's Last-Modified, kept for conditional re-fetches.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The SHA-256 of the decoded body (hex), for duplicate detection.</summary>
    public string? ContentHash { get; init; }

    /// <summary>The WARC file holding the response, if archived.</summary>
    public string? WarcFile { get; init; }

    /// <summary>The offset of the response's first record in <see cref="WarcFile"/>.</summary>
    public long? WarcOffset { get; init; }

    /// <summary>URLs found in the response, to add to the frontier.</summary>
    public IReadOnlyList<DiscoveredUrl> Discovered { get; init; } = [];

    /// <summary>The most of <see cref="Discovered"/> that may be new to the frontier; the rest are not queued.</summary>
    public int MaxNewUrls { get; init; } = int.MaxValue;
}
