using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Search.Tests.Fixtures;

namespace DanVan.Analytics.Search.Tests.Querying;

public sealed class RankingTests : IDisposable
{
    private readonly TempIndexFolder _folder = new();
    private readonly ArticleIndex _index;

    public RankingTests()
    {
        _index = ArticleIndex.OpenOrCreate(_folder.Path);
        _index.AddOrUpdate(new ArticleDocument { Id = "dần-vẫn", Url = "https://x.vn/1", Title = "Tin ngắn", Body = "Mọi việc dần vẫn như cũ ở xã." });
        _index.AddOrUpdate(new ArticleDocument { Id = "dân-vận", Url = "https://x.vn/2", Title = "Tin ngắn", Body = "Mọi việc dân vận như cũ ở xã." });
        _index.Commit();
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("dân vận", "dân-vận")]
    [InlineData("dần vẫn", "dần-vẫn")]
    [InlineData("\"dân vận\"", "dân-vận")]
    public void Search_WithDiacritics_RanksTheExactAccentFirst(string query, string expectedFirst)
    {
        SearchResults results = _index.Search(query);

        Assert.Equal(2, results.TotalHits);
        Assert.Equal(expectedFirst, results.Hits[0].Id);
        Assert.True(results.Hits[0].Score > results.Hits[1].Score);
    }

    [Fact]
    public void Search_WithDiacritics_RanksTheExactAccentInTheTitleFirst()
    {
        using var folder = new TempIndexFolder();
        using ArticleIndex index = ArticleIndex.OpenOrCreate(folder.Path);
        index.AddOrUpdate(new ArticleDocument { Id = "dần", Url = "https://x.vn/a", Title = "Dần dần", Body = "Bài viết về nông thôn mới." });
        index.AddOrUpdate(new ArticleDocument { Id = "dân", Url = "https://x.vn/b", Title = "Dân dân", Body = "Bài viết về nông thôn mới." });
        index.Commit();

        Assert.Equal(["dân", "dần"], index.Search("dân").Hits.Select(h => h.Id));
        Assert.Equal(["dần", "dân"], index.Search("dần").Hits.Select(h => h.Id));
    }

    [Fact]
    public void Search_WithoutDiacritics_FindsBoth()
    {
        Assert.Equal(2, _index.Search("dan van").TotalHits);
    }
}
