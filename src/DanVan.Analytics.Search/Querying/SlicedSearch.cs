using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DanVan.Analytics.Search.Querying;

/// <summary>
/// Runs a query over the index in up to N slices of documents at once, each slice with its own collector: a
/// slice is a run of consecutive documents, cut inside a segment when needed, because a merged index is
/// mostly one large segment that slicing by segment alone could not share out.
/// </summary>
/// <remarks>
/// Each slice scores its documents in order with its own scorer from the one shared <see cref="Weight"/>, so a
/// document gets exactly the score it gets in a sequential search; the caller merges the collectors. Queries
/// whose estimated hit count is below <see cref="MinParallelCost"/> run as one slice on the calling thread.
/// </remarks>
internal static class SlicedSearch
{
    /// <summary>
    /// Below this many estimated hits a second thread is not worth it: waking a pool thread takes about 50 µs on
    /// an idle 2-core machine (measured), and a search over 16,384 hits takes about 0.6 ms on one thread.
    /// </summary>
    public const long MinParallelCost = 16_384;

    /// <summary>The slices per thread of a parallel search.</summary>
    public const int SlicesPerThread = 1;

    /// <summary>Runs <paramref name="query"/> and returns one collector per slice, in document order.</summary>
    /// <param name="searcher">The searcher.</param>
    /// <param name="query">The query.</param>
    /// <param name="parallelism">The most threads to run slices on at once (1: sequential on the calling thread).</param>
    /// <param name="minParallelCost">The estimated hit count from which the query is sliced.</param>
    /// <param name="newCollector">Creates the collector of a slice; it sees the slice's segments in order, documents in order.</param>
    /// <param name="cancellationToken">Checked before each piece of a segment.</param>
    public static List<T> Run<T>(IndexSearcher searcher, Query query, int parallelism, long minParallelCost, Func<T> newCollector, CancellationToken cancellationToken = default)
        where T : ICollector
    {
        Weight weight = searcher.CreateNormalizedWeight(query);
        IList<AtomicReaderContext> leaves = searcher.IndexReader.Leaves;
        var scorers = new Scorer?[leaves.Count];
        var costs = new long[leaves.Count];
        long total = 0;
        for (int k = 0; k < leaves.Count; k++)
        {
            scorers[k] = weight.GetScorer(leaves[k], leaves[k].AtomicReader.LiveDocs);
            costs[k] = scorers[k]?.GetCost() ?? 0;
            total += costs[k];
        }

        // One slice per thread: each slice starts with an empty top, whose low bar makes it look up the boost
        // terms of many hits, so more, smaller slices cost more than they balance (measured: 4 per thread was
        // about 10% slower). A thread that starts late (a busy machine) leaves its slice to the calling thread.
        int threads = total < minParallelCost ? 1 : Math.Max(1, parallelism);
        List<Piece>[] slices = Slice(leaves, scorers, costs, total, threads * SlicesPerThread);
        var collectors = new T[slices.Length];
        RunAll(slices.Length, threads, slice => collectors[slice] = Collect(weight, leaves, slices[slice], newCollector(), cancellationToken));
        return [.. collectors];
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0..count-1 on the calling thread and up to threads-1 thread-pool threads,
    /// each taking the next index not yet taken, and returns when all have ended.
    /// </summary>
    /// <remarks>
    /// The calling thread takes indexes too, so when the machine is busy and a pool thread starts late, the
    /// caller runs its share rather than wait for it. It still waits for a pool thread that took an index and
    /// then lost its core, which is why two threads can be slower than one when every core is busy.
    /// Rethrows a failing call's own exception (not an AggregateException), after every call has ended.
    /// </remarks>
    public static void RunAll(int count, int threads, Action<int> body)
    {
        if (count == 1 || threads == 1)
        {
            for (int index = 0; index < count; index++)
            {
                body(index);
            }

            return;
        }

        var state = new RunState(count, body);
        for (int k = 1; k < Math.Min(count, threads); k++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Work(), state, preferLocal: false);
        }

        state.Work();

        // Wait for the calls that pool threads took, even after a failure: none may go on reading a searcher
        // the caller releases next. A pool thread that starts after every index is taken does nothing.
        state.Done.Wait();
        state.Done.Dispose();
        if (state.Failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(state.Failure);
        }
    }

