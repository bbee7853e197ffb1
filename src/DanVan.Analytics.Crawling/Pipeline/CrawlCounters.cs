using System.Diagnostics;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.State;

namespace DanVan.Analytics.Crawling.Pipeline;

/// <summary>What a run did so far; written by the sink alone, read for progress and the summary.</summary>
internal sealed class CrawlCounters
{
    private const int MaxSamples = 10;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, long> _errorsByKind = new(StringComparer.Ordinal);
    private readonly List<string> _errorSamples = [];
    private long _fetched;

    public long Fetched => Interlocked.Read(ref _fetched);

    public long Emitted { get; set; }

    public long Errors { get; private set; }

    public long Skipped { get; private set; }

    public long NotModified { get; private set; }

    public long Unchanged { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Count(CrawledPage page)
    {
        if (page.Fetch is not null)
        {
            Interlocked.Increment(ref _fetched);
        }

        switch (page.State)
        {
            case UrlState.Failed:
                Errors++;
                string kind = page.Fetch is { Status: FetchStatus.HttpError } f ? $"HTTP {f.StatusCode}"
                    : page.Fetch?.Status.ToString() ?? page.Reason.ToString();
                _errorsByKind[kind] = _errorsByKind.GetValueOrDefault(kind) + 1;
                if (_errorSamples.Count < MaxSamples)
                {
                    _errorSamples.Add($"{page.Url}: {page.Note}");
                }

                break;
            case UrlState.Skipped:
                Skipped++;
                break;
            case UrlState.Done when page.Reason == PageReason.NotModified:
                NotModified++;
                break;
            case UrlState.Done when page.Reason == PageReason.Unchanged:
                Unchanged++;
                break;
        }
    }

    public CrawlProgress Progress(long queued)
    {
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        return new CrawlProgress(Fetched, queued, Errors, Emitted, Fetched / seconds, _clock.Elapsed);
    }

    public CrawlSummary Summary(CrawlCounts counts, int recovered, bool cancelled) => new()
    {
        Fetched = Fetched,
        Emitted = Emitted,
        Errors = Errors,
        Skipped = Skipped,
        NotModified = NotModified,
        Unchanged = Unchanged,
        Queued = counts.Queued + counts.InFlight,
        Recovered = recovered,
        Elapsed = _clock.Elapsed,
        Cancelled = cancelled,
        ErrorsByKind = _errorsByKind.OrderByDescending(e => e.Value).ToList(),
        ErrorSamples = _errorSamples.ToList(),
    };
}
