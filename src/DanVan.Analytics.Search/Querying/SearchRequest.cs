namespace DanVan.Analytics.Search.Querying;

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first.</summary>
    Relevance = 0,

    /// <summary>Newest first; articles without a date last.</summary>
    Date = 1,
}

/// <summary>A search: the query text and how to present the results.</summary>
/// <param name="Query">The query in the search syntax (free text, "phrases", -exclude, doc:, official:, site:, from:, to:, relevant:, topic:).</param>
public sealed record SearchRequest(string Query)
{
    /// <summary>The most results a request may ask for.</summary>
    public const int MaxTop = 1000;

    /// <summary>The number of hits to return (1 to <see cref="MaxTop"/>).</summary>
    public int Top { get; init; } = 10;

    /// <summary>The number of hits to skip, for pagination.</summary>
    public int Skip { get; init; }

    /// <summary>The order of the hits.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>True to count facets (year, site, document code, official, topic) over all hits.</summary>
    public bool IncludeFacets { get; init; }

    /// <summary>The number of values to return per facet.</summary>
    public int FacetTop { get; init; } = 10;

    /// <summary>The length of a snippet in characters, about.</summary>
    public int SnippetLength { get; init; } = 200;

    /// <summary>
    /// The most threads this search may use (1: the calling thread alone), or null for the searcher's own
    /// <see cref="ArticleSearcher.MaxDegreeOfParallelism"/>. A server that runs many searches at once may want 1.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
