using DanVan.Analytics.Classification;
using DanVan.Analytics.Search.Facets;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Search.Tests.Fixtures;

namespace DanVan.Analytics.Search.Tests.Indexing;

/// <summary>The index's classifier seam: what a classifier says is stored, filtered by and counted.</summary>
public sealed class ClassifiedIndexTests : IDisposable
{
    private readonly TempIndexFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AddOrUpdate_WithAClassifier_StoresVerdictScoreAndTopicOnlyForRelevantArticles()
    {
        var classifier = new KeywordClassifier();
        using ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path, new ArticleIndexOptions { Classifier = classifier });
        index.AddOrUpdate(Article("a", "Phong trào Dân vận khéo ở xã", "Ban Dân vận huyện tổng kết mô hình."));
        index.AddOrUpdate(Article("b", "Dân vận khéo trong xây dựng nông thôn mới", "Mặt trận và các đoàn thể."));
        index.AddOrUpdate(Article("c", "Công tác dân vận của chính quyền", "Tiếp công dân định kỳ."));
        index.AddOrUpdate(Article("d", "Giá vàng hôm nay tăng mạnh", "Thị trường khéo léo điều chỉnh."));
        index.AddOrUpdate(Article("e", "Dự báo thời tiết", ""));
        index.Commit();

        // Every text reached the classifier exactly once.
        Assert.Equal(5, classifier.Calls);
        Assert.Equal(["a", "b", "c"], Ids(index, "relevant:yes"));
        Assert.Equal(["d", "e"], Ids(index, "relevant:no"));
        Assert.Equal(["a", "b"], Ids(index, "topic:dan_van_kheo"));
        Assert.Equal(["a", "b"], Ids(index, "topic:Dân-Vận-Khéo"));
        Assert.Equal(["c"], Ids(index, "topic:\"dan van chinh quyen\""));
        Assert.Equal(["c"], Ids(index, "relevant:yes -topic:dan_van_kheo"));

        SearchResults all = index.Search(new SearchRequest("") { IncludeFacets = true, Top = 10 });
        Assert.Equal(new FacetValue[] { new("dan_van_kheo", 2), new("dan_van_chinh_quyen", 1) }, all.Facets!.Topics);

        SearchHit gold = Assert.Single(index.Search("relevant:no giá vàng").Hits);
        Assert.False(gold.Relevant);
        Assert.Equal(0.1, gold.RelevanceScore!.Value, 6);
        Assert.Null(gold.Topic); // an irrelevant article's topic is noise: not stored
        SearchHit kheo = index.Search("topic:dan_van_kheo nông thôn").Hits.Single();
        Assert.True(kheo.Relevant);
        Assert.Equal(0.9, kheo.RelevanceScore!.Value, 6);
        Assert.Equal(0.8, kheo.TopicScore!.Value, 6);
    }

    [Fact]
    public void Search_IndexWithoutClassifier_HasNoVerdictsAndNoTopicFacet()
    {
        using ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path);
        index.AddOrUpdate(Article("a", "Phong trào Dân vận khéo", "Ban Dân vận."));
        index.Commit();

        Assert.Equal(0, index.Search("relevant:yes").TotalHits);
        Assert.Equal(0, index.Search("relevant:no").TotalHits);
        SearchResults results = index.Search(new SearchRequest("dân vận") { IncludeFacets = true });
        SearchHit hit = Assert.Single(results.Hits);
        Assert.Null(hit.Relevant);
        Assert.Null(hit.Topic);
        Assert.Empty(results.Facets!.Topics);
    }

    [Fact]
    public void AddOrUpdate_ArticleAlreadyClassified_KeepsItsClassification()
    {
        var classifier = new KeywordClassifier();
        using ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path, new ArticleIndexOptions { Classifier = classifier });
        index.AddOrUpdate(Article("a", "Giá vàng", "Tăng.") with { Classification = new ArticleClassification(true, 0.7, "dan_chu_co_so", 0.6) });
        index.Commit();

        Assert.Equal(0, classifier.Calls);
        Assert.Equal(["a"], Ids(index, "topic:dan_chu_co_so"));
    }

    private static List<string> Ids(ArticleIndex index, string query) =>
        index.Search(query, top: 100).Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToList();

    private static ArticleDocument Article(string id, string title, string body) => new()
    {
        Id = id,
        Url = $"https://x.vn/{id}",
        Title = title,
        Body = body,
    };

    /// <summary>
    /// The keyword rule the issue measures learned models against ("dân vận" in the text), with a topic from a second
    /// keyword: a real classifier, simple enough that the expected verdicts are plain.
    /// </summary>
    private sealed class KeywordClassifier : IArticleClassifier
    {
        private int _calls;

        public int Calls => _calls;

        public ArticleClassification Classify(string text)
        {
            Interlocked.Increment(ref _calls);
            string lower = text.ToLowerInvariant();
            bool relevant = lower.Contains("dân vận", StringComparison.Ordinal);
            string topic = lower.Contains("khéo", StringComparison.Ordinal) ? "dan_van_kheo" : "dan_van_chinh_quyen";
            return new ArticleClassification(relevant, relevant ? 0.9 : 0.1, topic, relevant && topic == "dan_van_kheo" ? 0.8 : 0.5);
        }
    }
}
