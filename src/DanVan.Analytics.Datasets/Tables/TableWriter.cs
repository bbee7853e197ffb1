using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DanVan.Analytics.Datasets.Tables;

/// <summary>
/// Writes one table (<c>articles</c>, <c>documents</c> …) to each asked format at once, streaming: JSONL and CSV go
/// out row by row through buffers, Parquet through a <see cref="ParquetTable{T}"/> on its own thread, a row group at a
/// time, so memory holds at most one row group per table.
/// </summary>
internal sealed class TableWriter<T> : IAsyncDisposable
    where T : class, IDatasetRow
{
    private const int JsonFlushBytes = 1 << 16;

    /// <summary>The JSON of every row: Vietnamese unescaped, no validation (the serializer writes valid JSON).</summary>
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly JsonTypeInfo<T> _jsonType;
    private readonly Stream? _jsonl;
    private readonly ArrayBufferWriter<byte>? _jsonBuffer;
    private readonly Utf8JsonWriter? _json;
    private readonly CsvTable? _csv;
    private readonly Stream? _parquetFile;
    private readonly ParquetTable<T>? _parquet;
    private bool _disposed;

    public TableWriter(StagingDirectory staging, string name, TableFormats formats, JsonTypeInfo<T> jsonType, string[] csvColumns, TableWriterOptions options)
    {
        Name = name;
        _jsonType = jsonType;
        if (formats.HasFlag(TableFormats.Jsonl))
        {
            _jsonl = staging.Create(name + ".jsonl");
            _jsonBuffer = new ArrayBufferWriter<byte>(JsonFlushBytes * 2);
            _json = new Utf8JsonWriter(_jsonBuffer, JsonOptions);
            Files.Add(name + ".jsonl");
        }

        if (formats.HasFlag(TableFormats.Csv))
        {
            _csv = CsvTable.Create(staging.Create(name + ".csv"), csvColumns, options.CsvByteOrderMark);
            Files.Add(name + ".csv");
        }

        if (formats.HasFlag(TableFormats.Parquet))
        {
            _parquetFile = staging.Create(name + ".parquet");
            _parquet = new ParquetTable<T>(_parquetFile, options.RowGroupSize);
            Files.Add(name + ".parquet");
        }
    }

    /// <summary>The table's name, e.g. <c>documents</c> or <c>ner/train</c>.</summary>
    public string Name { get; }

    /// <summary>The files written, relative to the dataset's folder.</summary>
    public List<string> Files { get; } = [];

    /// <summary>The rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Appends <paramref name="row"/> as one JSON line (the same bytes <see cref="Write"/> puts in the JSONL file).</summary>
    public static void AppendJsonLine(Utf8JsonWriter json, IBufferWriter<byte> buffer, T row, JsonTypeInfo<T> jsonType)
    {
        JsonSerializer.Serialize(json, row, jsonType);
        json.Flush();
        json.Reset();
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
    }

    /// <summary>A JSON writer for <see cref="AppendJsonLine"/> over <paramref name="buffer"/>.</summary>
    public static Utf8JsonWriter JsonWriter(IBufferWriter<byte> buffer) => new(buffer, JsonOptions);

    public void Write(T row)
    {
        if (_json is not null)
        {
            AppendJsonLine(_json, _jsonBuffer!, row, _jsonType);
            FlushJsonIfFull();
        }

        WriteOtherFormats(row);
    }

    /// <summary>
    /// Writes <paramref name="rows"/> rows whose JSON lines were made beforehand (with <see cref="AppendJsonLine"/>, e.g. in
    /// parallel); for a table written as JSONL only.
    /// </summary>
    public void WriteSerialized(ReadOnlySpan<byte> jsonLines, int rows)
    {
        if (_csv is not null || _parquet is not null)
        {
            throw new InvalidOperationException($"{Name} is written in other formats than JSONL: its rows are needed.");
        }

        if (_json is not null)
        {
            FlushJson();
            _jsonl!.Write(jsonLines);
        }

        Rows += rows;
    }

    private void WriteOtherFormats(T row)
    {
        Rows++;
        if (_csv is not null)
        {
            row.WriteCsv(_csv);
            _csv.EndRow();
        }

        _parquet?.Add(row);
    }

    private void FlushJsonIfFull()
    {
        if (_jsonBuffer!.WrittenCount >= JsonFlushBytes)
        {
            FlushJson();
        }
    }

    private void FlushJson()
    {
        if (_jsonBuffer!.WrittenCount > 0)
        {
            _jsonl!.Write(_jsonBuffer.WrittenSpan);
            _jsonBuffer.ResetWrittenCount();
        }
    }

    /// <summary>Writes what is buffered and closes the files.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_json is not null)
        {
            FlushJson();
        }

        if (_parquet is not null)
        {
            await _parquet.CompleteAsync().ConfigureAwait(false);
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_json is not null)
        {
            await _json.DisposeAsync().ConfigureAwait(false);
            await _jsonl!.DisposeAsync().ConfigureAwait(false);
        }

        if (_csv is not null)
        {
            await _csv.DisposeAsync().ConfigureAwait(false);
        }

        if (_parquet is not null)
        {
            await _parquet.DisposeAsync().ConfigureAwait(false);
            await _parquetFile!.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>How the tables are written.</summary>
internal sealed record TableWriterOptions(int RowGroupSize, bool CsvByteOrderMark);
