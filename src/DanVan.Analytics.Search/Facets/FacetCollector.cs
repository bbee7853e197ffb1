using DanVan.Analytics.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace DanVan.Analytics.Search.Facets;

/// <summary>
/// Counts the hits by year, site, document code and official from the segments' sorted-set doc values:
/// per segment it counts ordinals in an array and turns them into strings once, when the segment ends.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private static readonly string[] s_fields = [ArticleFields.Year, ArticleFields.Site, ArticleFields.DocumentCode, ArticleFields.OfficialName];

    private readonly Dictionary<string, int>[] _totals = s_fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[s_fields.Length];
    private readonly int[]?[] _counts = new int[]?[s_fields.Length];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (int f = 0; f < s_fields.Length; f++)
        {
            SortedSetDocValues? values = context.AtomicReader.GetSortedSetDocValues(s_fields[f]);
            _values[f] = values;
            long valueCount = values?.ValueCount ?? 0;
            _counts[f] = valueCount == 0 ? null : new int[valueCount];
        }
    }

    public void Collect(int doc)
    {
        for (int f = 0; f < s_fields.Length; f++)
        {
            int[]? counts = _counts[f];
            if (counts is null)
            {
                continue;
            }

            SortedSetDocValues values = _values[f]!;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                counts[ord]++;
            }
        }
    }

    /// <summary>The counts, each facet cut to its <paramref name="top"/> most frequent values.</summary>
    public FacetCounts GetCounts(int top)
    {
        FlushSegment();
        return new FacetCounts(Top(_totals[0], top), Top(_totals[1], top), Top(_totals[2], top), Top(_totals[3], top));
    }

    private static FacetValue[] Top(Dictionary<string, int> totals, int top) =>
        totals.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(top).Select(e => new FacetValue(e.Key, e.Value)).ToArray();

    private void FlushSegment()
    {
        var scratch = new BytesRef();
        for (int f = 0; f < s_fields.Length; f++)
        {
            int[]? counts = _counts[f];
            if (counts is null)
            {
                continue;
            }

            for (int ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                {
                    continue;
                }

                _values[f]!.LookupOrd(ord, scratch);
                string value = scratch.Utf8ToString();
                _totals[f][value] = _totals[f].GetValueOrDefault(value) + counts[ord];
            }

            _counts[f] = null;
            _values[f] = null;
        }
    }
}
