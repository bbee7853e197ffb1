using System.Diagnostics;
using System.Runtime.CompilerServices;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Extraction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanVan.Analytics.Pipeline;

/// <summary>
/// The product's pipeline: article records (from <see cref="ArticleRecordReader"/>, the HTML parser or a crawl)
/// → extraction of facts → sinks (JSONL, the search index, datasets). The text is not rewritten before
/// extraction: <see cref="ArticleExtractor"/> normalizes with an offset map, so the facts' offsets point into the
/// record's own text (<see cref="ArticleRecord.ComposeText"/>). Articles are processed one at a time, in order,
/// and nothing is held beyond the current one.
/// </summary>
/// <remarks>Immutable and safe to share; each run has its own state.</remarks>
public sealed partial class ArticlePipeline
{
    private readonly ArticlePipelineOptions _options;
    private readonly ArticleExtractor _extractor;
    private readonly ILogger _logger;

    /// <summary>Creates a pipeline.</summary>
    /// <param name="options">The options; <see cref="ArticlePipelineOptions.Default"/> when null.</param>
    /// <param name="logger">Where the run logs; nowhere when null.</param>
    public ArticlePipeline(ArticlePipelineOptions? options = null, ILogger<ArticlePipeline>? logger = null)
    {
        _options = options ?? ArticlePipelineOptions.Default;
        _extractor = _options.Extractor ?? ArticleExtractor.Default;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Runs the stages over one record.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public ProcessedArticle Process(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        string text = record.ComposeText();
        return new ProcessedArticle(record, text, _options.ExtractFacts ? _extractor.Extract(text) : null);
    }

    /// <summary>Runs the stages over <paramref name="records"/>, yielding each article as it is done.</summary>
    /// <param name="records">The input.</param>
    /// <param name="progress">Receives the count and rate, at most every <see cref="ArticlePipelineOptions.ProgressInterval"/> and once at the end.</param>
    /// <param name="cancellationToken">Stops the run between two articles.</param>
    public async IAsyncEnumerable<ProcessedArticle> ProcessAsync(IAsyncEnumerable<ArticleRecord> records, IProgress<ArticlePipelineProgress>? progress = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var clock = Stopwatch.StartNew();
        TimeSpan lastReport = TimeSpan.Zero;
        long count = 0;
        await foreach (ArticleRecord record in records.WithCancellation(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ProcessedArticle article = Process(record);
            count++;
            yield return article;
            if (progress is not null && clock.Elapsed - lastReport >= _options.ProgressInterval)
            {
                lastReport = clock.Elapsed;
                progress.Report(new ArticlePipelineProgress(count, lastReport, IsFinal: false));
            }
        }

        progress?.Report(new ArticlePipelineProgress(count, clock.Elapsed, IsFinal: true));
    }

    /// <summary>Runs the stages over <paramref name="records"/> into every sink, then completes the sinks.</summary>
    /// <param name="records">The input.</param>
    /// <param name="sinks">Where each article goes, in this order.</param>
    /// <param name="progress">Receives the count and rate.</param>
    /// <param name="cancellationToken">Stops the run between two articles; the sinks are not completed then.</param>
    /// <returns>How many articles went through and how long it took.</returns>
    /// <exception cref="OperationCanceledException">The run was stopped.</exception>
    public async Task<ArticlePipelineSummary> RunAsync(IAsyncEnumerable<ArticleRecord> records, IReadOnlyList<IArticleSink> sinks, IProgress<ArticlePipelineProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(sinks);
        var clock = Stopwatch.StartNew();
        long count = 0;
        await foreach (ProcessedArticle article in ProcessAsync(records, progress, cancellationToken))
        {
            foreach (IArticleSink sink in sinks)
            {
                await sink.WriteAsync(article, cancellationToken);
            }

            count++;
        }

        foreach (IArticleSink sink in sinks)
        {
            await sink.CompleteAsync(cancellationToken);
        }

        var summary = new ArticlePipelineSummary(count, clock.Elapsed);
        Log.RunFinished(_logger, count, summary.Elapsed.TotalSeconds, sinks.Count);
        return summary;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Pipeline run finished: {Articles} articles in {Seconds:0.0} s into {Sinks} sinks")]
        public static partial void RunFinished(ILogger logger, long articles, double seconds, int sinks);
    }
}
