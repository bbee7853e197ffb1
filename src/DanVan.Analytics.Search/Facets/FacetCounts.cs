namespace DanVan.Analytics.Search.Facets;

/// <summary>A facet value and the number of hits that carry it.</summary>
/// <param name="Value">The value ("2021", "baomoi.com", "25-NQ/TW", "Nguyễn Doãn Toản").</param>
/// <param name="Count">The number of hits.</param>
public sealed record FacetValue(string Value, int Count);

/// <summary>Counts of the hits by year, site, document code, official and topic, most frequent first.</summary>
/// <param name="Years">By year of publication.</param>
/// <param name="Sites">By site.</param>
/// <param name="DocumentCodes">By cited document.</param>
/// <param name="Officials">By official mentioned.</param>
public sealed record FacetCounts(
    IReadOnlyList<FacetValue> Years,
    IReadOnlyList<FacetValue> Sites,
    IReadOnlyList<FacetValue> DocumentCodes,
    IReadOnlyList<FacetValue> Officials)
{
    /// <summary>By topic (the area of dân vận work), over the hits the index classified as relevant with a topic model.</summary>
    public IReadOnlyList<FacetValue> Topics { get; init; } = [];
}
