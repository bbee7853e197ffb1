using DanVan.Analytics.Search.Facets;
using DanVan.Analytics.Search.Highlighting;
using DanVan.Analytics.Search.Schema;
using Lucene.Net.Documents;
using Lucene.Net.Search;

namespace DanVan.Analytics.Search.Querying;

/// <summary>Runs a <see cref="SearchRequest"/> against a Lucene searcher: query, sort, page, facets and snippets.</summary>
/// <remarks>
/// Thread-safe: it holds analyzers, which Lucene keeps per thread, and a thread-safe cache of facet values per index segment.
/// A relevance search with many hits is cut into slices of documents searched on up to
/// <see cref="MaxDegreeOfParallelism"/> threads at once, and the stored articles of the page are read and
/// highlighted the same way; the results are exactly those of a sequential search (same hits, order, scores and facets).
/// </remarks>
public sealed class ArticleSearcher
{
    private static readonly Sort s_byDate = new(new SortField(ArticleFields.PublishedTicks, SortFieldType.INT64, true), SortField.FIELD_SCORE);

    private readonly ArticleQueryParser _parser;
    private readonly SnippetBuilder _snippets;
    private readonly FacetCache _facets = new();

    /// <summary>Creates a searcher with its own analyzers that uses <see cref="DefaultMaxDegreeOfParallelism"/> threads per search.</summary>
    public ArticleSearcher()
        : this(DefaultMaxDegreeOfParallelism)
    {
    }

    /// <summary>Creates a searcher with its own analyzers.</summary>
    /// <param name="maxDegreeOfParallelism">The most threads one search may use (1: every search runs on the calling thread alone).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is less than 1.</exception>
    public ArticleSearcher(int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
        _parser = new ArticleQueryParser();
        _snippets = new SnippetBuilder();
    }

    /// <summary>
    /// The default threads per search: the processor count, at most 2. Two threads cut the latency of a large
    /// search by about a quarter when the second core is free (measured on 2 cores); more would take cores from
    /// the other searches a server runs at the same time.
    /// </summary>
    public static int DefaultMaxDegreeOfParallelism => Math.Min(Environment.ProcessorCount, 2);

    /// <summary>The most threads one search may use.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>The estimated hit count from which a search is sliced across threads (tests lower it to slice small indexes).</summary>
    internal long MinParallelCost { get; init; } = SlicedSearch.MinParallelCost;

    /// <summary>The parser this searcher reads queries with.</summary>
    public ArticleQueryParser Parser => _parser;

    /// <summary>Searches <paramref name="searcher"/>.</summary>
    /// <exception cref="QuerySyntaxException">The query is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Top, Skip, FacetTop or MaxDegreeOfParallelism is out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (checked between segments and between hits).</exception>
    public SearchResults Search(IndexSearcher searcher, SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Top, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Top, SearchRequest.MaxTop, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.Skip, nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.FacetTop, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxDegreeOfParallelism ?? 1, 1, nameof(request));
        int threads = request.MaxDegreeOfParallelism ?? MaxDegreeOfParallelism;

        cancellationToken.ThrowIfCancellationRequested();
        ParsedQuery parsed = _parser.Parse(request.Query);
        int wanted = (int)Math.Min((long)request.Skip + request.Top, Math.Max(1, searcher.IndexReader.MaxDoc));
        bool byDate = request.Sort == SearchSort.Date || !parsed.HasTextClauses;
        TopDocs top;
        FacetCounts? facetCounts = null;
        if (byDate)
        {
            // Scores only break ties between articles published at the same instant: no title factor needed.
            FacetCollector? facets = request.IncludeFacets ? new FacetCollector(_facets) : null;
            TopFieldCollector byDateCollector = TopFieldCollector.Create(s_byDate, wanted, null, true, request.Sort == SearchSort.Relevance || parsed.HasTextClauses, false, false);
            searcher.Search(parsed.Query, facets is null ? byDateCollector : MultiCollector.Wrap(byDateCollector, facets));
            top = byDateCollector.GetTopDocs(request.Skip, request.Top);
            facetCounts = facets?.GetCounts(request.FacetTop);
        }
        else
        {
            List<ScoreBoostCollector> slices = SlicedSearch.Run(
                searcher,
                parsed.Query,
                threads,
                MinParallelCost,
                () => new ScoreBoostCollector(wanted, parsed.Boosts, request.IncludeFacets ? new FacetCollector(_facets) : null),
                cancellationToken);
            top = ScoreBoostCollector.Merge(slices, request.Skip, request.Top);
            if (request.IncludeFacets)
            {
                facetCounts = FacetCollector.Merge(slices.Select(s => s.Facets!).ToList(), request.FacetTop);
            }
        }

        var hits = new SearchHit[top.ScoreDocs.Length];
        int parts = Math.Max(1, Math.Min(threads, hits.Length));
        SlicedSearch.RunAll(parts, parts, part =>
        {
            // Part p reads hits p, p+parts, ...: stored articles cost about the same each.
            for (int k = part; k < hits.Length; k += parts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ScoreDoc scoreDoc = top.ScoreDocs[k];
                hits[k] = ToHit(searcher.Doc(scoreDoc.Doc), scoreDoc.Score, parsed, request.SnippetLength);
            }
        });

        IReadOnlyList<string> notices = parsed.Notices;
        if (hits.Length == 0 && top.TotalHits > 0)
        {
            notices = [.. notices, $"The page starts after the last of the {top.TotalHits} matching articles; ask for an earlier page."];
        }

        return new SearchResults(top.TotalHits, hits, facetCounts, notices);
    }

    private SearchHit ToHit(Document stored, float score, ParsedQuery parsed, int snippetLength)
    {
        StoredArticle article = StoredArticle.Read(stored);
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
            Relevant = article.Relevant,
            RelevanceScore = article.RelevanceScore,
            Topic = article.Topic,
            TopicScore = article.TopicScore,
        };
    }
}
