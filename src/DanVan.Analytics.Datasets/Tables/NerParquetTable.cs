using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace DanVan.Analytics.Datasets.Tables;

/// <summary>
/// Writes <c>ner/{split}.parquet</c> column by column: sentences are appended straight into the columns of a row group
/// (token strings, tags, repetition levels), which a thread of its own writes while the next group fills.
/// </summary>
/// <remarks>
/// The schema is the one <see cref="ParquetSerializer"/> gives <see cref="NerSentenceRow"/>, so the file reads the same
/// as a serialized one. Going round the serializer matters here: a sentence row is a list of some thirty tokens, and
/// the serializer copies every row group into new arrays (on the large object heap) and holds the row objects, with
/// their lists, until the group is full, which made the token set most of a run's garbage collection. Two row groups'
/// columns are kept and reused: memory is flat, whatever the size of the input.
/// </remarks>
internal sealed class NerParquetTable : IAsyncDisposable
{
    private static readonly ParquetSchema Schema = typeof(NerSentenceRow).GetParquetSchema(false);

    private readonly Stream _output;
    private readonly int _rowGroupSize;
    private readonly DataField[] _fields;
    private readonly HandOff<Columns> _full = new(1);
    private readonly HandOff<Columns> _free = new(2);
    private readonly Task _writer;
    private Columns _filling;
    private bool _completed;
    private bool _failed;

