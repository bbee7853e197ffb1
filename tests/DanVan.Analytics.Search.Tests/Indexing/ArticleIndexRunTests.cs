using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Tests.Fixtures;

namespace DanVan.Analytics.Search.Tests.Indexing;

/// <summary>The library's long indexing run: facts found by the index itself, progress, commits, cancellation.</summary>
public sealed class ArticleIndexRunTests : IDisposable
{
    private readonly TempIndexFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AddAllAsync_WithAFactsProvider_IndexesTheFactsTheExtractorFinds()
    {
        using ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path, new ArticleIndexOptions { Facts = new ExtractedArticleFacts() });
        var article = new ArticleDocument
        {
            Id = "nq",
            Url = "https://x.vn/nq",
            Title = "Học tập nghị quyết",
            Body = "Thực hiện Nghị quyết số 25-NQ/TW của Bộ Chính trị về công tác dân vận.",
        };

        IndexRunSummary summary = await index.AddAllAsync(Articles(article));

        Assert.Equal(1, summary.Added);
        Assert.Equal("nq", Assert.Single(index.Search("doc:25-NQ/TW").Hits).Id);
    }

    [Fact]
    public async Task AddAllAsync_ReportsProgressAtEachCommitAndCommitsEverything()
    {
        var reports = new List<IndexProgress>();
        using ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path);

        IndexRunSummary summary = await index.AddAllAsync(Articles(TestCorpus.All.ToArray()), commitEvery: 40, new SynchronousProgress(reports.Add));

        Assert.Equal(TestCorpus.All.Count, summary.Added);
        Assert.Equal(TestCorpus.All.Count, summary.Count);
        Assert.Equal([40, 80, 120], reports.Where(r => r.Committed == r.Added && r.Added < summary.Added).Select(r => r.Added));
        Assert.Equal(summary.Added, reports[^1].Committed);
        using ArticleIndex reader = ArticleIndex.OpenReadOnly(_folder.Path);
        Assert.Equal(TestCorpus.All.Count, reader.Count);
    }

    [Fact]
    public async Task AddAllAsync_Canceled_StopsAndKeepsWhatWasCommitted()
    {
        using var cancel = new CancellationTokenSource();
        using (ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path))
        {
            var progress = new SynchronousProgress(p =>
            {
                if (p.Committed >= 20)
                {
                    cancel.Cancel();
                }
            });

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => index.AddAllAsync(Articles(TestCorpus.All.ToArray()), commitEvery: 20, progress, cancel.Token));
        }

        using ArticleIndex reader = ArticleIndex.OpenReadOnly(_folder.Path);
        Assert.InRange(reader.Count, 20, TestCorpus.All.Count - 1);
    }

    private static async IAsyncEnumerable<ArticleDocument> Articles(params ArticleDocument[] articles)
    {
        foreach (ArticleDocument article in articles)
        {
            await Task.Yield();
            yield return article;
        }
    }

    /// <summary>Reports on the calling thread (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => report(value);
    }
}
