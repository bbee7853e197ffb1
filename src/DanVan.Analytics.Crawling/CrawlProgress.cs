namespace DanVan.Analytics.Crawling;

/// <summary>A progress report.</summary>
/// <param name="Fetched">Pages fetched (completed) in this run.</param>
/// <param name="Queued">URLs waiting in the frontier.</param>
/// <param name="Errors">Fetches that failed in this run.</param>
/// <param name="Emitted">Pages written to the output in this run.</param>
/// <param name="PagesPerSecond">Fetched pages per second over the run so far.</param>
/// <param name="Elapsed">Time since the run started.</param>
public sealed record CrawlProgress(long Fetched, long Queued, long Errors, long Emitted, double PagesPerSecond, TimeSpan Elapsed);
