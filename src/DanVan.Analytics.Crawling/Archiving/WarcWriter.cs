using System.Globalization;
using System.IO.Compression;
using System.Text;
using DanVan.Analytics.Crawling.Fetching;

namespace DanVan.Analytics.Crawling.Archiving;

/// <summary>
/// Writes WARC/1.1 files (ISO 28500:2017) of the crawl's HTTP exchanges: a <c>warcinfo</c> record opens each file,
/// then a <c>request</c> and a <c>response</c> record per exchange, each record its own gzip member (so tools can
/// seek to a record), with <c>WARC-Record-ID</c>, <c>WARC-Date</c>, <c>WARC-Target-URI</c>, SHA-1 block and payload
/// digests in base32 and <c>Content-Length</c>. A new file is started when one reaches the size limit. Not thread
/// safe: one writer per crawl, called from one place.
/// </summary>
public sealed class WarcWriter : IDisposable
{
    private readonly string _directory;
    private readonly string _prefix;
    private readonly long _maxFileBytes;
    private readonly string _software;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _info;
    private FileStream? _file;
    private string? _warcinfoId;
    private int _sequence;
    private Dictionary<string, long> _written = new(StringComparer.Ordinal);

    /// <summary>Creates a writer that starts a new file in <paramref name="directory"/> on the first write.</summary>
    /// <param name="directory">The directory for the WARC files (created when missing).</param>
    /// <param name="prefix">The file name prefix. Default: <c>danvan</c>.</param>
    /// <param name="maxFileBytes">Start a new file once one is this long. Default: 1 GB.</param>
    /// <param name="info">Extra <c>warcinfo</c> fields (operator, robots policy, User-Agent).</param>
    public WarcWriter(string directory, string prefix = "danvan", long maxFileBytes = 1_000_000_000, IReadOnlyList<KeyValuePair<string, string>>? info = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
        _prefix = prefix;
        _maxFileBytes = maxFileBytes;
        _info = info ?? [];
        _software = "DanVan.Analytics.Crawling/" + (typeof(WarcWriter).Assembly.GetName().Version?.ToString(3) ?? "0");
        Directory.CreateDirectory(directory);
    }

    /// <summary>The file being written (name only), or <see langword="null"/> before the first record.</summary>
    public string? CurrentFile { get; private set; }

    /// <summary>The length of the current file.</summary>
    public long Length => _file?.Length ?? 0;

    /// <summary>Archives one exchange as a request record and a response record.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>The file and offset of the request record (the response record follows it), and the response record's id.</returns>
    public WarcPosition Write(HttpExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        EnsureFile();
        string requestId = NewRecordId();
        string responseId = NewRecordId();
        var position = new WarcPosition(CurrentFile!, _file!.Position) { ResponseRecordId = responseId };
        string date = FormatDate(exchange.Date);
        string target = exchange.Url.AbsoluteUri;

        byte[] requestBlock = exchange.RequestHead;
        WriteRecord(
            [
                new("WARC-Type", "request"),
                new("WARC-Record-ID", requestId),
                new("WARC-Date", date),
                new("WARC-Target-URI", target),
                new("WARC-Warcinfo-ID", _warcinfoId!),
                new("WARC-Concurrent-To", responseId),
                new("WARC-Block-Digest", WarcRecord.Sha1Digest(requestBlock)),
                new("Content-Type", "application/http;msgtype=request"),
            ],
            requestBlock,
            ReadOnlySpan<byte>.Empty);

        ReadOnlySpan<byte> payload = exchange.RawBody.Span;
        WriteRecord(
            [
                new("WARC-Type", "response"),
                new("WARC-Record-ID", responseId),
                new("WARC-Date", date),
                new("WARC-Target-URI", target),
                new("WARC-Warcinfo-ID", _warcinfoId!),
                new("WARC-Block-Digest", BlockDigest(exchange.ResponseHead, payload)),
                new("WARC-Payload-Digest", WarcRecord.Sha1Digest(payload)),
                new("Content-Type", "application/http;msgtype=response"),
            ],
            exchange.ResponseHead,
            payload);
        return position;
    }