    public NerParquetTable(Stream output, int rowGroupSize)
    {
        _output = output;
        _rowGroupSize = rowGroupSize;
        _fields = Schema.GetDataFields();
        if (_fields.Length != 4 || _fields[0].MaxRepetitionLevel != 0 || _fields[1].MaxRepetitionLevel != 0
            || _fields[2].MaxRepetitionLevel != 1 || _fields[3].MaxRepetitionLevel != 1)
        {
            throw new InvalidOperationException("Unexpected Parquet schema for the sentence rows: " + Schema);
        }

        // Two groups: one fills while the other is written.
        _filling = new Columns();
        _free.TryAdd(new Columns());
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        _writer = Task.Factory.StartNew(() => Write(options), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The rows added.</summary>
    public long Rows { get; private set; }

    /// <summary>Adds one sentence: its id, its article's id, its tokens and their tags (copied; the lists may be reused).</summary>
    public void Add(string id, string articleId, IReadOnlyList<string> tokens, IReadOnlyList<int> tags)
    {
        _filling.Add(id, articleId, tokens, tags);
        Rows++;
        if (_filling.Rows >= _rowGroupSize)
        {
            Hand();
        }
    }

    /// <summary>Writes the last row group and the footer; rethrows the writer's failure, if any.</summary>
    public async Task CompleteAsync()
    {
        if (!_completed)
        {
            if (_filling.Rows > 0)
            {
                Hand();
            }

            _completed = true;
            _full.Complete();
        }

        await _writer.ConfigureAwait(false);
    }

    private void Hand()
    {
        if (!_full.TryAdd(_filling) || _free.Take() is not Columns next)
        {
            // The writer stopped on an error: report that error.
            _writer.GetAwaiter().GetResult();
            throw new InvalidOperationException("The Parquet writer stopped.");
        }

        _filling = next;
    }

    private void Write(ParquetOptions options)
    {
        try
        {
            // Synchronous writes: asynchronous ones would each move to the thread pool (see SynchronousStream).
            using var stream = new SynchronousStream(_output);
            WriteGroupsAsync(stream, options).GetAwaiter().GetResult();
        }
        catch
        {
            _failed = true;
            _full.Fail();
            _free.Fail();
            throw;
        }
    }

    private async Task WriteGroupsAsync(Stream stream, ParquetOptions options)
    {
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(Schema, stream, options).ConfigureAwait(false);
        while (_full.Take() is Columns columns)
        {
            using (ParquetRowGroupWriter group = writer.CreateRowGroup())
            {
                await columns.WriteAsync(group, _fields).ConfigureAwait(false);
                group.CompleteValidate();
            }

            columns.Clear();
            _free.TryAdd(columns);
        }
    }

    /// <summary>Stops the writer (the file is left unfinished unless completed), waits for it and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        _full.Complete();
        try
        {
            await _writer.ConfigureAwait(false);
        }
        catch (Exception) when (_failed)
        {
            // Already reported by CompleteAsync or Add; disposing a failed table must not throw again.
        }

        await _output.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>One row group's columns, grown as needed and reused.</summary>
    private sealed class Columns
    {
        private ReadOnlyMemory<char>[] _ids = new ReadOnlyMemory<char>[256];
        private ReadOnlyMemory<char>[] _articleIds = new ReadOnlyMemory<char>[256];
        private ReadOnlyMemory<char>[] _tokens = new ReadOnlyMemory<char>[8192];
        private int[] _tags = new int[8192];
        private int[] _repetitions = new int[8192];
        private int[] _definitions = [];
        private int _tokenCount;

        public int Rows { get; private set; }

        public void Add(string id, string articleId, IReadOnlyList<string> tokens, IReadOnlyList<int> tags)
        {
            if (tokens.Count == 0 || tokens.Count != tags.Count)
            {
                throw new ArgumentException("A sentence row needs as many tags as tokens, and at least one.", nameof(tokens));
            }

            EnsureRows(Rows + 1);
            _ids[Rows] = id.AsMemory();
            _articleIds[Rows] = articleId.AsMemory();
            Rows++;
            EnsureTokens(_tokenCount + tokens.Count);
            for (int i = 0; i < tokens.Count; i++)
            {
                _tokens[_tokenCount + i] = tokens[i].AsMemory();
                _tags[_tokenCount + i] = tags[i];
                _repetitions[_tokenCount + i] = i == 0 ? 0 : 1;
            }

            _tokenCount += tokens.Count;
        }

        public void Clear()
        {
            // Drop the references to the strings; the arrays stay for the next group.
            Array.Clear(_ids, 0, Rows);
            Array.Clear(_articleIds, 0, Rows);
            Array.Clear(_tokens, 0, _tokenCount);
            Rows = 0;
            _tokenCount = 0;
        }

        // Every value is present: each definition level is its field's maximum.
        public async Task WriteAsync(ParquetRowGroupWriter group, DataField[] fields)
        {
            if (_definitions.Length < Math.Max(Rows, _tokenCount))
            {
                _definitions = new int[Math.Max(Rows, _tokenCount)];
            }

            await group.WriteAllPartsAsync<ReadOnlyMemory<char>>(fields[0], _ids.AsMemory(0, Rows), Levels(fields[0], Rows), null, CancellationToken.None).ConfigureAwait(false);
            await group.WriteAllPartsAsync<ReadOnlyMemory<char>>(fields[1], _articleIds.AsMemory(0, Rows), Levels(fields[1], Rows), null, CancellationToken.None).ConfigureAwait(false);
            ReadOnlyMemory<int> repetitions = _repetitions.AsMemory(0, _tokenCount);
            await group.WriteAllPartsAsync<ReadOnlyMemory<char>>(fields[2], _tokens.AsMemory(0, _tokenCount), Levels(fields[2], _tokenCount), repetitions, CancellationToken.None).ConfigureAwait(false);
            await group.WriteAllPartsAsync<int>(fields[3], _tags.AsMemory(0, _tokenCount), Levels(fields[3], _tokenCount), repetitions, CancellationToken.None).ConfigureAwait(false);
        }

        private ReadOnlyMemory<int>? Levels(DataField field, int count)
        {
            if (field.MaxDefinitionLevel == 0)
            {
                return null;
            }

            _definitions.AsSpan(0, count).Fill(field.MaxDefinitionLevel);
            return _definitions.AsMemory(0, count);
        }

        private void EnsureRows(int count)
        {
            if (count > _ids.Length)
            {
                Array.Resize(ref _ids, _ids.Length * 2);
                Array.Resize(ref _articleIds, _articleIds.Length * 2);
            }
        }

        private void EnsureTokens(int count)
        {
            if (count > _tokens.Length)
            {
                int size = Math.Max(count, _tokens.Length * 2);
                Array.Resize(ref _tokens, size);
                Array.Resize(ref _tags, size);
                Array.Resize(ref _repetitions, size);
            }
        }
    }
}
