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

    /// <summary>
    /// The pipeline record of an article read back from the index (<see cref="ArticleIndex.ReadArticles"/>), so that
    /// what an index holds can go wherever parsed articles go: extraction, datasets, learning. The body's paragraphs
    /// are split at blank lines; its composed text (<see cref="ArticleRecord.ComposeText"/>) is the indexed record's.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static ArticleRecord ToRecord(this ArticleDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ArticleRecord
        {
            Id = document.Id,
            Url = document.Url,
            CanonicalUrl = document.CanonicalUrl,
            Site = document.Site,
            Title = document.Title,
            Lead = document.Lead.Length == 0 ? null : document.Lead,
            Body = document.Body,
            Paragraphs = document.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Published = document.Published,
            Authors = document.Authors,
        };
    }

    private static string? FirstNonBlank(string? first, string? second) =>
        !string.IsNullOrWhiteSpace(first) ? first : !string.IsNullOrWhiteSpace(second) ? second : null;
}
