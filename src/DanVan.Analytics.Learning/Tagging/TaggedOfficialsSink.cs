using DanVan.Analytics.Pipeline;

namespace DanVan.Analytics.Learning.Tagging;

/// <summary>
/// A pipeline sink that adds the tagger's supported names to each article's officials (<see cref="TaggedOfficials"/>)
/// before passing the article on: how <c>danvan extract --tagger</c> merges the tagger with the rules.
/// </summary>
/// <param name="inner">The sink that receives the merged articles.</param>
/// <param name="tagger">The tagger.</param>
public sealed class TaggedOfficialsSink(IArticleSink inner, NameTagger tagger) : IArticleSink
{
    private readonly IArticleSink _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly NameTagger _tagger = tagger ?? throw new ArgumentNullException(nameof(tagger));

    /// <inheritdoc />
    public ValueTask WriteAsync(ProcessedArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Facts is { } facts && article.Text.Length > 0
            ? _inner.WriteAsync(article with { Facts = TaggedOfficials.Merge(article.Text, facts, _tagger.Tag(article.Text)) }, cancellationToken)
            : _inner.WriteAsync(article, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(CancellationToken cancellationToken) => _inner.CompleteAsync(cancellationToken);
}
