namespace DanVan.Analytics.Search.Indexing;

/// <summary>Why an index could not be used.</summary>
public enum ArticleIndexErrorReason
{
    /// <summary>There is no index at the path.</summary>
    NotFound = 0,

    /// <summary>Another writer holds the index's write lock.</summary>
    Locked = 1,

    /// <summary>The index files are damaged or of an unknown format.</summary>
    Corrupt = 2,

    /// <summary>The index is open for reading only.</summary>
    ReadOnly = 3,

    /// <summary>The file system refused an operation.</summary>
    Io = 4,

    /// <summary>The folder holds other files and no index; it is left alone unless the caller insists (<see cref="ArticleIndexOptions.AllowForeignFiles"/>).</summary>
    NotAnIndex = 5,

    /// <summary>The disk (or the process's file size limit) is full; the last commit is intact.</summary>
    DiskFull = 6,
}

/// <summary>An index could not be opened, read or written; <see cref="Reason"/> says why.</summary>
public sealed class ArticleIndexException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArticleIndexException(ArticleIndexErrorReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with reason <see cref="ArticleIndexErrorReason.Io"/>.</summary>
    public ArticleIndexException()
        : this(ArticleIndexErrorReason.Io, "The index could not be used.")
    {
    }

    /// <summary>Creates the exception with reason <see cref="ArticleIndexErrorReason.Io"/>.</summary>
    public ArticleIndexException(string message)
        : this(ArticleIndexErrorReason.Io, message)
    {
    }

    /// <summary>Creates the exception with reason <see cref="ArticleIndexErrorReason.Io"/>.</summary>
    public ArticleIndexException(string message, Exception innerException)
        : this(ArticleIndexErrorReason.Io, message, innerException)
    {
    }

    /// <summary>Why the index could not be used.</summary>
    public ArticleIndexErrorReason Reason { get; }
}
