using DanVan.Analytics.Articles;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>The one mapping from the product's <see cref="ArticleRecord"/> to the index's <see cref="ArticleDocument"/>.</summary>
public static class ArticleDocuments
{
    /// <summary>
    /// The index document of <paramref name="record"/>. Its URL is the record's URL, else its canonical URL, else
    /// its id (a plain case has no address); the index key is the canonical URL when there is one
    /// (<see cref="ArticleDocument.Key"/>). A plain case's <see cref="ArticleRecord.Text"/> is indexed as the body.
    /// Facts are not set here: the index's facts provider finds them.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static ArticleDocument ToDocument(this ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        bool plainCase = record.Text is not null && string.IsNullOrWhiteSpace(record.Title) && string.IsNullOrWhiteSpace(record.Lead) && string.IsNullOrWhiteSpace(record.Body);
        return new ArticleDocument
        {
            Id = record.Id,
            Url = FirstNonBlank(record.Url, record.CanonicalUrl) ?? record.Id,
            CanonicalUrl = string.IsNullOrWhiteSpace(record.CanonicalUrl) ? null : record.CanonicalUrl,
            Site = record.Site,
            Title = record.Title ?? "",
            Lead = record.Lead ?? "",
            Body = plainCase ? record.Text! : record.Body,
            Published = record.Published,
            Authors = record.Authors,
        };
    }

    private static string? FirstNonBlank(string? first, string? second) =>
        !string.IsNullOrWhiteSpace(first) ? first : !string.IsNullOrWhiteSpace(second) ? second : null;
}