    /// <summary>Pushes written records to the operating system, so they survive the process being killed.</summary>
    /// <returns>The length of every file written to since the last flush: the commit points for the crawl state.</returns>
    public IReadOnlyDictionary<string, long> Flush()
    {
        if (_file is not null)
        {
            _file.Flush();
            _written[CurrentFile!] = _file.Length;
        }

        var written = _written;
        _written = new Dictionary<string, long>(StringComparer.Ordinal);
        return written;
    }

    /// <summary>
    /// Makes the WARC files of an interrupted crawl consistent with its state: a file longer than its committed
    /// length is cut back (the records after it belong to pages that will be fetched again), and a file the state
    /// never registered is removed.
    /// </summary>
    /// <param name="directory">The WARC directory.</param>
    /// <param name="committedLengths">File name → committed length, from the crawl state.</param>
    /// <returns>The files changed.</returns>
    public static IReadOnlyList<string> Repair(string directory, IReadOnlyDictionary<string, long> committedLengths)
    {
        ArgumentNullException.ThrowIfNull(committedLengths);
        var changed = new List<string>();
        if (!Directory.Exists(directory))
        {
            return changed;
        }

        foreach (string path in Directory.EnumerateFiles(directory, "*.warc.gz"))
        {
            string name = Path.GetFileName(path);
            if (!committedLengths.TryGetValue(name, out long committed))
            {
                File.Delete(path);
                changed.Add(name);
                continue;
            }

            using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            if (file.Length > committed)
            {
                file.SetLength(committed);
                changed.Add(name);
            }
        }

        return changed;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _file?.Flush();
        _file?.Dispose();
        _file = null;
    }

    private void EnsureFile()
    {
        if (_file is not null && _file.Length < _maxFileBytes)
        {
            return;
        }

        if (_file is not null)
        {
            _file.Flush();
            _written[CurrentFile!] = _file.Length;
            _file.Dispose();
        }

        string name;
        string path;
        do
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{_prefix}-{DateTime.UtcNow:yyyyMMddHHmmss}-{_sequence++:D5}.warc.gz");
            path = Path.Combine(_directory, name);
        }
        while (File.Exists(path));

        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024);
        CurrentFile = name;
        _warcinfoId = NewRecordId();
        var fields = new StringBuilder();
        fields.Append("software: ").Append(_software).Append("\r\n");
        fields.Append("format: WARC File Format 1.1\r\n");
        fields.Append("conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n");
        foreach (var (key, value) in _info)
        {
            fields.Append(key).Append(": ").Append(value).Append("\r\n");
        }

        byte[] block = Encoding.UTF8.GetBytes(fields.ToString());
        WriteRecord(
            [
                new("WARC-Type", "warcinfo"),
                new("WARC-Record-ID", _warcinfoId),
                new("WARC-Date", FormatDate(DateTimeOffset.UtcNow)),
                new("WARC-Filename", name),
                new("WARC-Block-Digest", WarcRecord.Sha1Digest(block)),
                new("Content-Type", "application/warc-fields"),
            ],
            block,
            ReadOnlySpan<byte>.Empty);
        _file.Flush();
    }

    private void WriteRecord(KeyValuePair<string, string>[] fields, ReadOnlySpan<byte> block, ReadOnlySpan<byte> blockTail)
    {
        var head = new StringBuilder(512);
        head.Append("WARC/1.1\r\n");
        foreach (var (name, value) in fields)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append((block.Length + blockTail.Length).ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");

        // Each record is its own gzip member, compressed in memory and written in one go, so a file only ever
        // ends in the middle of a member if the process dies during that single write.
        using var member = new MemoryStream(block.Length + blockTail.Length + 1024);
        using (var gzip = new GZipStream(member, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(head.ToString()));
            gzip.Write(block);
            gzip.Write(blockTail);
            gzip.Write("\r\n\r\n"u8);
        }

        _file!.Write(member.GetBuffer(), 0, (int)member.Length);
    }

    private static string BlockDigest(ReadOnlySpan<byte> head, ReadOnlySpan<byte> payload)
    {
        using var sha1 = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA1);
        sha1.AppendData(head);
        sha1.AppendData(payload);
        return "sha1:" + Base32.Encode(sha1.GetHashAndReset());
    }

    private static string NewRecordId() => "<urn:uuid:" + Guid.NewGuid().ToString("D") + ">";

    private static string FormatDate(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
