using Parquet;
using Parquet.Serialization;

namespace DanVan.Analytics.Datasets.Tables;

/// <summary>
/// Writes one Parquet file on a thread of its own: rows are handed over in small chunks and go through one
/// <see cref="ParquetSerializer"/> call for the whole file, which cuts them into row groups of a fixed size.
/// </summary>
/// <remarks>
/// One writer for the whole file instead of one appending call per row group: appending re-reads the file's footer each
/// time, and the footer grows with every row group (quadratic work, and memory, over a long run). The serialization also
/// overlaps the rest of the run instead of stopping it. Memory: one row group being filled, plus at most
/// <see cref="QueuedChunks"/> chunks of <see cref="ChunkRows"/> rows waiting.
/// </remarks>
internal sealed class ParquetTable<T> : IAsyncDisposable
    where T : class
{
    private const int ChunkRows = 256;
    private const int QueuedChunks = 8;

    private readonly HandOff<T[]> _chunks = new(QueuedChunks);
    private readonly Task _writer;
    private T[] _pending = new T[ChunkRows];
    private int _count;
    private bool _completed;
    private bool _failed;

    public ParquetTable(Stream output, int rowGroupSize)
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy, RowGroupSize = rowGroupSize };
        _writer = Task.Factory.StartNew(() => Serialize(output, options), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Queues a row; blocks while the writer is <see cref="QueuedChunks"/> chunks behind.</summary>
    public void Add(T row)
    {
        _pending[_count++] = row;
        if (_count == ChunkRows)
        {
            Hand();
        }
    }

    /// <summary>Writes the queued rows and the footer; rethrows the writer's failure, if any.</summary>
    public async Task CompleteAsync()
    {
        if (!_completed)
        {
            if (_count > 0)
            {
                Hand();
            }

            _completed = true;
            _chunks.Complete();
        }

        await _writer.ConfigureAwait(false);
    }

    private void Hand()
    {
        T[] chunk = _count == ChunkRows ? _pending : _pending[.._count];
        _pending = new T[ChunkRows];
        _count = 0;
        if (!_chunks.TryAdd(chunk))
        {
            // The writer stopped on an error: report that error.
            _writer.GetAwaiter().GetResult();
            throw new InvalidOperationException("The Parquet writer stopped.");
        }
    }

    private void Serialize(Stream output, ParquetOptions options)
    {
        try
        {
            // The stream is written synchronously: its asynchronous calls would move each write to the thread pool.
            using var stream = new SynchronousStream(output);
            ParquetSerializer.SerializeAsync(Rows(), stream, options).GetAwaiter().GetResult();
        }
        catch
        {
            _failed = true;
            _chunks.Fail();
            throw;
        }
    }

    private IEnumerable<T> Rows()
    {
        while (_chunks.Take() is T[] chunk)
        {
            foreach (T row in chunk)
            {
                yield return row;
            }
        }
    }

    /// <summary>Stops the writer (what it wrote is left unfinished) and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            _completed = true;
            _chunks.Complete();
        }

        try
        {
            await _writer.ConfigureAwait(false);
        }
        catch (Exception) when (_failed)
        {
            // Already reported by CompleteAsync or Add; disposing a failed table must not throw again.
        }
    }
}
