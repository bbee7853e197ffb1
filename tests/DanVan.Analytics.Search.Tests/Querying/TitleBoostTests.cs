using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Search.Tests.Fixtures;

namespace DanVan.Analytics.Search.Tests.Querying;

/// <summary>
/// The title boost of single words is applied by the collector only to hits that can still reach the top:
/// these tests check that a title match still ranks higher and that skipping hits never changes the ranking.
/// </summary>
public sealed class TitleBoostTests : IDisposable
{
    private static readonly string[] s_words = ["dân", "vận", "dần", "vẫn", "mặt", "trận", "xã", "hội", "công", "tác"];

    private readonly TempIndexFolder _folder = new();
    private readonly ArticleIndex _index;

    public TitleBoostTests()
    {
        _index = ArticleIndex.OpenOrCreate(_folder.Path);
        var random = new Random(11);
        for (int n = 0; n < 400; n++)
        {
            _index.AddOrUpdate(new ArticleDocument
            {
                Id = $"random-{n}",
                Url = $"https://x.vn/random-{n}",
                Title = Words(random, random.Next(1, 5)),
                Body = Words(random, random.Next(5, 40)),
            });
        }

        _index.AddOrUpdate(new ArticleDocument { Id = "title-other", Url = "https://y.vn/1", Title = "Tin ngắn", Body = "Cán bộ làm công tác quần chúng ở bản." });
        _index.AddOrUpdate(new ArticleDocument { Id = "title-match", Url = "https://y.vn/2", Title = "Tin quần chúng", Body = "Cán bộ làm công tác quần chúng ở bản." });
        _index.Commit();
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("quần")]
    [InlineData("quan")]
    [InlineData("quần chúng")]
    [InlineData("\"quần chúng\"")]
    public void Search_WordInTheTitle_RanksThatArticleFirst(string query)
    {
        SearchResults results = _index.Search(query);

        Assert.Equal(2, results.TotalHits);
        Assert.Equal("title-match", results.Hits[0].Id);
        Assert.True(results.Hits[0].Score > results.Hits[1].Score);
    }

    [Theory]
    [InlineData("dân")]
    [InlineData("dan van")]
    [InlineData("dân vận xã")]
    [InlineData("công tác")]
    [InlineData("vẫn -hội")]
    public void Search_TopPage_EqualsTheSamePageOfTheFullRanking(string query)
    {
        // With Top above the hit count the collector keeps every hit, so it never skips one: the reference.
        SearchResults all = _index.Search(new SearchRequest(query) { Top = SearchRequest.MaxTop });
        Assert.True(all.TotalHits > 20, $"'{query}' should match many articles, matched {all.TotalHits}.");
        Assert.Equal(all.TotalHits, all.Hits.Count);

        foreach ((int skip, int top) in new[] { (0, 1), (0, 10), (3, 4), (10, 10) })
        {
            SearchResults page = _index.Search(new SearchRequest(query) { Skip = skip, Top = top });

            Assert.Equal(all.TotalHits, page.TotalHits);
            Assert.Equal(all.Hits.Skip(skip).Take(top).Select(h => (h.Id, h.Score)), page.Hits.Select(h => (h.Id, h.Score)));
        }
    }

    [Fact]
    public void Search_FullRanking_IsOrderedByScoreThenIndexOrder()
    {
        SearchResults all = _index.Search(new SearchRequest("dan") { Top = SearchRequest.MaxTop });

        for (int k = 1; k < all.Hits.Count; k++)
        {
            Assert.True(all.Hits[k - 1].Score >= all.Hits[k].Score);
        }
    }

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => s_words[random.Next(s_words.Length)]));
}
