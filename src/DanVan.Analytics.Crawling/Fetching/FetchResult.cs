namespace DanVan.Analytics.Crawling.Fetching;

/// <summary>The outcome of fetching one URL, with every exchange on the way (redirect hops and retries).</summary>
public sealed record FetchResult
{
    /// <summary>The URL asked for.</summary>
    public required Uri RequestedUrl { get; init; }

    /// <summary>How the fetch ended.</summary>
    public required FetchStatus Status { get; init; }

    /// <summary>The URL the final response came from (after redirects).</summary>
    public required Uri FinalUrl { get; init; }

    /// <summary>Every exchange in order: redirect responses, failed attempts that were retried, the final response.</summary>
    public required IReadOnlyList<HttpExchange> Exchanges { get; init; }

    /// <summary>What went wrong, in words, when <see cref="Status"/> is not a success.</summary>
    public string? Error { get; init; }

    /// <summary>The last response, if any arrived.</summary>
    public HttpExchange? Response => Exchanges.Count == 0 ? null : Exchanges[^1];

    /// <summary>The final status code, or 0 when no response arrived.</summary>
    public int StatusCode => Response?.StatusCode ?? 0;
}
