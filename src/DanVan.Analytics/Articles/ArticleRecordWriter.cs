namespace DanVan.Analytics.Articles;

/// <summary>
/// Writes article records as JSON Lines (<see cref="ArticleRecordJson"/>'s shape: snake_case, with
/// <c>schema_version</c>) to a file, a stream or standard output (<c>-</c>), one record at a time. Not thread-safe.
/// </summary>
public sealed class ArticleRecordWriter : IAsyncDisposable, IDisposable
{
    private readonly JsonLinesWriter _lines;

    /// <summary>Writes to <paramref name="stream"/>.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="leaveOpen">Whether disposing the writer leaves the stream open.</param>
    public ArticleRecordWriter(Stream stream, bool leaveOpen = false)
        : this(new JsonLinesWriter(stream, leaveOpen))
    {
    }

    private ArticleRecordWriter(JsonLinesWriter lines) => _lines = lines;

    /// <summary>The records written so far.</summary>
    public long Count => _lines.Count;

    /// <summary>Creates (or truncates) <paramref name="path"/>, or writes to standard output for <c>-</c>.</summary>
    /// <exception cref="IOException">The file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static ArticleRecordWriter Create(string path) => new(JsonLinesWriter.Create(path));

    /// <summary>Writes <paramref name="record"/> as one line.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public ValueTask WriteAsync(ArticleRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _lines.WriteAsync(record, ArticleRecordJson.RecordInfo, cancellationToken);
    }

    /// <summary>Pushes the buffered records to the stream's destination.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _lines.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _lines.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();
}
