namespace DanVan.Analytics.Crawling.Archiving;

/// <summary>RFC 4648 base32 (upper case), the encoding WARC digests use (<c>sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ</c>).</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[((data.Length * 8) + 4) / 5];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        foreach (byte b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[index++] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        // Padding is only needed for lengths that are not a multiple of 5 bytes; a SHA-1 (20 bytes) needs none.
        string text = new(chars, 0, index);
        int padded = (text.Length + 7) / 8 * 8;
        return text.PadRight(padded, '=');
    }
}
