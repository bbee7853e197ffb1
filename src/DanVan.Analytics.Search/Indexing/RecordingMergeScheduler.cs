using Lucene.Net.Index;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>
/// Lucene's background merges, with a failure recorded for the writer's next call instead of thrown on the merge
/// thread: Lucene.Net rethrows it there, an unhandled exception that ends the process with a stack trace (a full disk
/// during a merge did). A failed merge leaves the segments it was merging as they were.
/// </summary>
internal sealed class RecordingMergeScheduler : ConcurrentMergeScheduler
{
    private Exception? _failure;

    /// <summary>The first merge failure not yet taken, or null.</summary>
    public Exception? TakeFailure() => Interlocked.Exchange(ref _failure, null);

    protected override void HandleMergeException(Exception exc)
    {
        Interlocked.CompareExchange(ref _failure, exc, null);
    }
}
