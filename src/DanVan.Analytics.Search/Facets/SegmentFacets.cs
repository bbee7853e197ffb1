using System.Runtime.CompilerServices;
using DanVan.Analytics.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace DanVan.Analytics.Search.Facets;

/// <summary>
/// The facet values of one index segment, read from its doc values once and kept in plain arrays, so that
/// counting a hit is a few array reads (segments never change; deletions do not touch doc values).
/// </summary>
internal sealed class SegmentFacets
{
    private SegmentFacets(int[] years, Ordinals sites, Ordinals codes, Ordinals officials)
    {
        Years = years;
        Sites = sites;
        DocumentCodes = codes;
        Officials = officials;
    }

    /// <summary>The year of each document; 0 when it has no date.</summary>
    public int[] Years { get; }

    /// <summary>The site of each document.</summary>
    public Ordinals Sites { get; }

    /// <summary>The document codes of each document.</summary>
    public Ordinals DocumentCodes { get; }

    /// <summary>The officials of each document.</summary>
    public Ordinals Officials { get; }

    public static SegmentFacets Load(AtomicReader reader)
    {
        int maxDoc = reader.MaxDoc;
        var years = new int[maxDoc];
        NumericDocValues? days = reader.GetNumericDocValues(ArticleFields.Day);
        if (days is not null)
        {
            for (int doc = 0; doc < maxDoc; doc++)
            {
                // Missing values read as 0, which is year 0: "no date".
                years[doc] = (int)(days.Get(doc) / 10_000);
            }
        }

        return new SegmentFacets(
            years,
            Ordinals.FromSorted(reader.GetSortedDocValues(ArticleFields.Site), maxDoc),
            Ordinals.FromSortedSet(reader.GetSortedSetDocValues(ArticleFields.DocumentCode), maxDoc),
            Ordinals.FromSortedSet(reader.GetSortedSetDocValues(ArticleFields.OfficialName), maxDoc));
    }

    /// <summary>The values of a doc-values field per document: document d has ordinals Ords[Starts[d]..Starts[d+1]).</summary>
    internal sealed class Ordinals
    {
        private static readonly Ordinals s_empty = new([], [0], []);

        private Ordinals(string[] values, int[] starts, int[] ords)
        {
            Values = values;
            Starts = starts;
            Ords = ords;
        }

        public string[] Values { get; }

        public int[] Starts { get; }

        public int[] Ords { get; }

        public static Ordinals FromSorted(SortedDocValues? values, int maxDoc)
        {
            if (values is null || values.ValueCount == 0)
            {
                return s_empty;
            }

            var starts = new int[maxDoc + 1];
            var ords = new List<int>(maxDoc);
            for (int doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ords.Count;
                int ord = values.GetOrd(doc);
                if (ord >= 0)
                {
                    ords.Add(ord);
                }
            }

            starts[maxDoc] = ords.Count;
            return new Ordinals(Strings(values.ValueCount, (ord, scratch) => values.LookupOrd(ord, scratch)), starts, ords.ToArray());
        }

        public static Ordinals FromSortedSet(SortedSetDocValues? values, int maxDoc)
        {
            if (values is null || values.ValueCount == 0)
            {
                return s_empty;
            }

            var starts = new int[maxDoc + 1];
            var ords = new List<int>();
            for (int doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ords.Count;
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    ords.Add((int)ord);
                }
            }

            starts[maxDoc] = ords.Count;
            return new Ordinals(Strings((int)values.ValueCount, (ord, scratch) => values.LookupOrd(ord, scratch)), starts, ords.ToArray());
        }

        private static string[] Strings(int count, Action<int, BytesRef> lookup)
        {
            var strings = new string[count];
            var scratch = new BytesRef();
            for (int ord = 0; ord < count; ord++)
            {
                lookup(ord, scratch);
                strings[ord] = scratch.Utf8ToString();
            }

            return strings;
        }
    }
}

/// <summary>The <see cref="SegmentFacets"/> of the segments an index has searched, dropped with the segments.</summary>
internal sealed class FacetCache
{
    private readonly ConditionalWeakTable<object, SegmentFacets> _segments = new();

    public SegmentFacets For(AtomicReader reader) => _segments.GetValue(reader.CoreCacheKey, _ => SegmentFacets.Load(reader));
}
