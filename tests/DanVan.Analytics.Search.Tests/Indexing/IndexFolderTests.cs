using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Tests.Fixtures;

namespace DanVan.Analytics.Search.Tests.Indexing;

/// <summary>An --index folder that holds someone's files is refused, not emptied (issue 13, item 5).</summary>
public sealed class IndexFolderTests : IDisposable
{
    private readonly TempIndexFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void OpenOrCreate_FolderOfOtherFiles_IsRefusedAndTheFilesStay()
    {
        WriteUserFiles();

        var e = Assert.Throws<ArticleIndexException>(() => ArticleIndex.OpenOrCreate(_folder.Path));

        Assert.Equal(ArticleIndexErrorReason.NotAnIndex, e.Reason);
        Assert.Equal("title: mine", File.ReadAllText(Path.Combine(_folder.Path, "_config.yml")));
        Assert.Equal("notes", File.ReadAllText(Path.Combine(_folder.Path, "_notes.txt")));
        Assert.Equal(2, Directory.GetFileSystemEntries(_folder.Path).Length);
    }

    [Fact]
    public void OpenOrCreate_NewFolder_IsMarkedAndOpensAgain()
    {
        using (ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path))
        {
            index.AddOrUpdate(new ArticleDocument { Id = "a", Url = "https://x.vn/a", Title = "Dân vận" });
        }

        Assert.True(File.Exists(Path.Combine(_folder.Path, IndexFolder.MarkerFileName)));
        using ArticleIndex again = ArticleIndex.OpenOrCreate(_folder.Path);
        Assert.Equal(1, again.Count);
    }

    [Fact]
    public void OpenOrCreate_IndexWrittenBeforeMarkers_IsAdoptedAndMarked()
    {
        using (ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path))
        {
            index.AddOrUpdate(new ArticleDocument { Id = "a", Url = "https://x.vn/a", Title = "Dân vận" });
        }

        File.Delete(Path.Combine(_folder.Path, IndexFolder.MarkerFileName));

        using ArticleIndex again = ArticleIndex.OpenOrCreate(_folder.Path);
        Assert.Equal(1, again.Count);
        Assert.True(File.Exists(Path.Combine(_folder.Path, IndexFolder.MarkerFileName)));
    }

    [Fact]
    public void OpenOrCreate_FolderOfOtherFilesWithAllowForeignFiles_Opens()
    {
        WriteUserFiles();

        using ArticleIndex index = ArticleIndex.OpenOrCreate(_folder.Path, new ArticleIndexOptions { AllowForeignFiles = true });
        index.AddOrUpdate(new ArticleDocument { Id = "a", Url = "https://x.vn/a", Title = "Dân vận" });
        index.Commit();

        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void OpenOrCreate_UnderProc_IsAnIoErrorNotALock()
    {
        if (!Directory.Exists("/proc/self"))
        {
            return; // only Linux has /proc, where the folder cannot be created
        }

        var e = Assert.Throws<ArticleIndexException>(() => ArticleIndex.OpenOrCreate("/proc/danvan-idx"));

        Assert.Equal(ArticleIndexErrorReason.Io, e.Reason);
        Assert.DoesNotContain("locked", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Cli_FolderOfOtherFiles_ExitsWith1AndKeepsThemUnlessForced()
    {
        WriteUserFiles();
        string input = _folder.Path + ".jsonl";
        ArticleLines.Write(input, 3);
        try
        {
            var refused = await DanvanCli.RunAsync("index", "--in", input, "--index", _folder.Path);

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("is not an index", refused.Error, StringComparison.Ordinal);
            Assert.Equal(2, Directory.GetFileSystemEntries(_folder.Path).Length);

            var forced = await DanvanCli.RunAsync("index", "--in", input, "--index", _folder.Path, "--force");
            Assert.True(forced.ExitCode == 0, forced.Error);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private void WriteUserFiles()
    {
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllText(Path.Combine(_folder.Path, "_config.yml"), "title: mine");
        File.WriteAllText(Path.Combine(_folder.Path, "_notes.txt"), "notes");
    }
}
