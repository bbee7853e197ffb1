using DanVan.Analytics.Search.Facets;
using DanVan.Analytics.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace DanVan.Analytics.Search.Querying;

/// <summary>
/// Collects the best hits by relevance and multiplies each score by the factor of its <see cref="ScoreBoosts"/>
/// (exact accents, title matches). The factor is bounded, so a hit whose score times the largest factor cannot
/// beat the current last of the top is skipped before the boost terms are looked up: for common words that is
/// nearly every hit, which is why this beats optional clauses per word in the Lucene query.
/// </summary>
/// <remarks>Hits arrive in document order (the query always has a required clause); ties keep the earlier document.</remarks>
internal sealed class ScoreBoostCollector : ICollector
{
    private readonly int _size;
    private readonly ScoreBoosts _boosts;
    private readonly float _maxFactor;
    private readonly bool _hasAccentBoosts;
    private readonly PriorityQueue<ScoreDoc, ScoreDoc> _queue;
    private readonly DocsEnum?[] _docs;
    private readonly BytesRef _signature = new();
    private BinaryDocValues? _signatures;
    private readonly FacetCollector? _facets;
    private Scorer? _scorer;
    private AtomicReader? _reader;
    private bool _docsRead;
    private int _docBase;
    private float _maxScore = float.NaN;

    /// <param name="size">The number of best hits to keep.</param>
    /// <param name="boosts">The boosts of the query.</param>
    /// <param name="facets">Counts every hit when not null; called directly rather than through a MultiCollector, as it runs for each of tens of thousands of hits.</param>
    public ScoreBoostCollector(int size, ScoreBoosts boosts, FacetCollector? facets = null)
    {
        _facets = facets;
        _size = size;
        _boosts = boosts;
        _queue = new PriorityQueue<ScoreDoc, ScoreDoc>(size + 1, WorstFirst.Instance);
        _docs = new DocsEnum?[boosts.Terms.Count];
        _hasAccentBoosts = boosts.Terms.Any(boost => boost.Term is null);
        _maxFactor = boosts.MaxFactor;
    }

    /// <summary>The facet counts of the hits collected, when asked for.</summary>
    public FacetCollector? Facets => _facets;

    /// <summary>The number of hits collected.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _facets?.SetNextReader(context);
        _reader = context.AtomicReader;
        _docsRead = false;
    }

    public void Collect(int doc)
    {
        TotalHits++;
        _facets?.Collect(doc);
        float score = _scorer!.GetScore();
        bool full = _queue.Count == _size;
        if (full && score * _maxFactor <= _queue.Peek().Score)
        {
            return;
        }

        score *= Factor(doc);
        if (!(_maxScore >= score))
        {
            _maxScore = score;
        }

        if (!full)
        {
            var added = new ScoreDoc(_docBase + doc, score);
            _queue.Enqueue(added, added);
        }
        else if (score > _queue.Peek().Score)
        {
            var added = new ScoreDoc(_docBase + doc, score);
            _queue.EnqueueDequeue(added, added);
        }
    }

    /// <summary>The hits ranked skip..skip+top, best first, and the total.</summary>
    public TopDocs GetTopDocs(int skip, int top) => Merge([this], skip, top);

    /// <summary>
    /// The hits ranked skip..skip+top over <paramref name="parts"/>, collectors of disjoint slices of the index
    /// (each kept its best hits, so their union holds the best overall), best first, ties by document; and the total.
    /// </summary>
    public static TopDocs Merge(IReadOnlyList<ScoreBoostCollector> parts, int skip, int top)
    {
        var all = new List<ScoreDoc>();
        int totalHits = 0;
        float maxScore = float.NaN;
        foreach (ScoreBoostCollector part in parts)
        {
            totalHits += part.TotalHits;
            if (float.IsNaN(maxScore) || part._maxScore > maxScore)
            {
                maxScore = part._maxScore;
            }

            while (part._queue.Count > 0)
            {
                all.Add(part._queue.Dequeue());
            }
        }

        all.Sort((x, y) => WorstFirst.Instance.Compare(y, x));
        ScoreDoc[] page = skip >= all.Count ? [] : all.GetRange(skip, Math.Min(top, all.Count - skip)).ToArray();
        return new TopDocs(totalHits, page, maxScore);
    }

    private float Factor(int doc)
    {
        if (_docs.Length == 0)
        {
            return 1f;
        }

        if (!_docsRead)
        {
            // Looked up at the segment's first hit that can reach the top: later segments often have none.
            for (int k = 0; k < _docs.Length; k++)
            {
                Term? term = _boosts.Terms[k].Term;
                _docs[k] = term is null ? null : _reader!.GetTermDocsEnum(term);
            }

            _signatures = _hasAccentBoosts ? _reader!.GetBinaryDocValues(ArticleFields.Accents) : null;
            _docsRead = true;
        }

        bool signatureRead = false;
        float found = 0f;
        for (int k = 0; k < _docs.Length; k++)
        {
            ScoreBoost boost = _boosts.Terms[k];
            if (boost.Term is not null)
            {
                if (Contains(_docs[k], doc))
                {
                    found += boost.Weight;
                }

                continue;
            }

            if (_signatures is null)
            {
                continue;
            }

            if (!signatureRead)
            {
                _signatures.Get(doc, _signature);
                signatureRead = true;
            }

            if (HasAll(_signature, boost.AccentKeys))
            {
                found += boost.Weight;
            }
        }

        return 1f + (found / _boosts.Words);
    }

    private static bool HasAll(BytesRef signature, IReadOnlyList<uint> keys)
    {
        foreach (uint key in keys)
        {
            if (!AccentSignature.Contains(signature, key))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="docs"/> holds <paramref name="doc"/>; docs only move forward, as hits arrive in order.</summary>
    private static bool Contains(DocsEnum? docs, int doc)
    {
        if (docs is null)
        {
            return false;
        }

        int current = docs.DocID;
        if (current < doc)
        {
            current = docs.Advance(doc);
        }

        return current == doc;
    }

    /// <summary>Orders the queue with the worst hit first: lower score, then the later document.</summary>
    private sealed class WorstFirst : IComparer<ScoreDoc>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(ScoreDoc? x, ScoreDoc? y)
        {
            int byScore = x!.Score.CompareTo(y!.Score);
            return byScore != 0 ? byScore : y.Doc.CompareTo(x.Doc);
        }
    }
}
