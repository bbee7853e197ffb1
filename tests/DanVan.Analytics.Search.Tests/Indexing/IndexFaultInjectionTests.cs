using System.Diagnostics;
using System.Globalization;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Search.Tests.Fixtures;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace DanVan.Analytics.Search.Tests.Indexing;

/// <summary>
/// Faults against real <c>danvan index</c> processes (issue 13): a second writer, kill -9 during commits, a full disk.
/// The truncated and damaged files are in <see cref="IndexDamageTests"/>.
/// </summary>
public sealed class IndexFaultInjectionTests : IClassFixture<IndexFaultInjectionTests.Inputs>, IDisposable
{
    private readonly Inputs _inputs;
    private readonly TempIndexFolder _folder = new();

    public IndexFaultInjectionTests(Inputs inputs)
    {
        _inputs = inputs;
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Index_SecondWriterProcess_FailsFastWithLocked_WhileSearchesKeepWorking()
    {
        using var first = RunningIndexer.Start(_inputs.Large, _folder.Path, commitEvery: 500);
        try
        {
            Assert.True(await first.WaitForCommitAsync() > 0, "the first writer exited before its first commit: " + first.Error);

            var clock = Stopwatch.StartNew();
            var second = await DanvanCli.RunAsync("index", "--in", _inputs.Small, "--index", _folder.Path);
            clock.Stop();
            var search = await DanvanCli.RunAsync("search", "--index", _folder.Path, "dân vận", "--top", "1");

            // Only meaningful while the first writer still runs (it has tens of thousands of articles to go).
            Assert.False(first.Process.HasExited, "the first writer ended before the second one tried: " + first.Error);
            Assert.Equal(1, second.ExitCode);
            Assert.Contains("locked by another writer", second.Error, StringComparison.Ordinal);
            Assert.Single(second.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the second writer took {clock.Elapsed} to give up");
            Assert.Equal(0, search.ExitCode);
            Assert.Contains("articles match", search.Output, StringComparison.Ordinal);
        }
        finally
        {
            await first.KillAsync();
        }

        // The killed writer's lock went with its process: a new writer gets the index at once.
        using ArticleIndex writer = ArticleIndex.OpenOrCreate(_folder.Path);
        int before = writer.Count;
        writer.AddOrUpdate(new ArticleDocument { Id = "after", Url = "https://x.vn/after", Title = "Sau sự cố" });
        writer.Commit();
        Assert.Equal(before + 1, writer.Count);
    }

    [Fact]
    public async Task Index_KilledDuringCommitsThenRerun_LosesNothingAndDuplicatesNothing()
    {
        const int CommitEvery = 50;
        int[] killAfterMilliseconds = [0, 15, 40];
        foreach (int delay in killAfterMilliseconds)
        {
            using var indexer = RunningIndexer.Start(_inputs.Medium, _folder.Path, CommitEvery);
            try
            {
                // Commits come every 50 articles, so a kill lands in or next to one.
                await indexer.WaitForCommitAsync();
                await Task.Delay(delay);
            }
            finally
            {
                await indexer.KillAsync();
            }

            AssertReadableAndClean(out int count);
            Assert.Equal(0, count % CommitEvery);
        }

        var rerun = await DanvanCli.RunAsync("index", "--in", _inputs.Medium, "--index", _folder.Path, "--commit-every", CommitEvery.ToString(CultureInfo.InvariantCulture));
        Assert.True(rerun.ExitCode == 0, rerun.Error);

        AssertReadableAndClean(out int final);
        Assert.Equal(Inputs.MediumCount, final);
        Assert.Equal(Enumerable.Range(0, Inputs.MediumCount).Select(n => $"a{n}").Order(StringComparer.Ordinal), StoredIds().Order(StringComparer.Ordinal));
    }

    [DiskLimitFact]
    public async Task Index_DiskFills_SaysTheDiskIsFullAndKeepsTheLastCommit()
    {
        using var disk = LimitedDisk.Create(_folder.Path);
        using var indexer = RunningIndexer.Start(_inputs.Large, _folder.Path, commitEvery: 200, disk.ShellPrefix);
        int exitCode = await indexer.WaitForExitAsync();

        Assert.True(exitCode == 1, $"exit code {exitCode} ({disk.Kind}): {indexer.Error}");
        Assert.Contains("is full", indexer.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", indexer.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", indexer.Error, StringComparison.Ordinal);

        AssertReadableAndClean(out int count);
        Assert.Equal(0, count % 200);
        Assert.True(count < Inputs.LargeCount, $"the {disk.Kind} limit was never reached");
    }

    private void AssertReadableAndClean(out int count)
    {
        using (ArticleIndex index = ArticleIndex.OpenReadOnly(_folder.Path))
        {
            count = index.Count;
            Assert.Equal(count, index.Search(new SearchRequest("") { Top = 1 }).TotalHits);
        }

        using var directory = FSDirectory.Open(_folder.Path);
        Assert.True(new CheckIndex(directory).DoCheckIndex().Clean);
    }

    private List<string> StoredIds()
    {
        using var directory = FSDirectory.Open(_folder.Path);
        using DirectoryReader reader = DirectoryReader.Open(directory);
        var ids = new List<string>(reader.NumDocs);
        Lucene.Net.Util.IBits? live = MultiFields.GetLiveDocs(reader);
        for (int doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is null || live.Get(doc))
            {
                ids.Add(reader.Document(doc).Get("id"));
            }
        }

        return ids;
    }

    /// <summary>The inputs, written once for the class.</summary>
    public sealed class Inputs : IDisposable
    {
        public const int LargeCount = 60_000;
        public const int MediumCount = 6_000;

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "danvan-faults-" + Guid.NewGuid().ToString("N"));

        public Inputs()
        {
            System.IO.Directory.CreateDirectory(_folder);
            ArticleLines.Write(Large, LargeCount);
            ArticleLines.Write(Medium, MediumCount);
            ArticleLines.Write(Small, 10, "second.danvan.test");
        }

        public string Large => Path.Combine(_folder, "large.jsonl");

        public string Medium => Path.Combine(_folder, "medium.jsonl");

        public string Small => Path.Combine(_folder, "small.jsonl");

        public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);
    }
}
