using System.Text;
using System.Text.Json;

namespace DanVan.Analytics.Crawling.Output;

/// <summary>
/// An append-only JSON Lines file that survives being killed mid-write: on open, a last line without its newline
/// (a write cut short) is removed, and the lines already written for URLs that were in flight are noted so they are
/// not written again when those URLs are fetched again. One line per URL, keyed by a string property.
/// </summary>
public sealed class JsonlAppendFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly HashSet<string> _alreadyWritten;

    private JsonlAppendFile(FileStream stream, HashSet<string> alreadyWritten)
    {
        _stream = stream;
        _alreadyWritten = alreadyWritten;
    }

    /// <summary>Opens (or creates) a JSONL file for appending.</summary>
    /// <param name="path">The file.</param>
    /// <param name="inFlightUrls">URLs that were in flight when the last run stopped (from <see cref="State.CrawlState.Recover"/>).</param>
    /// <param name="urlProperty">The top-level property holding a line's URL. Default: <c>url</c>.</param>
    /// <returns>The open file.</returns>
    public static JsonlAppendFile Open(string path, IReadOnlyCollection<string> inFlightUrls, string urlProperty = "url")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(inFlightUrls);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 64 * 1024);
        try
        {
            TruncatePartialLine(stream);
            var written = new HashSet<string>(StringComparer.Ordinal);
            if (inFlightUrls.Count > 0 && stream.Length > 0)
            {
                var wanted = new HashSet<string>(inFlightUrls, StringComparer.Ordinal);
                stream.Position = 0;
                using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
                while (reader.ReadLine() is { } line)
                {
                    if (UrlOf(line, urlProperty) is { } url && wanted.Contains(url))
                    {
                        written.Add(url);
                    }
                }
            }

            stream.Seek(0, SeekOrigin.End);
            return new JsonlAppendFile(stream, written);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Whether a line for <paramref name="url"/> was written before the last stop.</summary>
    /// <param name="url">The URL.</param>
    /// <returns><see langword="true"/> when appending it again would duplicate it.</returns>
    public bool WasWritten(string url) => _alreadyWritten.Contains(url);

    /// <summary>Appends one line unless the URL already has one from before the last stop.</summary>
    /// <param name="url">The line's URL.</param>
    /// <param name="json">The JSON object, on one line, without the newline.</param>
    /// <returns><see langword="false"/> when the line was skipped as already written.</returns>
    public bool Append(string url, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (_alreadyWritten.Remove(url))
        {
            return false;
        }

        // One write call for the line and its newline, so a kill leaves either the whole line or a partial last
        // line that the next Open removes.
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(json) + 1];
        Encoding.UTF8.GetBytes(json, bytes);
        bytes[^1] = (byte)'\n';
        _stream.Write(bytes);
        return true;
    }

    /// <summary>Pushes appended lines to the operating system.</summary>
    public void Flush() => _stream.Flush();

    /// <summary>Closes the file. Lines that could not be flushed (a full disk) are dropped here without throwing:
    /// the crawl already reported the failed flush, and the pages behind them were never committed, so the next
    /// run writes them again.</summary>
    public void Dispose()
    {
        try
        {
            _stream.Flush();
        }
        catch (IOException)
        {
            // Reported by the Flush that failed first; the uncommitted pages are fetched again.
        }

        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            // FileStream.Dispose flushes its buffer again and fails the same way.
        }
    }

    private static void TruncatePartialLine(FileStream stream)
    {
        long length = stream.Length;
        if (length == 0)
        {
            return;
        }

        var buffer = new byte[64 * 1024];
        long end = length;
        while (end > 0)
        {
            int size = (int)Math.Min(buffer.Length, end);
            stream.Position = end - size;
            stream.ReadExactly(buffer, 0, size);
            int newline = Array.LastIndexOf(buffer, (byte)'\n', size - 1, size);
            if (newline >= 0)
            {
                long keep = end - size + newline + 1;
                if (keep < length)
                {
                    stream.SetLength(keep);
                }

                return;
            }

            end -= size;
        }

        stream.SetLength(0); // not one complete line
    }

    private static string? UrlOf(string line, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out JsonElement url)
                && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