    /// <summary>Cuts the documents into up to <paramref name="count"/> slices of about equal estimated hits, assuming hits spread evenly within a segment.</summary>
    private static List<Piece>[] Slice(IList<AtomicReaderContext> leaves, Scorer?[] scorers, long[] costs, long total, int count)
    {
        // Where slices 1..count-1 start: the document at which the running estimate reaches the slice's share.
        double share = (double)total / count;
        var cuts = new List<(int Leaf, int Doc)>(count - 1);
        double before = 0;
        for (int k = 0, next = 1; k < leaves.Count; k++)
        {
            int maxDoc = leaves[k].AtomicReader.MaxDoc;
            while (next < count && before + costs[k] > next * share)
            {
                cuts.Add((k, Math.Clamp((int)((next * share - before) / costs[k] * maxDoc), 0, maxDoc)));
                next++;
            }

            before += costs[k];
        }

        var slices = new List<Piece>[count];
        for (int s = 0; s < count; s++)
        {
            slices[s] = [];
        }

        for (int k = 0, slice = 0, c = 0; k < leaves.Count; k++)
        {
            int from = 0;
            int maxDoc = leaves[k].AtomicReader.MaxDoc;
            for (; c < cuts.Count && cuts[c].Leaf == k; c++, slice++)
            {
                Add(slices[slice], k, from, cuts[c].Doc, scorers[k]);
                from = Math.Max(from, cuts[c].Doc);
            }

            Add(slices[slice], k, from, maxDoc, scorers[k]);
        }

        List<Piece>[] used = slices.Where(s => s.Count > 0).ToArray();
        return used.Length > 0 ? used : [[]];
    }

    private static void Add(List<Piece> slice, int leaf, int from, int to, Scorer? scorer)
    {
        if (scorer is not null && to > from)
        {
            // Only the piece that starts the segment may use its first scorer; the others get their own.
            slice.Add(new Piece(leaf, from, to, from == 0 ? scorer : null));
        }
    }

    private static T Collect<T>(Weight weight, IList<AtomicReaderContext> leaves, List<Piece> pieces, T collector, CancellationToken cancellationToken)
        where T : ICollector
    {
        foreach (Piece piece in pieces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AtomicReaderContext leaf = leaves[piece.Leaf];
            Scorer? scorer = piece.Scorer ?? weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }

            collector.SetNextReader(leaf);
            collector.SetScorer(scorer);
            int doc = piece.From == 0 ? scorer.NextDoc() : scorer.Advance(piece.From);
            while (doc < piece.To)
            {
                collector.Collect(doc);
                doc = scorer.NextDoc();
            }
        }

        return collector;
    }

    /// <summary>Documents <see cref="From"/>..<see cref="To"/> of segment <see cref="Leaf"/>, with the segment's first scorer when the piece starts at its first document.</summary>
    private readonly record struct Piece(int Leaf, int From, int To, Scorer? Scorer);

    private sealed class RunState(int count, Action<int> body)
    {
        private int _next = -1;

        public CountdownEvent Done { get; } = new(count);

        public Exception? Failure { get; private set; }

        public void Work()
        {
            for (int index; (index = Interlocked.Increment(ref _next)) < count;)
            {
                try
                {
                    body(index);
                }
                catch (Exception e)
                {
                    // Kept and rethrown on the calling thread.
                    lock (Done)
                    {
                        Failure ??= e;
                    }
                }
                finally
                {
                    Done.Signal();
                }
            }
        }
    }
}
