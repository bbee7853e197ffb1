using DanVan.Analytics.Search.Facets;
using DanVan.Analytics.Search.Highlighting;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Search.Querying;

/// <summary>The results of a search.</summary>
/// <param name="TotalHits">The number of matching articles.</param>
/// <param name="Hits">The requested page of hits.</param>
/// <param name="Facets">Counts over all hits, when requested.</param>
/// <param name="Notices">Things the user should know, such as terms left out of a very long query.</param>
public sealed record SearchResults(int TotalHits, IReadOnlyList<SearchHit> Hits, FacetCounts? Facets, IReadOnlyList<string> Notices);

/// <summary>One matching article.</summary>
public sealed record SearchHit
{
    /// <summary>The relevance score (NaN when sorted by date).</summary>
    public required float Score { get; init; }

    /// <summary>The article's identifier.</summary>
    public required string Id { get; init; }

    /// <summary>The article's URL (canonical when known).</summary>
    public required string Url { get; init; }

    /// <summary>The site (host name).</summary>
    public string? Site { get; init; }

    /// <summary>The headline.</summary>
    public required string Title { get; init; }

    /// <summary>The spans of the headline that match query terms.</summary>
    public IReadOnlyList<TextSpan> TitleHighlights { get; init; } = [];

    /// <summary>When the article was published.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Passages of the text around the matches.</summary>
    public IReadOnlyList<Snippet> Snippets { get; init; } = [];

    /// <summary>The document codes the article cites.</summary>
    public IReadOnlyList<string> DocumentCodes { get; init; } = [];

    /// <summary>The officials the article mentions.</summary>
    public IReadOnlyList<string> Officials { get; init; } = [];

    /// <summary>Whether the classifier found the article about dân vận work; null when the index did not classify it.</summary>
    public bool? Relevant { get; init; }

    /// <summary>The classifier's probability that the article is about dân vận work; null when not classified.</summary>
    public double? RelevanceScore { get; init; }

    /// <summary>The area of the work (such as <c>dan_van_kheo</c>), for a relevant article classified with a topic model.</summary>
    public string? Topic { get; init; }

    /// <summary>The topic model's probability for <see cref="Topic"/>.</summary>
    public double? TopicScore { get; init; }
}
