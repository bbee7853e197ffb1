using System.IO.Compression;

namespace DanVan.Analytics.Crawling.Fetching;

/// <summary>
/// Undoes HTTP content codings (gzip, deflate, br) while counting the bytes produced, so a small compressed body
/// that expands without end (a "gzip bomb") is cut off at the limit instead of filling memory.
/// </summary>
internal static class ContentDecoder
{
    private const int Chunk = 16 * 1024;

    /// <summary>Undoes the codings in <paramref name="encodings"/> (applied in the order listed, so undone in reverse).</summary>
    /// <exception cref="FetchBodyException">The result is over <paramref name="limit"/>, or the data is corrupt or the coding unknown.</exception>
    public static byte[] Decode(byte[] raw, ICollection<string> encodings, long limit)
    {
        if (encodings.Count == 0 || raw.Length == 0)
        {
            return raw;
        }

        byte[] data = raw;
        foreach (string encoding in encodings.Reverse())
        {
            string name = encoding.Trim().ToLowerInvariant();
            if (name is "identity" or "")
            {
                continue;
            }

            data = name switch
            {
                "gzip" or "x-gzip" => Gunzip(data, limit),
                "br" => Inflate(new BrotliStream(new MemoryStream(data), CompressionMode.Decompress), limit, name),
                "deflate" => InflateDeflate(data, limit),
                _ => throw new FetchBodyException(FetchStatus.DecodingError, $"unknown Content-Encoding '{encoding}'"),
            };
        }

        return data;
    }

    /// <summary>Whether <paramref name="data"/> starts with the gzip magic bytes.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 0x1F && data[1] == 0x8B;

    /// <summary>Decompresses gzip data within a limit.</summary>
    /// <exception cref="FetchBodyException">Over the limit, or corrupt.</exception>
    public static byte[] Gunzip(byte[] data, long limit) =>
        Inflate(new GZipStream(new MemoryStream(data), CompressionMode.Decompress), limit, "gzip");

    private static byte[] InflateDeflate(byte[] data, long limit)
    {
        // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; accept both.
        try
        {
            return Inflate(new ZLibStream(new MemoryStream(data), CompressionMode.Decompress), limit, "deflate");
        }
        catch (FetchBodyException e) when (e.Status == FetchStatus.DecodingError)
        {
            return Inflate(new DeflateStream(new MemoryStream(data), CompressionMode.Decompress), limit, "deflate");
        }
    }

    private static byte[] Inflate(Stream decoder, long limit, string name)
    {
        using (decoder)
        {
            using var output = new MemoryStream();
            byte[] chunk = new byte[Chunk];
            int read;
            try
            {
                while ((read = decoder.Read(chunk, 0, chunk.Length)) > 0)
                {
                    if (output.Length + read > limit)
                    {
                        throw new FetchBodyException(FetchStatus.TooLarge, $"the body decompresses to more than the {limit}-byte limit; decoding was aborted");
                    }

                    output.Write(chunk, 0, read);
                }
            }
            catch (InvalidDataException e)
            {
                throw new FetchBodyException(FetchStatus.DecodingError, $"the {name} body is corrupt: {e.Message}");
            }
            catch (InvalidOperationException e)
            {
                // BrotliStream reports corrupt input as InvalidOperationException, not InvalidDataException.
                throw new FetchBodyException(FetchStatus.DecodingError, $"the {name} body is corrupt: {e.Message}");
            }

            return output.ToArray();
        }
    }
}

/// <summary>A body that could not be read or decoded; carries the fetch status to report.</summary>
internal sealed class FetchBodyException(FetchStatus status, string message) : Exception(message)
{
    public FetchStatus Status { get; } = status;
}
