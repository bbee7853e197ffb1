namespace DanVan.Analytics.Crawling;

/// <summary>What a crawl run did.</summary>
public sealed record CrawlSummary
{
    /// <summary>Pages fetched (completed) in this run.</summary>
    public long Fetched { get; init; }

    /// <summary>Pages written to the output in this run.</summary>
    public long Emitted { get; init; }

    /// <summary>Fetches that failed for good in this run.</summary>
    public long Errors { get; init; }

    /// <summary>URLs skipped in this run (robots.txt, duplicate content, canonical elsewhere, refused redirects).</summary>
    public long Skipped { get; init; }

    /// <summary>Pages that had not changed since the last run (304).</summary>
    public long NotModified { get; init; }

    /// <summary>Pages fetched again with the same body as their last fetch (their articles were already written, and were not written again).</summary>
    public long Unchanged { get; init; }

    /// <summary>URLs left in the queue (a later run continues with them).</summary>
    public long Queued { get; init; }

    /// <summary>URLs that were in flight when the previous run stopped and were queued again.</summary>
    public int Recovered { get; init; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Whether the run stopped because it was cancelled (Ctrl+C) rather than finishing or reaching its page limit.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Failures by kind ("NetworkError", "HttpError 404", ...), most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ErrorsByKind { get; init; } = [];

    /// <summary>A few failure messages, for telling the user what went wrong (an unreachable seed host, ...).</summary>
    public IReadOnlyList<string> ErrorSamples { get; init; } = [];
}
