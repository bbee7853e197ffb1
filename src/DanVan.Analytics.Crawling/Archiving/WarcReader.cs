using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace DanVan.Analytics.Crawling.Archiving;

/// <summary>
/// Reads WARC files record by record, gzip-compressed (one member per record, or the whole file) or plain.
/// Malformed input gives a <see cref="WarcFormatException"/> naming the offset, never a crash; a file that ends
/// inside a record is reported the same way. (A last gzip member cut off before it produced any output reads as
/// the end of the file, because .NET's gzip decoder does not report truncation; <see cref="WarcWriter.Repair"/>
/// is what cleans up after an interrupted crawl.)
/// </summary>
public sealed class WarcReader : IDisposable
{
    /// <summary>The longest header section accepted (protects against reading a non-WARC file forever).</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    private readonly Stream _stream;
    private long _offset;

    /// <summary>Creates a reader over a stream.</summary>
    /// <param name="stream">The WARC data; the reader disposes it.</param>
    /// <param name="compressed">Whether the data is gzip-compressed; <see langword="null"/> detects it from the first
    /// two bytes of a seekable stream (a stream that cannot seek is taken as compressed).</param>
    public WarcReader(Stream stream, bool? compressed = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (compressed is null)
        {
            compressed = true;
            if (stream.CanSeek)
            {
                long origin = stream.Position;
                compressed = stream.ReadByte() == 0x1F && stream.ReadByte() == 0x8B;
                stream.Position = origin;
            }
        }

        _stream = compressed.Value
            ? new BufferedStream(new GZipStream(stream, CompressionMode.Decompress), 64 * 1024)
            : new BufferedStream(stream, 64 * 1024);
    }

    /// <summary>Reads every record of a file.</summary>
    /// <param name="path">The WARC file (<c>.warc</c> or <c>.warc.gz</c>).</param>
    /// <returns>The records in order.</returns>
    public static IEnumerable<WarcRecord> ReadAll(string path)
    {
        using var reader = new WarcReader(File.OpenRead(path));
        while (reader.Read() is { } record)
        {
            yield return record;
        }
    }

    /// <summary>Reads the next record.</summary>
    /// <returns>The record, or <see langword="null"/> at the end of the data.</returns>
    /// <exception cref="WarcFormatException">The data is not a well-formed WARC record.</exception>
    public WarcRecord? Read()
    {
        long start = _offset;
        try
        {
            return ReadRecord(start);
        }
        catch (InvalidDataException e)
        {
            throw new WarcFormatException($"corrupt compressed data in the record at decompressed offset {start}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private WarcRecord? ReadRecord(long start)
    {
        string? version;
        do
        {
            version = ReadLine();
        }
        while (version is { Length: 0 }); // tolerate extra blank lines between records

        if (version is null)
        {
            return null;
        }

        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
        {
            throw new WarcFormatException($"expected a WARC version line at decompressed offset {start}, found '{Truncate(version)}'");
        }

        var fields = new List<KeyValuePair<string, string>>();
        long contentLength = -1;
        int headerBytes = 0;
        while (true)
        {
            string line = ReadLine() ?? throw new WarcFormatException($"the record at decompressed offset {start} ends inside its header");
            headerBytes += line.Length + 2;
            if (headerBytes > MaxHeaderBytes)
            {
                throw new WarcFormatException($"the record at decompressed offset {start} has a header over {MaxHeaderBytes} bytes");
            }

            if (line.Length == 0)
            {
                break;
            }

            int colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new WarcFormatException($"malformed field '{Truncate(line)}' in the record at decompressed offset {start}");
            }

            string name = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim();
            fields.Add(new(name, value));
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out contentLength))
            {
                throw new WarcFormatException($"bad Content-Length '{Truncate(value)}' at decompressed offset {start}");
            }
        }

        if (contentLength < 0)
        {
            throw new WarcFormatException($"the record at decompressed offset {start} has no Content-Length");
        }

        if (contentLength > Array.MaxLength)
        {
            throw new WarcFormatException($"the record at decompressed offset {start} is too large to read into memory ({contentLength} bytes)");
        }

        byte[] block = new byte[contentLength];
        int got = _stream.ReadAtLeast(block, block.Length, throwOnEndOfStream: false);
        _offset += got;
        if (got < block.Length)
        {
            throw new WarcFormatException($"the record at decompressed offset {start} is truncated: {got} of {contentLength} bytes");
        }

        Span<byte> end = stackalloc byte[4];
        int tail = _stream.ReadAtLeast(end, 4, throwOnEndOfStream: false);
        _offset += tail;
        if (tail != 4 || !end.SequenceEqual("\r\n\r\n"u8))
        {
            throw new WarcFormatException($"the record at decompressed offset {start} does not end with CRLF CRLF");
        }

        return new WarcRecord { Version = version, Fields = fields, Block = block };
    }

    private string? ReadLine()
    {
        var bytes = new List<byte>(128);
        while (true)
        {
            int b = _stream.ReadByte();
            if (b < 0)
            {
                if (bytes.Count == 0)
                {
                    return null;
                }

                throw new WarcFormatException($"the data ends inside a line at decompressed offset {_offset}");
            }

            _offset++;
            if (b == '\n')
            {
                int length = bytes.Count > 0 && bytes[^1] == '\r' ? bytes.Count - 1 : bytes.Count;
                return Encoding.UTF8.GetString(bytes.ToArray(), 0, length);
            }

            bytes.Add((byte)b);
            if (bytes.Count > MaxHeaderBytes)
            {
                throw new WarcFormatException($"a line longer than {MaxHeaderBytes} bytes at decompressed offset {_offset}");
            }
        }
    }

    private static string Truncate(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
