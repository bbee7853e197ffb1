using DanVan.Analytics.Articles;
using DanVan.Analytics.Classification;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Search.Tests.Fixtures;

namespace DanVan.Analytics.Search.Tests.Indexing;

/// <summary><see cref="ArticleIndex.ReadArticles"/>: stored articles read back whole from a real index on disk.</summary>
public sealed class ArticleIndexReadArticlesTests : IDisposable
{
    private readonly TempIndexFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly ArticleDocument[] Articles =
    [
        new()
        {
            Id = "lead-and-body", Url = "https://baodantoc.vn/a1", CanonicalUrl = "https://baodantoc.vn/a1-canonical", Site = "Báo Dân tộc và Phát triển",
            Title = "Dân vận khéo ở xã vùng cao", Lead = "Xã có 12 mô hình dân vận khéo.",
            Body = "Đồng chí Nguyễn Văn An, Bí thư Đảng ủy xã, cho biết.\n\nThực hiện Nghị quyết số 25-NQ/TW, xã đổi mới cách làm.",
            Published = new DateTimeOffset(2024, 5, 3, 8, 30, 0, TimeSpan.FromHours(7)), Authors = ["Minh Anh", "Thu Hà"],
            DocumentCodes = ["25-NQ/TW"], Officials = ["Nguyễn Văn An"], ModelCounts = [12],
            Classification = new ArticleClassification(true, 0.93, "dan_van_kheo", 0.71),
        },
        new()
        {
            // The body repeats the lead, so the index stores the body alone: the lead must not be cut from it on reading.
            Id = "body-repeats-lead", Url = "https://tuyengiao.vn/a2", Title = "Công tác dân vận năm 2024", Lead = "Tổng kết công tác dân vận.",
            Body = "Tổng kết công tác dân vận.\n\nCác cấp ủy đã triển khai đồng bộ.",
        },
        new()
        {
            Id = "no-lead", Url = "https://hanoimoi.vn/a3", Title = "Tin ngắn về thể thao", Body = "Đội bóng phường thắng trận chung kết.",
        },
        new()
        {
            Id = "lead-only", Url = "https://hanoimoi.vn/a4", Title = "Dân vận chính quyền", Lead = "Chỉ có phần sapo về dân vận chính quyền.",
        },
    ];

    [Fact]
    public void ReadArticles_NoQuery_GivesEveryArticleBackAsIndexed()
    {
        using (ArticleIndex writer = ArticleIndex.OpenOrCreate(_folder.Path))
        {
            foreach (ArticleDocument article in Articles)
            {
                writer.AddOrUpdate(article);
            }
        }

        using ArticleIndex index = ArticleIndex.OpenReadOnly(_folder.Path);
        List<ArticleDocument> read = index.ReadArticles().ToList();

        Assert.Equal(Articles.Length, read.Count);
        foreach (ArticleDocument expected in Articles)
        {
            ArticleDocument actual = Assert.Single(read, a => a.Id == expected.Id);
            Assert.Equal(expected.Url, actual.Url);
            Assert.Equal(expected.CanonicalUrl, actual.CanonicalUrl);
            Assert.Equal(expected.Title, actual.Title);
            Assert.Equal(expected.Lead, actual.Lead);
            Assert.Equal(expected.Body, actual.Body);
            Assert.Equal(expected.Published, actual.Published);
            Assert.Equal(expected.Published?.Offset, actual.Published?.Offset);
            Assert.Equal(expected.Authors, actual.Authors);
            Assert.Equal(expected.DocumentCodes, actual.DocumentCodes);
            Assert.Equal(expected.Officials, actual.Officials);
            Assert.Equal(expected.ModelCounts, actual.ModelCounts);
            Assert.Equal(expected.Classification, actual.Classification);
            Assert.Equal(expected.Site ?? new Uri(expected.Url).Host, actual.Site);

            // As a pipeline record, its text is the one the original record composes.
            Assert.Equal(ArticleText.Compose(expected.Title, expected.Lead, expected.Body), actual.ToRecord().ComposeText());
        }
    }

    [Fact]
    public void ReadArticles_Query_GivesExactlyTheArticlesASearchFinds()
    {
        using ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path);
        foreach (ArticleDocument article in Articles)
        {
            index.AddOrUpdate(article);
        }

        index.Commit();
        foreach (string query in new[] { "dân vận", "\"dân vận khéo\"", "-dân", "thể thao", "from:2024-05" })
        {
            string[] searched = index.Search(new SearchRequest(query) { Top = 100 }).Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();
            string[] read = index.ReadArticles(query).Select(a => a.Id).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(searched, read);
        }

        Assert.NotEmpty(index.ReadArticles("dân vận"));
        Assert.Throws<QuerySyntaxException>(() => index.ReadArticles("\"unclosed")); // at the call, before any reading
    }

    [Fact]
    public void ReadArticles_Canceled_Stops()
    {
        using ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path);
        foreach (ArticleDocument article in Articles)
        {
            index.AddOrUpdate(article);
        }

        index.Commit();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.Throws<OperationCanceledException>(() => index.ReadArticles(null, cancel.Token).ToList());
    }
}
