using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Search.Tests.Fixtures;

namespace DanVan.Analytics.Search.Tests.Querying;

/// <summary>Issue 13's query edges (items 6, 7, 13) and issue 14's site names, on a small index written for each test.</summary>
public sealed class QueryEdgeTests : IDisposable
{
    private readonly TempIndexFolder _folder = new();
    private readonly ArticleIndex _index;

    public QueryEdgeTests()
    {
        _index = ArticleIndex.OpenOrCreate(_folder.Path);
        Add("an", "An toàn giao thông", "Người dân an tâm.");
        Add("an0", "Mã An0 của đợt thử", "Đợt An0 đã xong.");
        Add("zero", "Năm 0 giờ", "Lúc 0 giờ sáng, dân vận.");
        Add("zz0", "Ký hiệu zz0", "Mã zz0 ghi trên hồ sơ.");
        Add("zz", "Ký hiệu zz", "Mã zz và số 0 tách nhau.");
        Add("covid", "COVID-19 ở xã", "Phòng chống COVID-19.");
        Add("covid-other", "Covid và năm 19", "Covid qua rồi; 19 hộ dân.");
        _index.Commit();
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("-An0", "an0")]
    [InlineData("-zz0", "zz0")]
    [InlineData("-COVID-19", "covid")]
    public void Exclude_WordTheAnalyzerSplits_RemovesExactlyTheArticlesWithThatWord(string query, string excluded)
    {
        string[] all = Ids("");
        string[] expected = all.Where(id => id != excluded).ToArray();

        Assert.Equal(expected, Ids(query));
    }

    [Fact]
    public void Filters_MoreThanLuceneAllows_AreASyntaxErrorNotACrash()
    {
        string query = string.Join(' ', Enumerable.Range(0, 1100).Select(n => $"-site:s{n}.vn"));

        var e = Assert.Throws<QuerySyntaxException>(() => _index.Search(query));

        Assert.Contains("filters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_AsManyAsAllowed_StillSearch()
    {
        string query = string.Join(' ', Enumerable.Range(0, ArticleQueryParser.MaxFilters).Select(n => $"-site:s{n}.vn"));

        Assert.Equal(7, _index.Search(query).TotalHits);
    }

    [Fact]
    public void DateRange_FromAfterTo_SaysWhyNothingMatches()
    {
        SearchResults results = _index.Search("from:2025 to:2010");

        Assert.Equal(0, results.TotalHits);
        Assert.Contains(results.Notices, n => n.Contains("after to:", StringComparison.Ordinal));
        Assert.Empty(_index.Search("from:2010 to:2025").Notices);
    }

    [Fact]
    public void Page_PastTheLastHit_SaysSo()
    {
        SearchResults results = _index.Search(new SearchRequest("") { Skip = 100, Top = 10 });

        Assert.Equal(7, results.TotalHits);
        Assert.Empty(results.Hits);
        Assert.Contains(results.Notices, n => n.Contains("after the last", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_CanceledToken_Throws()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => _index.Search(new SearchRequest("dân"), canceled.Token));
    }

    [Fact]
    public void SiteNamedInWords_KeepsItsCaseInHitsAndFacets_AndIsFoundInAnyCase()
    {
        const string Name = "Ban Tuyên giáo Trung ương";
        _index.AddOrUpdate(new ArticleDocument { Id = "btg", Url = "https://tuyengiao.vn/a", Site = Name, Title = "Tin của Ban", Body = "Dân vận khéo." });
        _index.AddOrUpdate(new ArticleDocument { Id = "host", Url = "https://www.Baomoi.com/b", Title = "Tin báo", Body = "Dân vận khéo." });
        _index.Commit();

        SearchResults results = _index.Search(new SearchRequest("dân vận khéo") { IncludeFacets = true });

        Assert.Equal(Name, results.Hits.Single(h => h.Id == "btg").Site);
        Assert.Equal("baomoi.com", results.Hits.Single(h => h.Id == "host").Site);
        string facets = string.Join(", ", results.Facets!.Sites.Select(v => $"{v.Value} ({v.Count})"));
        Assert.True(results.Facets.Sites.Any(v => v.Value == Name && v.Count == 1), $"{results.TotalHits} hits ({string.Join(", ", results.Hits.Select(h => h.Id))}); sites: {facets}");
        Assert.Equal("btg", Assert.Single(_index.Search("site:\"ban tuyên giáo trung ương\"").Hits).Id);
    }

    private string[] Ids(string query) =>
        _index.Search(new SearchRequest(query) { Top = 100 }).Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();

    private void Add(string id, string title, string body) =>
        _index.AddOrUpdate(new ArticleDocument { Id = id, Url = $"https://edge.danvan.test/{id}", Title = title, Body = body });
}
