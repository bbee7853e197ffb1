using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DanVan.Analytics.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace DanVan.Analytics.Search.Facets;

/// <summary>
/// The facet values of one index segment, read from its doc values once and kept in two plain arrays (segments
/// never change; deletions do not touch doc values): document d's values of all the facets are the ordinals
/// <c>Ords[Starts[d]..Starts[d+1])</c> in one numbering, so counting a hit is one short loop of array
/// increments, with no branch per facet to mispredict.
/// </summary>
internal sealed class SegmentFacets
{
    private SegmentFacets(int[] starts, int[] ords, string[] labels, int[] bounds)
    {
        Starts = starts;
        Ords = ords;
        Labels = labels;
        Bounds = bounds;
    }

    /// <summary>Where each document's ordinals start in <see cref="Ords"/>; one more entry than documents.</summary>
    public int[] Starts { get; }

    /// <summary>The ordinals of every document's facet values, document after document.</summary>
    public int[] Ords { get; }

    /// <summary>The value of each ordinal ("2021", "baomoi.com", "25-NQ/TW", "Nguyễn Doãn Toản").</summary>
    public string[] Labels { get; }

    /// <summary>
    /// Where the ordinals of each facet start, in the order of <see cref="Facet"/>, then the total: facet f has
    /// the ordinals <c>Bounds[f]..Bounds[f+1]</c>.
    /// </summary>
    public int[] Bounds { get; }

    public static SegmentFacets Load(AtomicReader reader)
    {
        int maxDoc = reader.MaxDoc;

        // Years first, numbered as they come; then the doc-values ordinals of each field, shifted past the previous facet's.
        // -1: no year. A segment of undated articles has no day values at all; its documents have no year either
        // (left at 0, they counted as the first site).
        var years = new int[maxDoc];
        Array.Fill(years, -1);
        var yearOrds = new Dictionary<int, int>();
        NumericDocValues? days = reader.GetNumericDocValues(ArticleFields.Day);
        for (int doc = 0; days is not null && doc < maxDoc; doc++)
        {
            // Missing values read as 0, which is year 0: "no date", not counted.
            int year = (int)(days.Get(doc) / 10_000);
            years[doc] = year is >= 1 and <= 9999 ? Ordinal(yearOrds, year) : -1;
        }

        SortedDocValues? sites = reader.GetSortedDocValues(ArticleFields.Site);
        SortedDocValues? siteNames = reader.GetSortedDocValues(ArticleFields.SiteName);
        SortedSetDocValues? codes = reader.GetSortedSetDocValues(ArticleFields.DocumentCode);
        SortedSetDocValues? officials = reader.GetSortedSetDocValues(ArticleFields.OfficialName);
        SortedDocValues? topics = reader.GetSortedDocValues(ArticleFields.Topic);
        int siteBase = yearOrds.Count;
        int codeBase = siteBase + (sites?.ValueCount ?? 0);
        int officialBase = codeBase + (int)(codes?.ValueCount ?? 0);
        int topicBase = officialBase + (int)(officials?.ValueCount ?? 0);
        int total = topicBase + (topics?.ValueCount ?? 0);

        // A site is counted by its key and shown by the name its first article gave (indexes written before names
        // were stored show the key).
        var siteNameOrds = new int[sites?.ValueCount ?? 0];
        Array.Fill(siteNameOrds, -1);
        var starts = new int[maxDoc + 1];
        var ords = new List<int>(maxDoc * 3);
        for (int doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ords.Count;
            if (years[doc] >= 0)
            {
                ords.Add(years[doc]);
            }

            int site = sites?.GetOrd(doc) ?? -1;
            if (site >= 0)
            {
                ords.Add(siteBase + site);
                if (siteNameOrds[site] < 0 && siteNames is not null)
                {
                    siteNameOrds[site] = siteNames.GetOrd(doc);
                }
            }

            AddAll(codes, doc, codeBase, ords);
            AddAll(officials, doc, officialBase, ords);

            // Unclassified and irrelevant articles have no topic (ordinal -1).
            int topic = topics?.GetOrd(doc) ?? -1;
            if (topic >= 0)
            {
                ords.Add(topicBase + topic);
            }
        }

        starts[maxDoc] = ords.Count;

        var labels = new string[total];
        foreach ((int year, int ord) in yearOrds)
        {
            labels[ord] = year.ToString("D4", CultureInfo.InvariantCulture);
        }

        var scratch = new BytesRef();
        for (int ord = 0; sites is not null && ord < sites.ValueCount; ord++)
        {
            if (siteNameOrds[ord] >= 0)
            {
                siteNames!.LookupOrd(siteNameOrds[ord], scratch);
            }
            else
            {
                sites.LookupOrd(ord, scratch);
            }

            labels[siteBase + ord] = scratch.Utf8ToString();
        }

        AddLabels(codes, codeBase, labels, scratch);
        AddLabels(officials, officialBase, labels, scratch);
        for (int ord = 0; topics is not null && ord < topics.ValueCount; ord++)
        {
            topics.LookupOrd(ord, scratch);
            labels[topicBase + ord] = scratch.Utf8ToString();
        }

        return new SegmentFacets(starts, ords.ToArray(), labels, [0, siteBase, codeBase, officialBase, topicBase, total]);
    }

    private static int Ordinal(Dictionary<int, int> ordinals, int value)
    {
        ref int ord = ref CollectionsMarshal.GetValueRefOrAddDefault(ordinals, value, out bool exists);
        if (!exists)
        {
            ord = ordinals.Count - 1;
        }

        return ord;
    }

    private static void AddAll(SortedSetDocValues? values, int doc, int ordBase, List<int> ords)
    {
        if (values is null)
        {
            return;
        }

        values.SetDocument(doc);
        long ord;
        while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
        {
            ords.Add(ordBase + (int)ord);
        }
    }

    private static void AddLabels(SortedSetDocValues? values, int ordBase, string[] labels, BytesRef scratch)
    {
        for (long ord = 0; values is not null && ord < values.ValueCount; ord++)
        {
            values.LookupOrd(ord, scratch);
            labels[ordBase + (int)ord] = scratch.Utf8ToString();
        }
    }
}

/// <summary>The facets, in the order of their ordinals in <see cref="SegmentFacets"/>.</summary>
internal enum Facet
{
    Year = 0,
    Site = 1,
    DocumentCode = 2,
    Official = 3,
    Topic = 4,
}

/// <summary>The <see cref="SegmentFacets"/> of the segments an index has searched, dropped with the segments.</summary>
internal sealed class FacetCache
{
    private readonly ConditionalWeakTable<object, SegmentFacets> _segments = new();

    public SegmentFacets For(AtomicReader reader) => _segments.GetValue(reader.CoreCacheKey, _ => SegmentFacets.Load(reader));
}
