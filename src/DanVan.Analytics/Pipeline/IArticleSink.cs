namespace DanVan.Analytics.Pipeline;

/// <summary>
/// Where processed articles go: a JSONL file (<see cref="ArticleRecordSink"/>; the facts in the gold schema in the Evaluation package),
/// the search index (in the Search package), datasets later. <see cref="ArticlePipeline.RunAsync"/> calls
/// <see cref="WriteAsync"/> for each article in order, then <see cref="CompleteAsync"/> once when the input ends
/// (a sink commits or flushes there); it does not dispose the sink, whose owner does.
/// </summary>
public interface IArticleSink
{
    /// <summary>Takes one article.</summary>
    ValueTask WriteAsync(ProcessedArticle article, CancellationToken cancellationToken);

    /// <summary>The input has ended: commit or flush what was written.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
