namespace DanVan.Analytics.Search.Tests.Fixtures;

/// <summary>A fresh directory for an on-disk index, deleted on dispose.</summary>
internal sealed class TempIndexFolder : IDisposable
{
    public TempIndexFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "danvan-search-tests-" + Guid.NewGuid().ToString("N"));
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }
}
