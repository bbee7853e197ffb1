using DanVan.Analytics.Articles;
using DanVan.Analytics.Pipeline;

namespace DanVan.Analytics.Evaluation;

/// <summary>
/// Writes each article's facts as a JSON line in the gold schema's shape (<c>shared/gold/SCHEMA.md</c>:
/// <c>{"schema_version", "id", "documents", "model_counts", "officials"}</c>, with offsets into the article's text);
/// articles processed without extraction get empty lists. The writer stays the caller's.
/// </summary>
/// <param name="writer">The output.</param>
public sealed class ExtractedFactsSink(JsonLinesWriter writer) : IArticleSink
{
    private readonly JsonLinesWriter _writer = writer ?? throw new ArgumentNullException(nameof(writer));

    /// <inheritdoc />
    public ValueTask WriteAsync(ProcessedArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ExtractionCase facts = article.Facts is { } found
            ? ExtractionCaseJson.FromResult(article.Record.Id, found)
            : new ExtractionCase { Id = article.Record.Id };
        return _writer.WriteLineAsync(ExtractionCaseJson.Serialize(facts with { SchemaVersion = ArticleRecord.CurrentSchemaVersion }), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(CancellationToken cancellationToken) => await _writer.FlushAsync(cancellationToken);
}
