using DanVan.Analytics.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace DanVan.Analytics.Search.Facets;

/// <summary>
/// Counts the hits by year, site, document code and official from doc values, per segment by ordinal
/// (years by value), turning ordinals into strings once per segment: the per-hit work is a few array reads.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private const int Years = 10_000;

    private readonly int[] _yearCounts = new int[Years];
    private readonly Dictionary<string, int> _sites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _officials = new(StringComparer.Ordinal);
    private readonly BytesRef _scratch = new();

    private NumericDocValues? _days;
    private IBits? _hasDay;
    private SortedDocValues? _site;
    private int[]? _siteCounts;
    private SortedSetDocValues? _code;
    private int[]? _codeCounts;
    private SortedSetDocValues? _official;
    private int[]? _officialCounts;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        AtomicReader reader = context.AtomicReader;
        _days = reader.GetNumericDocValues(ArticleFields.Day);
        _hasDay = _days is null ? null : reader.GetDocsWithField(ArticleFields.Day);
        _site = reader.GetSortedDocValues(ArticleFields.Site);
        _siteCounts = _site is null ? null : new int[_site.ValueCount];
        _code = reader.GetSortedSetDocValues(ArticleFields.DocumentCode);
        _codeCounts = _code is null || _code.ValueCount == 0 ? null : new int[_code.ValueCount];
        _official = reader.GetSortedSetDocValues(ArticleFields.OfficialName);
        _officialCounts = _official is null || _official.ValueCount == 0 ? null : new int[_official.ValueCount];
    }

    public void Collect(int doc)
    {
        if (_days is not null && _hasDay!.Get(doc))
        {
            _yearCounts[(int)(_days.Get(doc) / 10_000) % Years]++;
        }

        if (_siteCounts is not null)
        {
            int ord = _site!.GetOrd(doc);
            if (ord >= 0)
            {
                _siteCounts[ord]++;
            }
        }

        CountSet(_code, _codeCounts, doc);
        CountSet(_official, _officialCounts, doc);
    }

    /// <summary>The counts, each facet cut to its <paramref name="top"/> most frequent values.</summary>
    public FacetCounts GetCounts(int top)
    {
        FlushSegment();
        var years = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int year = 0; year < Years; year++)
        {
            if (_yearCounts[year] > 0)
            {
                years[year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)] = _yearCounts[year];
            }
        }

        return new FacetCounts(Top(years, top), Top(_sites, top), Top(_codes, top), Top(_officials, top));
    }

    private static void CountSet(SortedSetDocValues? values, int[]? counts, int doc)
    {
        if (counts is null)
        {
            return;
        }

        values!.SetDocument(doc);
        long ord;
        while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
        {
            counts[ord]++;
        }
    }

    private static FacetValue[] Top(Dictionary<string, int> totals, int top) =>
        totals.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(top).Select(e => new FacetValue(e.Key, e.Value)).ToArray();

    private void FlushSegment()
    {
        if (_siteCounts is not null)
        {
            Flush(_siteCounts, ord => _site!.LookupOrd(ord, _scratch), _sites);
        }

        if (_codeCounts is not null)
        {
            Flush(_codeCounts, ord => _code!.LookupOrd(ord, _scratch), _codes);
        }

        if (_officialCounts is not null)
        {
            Flush(_officialCounts, ord => _official!.LookupOrd(ord, _scratch), _officials);
        }

        _siteCounts = _codeCounts = _officialCounts = null;
    }

    private void Flush(int[] counts, Action<int> lookup, Dictionary<string, int> totals)
    {
        for (int ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0)
            {
                lookup(ord);
                string value = _scratch.Utf8ToString();
                totals[value] = totals.GetValueOrDefault(value) + counts[ord];
            }
        }
    }
}
