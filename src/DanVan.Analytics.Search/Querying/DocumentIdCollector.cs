using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DanVan.Analytics.Search.Querying;

/// <summary>Collects the index-wide numbers of every matching document, unranked: an export reads them all.</summary>
internal sealed class DocumentIdCollector : ICollector
{
    private int _docBase;

    /// <summary>The matching documents, by segment in index order.</summary>
    public List<int> Documents { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc) => Documents.Add(_docBase + doc);
}
