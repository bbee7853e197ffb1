using System.Collections.Immutable;
using System.Reflection;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>Turns the failures of Lucene and the file system into <see cref="ArticleIndexException"/>s with one clear line each.</summary>
internal static class ArticleIndexErrors
{
    private static readonly Assembly s_lucene = typeof(IndexWriter).Assembly;

    /// <summary>
    /// The typed error for <paramref name="e"/>, or null when it is not an index failure (a bug, a cancellation). Lucene
    /// wraps causes (a merge's failure, a background thread's), so the whole chain is read and its most telling cause wins:
    /// a lock, then a full disk, then damage, then any other I/O failure.
    /// </summary>
    public static ArticleIndexException? Translate(Exception e, string path)
    {
        var causes = Causes(e).ToList();
        if (causes.OfType<OperationCanceledException>().Any())
        {
            return null;
        }

        if (causes.OfType<ArticleIndexException>().FirstOrDefault() is { } known)
        {
            return known;
        }

        if (causes.OfType<LockObtainFailedException>().FirstOrDefault() is { } locked)
        {
            return new ArticleIndexException(ArticleIndexErrorReason.Locked, $"The index at '{path}' is locked by another writer (is another 'danvan index' running?).", locked);
        }

        if (causes.OfType<IOException>().FirstOrDefault(IsDiskFull) is { } full)
        {
            return new ArticleIndexException(ArticleIndexErrorReason.DiskFull, $"The disk holding the index at '{path}' is full; the index keeps its last commit. ({Line(full)})", full);
        }

        if (causes.FirstOrDefault(IsDamage) is { } damage)
        {
            return new ArticleIndexException(ArticleIndexErrorReason.Corrupt, $"The index at '{path}' is damaged: {Line(damage)}", damage);
        }

        if (causes.FirstOrDefault(c => c is FileNotFoundException or DirectoryNotFoundException) is { } missing && System.IO.Directory.Exists(path))
        {
            return new ArticleIndexException(ArticleIndexErrorReason.Corrupt, $"The index at '{path}' is missing a file: {Line(missing)}", missing);
        }

        if (causes.FirstOrDefault(c => c is IOException or UnauthorizedAccessException) is { } io)
        {
            return new ArticleIndexException(ArticleIndexErrorReason.Io, $"The index at '{path}' could not be used: {Line(io)}", io);
        }

        // Lucene decodes a damaged file into nonsense before it notices: an index out of range, a bad argument (a slice
        // past the end of a compound file, a codec name that does not exist), a cast or an assertion failing inside
        // Lucene itself is damage too.
        if (causes.FirstOrDefault(c => c.TargetSite?.DeclaringType?.Assembly == s_lucene && c is IndexOutOfRangeException or ArgumentException or InvalidCastException or NullReferenceException or InvalidOperationException or OverflowException or Lucene.Net.Diagnostics.AssertionException) is { } nonsense)
        {
            return new ArticleIndexException(ArticleIndexErrorReason.Corrupt, $"The index at '{path}' is damaged: {Line(nonsense)}", nonsense);
        }

        return null;
    }

    /// <summary>ENOSPC (28) or EFBIG (27, a file size limit) on Unix, where .NET gives the errno as the HResult; ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows.</summary>
    public static bool IsDiskFull(IOException e) =>
        e.HResult is 28 or 27 or unchecked((int)0x80070070) or unchecked((int)0x80070027);

    // Lucene.Net reports some checks of the format as plain IOExceptions; their messages are Lucene's own, in English.
    private static readonly ImmutableArray<string> s_damageMessages =
        ["checksum failed", "codec footer mismatch", "codec header mismatch", "misplaced codec footer", "read past EOF", "file truncated", "did not read all bytes"];

    private static bool IsDamage(Exception e) =>
        e is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or EndOfStreamException or IndexNotFoundException
        || (e is IOException && s_damageMessages.Any(m => e.Message.Contains(m, StringComparison.OrdinalIgnoreCase)));

    private static IEnumerable<Exception> Causes(Exception e)
    {
        var pending = new Stack<Exception>();
        pending.Push(e);
        int seen = 0;
        while (pending.Count > 0 && seen++ < 32)
        {
            Exception cause = pending.Pop();
            yield return cause;
            if (cause is AggregateException aggregate)
            {
                foreach (Exception inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (cause.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    /// <summary>The first line of the message: Lucene's messages sometimes carry a resource description over several lines.</summary>
    private static string Line(Exception e)
    {
        string message = e.Message.ReplaceLineEndings("\n");
        int end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
