namespace DanVan.Analytics.Crawling.Archiving;

/// <summary>Where a record starts: a WARC file name and a byte offset in it (the start of a gzip member).</summary>
/// <param name="File">The WARC file name.</param>
/// <param name="Offset">The byte offset.</param>
public sealed record WarcPosition(string File, long Offset)
{
    /// <summary>The <c>WARC-Record-ID</c> of the response record written for the exchange (after its request record).</summary>
    public string? ResponseRecordId { get; init; }
}
