using System.Globalization;
using System.Text.Json;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Search.Tests.Fixtures;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace DanVan.Analytics.Search.Tests.Querying;

/// <summary>
/// A search sliced across threads (documents cut into runs, inside segments too) must give exactly what the
/// sequential search gives: the same hits in the same order with the same scores, the same facets and snippets.
/// </summary>
public sealed class ParallelSearchTests : IDisposable
{
    private static readonly string[] s_words = ["dân", "vận", "dần", "vẫn", "mặt", "trận", "xã", "hội", "công", "tác"];
    private static readonly string[] s_sites = ["a.vn", "b.vn", "c.vn"];
    private static readonly string[] s_codes = ["25-NQ/TW", "43-NQ/TW", "04/2015/NĐ-CP"];
    private static readonly string[] s_officials = ["Nguyễn Doãn Toản", "Trương Thị Mai", "Đào Đức Toàn"];

    private readonly TempIndexFolder _folder = new();
    private readonly List<ArticleDocument> _articles = [];
    private readonly DirectoryReader _reader;
    private readonly FSDirectory _directory;

    public ParallelSearchTests()
    {
        var random = new Random(5);
        using (ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path))
        {
            // Four commits, four segments of different sizes.
            foreach (int batch in new[] { 300, 120, 60, 20 })
            {
                for (int n = 0; n < batch; n++)
                {
                    var article = new ArticleDocument
                    {
                        Id = $"a-{_articles.Count}",
                        Url = $"https://x.vn/{_articles.Count}",
                        Site = s_sites[random.Next(s_sites.Length)],
                        Title = Words(random, random.Next(1, 5)),
                        Body = Words(random, random.Next(5, 40)),
                        Published = random.Next(10) == 0 ? null : new DateTimeOffset(2015 + random.Next(10), 1 + random.Next(12), 1, 8, 0, 0, TimeSpan.FromHours(7)),
                        DocumentCodes = random.Next(3) == 0 ? [s_codes[random.Next(s_codes.Length)]] : [],
                        Officials = [.. Enumerable.Range(0, random.Next(3)).Select(_ => s_officials[random.Next(s_officials.Length)])],
                    };
                    _articles.Add(article);
                    index.AddOrUpdate(article);
                }

                index.Commit();
            }
        }

