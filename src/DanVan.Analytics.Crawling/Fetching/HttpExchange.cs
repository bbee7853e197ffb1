namespace DanVan.Analytics.Crawling.Fetching;

/// <summary>
/// One HTTP request and its response, as sent and received: what the WARC archive stores. The body is kept as it
/// came over the wire (still gzip- or brotli-encoded if the server encoded it) and decoded.
/// </summary>
public sealed record HttpExchange
{
    /// <summary>The URL requested.</summary>
    public required Uri Url { get; init; }

    /// <summary>When the request was sent.</summary>
    public required DateTimeOffset Date { get; init; }

    /// <summary>The request line and headers, as an HTTP/1.1 message head ending in an empty line.</summary>
    public required byte[] RequestHead { get; init; }

    /// <summary>The status code.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The status line and headers, as an HTTP/1.1 message head ending in an empty line.</summary>
    public required byte[] ResponseHead { get; init; }

    /// <summary>The response headers (name, value) in the order received; repeated names appear repeatedly.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The body as received (after de-chunking, before content decoding): the WARC payload.</summary>
    public required ReadOnlyMemory<byte> RawBody { get; init; }

    /// <summary>The body after content decoding (gzip, deflate, br): what a parser reads.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The first value of a response header, or <see langword="null"/>.</summary>
    /// <param name="name">The header name (any case).</param>
    /// <returns>The value, or <see langword="null"/> when the header is absent.</returns>
    public string? Header(string name) => NamedValues.First(Headers, name);

    /// <summary>The <c>Content-Type</c> header.</summary>
    public string? ContentType => Header("Content-Type");
}
