using DanVan.Analytics.Articles;

namespace DanVan.Analytics.Parsing;

/// <summary>The one mapping from a parsed <see cref="Article"/> to the product's <see cref="ArticleRecord"/>.</summary>
public static class ArticleRecords
{
    /// <summary>The record of <paramref name="article"/> under <paramref name="id"/>.</summary>
    /// <param name="article">The parsed article.</param>
    /// <param name="id">The caller's identifier of the page.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ArticleRecord ToRecord(this Article article, string id)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(id);
        return new ArticleRecord
        {
            Id = id,
            Url = article.Url?.AbsoluteUri,
            CanonicalUrl = article.CanonicalUrl?.AbsoluteUri,
            Site = article.Site,
            Title = article.Title,
            Published = article.Published,
            Updated = article.Updated,
            Authors = article.Authors,
            Lead = article.Lead,
            Body = article.Body,
            Paragraphs = article.Paragraphs,
            Captions = article.Captions.Select(c => c.Text).ToList(),
            Section = article.Section,
            Tags = article.Tags,
            Language = article.Language,
            Warnings = article.Warnings.Select(w => new ArticleWarning(w.Code.ToString(), w.Message)).ToList(),
        };
    }
}
