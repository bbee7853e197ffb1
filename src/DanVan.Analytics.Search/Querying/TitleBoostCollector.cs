using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DanVan.Analytics.Search.Querying;

/// <summary>
/// Collects the best hits by relevance and multiplies each score by a title factor: every query word found in
/// the title adds <see cref="TitleWeight"/>/n, and its exact accented form another <see cref="TitleWeight"/>/n
/// (n = the number of words). The factor is bounded, so a hit whose score times the largest factor cannot beat
/// the current last of the top is skipped before the titles are looked up: for common words that is nearly
/// every hit, which is why this beats two title clauses per word in the Lucene query.
/// </summary>
/// <remarks>Hits arrive in document order (the query always has a required clause); ties keep the earlier document.</remarks>
internal sealed class TitleBoostCollector : ICollector
{
    /// <summary>What a word found in the title adds to the factor, split over the words.</summary>
    public const float TitleWeight = 0.5f;

    private readonly int _size;
    private readonly IReadOnlyList<TitleTerm> _terms;
    private readonly float _maxFactor;
    private readonly PriorityQueue<ScoreDoc, ScoreDoc> _queue;
    private readonly DocsEnum?[] _folded;
    private readonly DocsEnum?[] _accented;
    private Scorer? _scorer;
    private int _docBase;
    private float _maxScore = float.NaN;

    public TitleBoostCollector(int size, IReadOnlyList<TitleTerm> terms)
    {
        _size = size;
        _terms = terms;
        _queue = new PriorityQueue<ScoreDoc, ScoreDoc>(size + 1, WorstFirst.Instance);
        _folded = new DocsEnum?[terms.Count];
        _accented = new DocsEnum?[terms.Count];
        int exact = terms.Count(t => t.Accented is not null);
        _maxFactor = terms.Count == 0 ? 1f : 1f + (TitleWeight * (terms.Count + exact) / terms.Count);
    }

    /// <summary>The number of hits collected.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        AtomicReader reader = context.AtomicReader;
        for (int k = 0; k < _terms.Count; k++)
        {
            _folded[k] = reader.GetTermDocsEnum(_terms[k].Folded);
            _accented[k] = _terms[k].Accented is { } accented ? reader.GetTermDocsEnum(accented) : null;
        }
    }

    public void Collect(int doc)
    {
        TotalHits++;
        float score = _scorer!.GetScore();
        bool full = _queue.Count == _size;
        if (full && score * _maxFactor <= _queue.Peek().Score)
        {
            return;
        }

        score *= TitleFactor(doc);
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
    public TopDocs GetTopDocs(int skip, int top)
    {
        var all = new ScoreDoc[_queue.Count];
        for (int k = all.Length - 1; k >= 0; k--)
        {
            all[k] = _queue.Dequeue();
        }

        ScoreDoc[] page = skip >= all.Length ? [] : all.AsSpan(skip, Math.Min(top, all.Length - skip)).ToArray();
        return new TopDocs(TotalHits, page, float.IsNaN(_maxScore) ? float.NaN : _maxScore);
    }

    private float TitleFactor(int doc)
    {
        if (_terms.Count == 0)
        {
            return 1f;
        }

        int found = 0;
        for (int k = 0; k < _terms.Count; k++)
        {
            found += Contains(_folded[k], doc) ? 1 : 0;
            found += Contains(_accented[k], doc) ? 1 : 0;
        }

        return 1f + (TitleWeight * found / _terms.Count);
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
