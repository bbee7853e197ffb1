namespace DanVan.Analytics.Parsing.Decoding;

/// <summary>A read-only stream that gives back bytes already read from <c>inner</c> (the gzip probe) before the rest.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner) : Stream
{
    private ReadOnlyMemory<byte> _prefix = prefix;
    private readonly byte[] _tail = new byte[8];
    private long _total;

    /// <summary>
    /// True when the bytes read so far end in a gzip trailer whose length field (ISIZE, the uncompressed size
    /// modulo 2^32) equals <paramref name="uncompressedLength"/>: a gzip file cut short ends in compressed data instead.
    /// </summary>
    public bool EndsWithGzipTrailerFor(long uncompressedLength) =>
        _total >= 18 && System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(_tail.AsSpan(4)) == (uint)uncompressedLength;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!_prefix.IsEmpty)
        {
            int n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            Remember(buffer[..n]);
            return n;
        }

        int read = inner.Read(buffer);
        Remember(buffer[..read]);
        return read;
    }

    // Keeps the last eight bytes seen: a gzip member ends with CRC32 and ISIZE.
    private void Remember(ReadOnlySpan<byte> bytes)
    {
        _total += bytes.Length;
        if (bytes.Length >= _tail.Length)
        {
            bytes[^_tail.Length..].CopyTo(_tail);
        }
        else if (bytes.Length > 0)
        {
            _tail.AsSpan(bytes.Length).CopyTo(_tail);
            bytes.CopyTo(_tail.AsSpan(_tail.Length - bytes.Length));
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