        _directory = FSDirectory.Open(_folder.Path);
        _reader = DirectoryReader.Open(_directory);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Index_HasSeveralSegments()
    {
        Assert.True(_reader.Leaves.Count >= 3, $"the index has {_reader.Leaves.Count} segments");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Run_CutsTheHitsIntoDisjointSlices_EachHitCollectedOnceInOrder(int parallelism)
    {
        var searcher = new IndexSearcher(_reader);
        Query query = new ArticleQueryParser().Parse("dan").Query;
        List<int> sequential = SlicedSearch.Run(searcher, query, 1, 0, () => new DocRecorder()).Single().Docs;

        List<DocRecorder> slices = SlicedSearch.Run(searcher, query, parallelism, 0, () => new DocRecorder());

        Assert.Equal(parallelism * SlicedSearch.SlicesPerThread, slices.Count);
        Assert.Equal(sequential, slices.SelectMany(s => s.Docs));
        Assert.True(sequential.Count > 100, $"'dan' should match many articles, matched {sequential.Count}");
        Assert.True(slices.Count(s => s.Docs.Count > 0) > slices.Count / 2, "the hits should spread over the slices");

        // At least one slice starts inside a segment (the first segment holds most hits).
        Assert.Contains(slices.Skip(1).Where(s => s.Docs.Count > 0), s => !_reader.Leaves.Any(l => l.DocBase == s.Docs[0]));
    }

    [Fact]
    public void Run_BelowTheMinimumCost_RunsOneSlice()
    {
        var searcher = new IndexSearcher(_reader);
        Query query = new ArticleQueryParser().Parse("dan").Query;

        Assert.Single(SlicedSearch.Run(searcher, query, 2, SlicedSearch.MinParallelCost, () => new DocRecorder()));
    }

    [Theory]
    [InlineData("dân", 0, 10)]
    [InlineData("dan van", 0, 10)]
    [InlineData("dân vận xã", 3, 7)]
    [InlineData("công tác", 0, 1000)]
    [InlineData("vẫn -hội", 10, 10)]
    [InlineData("\"dân vận\" mặt", 0, 10)]
    [InlineData("trận from:2019 -site:b.vn", 0, 10)]
    [InlineData("xa doc:25-NQ/TW", 0, 10)]
    [InlineData("không có", 0, 10)]
    public void Search_Parallel_EqualsSequential(string query, int skip, int top)
    {
        var searcher = new IndexSearcher(_reader);
        var request = new SearchRequest(query) { Skip = skip, Top = top, IncludeFacets = true, FacetTop = 100 };
        string sequential = Json(new ArticleSearcher(1).Search(searcher, request));

        foreach (int parallelism in new[] { 2, 3, 5 })
        {
            var sliced = new ArticleSearcher(parallelism) { MinParallelCost = 0 };

            Assert.Equal(sequential, Json(sliced.Search(searcher, request)));
            Assert.Equal(Json(new ArticleSearcher(1).Search(searcher, request with { IncludeFacets = false })), Json(sliced.Search(searcher, request with { IncludeFacets = false })));
        }
    }

    [Theory]
    [InlineData("dan")]
    [InlineData("dân vận")]
    [InlineData("tac -xa")]
    public void Search_Parallel_FacetsCountEveryHit(string query)
    {
        var searcher = new IndexSearcher(_reader);
        var sliced = new ArticleSearcher(3) { MinParallelCost = 0 };

        SearchResults all = sliced.Search(searcher, new SearchRequest(query) { Top = SearchRequest.MaxTop, IncludeFacets = true, FacetTop = 100 });

        Assert.Equal(all.TotalHits, all.Hits.Count);
        List<ArticleDocument> hits = [.. all.Hits.Select(h => _articles.Single(a => a.Id == h.Id))];
        Assert.Equal(Counts(hits.Where(a => a.Published is not null).Select(a => a.Published!.Value.Year.ToString(CultureInfo.InvariantCulture))), Counts(all.Facets!.Years));
        Assert.Equal(Counts(hits.Select(a => a.Site!)), Counts(all.Facets.Sites));
        Assert.Equal(Counts(hits.SelectMany(a => a.DocumentCodes)), Counts(all.Facets.DocumentCodes));
        Assert.Equal(Counts(hits.SelectMany(a => a.Officials.Distinct())), Counts(all.Facets.Officials));
    }

    [Theory]
    [InlineData("dân vận xã")]
    [InlineData("công tác")]
    public void Search_RequestAsksForThreads_OverridesTheSearchersAndGivesTheSameResults(string query)
    {
        var searcher = new IndexSearcher(_reader);
        var request = new SearchRequest(query) { Top = 50, IncludeFacets = true, FacetTop = 100 };
        string sequential = Json(new ArticleSearcher(1).Search(searcher, request));
        var sliced = new ArticleSearcher(3) { MinParallelCost = 0 };
        var unsliced = new ArticleSearcher(1) { MinParallelCost = 0 };

        Assert.Equal(sequential, Json(sliced.Search(searcher, request with { MaxDegreeOfParallelism = 1 })));
        Assert.Equal(sequential, Json(unsliced.Search(searcher, request with { MaxDegreeOfParallelism = 4 })));
        Assert.Throws<ArgumentOutOfRangeException>(() => sliced.Search(searcher, request with { MaxDegreeOfParallelism = 0 }));
    }

    [Fact]
    public void Constructor_ParallelismBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArticleSearcher(0));
        Assert.InRange(ArticleSearcher.DefaultMaxDegreeOfParallelism, 1, 2);
        Assert.Equal(ArticleSearcher.DefaultMaxDegreeOfParallelism, new ArticleSearcher().MaxDegreeOfParallelism);
    }

    [Fact]
    public void RunAll_ACallFails_RethrowsItsExceptionAfterEveryCallEnded()
    {
        int ended = 0;

        var thrown = Assert.Throws<InvalidOperationException>(() => SlicedSearch.RunAll(4, 2, k =>
        {
            Thread.Sleep(k == 3 ? 0 : 50);
            Interlocked.Increment(ref ended);
            if (k == 3)
            {
                throw new InvalidOperationException("slice 3");
            }
        }));

        Assert.Equal("slice 3", thrown.Message);
        Assert.Equal(4, Volatile.Read(ref ended));
    }

    private static Dictionary<string, int> Counts(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static Dictionary<string, int> Counts(IEnumerable<Facets.FacetValue> values) =>
        values.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal);

    private static string Json(SearchResults results) => JsonSerializer.Serialize(results);

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => s_words[random.Next(s_words.Length)]));

    /// <summary>Records the global document numbers it sees, in order.</summary>
    private sealed class DocRecorder : ICollector
    {
        private int _docBase;

        public List<int> Docs { get; } = [];

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => Docs.Add(_docBase + doc);
    }
}
