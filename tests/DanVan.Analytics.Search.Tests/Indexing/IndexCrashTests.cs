using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Search.Tests.Fixtures;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace DanVan.Analytics.Search.Tests.Indexing;

/// <summary>Kills a real <c>danvan index</c> process mid-run and checks that the last commit is intact.</summary>
public sealed class IndexCrashTests : IDisposable
{
    private const int CommitEvery = 500;
    private const int Articles = 60_000;

    private readonly TempIndexFolder _folder = new();
    private readonly string _input = Path.Combine(Path.GetTempPath(), "danvan-crash-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose()
    {
        File.Delete(_input);
        _folder.Dispose();
    }

    [Fact]
    public async Task Index_KilledMidRun_LeavesTheLastCommitReadableAndClean()
    {
        WriteInput();
        using var indexer = RunningIndexer.Start(_input, _folder.Path, CommitEvery);
        try
        {
            int committed = await indexer.WaitForCommitAsync();
            Assert.True(committed > 0, "the indexer exited before its first commit");
        }
        finally
        {
            await indexer.KillAsync();
        }

        using (ArticleIndex index = ArticleIndex.OpenReadOnly(_folder.Path))
        {
            Assert.InRange(index.Count, CommitEvery, Articles - 1);
            Assert.Equal(0, index.Count % CommitEvery);
            Assert.Equal(index.Count, index.Search(new SearchRequest("dân vận") { Top = 1 }).TotalHits);
        }

        using (var directory = FSDirectory.Open(_folder.Path))
        {
            var check = new CheckIndex(directory);
            Assert.True(check.DoCheckIndex().Clean);
        }

        // A new writer takes over the index the killed one left behind.
        using (ArticleIndex writer = ArticleIndex.OpenOrCreate(_folder.Path))
        {
            int before = writer.Count;
            writer.AddOrUpdate(new ArticleDocument { Id = "after", Url = "https://x.vn/after", Title = "Sau sự cố" });
            writer.Commit();
            Assert.Equal(before + 1, writer.Count);
        }
    }

    private void WriteInput() => ArticleLines.Write(_input, Articles);
}
