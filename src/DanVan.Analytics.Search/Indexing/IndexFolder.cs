using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>
/// The folder of an index and its marker file: a folder is used for writing only when it is absent, empty, marked as an
/// index, or holds a Lucene index from before markers; anything else is someone's files, which Lucene would partly
/// delete (it removes files named like its own, such as <c>_config.yml</c>).
/// </summary>
internal static class IndexFolder
{
    /// <summary>The marker's file name; Lucene leaves it alone (its own files start with "_" or "segments").</summary>
    public const string MarkerFileName = "danvan-index.json";

    private const string LockFileName = "write.lock";
    private const string MarkerContent = "{\"format\":\"danvan-index\",\"version\":1}\n";

    /// <summary>How the folder was found.</summary>
    public enum State
    {
        /// <summary>Absent or empty: a new index.</summary>
        New,

        /// <summary>Marked as an index.</summary>
        Marked,

        /// <summary>A Lucene index without the marker (written before markers existed).</summary>
        Unmarked,

        /// <summary>Other files and no index, accepted because the caller insisted.</summary>
        Foreign,
    }

    /// <summary>Checks that <paramref name="path"/> may hold a writable index, before Lucene touches it.</summary>
    /// <exception cref="ArticleIndexException">The folder holds other files and no index (<see cref="ArticleIndexErrorReason.NotAnIndex"/>).</exception>
    public static State Check(string path, LuceneDirectory directory, bool allowForeignFiles)
    {
        if (!System.IO.Directory.Exists(path))
        {
            return State.New;
        }

        if (File.Exists(Path.Combine(path, MarkerFileName)))
        {
            return State.Marked;
        }

        bool empty = !System.IO.Directory.EnumerateFileSystemEntries(path)
            .Any(entry => !string.Equals(Path.GetFileName(entry), LockFileName, StringComparison.Ordinal));
        if (empty)
        {
            return State.New;
        }

        if (DirectoryReader.IndexExists(directory))
        {
            return State.Unmarked;
        }

        if (allowForeignFiles)
        {
            return State.Foreign;
        }

        throw new ArticleIndexException(
            ArticleIndexErrorReason.NotAnIndex,
            $"'{path}' is not empty and is not an index; choose an empty or new folder (or --force to use it anyway, which may delete files named like Lucene's, such as '_config.yml').");
    }

    /// <summary>
    /// Checks that every file of the last commit ends with Lucene's footer (every file of the 4.8 format has one): a
    /// truncated file fails here, at open, with <see cref="CorruptIndexException"/>, instead of in the middle of a search
    /// or never (a writer does not read the files it does not merge). Costs a read of 16 bytes per file.
    /// </summary>
    public static void VerifyFooters(LuceneDirectory directory)
    {
        var commit = new SegmentInfos();
        commit.Read(directory);
        foreach (string file in commit.GetFiles(directory, false))
        {
            using IndexInput input = directory.OpenInput(file, IOContext.READ_ONCE);
            CodecUtil.RetrieveChecksum(input);
        }
    }

    /// <summary>Writes the marker (when the writer holds the lock, so that two writers never race on it).</summary>
    public static void Mark(string path)
    {
        string marker = Path.Combine(path, MarkerFileName);
        if (!File.Exists(marker))
        {
            File.WriteAllText(marker, MarkerContent);
        }
    }
}
