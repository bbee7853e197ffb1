using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DanVan.Analytics.Search.Facets;

/// <summary>
/// Counts the hits by year, site, document code, official and topic: per segment it counts the ordinals of the
/// cached <see cref="SegmentFacets"/> in one array and adds them up by value when the segment ends.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private const int FacetCount = 5;

    private readonly FacetCache _cache;
    private readonly Dictionary<string, int>[] _totals = new Dictionary<string, int>[FacetCount];

    private SegmentFacets? _segment;

    // The current segment's arrays, in fields so that counting a hit is plain array reads.
    private int[] _starts = [0];
    private int[] _ords = [];
    private int[] _counts = [];

    public FacetCollector(FacetCache cache)
    {
        _cache = cache;
        for (int f = 0; f < FacetCount; f++)
        {
            _totals[f] = new Dictionary<string, int>(StringComparer.Ordinal);
        }
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _segment = _cache.For(context.AtomicReader);
        _starts = _segment.Starts;
        _ords = _segment.Ords;
        _counts = new int[_segment.Labels.Length];
    }

    public void Collect(int doc)
    {
        int[] ords = _ords;
        int[] counts = _counts;
        for (int k = _starts[doc], end = _starts[doc + 1]; k < end; k++)
        {
            counts[ords[k]]++;
        }
    }

    /// <summary>The counts, each facet cut to its <paramref name="top"/> most frequent values.</summary>
    public FacetCounts GetCounts(int top) => Merge([this], top);

    /// <summary>The counts of <paramref name="parts"/>, collectors of disjoint slices of the hits, added up; each facet cut to its <paramref name="top"/> most frequent values.</summary>
    public static FacetCounts Merge(IReadOnlyList<FacetCollector> parts, int top)
    {
        FacetCollector first = parts[0];
        first.FlushSegment();
        foreach (FacetCollector part in parts.Skip(1))
        {
            part.FlushSegment();
            for (int f = 0; f < FacetCount; f++)
            {
                foreach ((string value, int count) in part._totals[f])
                {
                    Add(first._totals[f], value, count);
                }
            }
        }

        return new FacetCounts(
            Top(first._totals[(int)Facet.Year], top),
            Top(first._totals[(int)Facet.Site], top),
            Top(first._totals[(int)Facet.DocumentCode], top),
            Top(first._totals[(int)Facet.Official], top))
        {
            Topics = Top(first._totals[(int)Facet.Topic], top),
        };
    }

    private static void Add(Dictionary<string, int> totals, string value, int count) =>
        totals[value] = totals.GetValueOrDefault(value) + count;

    private static FacetValue[] Top(Dictionary<string, int> totals, int top) =>
        totals.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(top).Select(e => new FacetValue(e.Key, e.Value)).ToArray();

    private void FlushSegment()
    {
        if (_segment is null)
        {
            return;
        }

        // Labels are resolved here, once per value with hits, not once per hit.
        for (int f = 0; f < FacetCount; f++)
        {
            for (int ord = _segment.Bounds[f]; ord < _segment.Bounds[f + 1]; ord++)
            {
                if (_counts[ord] > 0)
                {
                    Add(_totals[f], _segment.Labels[ord], _counts[ord]);
                }
            }
        }

        _segment = null;
    }
}
