using System.Diagnostics;
using System.Text.Json;
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
        using Process process = StartIndexer();
        try
        {
            int committed = await WaitForFirstCommitAsync(process);
            Assert.True(committed > 0, "the indexer exited before its first commit");
        }
        finally
        {
            // SIGKILL on Unix: no chance to finish a commit or release anything.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
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

    private void WriteInput()
    {
        IReadOnlyList<ArticleDocument> corpus = TestCorpus.All;
        using var writer = new StreamWriter(_input);
        for (int n = 0; n < Articles; n++)
        {
            ArticleDocument source = corpus[n % corpus.Count];
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                id = $"a{n}",
                url = $"https://crash.danvan.test/{n}",
                title = source.Title + " dân vận",
                published = source.Published,
                authors = Array.Empty<string>(),
                lead = "",
                body = source.Body,
            }));
        }
    }

    private Process StartIndexer()
    {
        Process process = DanvanCli.Start("index", "--in", _input, "--index", _folder.Path, "--commit-every", CommitEvery.ToString(System.Globalization.CultureInfo.InvariantCulture));
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>Polls the index until a commit with articles is visible; returns its count, or 0 when the process exited first.</summary>
    private async Task<int> WaitForFirstCommitAsync(Process process)
    {
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (DirectoryExistsWithCommit())
            {
                try
                {
                    using var directory = FSDirectory.Open(_folder.Path);
                    using DirectoryReader reader = DirectoryReader.Open(directory);
                    if (reader.NumDocs > 0)
                    {
                        return reader.NumDocs;
                    }
                }
                catch (IOException)
                {
                    // The writer replaced the commit while we opened it; look again.
                }
            }

            await Task.Delay(20);
        }

        return 0;
    }

    private bool DirectoryExistsWithCommit() =>
        System.IO.Directory.Exists(_folder.Path) && System.IO.Directory.EnumerateFiles(_folder.Path, "segments_*").Any();
}
