using System.Globalization;
using CsvHelper;

namespace DanVan.Analytics.Datasets.Tables;

/// <summary>
/// The product's one CSV dialect, written with CsvHelper: RFC 4180 (CRLF, a field quoted only when it holds a comma, a
/// quote or a line break, quotes doubled), UTF-8, values as they are (no formula-injection escaping, which would change
/// the data), numbers in the invariant culture, lists joined with <c>"; "</c>. The dataset tables, <c>danvan extract
/// --format csv</c> and <c>danvan search --format csv</c> all write through it, so pandas, R, DuckDB and Excel read
/// them alike.
/// </summary>
public sealed class CsvTable : IAsyncDisposable, IDisposable, ICsvFields
{
    private readonly CsvWriter _csv;
    private bool _disposed;

    private CsvTable(CsvWriter csv) => _csv = csv;

    /// <summary>Starts a table on <paramref name="stream"/> and writes its header.</summary>
    /// <param name="stream">Where the table goes (a file, standard output).</param>
    /// <param name="columns">The header's column names.</param>
    /// <param name="byteOrderMark">Start with a UTF-8 byte-order mark (for Excel).</param>
    /// <param name="leaveOpen">Leave <paramref name="stream"/> open when the table is disposed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="columns"/> is null.</exception>
    public static CsvTable Create(Stream stream, IReadOnlyList<string> columns, bool byteOrderMark = false, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(columns);
        var csv = CsvWriter.Create(stream, new CsvWriterOptions
        {
            WriteByteOrderMark = byteOrderMark,
            Injection = CsvInjection.None,
            NullValue = string.Empty,
        }, leaveOpen);
        csv.WriteHeader([.. columns]);
        return new CsvTable(csv);
    }

    /// <summary>Writes a text field (null as an empty field).</summary>
    public void Field(string? value) => _csv.WriteField(value ?? string.Empty);

    /// <summary>Writes a whole number.</summary>
    public void Field(long value) => _csv.WriteField(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes a whole number, or an empty field for null.</summary>
    public void Field(long? value) => _csv.WriteField(value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);

    /// <summary>Writes a number in its shortest round-trip form, or an empty field for null.</summary>
    public void Field(double? value) => _csv.WriteField(value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty);

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public void Field(bool value) => _csv.WriteField(value ? "true" : "false");

    /// <summary>Writes a list as one field, its items joined with <c>"; "</c>.</summary>
    public void Field(IReadOnlyList<string> values) => _csv.WriteField(string.Join("; ", values));

    /// <summary>Ends the current row.</summary>
    public void EndRow() => _csv.EndRecord();

    /// <summary>Flushes and closes the table (and its stream, unless it was left open).</summary>
    public ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        return _csv.DisposeAsync();
    }

    /// <summary>Flushes and closes the table (and its stream, unless it was left open).</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _csv.Dispose();
        }
    }
}
