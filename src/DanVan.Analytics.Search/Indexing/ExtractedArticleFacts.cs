using DanVan.Analytics.Articles;
using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>
/// Finds an article's facts with the extraction stage (<see cref="ArticleExtractor"/>) while it is indexed: the
/// canonical codes of the documents it cites (short references such as "Nghị quyết số 25" resolved to the code the
/// article states elsewhere), the officials it names, and its "mô hình" counts. Facts the article already carries
/// (from an earlier <c>danvan extract</c>, say) are kept.
/// </summary>
/// <remarks>Safe to share between threads: the extractor is immutable.</remarks>
public sealed class ExtractedArticleFacts : IArticleFactsProvider
{
    private readonly ArticleExtractor _extractor;

    /// <summary>Creates the provider.</summary>
    /// <param name="extractor">The extractor; <see cref="ArticleExtractor.Default"/> when null.</param>
    public ExtractedArticleFacts(ArticleExtractor? extractor = null)
    {
        _extractor = extractor ?? ArticleExtractor.Default;
    }

    /// <inheritdoc/>
    public ArticleFacts GetFacts(ArticleDocument article) => ToFacts(article, Extract(article));

    /// <summary>Runs the extractor over the article's text (<see cref="ArticleText.Compose"/> of title, lead and body).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="article"/> is null.</exception>
    public ExtractionResult Extract(ArticleDocument article)
    {
        ArgumentNullException.ThrowIfNull(article);

        // One text (the product's one definition of it), so that a short reference in the body resolves to a code
        // the lead states, and offsets agree with 'danvan extract'.
        return _extractor.Extract(ArticleText.Compose(article.Title, article.Lead, article.Body));
    }

    /// <summary>The facts of <paramref name="found"/> (from <see cref="Extract"/>) added to those the article already carries.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ArticleFacts ToFacts(ArticleDocument article, ExtractionResult found)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(found);

        var codes = new List<string>(article.DocumentCodes);
        foreach (DocumentReference document in found.Documents)
        {
            if (document.Canonical is { } canonical && !codes.Contains(canonical, StringComparer.Ordinal))
            {
                codes.Add(canonical);
            }
        }

        var officials = new List<string>(article.Officials);
        foreach (Official official in found.Officials)
        {
            if (!officials.Contains(official.Name, StringComparer.Ordinal))
            {
                officials.Add(official.Name);
            }
        }

        // Counts are a multiset (a headline and the body may give the same count): keep each mention.
        var counts = article.ModelCounts.Count > 0
            ? new List<int>(article.ModelCounts)
            : found.ModelCounts.Select(count => (int)Math.Clamp(count.Value, 0, int.MaxValue)).ToList();
        return new ArticleFacts(codes, officials, counts);
    }
}
