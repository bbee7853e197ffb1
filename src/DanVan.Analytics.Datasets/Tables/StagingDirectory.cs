namespace DanVan.Analytics.Datasets.Tables;

/// <summary>
/// The dataset's files while they are written: under a hidden <c>.partial-…</c> folder in the output directory, moved to
/// their final names only when every file is complete, so a run that dies midway leaves no half-written file under a
/// final name (at most the hidden folder).
/// </summary>
internal sealed class StagingDirectory : IDisposable
{
    private readonly List<string> _files = [];
    private bool _committed;

    public StagingDirectory(string outputDirectory)
    {
        OutputDirectory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(OutputDirectory);
        Root = Path.Combine(OutputDirectory, ".partial-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    /// <summary>Where the files go at the end.</summary>
    public string OutputDirectory { get; }

    /// <summary>Where they are written meanwhile.</summary>
    public string Root { get; }

    /// <summary>The prefix of staging folders, which a later run may remove.</summary>
    public const string Prefix = ".partial-";

    /// <summary>Creates <paramref name="relativePath"/> (with '/' separators) in the staging folder.</summary>
    public FileStream Create(string relativePath)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _files.Add(relativePath);
        // Synchronous: the writers write from threads of their own, and asynchronous writes would each hop to the thread pool.
        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 1 << 16, FileOptions.None);
    }

    /// <summary>Adds a file written straight into <see cref="Root"/> to the files moved at the end.</summary>
    public void Track(string relativePath) => _files.Add(relativePath);

    /// <summary>Moves every file to its final name, then removes the staging folder.</summary>
    public void Commit()
    {
        foreach (string relative in _files)
        {
            string target = Path.Combine(OutputDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(Root, relative), target, overwrite: true);
        }

        _committed = true;
        Directory.Delete(Root, recursive: true);
    }

    /// <summary>Removes the staging folder of a run that did not commit.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(Root))
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Left behind; a later run with --force removes it.
            }
        }
    }
}
