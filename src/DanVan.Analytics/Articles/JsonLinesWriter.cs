using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DanVan.Analytics.Articles;

/// <summary>
/// Writes JSON Lines to a file, a stream or standard output (<c>-</c>), one value at a time: nothing is held
/// beyond the current line and the stream's buffer. Not thread-safe.
/// </summary>
public sealed class JsonLinesWriter : IAsyncDisposable, IDisposable
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private readonly Utf8JsonWriter _json;

    /// <summary>Writes to <paramref name="stream"/>.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="leaveOpen">Whether disposing the writer leaves the stream open.</param>
    public JsonLinesWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(_line, s_writerOptions);
    }

    /// <summary>The lines written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Creates (or truncates) <paramref name="path"/>, or writes to standard output for <c>-</c>.</summary>
    /// <exception cref="IOException">The file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static JsonLinesWriter Create(string path)
    {
        return new JsonLinesWriter(JsonLines.OpenWrite(path), leaveOpen: false);
    }

    /// <summary>Writes <paramref name="value"/> as one line.</summary>
    public ValueTask WriteAsync<T>(T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        JsonSerializer.Serialize(_json, value, typeInfo);
        _json.Flush();
        _json.Reset();
        return EndLineAsync(cancellationToken);
    }

    /// <summary>Writes <paramref name="json"/>, which must be one line of JSON, as a line.</summary>
    public ValueTask WriteLineAsync(string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A JSON line must not contain a line break.", nameof(json));
        }

        Encoding.UTF8.GetBytes(json, _line);
        return EndLineAsync(cancellationToken);
    }

    /// <summary>Pushes the buffered lines to the stream's destination.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _stream.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _stream.FlushAsync();
        if (!_leaveOpen)
        {
            await _stream.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _json.Dispose();
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private async ValueTask EndLineAsync(CancellationToken cancellationToken)
    {
        _line.GetSpan(1)[0] = (byte)'\n';
        _line.Advance(1);
        try
        {
            await _stream.WriteAsync(_line.WrittenMemory, cancellationToken);
        }
        finally
        {
            _line.Clear();
        }

        Count++;
    }
}
