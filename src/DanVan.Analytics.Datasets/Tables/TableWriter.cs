using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Parquet;
using Parquet.Serialization;

namespace DanVan.Analytics.Datasets.Tables;

/// <summary>
/// Writes one table (<c>articles</c>, <c>documents</c> …) to each asked format at once, streaming: JSONL and CSV go
/// out row by row, Parquet a row group at a time, so memory holds at most one row group per table.
/// </summary>
internal sealed class TableWriter<T> : IAsyncDisposable
    where T : class, IDatasetRow
{
    private readonly JsonTypeInfo<T> _jsonType;
    private readonly Stream? _jsonl;
    private readonly Utf8JsonWriter? _json;
    private readonly CsvTable? _csv;
    private readonly Stream? _parquet;
    private readonly List<T> _batch;
    private readonly int _rowGroupSize;
    private bool _parquetStarted;
    private bool _disposed;

    public TableWriter(StagingDirectory staging, string name, TableFormats formats, JsonTypeInfo<T> jsonType, string[] csvColumns, TableWriterOptions options)
    {
        Name = name;
        _jsonType = jsonType;
        _rowGroupSize = options.RowGroupSize;
        _batch = new List<T>(Math.Min(_rowGroupSize, 4096));
        if (formats.HasFlag(TableFormats.Jsonl))
        {
            _jsonl = staging.Create(name + ".jsonl");
            _json = new Utf8JsonWriter(_jsonl, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
            Files.Add(name + ".jsonl");
        }

        if (formats.HasFlag(TableFormats.Csv))
        {
            _csv = CsvTable.Create(staging.Create(name + ".csv"), csvColumns, options.CsvByteOrderMark);
            Files.Add(name + ".csv");
        }

        if (formats.HasFlag(TableFormats.Parquet))
        {
            _parquet = staging.Create(name + ".parquet");
            Files.Add(name + ".parquet");
        }
    }

    /// <summary>The table's name, e.g. <c>documents</c> or <c>ner/train</c>.</summary>
    public string Name { get; }

    /// <summary>The files written, relative to the dataset's folder.</summary>
    public List<string> Files { get; } = [];

    /// <summary>The rows written so far.</summary>
    public long Rows { get; private set; }

    public async ValueTask WriteAsync(T row, CancellationToken cancellationToken)
    {
        Rows++;
        if (_json is not null)
        {
            JsonSerializer.Serialize(_json, row, _jsonType);
            _json.Flush();
            _json.Reset();
            _jsonl!.WriteByte((byte)'\n');
        }

        if (_csv is not null)
        {
            row.WriteCsv(_csv);
            _csv.EndRow();
        }

        if (_parquet is not null)
        {
            _batch.Add(row);
            if (_batch.Count >= _rowGroupSize)
            {
                await FlushParquetAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Writes what is buffered and closes the files.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_parquet is not null && (_batch.Count > 0 || !_parquetStarted))
        {
            await FlushParquetAsync(cancellationToken).ConfigureAwait(false);
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    private async Task FlushParquetAsync(CancellationToken cancellationToken)
    {
        var options = new ParquetOptions { Append = _parquetStarted, CompressionMethod = CompressionMethod.Snappy };
        _parquet!.Seek(0, SeekOrigin.Begin);
        await ParquetSerializer.SerializeAsync(_batch, _parquet, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        _parquetStarted = true;
        _batch.Clear();
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
        }
    }
}

/// <summary>How the tables are written.</summary>
internal sealed record TableWriterOptions(int RowGroupSize, bool CsvByteOrderMark);
