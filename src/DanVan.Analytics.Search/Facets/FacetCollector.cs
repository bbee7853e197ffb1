using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DanVan.Analytics.Search.Facets;

/// <summary>
/// Counts the hits by year, site, document code and official: per segment it counts ordinals in arrays
/// (from the cached <see cref="SegmentFacets"/>) and adds them up by value when the segment ends.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private const int Years = 10_000;

    private readonly FacetCache _cache;
    private readonly int[] _yearCounts = new int[Years];
    private readonly Dictionary<string, int> _sites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _officials = new(StringComparer.Ordinal);

    private SegmentFacets? _segment;

    // The current segment's arrays, in fields so that counting a hit is plain array reads.
    private int[] _years = [];
    private int[] _siteStarts = [];
    private int[] _siteOrds = [];
    private int[] _codeStarts = [];
    private int[] _codeOrds = [];
    private int[] _officialStarts = [];
    private int[] _officialOrds = [];
    private int[] _siteCounts = [];
    private int[] _codeCounts = [];
    private int[] _officialCounts = [];

    public FacetCollector(FacetCache cache)
    {
        _cache = cache;
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _segment = _cache.For(context.AtomicReader);
        _siteCounts = new int[_segment.Sites.Values.Length];
        _codeCounts = new int[_segment.DocumentCodes.Values.Length];
        _officialCounts = new int[_segment.Officials.Values.Length];
        _years = _segment.Years;
        (_siteStarts, _siteOrds) = (_segment.Sites.Starts, _segment.Sites.Ords);
        (_codeStarts, _codeOrds) = (_segment.DocumentCodes.Starts, _segment.DocumentCodes.Ords);
        (_officialStarts, _officialOrds) = (_segment.Officials.Starts, _segment.Officials.Ords);
    }

    public void Collect(int doc)
    {
        _yearCounts[(uint)_years[doc] % Years]++;
        Count(_siteStarts, _siteOrds, _siteCounts, doc);
        Count(_codeStarts, _codeOrds, _codeCounts, doc);
        Count(_officialStarts, _officialOrds, _officialCounts, doc);
    }

    /// <summary>The counts, each facet cut to its <paramref name="top"/> most frequent values.</summary>
    public FacetCounts GetCounts(int top)
    {
        FlushSegment();
        var years = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int year = 1; year < Years; year++)
        {
            if (_yearCounts[year] > 0)
            {
                years[year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)] = _yearCounts[year];
            }
        }

        return new FacetCounts(Top(years, top), Top(_sites, top), Top(_codes, top), Top(_officials, top));
    }

    private static void Count(int[] starts, int[] ords, int[] counts, int doc)
    {
        if (starts.Length <= 1)
        {
            return; // the field has no values in this segment
        }

        for (int k = starts[doc], end = starts[doc + 1]; k < end; k++)
        {
            counts[ords[k]]++;
        }
    }

    private static FacetValue[] Top(Dictionary<string, int> totals, int top) =>
        totals.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(top).Select(e => new FacetValue(e.Key, e.Value)).ToArray();

    private static void Flush(int[] counts, string[] values, Dictionary<string, int> totals)
    {
        for (int ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0)
            {
                totals[values[ord]] = totals.GetValueOrDefault(values[ord]) + counts[ord];
            }
        }
    }

    private void FlushSegment()
    {
        if (_segment is null)
        {
            return;
        }

        Flush(_siteCounts, _segment.Sites.Values, _sites);
        Flush(_codeCounts, _segment.DocumentCodes.Values, _codes);
        Flush(_officialCounts, _segment.Officials.Values, _officials);
        _segment = null;
    }
}
