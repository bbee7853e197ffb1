namespace DanVan.Analytics.Crawling.Fetching;

/// <summary>How a fetch ended.</summary>
public enum FetchStatus
{
    /// <summary>A 2xx response with a body within the size limit.</summary>
    Success,

    /// <summary>A 304: the page has not changed since the validators sent (ETag, Last-Modified).</summary>
    NotModified,

    /// <summary>A final 4xx or 5xx response (after any retries).</summary>
    HttpError,

    /// <summary>The body (as sent or once decompressed) was over the size limit; the transfer was aborted.</summary>
    TooLarge,

    /// <summary>More redirects than allowed.</summary>
    RedirectLimit,

    /// <summary>A redirect led back to a URL already visited in the same chain.</summary>
    RedirectLoop,

    /// <summary>A redirect led somewhere the crawl may not go (out of scope, disallowed by robots.txt, not http).</summary>
    RedirectRefused,

    /// <summary>The host resolved to an address the <see cref="Urls.AddressPolicy"/> refuses.</summary>
    AddressRefused,

    /// <summary>The server did not answer in time (after any retries).</summary>
    Timeout,

    /// <summary>The host could not be resolved or reached, or the connection broke.</summary>
    NetworkError,

    /// <summary>The body could not be decompressed (a corrupt or unknown Content-Encoding).</summary>
    DecodingError,
}
