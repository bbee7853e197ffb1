using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Search.Tests.Fixtures;

namespace DanVan.Analytics.Search.Tests.Indexing;

public sealed class ArticleIndexTests : IDisposable
{
    private readonly TempIndexFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AddOrUpdate_SameCanonicalUrlTwice_KeepsOneArticleWithTheNewText()
    {
        using ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path);
        index.AddOrUpdate(Article("a", "Bản tin thứ nhất", canonicalUrl: "https://x.vn/a"));
        index.AddOrUpdate(Article("a-copy", "Bản tin đã sửa", canonicalUrl: "https://x.vn/a"));
        index.Commit();

        Assert.Equal(1, index.Count);
        Assert.Equal(0, index.Search("thứ nhất").TotalHits);
        Assert.Equal("a-copy", Assert.Single(index.Search("đã sửa").Hits).Id);
    }

    [Fact]
    public void Delete_ByKey_RemovesTheArticle()
    {
        using ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path);
        index.AddOrUpdate(Article("a", "Dân vận khéo"));
        index.AddOrUpdate(Article("b", "Dân vận khéo"));
        index.Commit();

        index.Delete("https://x.vn/a");
        index.Commit();

        Assert.Equal("b", Assert.Single(index.Search("dân vận").Hits).Id);
    }

    [Fact]
    public void Search_UncommittedChanges_AreVisibleAfterRefreshAndLostWithoutCommit()
    {
        using (ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path))
        {
            index.AddOrUpdate(Article("a", "Dân vận khéo"));
            index.Commit();
            index.AddOrUpdate(Article("b", "Dân vận khéo"));

            Assert.Equal(1, index.Search("dân vận").TotalHits);
            index.Refresh();
            Assert.Equal(2, index.Search("dân vận").TotalHits);

            // Another reader of the directory sees only what was committed.
            using ArticleIndex reader = ArticleIndex.OpenReadOnly(_folder.Path);
            Assert.Equal(1, reader.Count);
        }
    }

    [Fact]
    public void OpenOrCreate_WhileAnotherWriterHoldsTheIndex_FailsWithLocked()
    {
        using ArticleIndex first = ArticleIndex.OpenOrCreate(_folder.Path);

        var e = Assert.Throws<ArticleIndexException>(() => ArticleIndex.OpenOrCreate(_folder.Path));

        Assert.Equal(ArticleIndexErrorReason.Locked, e.Reason);
    }

    [Fact]
    public void OpenReadOnly_MissingOrEmptyDirectory_FailsWithNotFound()
    {
        Assert.Equal(ArticleIndexErrorReason.NotFound, Assert.Throws<ArticleIndexException>(() => ArticleIndex.OpenReadOnly(_folder.Path)).Reason);
        Directory.CreateDirectory(_folder.Path);
        Assert.Equal(ArticleIndexErrorReason.NotFound, Assert.Throws<ArticleIndexException>(() => ArticleIndex.OpenReadOnly(_folder.Path)).Reason);
    }

    [Fact]
    public void OpenReadOnly_DamagedSegmentsFile_FailsWithCorrupt()
    {
        using (ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path))
        {
            index.AddOrUpdate(Article("a", "Dân vận khéo"));
        }

        string segments = Directory.GetFiles(_folder.Path, "segments_*").Single();
        byte[] bytes = File.ReadAllBytes(segments);
        Array.Fill(bytes, (byte)0x5A, 0, Math.Min(16, bytes.Length));
        File.WriteAllBytes(segments, bytes);

        var e = Assert.Throws<ArticleIndexException>(() => ArticleIndex.OpenReadOnly(_folder.Path));
        Assert.Equal(ArticleIndexErrorReason.Corrupt, e.Reason);
    }

    [Fact]
    public void OpenReadOnly_MissingSegmentData_FailsWithCorrupt()
    {
        using (ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path))
        {
            index.AddOrUpdate(Article("a", "Dân vận khéo"));
        }

        foreach (string file in Directory.GetFiles(_folder.Path, "*.si"))
        {
            File.Delete(file);
        }

        var e = Assert.Throws<ArticleIndexException>(() => ArticleIndex.OpenReadOnly(_folder.Path));
        Assert.Equal(ArticleIndexErrorReason.Corrupt, e.Reason);
    }

    [Fact]
    public void AddOrUpdate_OnReadOnlyIndex_FailsWithReadOnly()
    {
        using (ArticleIndex writer = ArticleIndex.OpenOrCreate(_folder.Path))
        {
            writer.Commit();
        }

        using ArticleIndex index = ArticleIndex.OpenReadOnly(_folder.Path);
        var e = Assert.Throws<ArticleIndexException>(() => index.AddOrUpdate(Article("a", "x")));
        Assert.Equal(ArticleIndexErrorReason.ReadOnly, e.Reason);
    }

    [Fact]
    public async Task Search_FromManyThreadsWhileWriting_AlwaysSucceeds()
    {
        using ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path);
        index.AddOrUpdate(Article("seed", "Dân vận khéo"));
        index.Commit();

        var writer = Task.Run(() =>
        {
            for (int k = 0; k < 300; k++)
            {
                index.AddOrUpdate(Article($"n{k}", $"Dân vận khéo số {k}"));
                if (k % 50 == 0)
                {
                    index.Refresh();
                }
            }
        });
        var counts = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 200, _ => counts.Add(index.Search("dan van kheo").TotalHits));
        await writer;
        index.Commit();

        Assert.All(counts, c => Assert.InRange(c, 1, 301));
        Assert.Equal(301, index.Search("dan van kheo").TotalHits);
    }

    [Fact]
    public void AddOrUpdate_FromManyThreads_KeepsEachArticleItsOwnFields()
    {
        // Concurrent calls build their documents with different reused builders: no field may leak between them.
        string[] sites = ["baomoi.com", "nhandan.vn", "qdnd.vn"];
        string[] codes = ["25-NQ/TW", "43-NQ/TW", "04/2015/NĐ-CP"];
        var articles = Enumerable.Range(0, 300).Select(k => new ArticleDocument
        {
            Id = $"n{k}",
            Url = $"https://{sites[k % 3]}/n{k}",
            Site = sites[k % 3],
            Title = $"Dân vận khéo mã{k}",
            Body = $"Bài số mã{k}.",
            Published = new DateTimeOffset(2015 + (k % 10), 1, 1, 8, 0, 0, TimeSpan.FromHours(7)),
            DocumentCodes = k % 2 == 0 ? [codes[k % 3]] : [],
            Officials = k % 5 == 0 ? ["Nguyễn Doãn Toản"] : [],
        }).ToList();
        using ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path);

        Parallel.ForEach(articles, new ParallelOptions { MaxDegreeOfParallelism = 4 }, index.AddOrUpdate);
        index.Commit();

        Assert.Equal(300, index.Count);
        foreach (ArticleDocument article in articles)
        {
            SearchHit hit = Assert.Single(index.Search($"ma{article.Id[1..]}").Hits);
            Assert.Equal(article.Id, hit.Id);
            Assert.Equal(article.Site, hit.Site);
            Assert.Equal(article.Published, hit.Published);
            Assert.Equal(article.DocumentCodes, hit.DocumentCodes);
            Assert.Equal(article.Officials, hit.Officials);
        }
    }

    private static ArticleDocument Article(string id, string title, string? canonicalUrl = null) => new()
    {
        Id = id,
        Url = $"https://x.vn/{id}",
        CanonicalUrl = canonicalUrl,
        Title = title,
        Body = title,
    };
}
