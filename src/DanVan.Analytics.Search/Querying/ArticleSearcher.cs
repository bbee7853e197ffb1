using DanVan.Analytics.Search.Facets;
using DanVan.Analytics.Search.Highlighting;
using DanVan.Analytics.Search.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Search;

namespace DanVan.Analytics.Search.Querying;

/// <summary>Runs a <see cref="SearchRequest"/> against a Lucene searcher: query, sort, page, facets and snippets.</summary>
/// <remarks>Thread-safe: it holds analyzers, which Lucene keeps per thread, and a thread-safe cache of facet values per index segment.</remarks>
public sealed class ArticleSearcher
{
    private static readonly Sort s_byDate = new(new SortField(ArticleFields.PublishedTicks, SortFieldType.INT64, true), SortField.FIELD_SCORE);

    private readonly ArticleQueryParser _parser;
    private readonly SnippetBuilder _snippets;
    private readonly FacetCache _facets = new();

    /// <summary>Creates a searcher with its own analyzers.</summary>
    public ArticleSearcher()
    {
        _parser = new ArticleQueryParser();
        _snippets = new SnippetBuilder();
    }

    /// <summary>The parser this searcher reads queries with.</summary>
    public ArticleQueryParser Parser => _parser;

    /// <summary>Searches <paramref name="searcher"/>.</summary>
    /// <exception cref="QuerySyntaxException">The query is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Top, Skip or FacetTop is out of range.</exception>
    public SearchResults Search(IndexSearcher searcher, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Top, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Top, SearchRequest.MaxTop, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.Skip, nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.FacetTop, 1, nameof(request));

        ParsedQuery parsed = _parser.Parse(request.Query);
        int wanted = (int)Math.Min((long)request.Skip + request.Top, Math.Max(1, searcher.IndexReader.MaxDoc));
        bool byDate = request.Sort == SearchSort.Date || !parsed.HasTextClauses;
        FacetCollector? facets = request.IncludeFacets ? new FacetCollector(_facets) : null;
        TopDocs top;
        if (byDate)
        {
            // Scores only break ties between articles published at the same instant: no title factor needed.
            TopFieldCollector byDateCollector = TopFieldCollector.Create(s_byDate, wanted, null, true, request.Sort == SearchSort.Relevance || parsed.HasTextClauses, false, false);
            searcher.Search(parsed.Query, facets is null ? byDateCollector : MultiCollector.Wrap(byDateCollector, facets));
            top = byDateCollector.GetTopDocs(request.Skip, request.Top);
        }
        else
        {
            var byRelevance = new ScoreBoostCollector(wanted, parsed.Boosts, facets);
            searcher.Search(parsed.Query, byRelevance);
            top = byRelevance.GetTopDocs(request.Skip, request.Top);
        }

        var hits = new List<SearchHit>(top.ScoreDocs.Length);
        foreach (ScoreDoc scoreDoc in top.ScoreDocs)
        {
            hits.Add(ToHit(searcher.Doc(scoreDoc.Doc), scoreDoc.Score, parsed, request.SnippetLength));
        }

        return new SearchResults(top.TotalHits, hits, facets?.GetCounts(request.FacetTop), parsed.Notices);
    }

    private SearchHit ToHit(Document stored, float score, ParsedQuery parsed, int snippetLength)
    {
        ArticleDocument article = ArticleDocumentMapper.FromStored(stored);
        return new SearchHit
        {
            Score = score,
            Id = article.Id,
            Url = article.Key,
            Site = article.Site,
            Title = article.Title,
            TitleHighlights = _snippets.FindMatches(article.Title, parsed),
            Published = article.Published,
            Snippets = _snippets.Build(article.Body, parsed, Math.Max(20, snippetLength)),
            DocumentCodes = article.DocumentCodes,
            Officials = article.Officials,
        };
    }
}
