using DanVan.Analytics.Classification;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>An article as the index stores it: the parsed text plus the facts extraction found in it.</summary>
public sealed record ArticleDocument
{
    /// <summary>The article's identifier (as given by the parser).</summary>
    public required string Id { get; init; }

    /// <summary>The URL the article was read from.</summary>
    public required string Url { get; init; }

    /// <summary>The canonical URL, when the page declares one; the index key when present.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>The site (host name); derived from the URL when null.</summary>
    public string? Site { get; init; }

    /// <summary>The headline.</summary>
    public required string Title { get; init; }

    /// <summary>The lead (sapo) paragraph, possibly empty.</summary>
    public string Lead { get; init; } = "";

    /// <summary>The body, paragraphs joined by a blank line.</summary>
    public string Body { get; init; } = "";

    /// <summary>When the article was published, with the site's offset; null when unknown.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>The authors' names.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Canonical codes of the documents the article cites, such as "25-NQ/TW" or "04/2015/NĐ-CP".</summary>
    public IReadOnlyList<string> DocumentCodes { get; init; } = [];

    /// <summary>Full names of the officials the article mentions, such as "Nguyễn Doãn Toản".</summary>
    public IReadOnlyList<string> Officials { get; init; } = [];

    /// <summary>The counts of "mô hình" (models) the article reports.</summary>
    public IReadOnlyList<int> ModelCounts { get; init; } = [];

    /// <summary>
    /// What a classifier said of the article (relevant or not, its score, its topic); null when it was not classified.
    /// The index's <see cref="ArticleIndexOptions.Classifier"/> sets it when the article comes without one.
    /// </summary>
    public ArticleClassification? Classification { get; init; }

    /// <summary>The key the index updates by: <see cref="CanonicalUrl"/> when present, else <see cref="Url"/>.</summary>
    public string Key => string.IsNullOrWhiteSpace(CanonicalUrl) ? Url : CanonicalUrl;

    /// <summary>Returns a copy carrying <paramref name="facts"/>.</summary>
    public ArticleDocument WithFacts(ArticleFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return this with { DocumentCodes = facts.DocumentCodes, Officials = facts.Officials, ModelCounts = facts.ModelCounts };
    }
}
