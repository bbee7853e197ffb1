using DanVan.Analytics.Articles;

namespace DanVan.Analytics.Pipeline;

/// <summary>Writes each article's record as a JSON line (<see cref="ArticleRecordWriter"/>); the writer stays the caller's.</summary>
/// <param name="writer">The output.</param>
public sealed class ArticleRecordSink(ArticleRecordWriter writer) : IArticleSink
{
    private readonly ArticleRecordWriter _writer = writer ?? throw new ArgumentNullException(nameof(writer));

    /// <inheritdoc />
    public ValueTask WriteAsync(ProcessedArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        return _writer.WriteAsync(article.Record, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(CancellationToken cancellationToken) => await _writer.FlushAsync(cancellationToken);
}
