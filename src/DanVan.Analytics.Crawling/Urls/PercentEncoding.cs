using System.Text;

namespace DanVan.Analytics.Crawling.Urls;

/// <summary>Percent-encoding helpers shared by URL canonicalization and robots.txt path matching.</summary>
internal static class PercentEncoding
{
    /// <summary>
    /// Appends the character at <paramref name="index"/> as UTF-8 escapes (<c>%E1%BB%A9</c>), consuming a whole
    /// surrogate pair when there is one; a lone surrogate becomes U+FFFD.
    /// </summary>
    public static void AppendUtf8Escaped(StringBuilder builder, ReadOnlySpan<char> value, ref int index)
    {
        Span<byte> utf8 = stackalloc byte[4];
        char c = value[index];
        int count;
        if (char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
        {
            count = Encoding.UTF8.GetBytes(value.Slice(index, 2), utf8);
            index++;
        }
        else
        {
            count = Encoding.UTF8.GetBytes(char.IsSurrogate(c) ? "\uFFFD" : value.Slice(index, 1), utf8);
        }

        for (int k = 0; k < count; k++)
        {
            AppendEscapedByte(builder, utf8[k]);
        }
    }

    /// <summary>Appends <c>%XX</c> with upper-case hex digits.</summary>
    public static void AppendEscapedByte(StringBuilder builder, int value) =>
        builder.Append('%').Append(HexDigit(value >> 4)).Append(HexDigit(value & 0xF));

    /// <summary>Whether <paramref name="value"/> has an escape (<c>%xx</c>) at <paramref name="index"/>.</summary>
    public static bool IsEscapeAt(ReadOnlySpan<char> value, int index) =>
        value[index] == '%' && index + 2 < value.Length && char.IsAsciiHexDigit(value[index + 1]) && char.IsAsciiHexDigit(value[index + 2]);

    /// <summary>The byte an escape at <paramref name="index"/> stands for.</summary>
    public static int EscapedByteAt(ReadOnlySpan<char> value, int index) => (HexValue(value[index + 1]) << 4) | HexValue(value[index + 2]);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);
}
