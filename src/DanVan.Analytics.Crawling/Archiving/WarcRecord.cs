using System.Globalization;
using System.Security.Cryptography;

namespace DanVan.Analytics.Crawling.Archiving;

/// <summary>One WARC record: its named fields and its content block, as stored.</summary>
public sealed record WarcRecord
{
    /// <summary>The version line (<c>WARC/1.1</c>).</summary>
    public required string Version { get; init; }

    /// <summary>The named fields in file order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; }

    /// <summary>The content block (for a response record: the HTTP status line, headers and payload).</summary>
    public required ReadOnlyMemory<byte> Block { get; init; }

    /// <summary>The first value of a named field, or <see langword="null"/>.</summary>
    /// <param name="name">The field name (any case).</param>
    /// <returns>The value.</returns>
    public string? Field(string name) => NamedValues.First(Fields, name);

    /// <summary>The <c>WARC-Type</c> (warcinfo, request, response, ...).</summary>
    public string? Type => Field("WARC-Type");

    /// <summary>The <c>WARC-Target-URI</c>.</summary>
    public string? TargetUri => Field("WARC-Target-URI");

    /// <summary>The <c>WARC-Record-ID</c>.</summary>
    public string? RecordId => Field("WARC-Record-ID");

    /// <summary>The <c>WARC-Date</c>.</summary>
    public DateTimeOffset? Date =>
        DateTimeOffset.TryParse(Field("WARC-Date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    /// <summary>Whether <c>WARC-Block-Digest</c> (when present) matches the block.</summary>
    /// <returns><see langword="true"/> when the digest is absent or matches.</returns>
    public bool BlockDigestMatches() => DigestMatches(Field("WARC-Block-Digest"), Block.Span);

    /// <summary>Whether <c>WARC-Payload-Digest</c> (when present) matches the HTTP payload of the block.</summary>
    /// <returns><see langword="true"/> when the digest is absent or matches.</returns>
    public bool PayloadDigestMatches() => DigestMatches(Field("WARC-Payload-Digest"), Block.Span[HttpHeadLength(Block.Span)..]);

    /// <summary>Splits an HTTP message block (request or response) into its head and payload.</summary>
    /// <returns>The head (including the empty line) and the payload.</returns>
    public (ReadOnlyMemory<byte> Head, ReadOnlyMemory<byte> Payload) SplitHttp()
    {
        int head = HttpHeadLength(Block.Span);
        return (Block[..head], Block[head..]);
    }

    /// <summary>The HTTP status code of a response record, or 0.</summary>
    public int HttpStatusCode
    {
        get
        {
            ReadOnlySpan<byte> block = Block.Span;
            int space = block.IndexOf((byte)' ');
            return block.StartsWith("HTTP/"u8) && space > 0 && block.Length >= space + 4
                && int.TryParse(block.Slice(space + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out int code) ? code : 0;
        }
    }

    // WARC digests are SHA-1 by convention (what readers and CDX indexes expect); they detect damage, not attacks.
#pragma warning disable CA5350
    internal static string Sha1Digest(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(data, hash);
        return "sha1:" + Base32.Encode(hash);
    }
#pragma warning restore CA5350

    internal static int HttpHeadLength(ReadOnlySpan<byte> block)
    {
        int end = block.IndexOf("\r\n\r\n"u8);
        return end < 0 ? block.Length : end + 4;
    }

    private static bool DigestMatches(string? expected, ReadOnlySpan<byte> data) =>
        expected is null || !expected.StartsWith("sha1:", StringComparison.OrdinalIgnoreCase) || Sha1Digest(data).Equals(expected, StringComparison.OrdinalIgnoreCase);
}
