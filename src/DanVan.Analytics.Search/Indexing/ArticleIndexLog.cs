using Microsoft.Extensions.Logging;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>The index's log messages (source-generated: no formatting cost when the level is off).</summary>
internal static partial class ArticleIndexLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Opened the index at {Path} for writing ({State}, {Count} articles)")]
    public static partial void Opened(ILogger logger, string path, IndexFolder.State state, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The folder {Path} holds other files and no index; using it as asked (Lucene may delete files named like its own)")]
    public static partial void ForeignFolder(ILogger logger, string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Committed {Added} articles of this run to {Path}")]
    public static partial void Committed(ILogger logger, long added, string path);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Indexed {Added} articles into {Path} in {Elapsed}; it holds {Count}")]
    public static partial void RunFinished(ILogger logger, long added, string path, TimeSpan elapsed, int count);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Writing the index at {Path} failed ({Reason})")]
    public static partial void WriteFailed(ILogger logger, string path, ArticleIndexErrorReason reason, Exception exception);
}
