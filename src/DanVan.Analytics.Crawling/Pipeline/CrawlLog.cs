using DanVan.Analytics.Crawling.Fetching;
using Microsoft.Extensions.Logging;

namespace DanVan.Analytics.Crawling.Pipeline;

/// <summary>The crawler's log messages (source-generated, so a disabled level costs nothing).</summary>
internal static partial class CrawlLog
{
    [LoggerMessage(1, LogLevel.Information, "Crawl of {Seeds} started; {Recovered} interrupted URLs queued again")]
    public static partial void Started(ILogger logger, string seeds, int recovered);

    [LoggerMessage(2, LogLevel.Information, "Crawl {Outcome}: {Fetched} fetched, {Emitted} written, {Errors} errors, {Queued} still queued")]
    public static partial void Finished(ILogger logger, string outcome, long fetched, long emitted, long errors, long queued);

    [LoggerMessage(3, LogLevel.Debug, "{Url}: {Status} {Error}")]
    public static partial void FetchFailed(ILogger logger, string url, FetchStatus status, string? error);

    [LoggerMessage(4, LogLevel.Warning, "{Url} has more than {Max} links; {Dropped} were not followed")]
    public static partial void LinksCapped(ILogger logger, string url, int max, int dropped);

    [LoggerMessage(5, LogLevel.Warning, "{Url} led to more than {Max} new URLs; {Refused} were not queued")]
    public static partial void FrontierCapped(ILogger logger, string url, int max, int refused);

    [LoggerMessage(6, LogLevel.Error, "{Url}: crawler error")]
    public static partial void CrawlerError(ILogger logger, Exception exception, string url);
}
