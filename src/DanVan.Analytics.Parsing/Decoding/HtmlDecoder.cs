using System.Buffers;
using System.Text;
using TextEncoding = System.Text.Encoding;

namespace DanVan.Analytics.Parsing.Decoding;

/// <summary>
/// Turns page bytes into text. The charset comes from the byte order mark, then the HTTP
/// <c>Content-Type</c> header, then <c>&lt;meta charset&gt;</c> (or <c>http-equiv</c>) in the first
/// 4 KB, then UTF-8; and the bytes get the last word: a page declared as a legacy charset whose bytes
/// are valid multi-byte UTF-8 is UTF-8, and a page declared UTF-8 whose bytes are not is windows-1258.
/// </summary>
internal static class HtmlDecoder
{
    private const int PrescanBytes = 4096;

    /// <summary>Decodes <paramref name="bytes"/>, adding a warning when the declared charset was wrong or missing.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType, List<ParseWarning> warnings)
    {
        using DecodedText text = DecodeText(bytes, contentType, warnings);
        return text.ToString();
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> as <see cref="Decode"/> does; UTF-8 pages (nearly all) are decoded in one
    /// validating pass into a pooled buffer, which the caller returns by disposing the result.
    /// </summary>
    public static DecodedText DecodeText(ReadOnlySpan<byte> bytes, string? contentType, List<ParseWarning> warnings)
    {
        // 1. A byte order mark is certain.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedText(DecodeUtf8(bytes[3..], warnings));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(TextEncoding.Unicode.GetString(bytes[2..]));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(TextEncoding.BigEndianUnicode.GetString(bytes[2..]));
        }

        // 2. The HTTP header, 3. the page's own declaration.
        string? declared = CharsetFromContentType(contentType);
        string source = "the HTTP header";
        if (declared is null)
        {
            declared = CharsetFromMeta(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
            source = "the page's <meta charset>";
        }

        TextEncoding? encoding = declared is null ? null : Resolve(declared);
        if (declared is not null && encoding is null)
        {
            warnings.Add(new ParseWarning(ParseWarningCode.UnknownCharset, $"The charset \"{declared}\" declared in {source} is unknown; the bytes were read as UTF-8 or windows-1258."));
        }

        bool expectsUtf8 = encoding is null || encoding.CodePage == TextEncoding.UTF8.CodePage;
        DecodedText utf8 = default;
        bool validUtf8 = (expectsUtf8 || encoding!.IsSingleByte) && TryDecodeUtf8(bytes, out utf8);
        bool hasMultiByte = validUtf8 && utf8.HasMultiByte;
        if (expectsUtf8)
        {
            if (validUtf8)
            {
                if (declared is null && hasMultiByte)
                {
                    warnings.Add(new ParseWarning(ParseWarningCode.CharsetGuessed, "The page declares no charset; its bytes are valid UTF-8."));
                }

                return utf8;
            }

            // UTF-8 text with a few stray bytes (a pasted Latin-1 character): reading the whole page as windows-1258
            // would garble every accented letter to keep those few.
            if (IsMostlyUtf8(bytes))
            {
                warnings.Add(new ParseWarning(declared is null ? ParseWarningCode.CharsetGuessed : ParseWarningCode.CharsetMismatch,
                    "The page's bytes are UTF-8 but for a few invalid ones, which were replaced by U+FFFD."));
                return new DecodedText(TextEncoding.UTF8.GetString(bytes));
            }

            // An archive's or a template's UTF-8 declaration before the page's own ("charset=gb2312" further down).
            if (declared is not null && CharsetFromMeta(bytes[..Math.Min(bytes.Length, PrescanBytes)], otherThanUtf8: true) is { } other &&
                Resolve(other) is { } otherEncoding)
            {
                warnings.Add(new ParseWarning(ParseWarningCode.CharsetMismatch, $"The page declares UTF-8 in {source} but its bytes are not valid UTF-8; it was read as \"{other}\", which it also declares."));
                return new DecodedText(DecodeAs(otherEncoding, bytes));
            }

            warnings.Add(new ParseWarning(
                declared is null ? ParseWarningCode.CharsetGuessed : ParseWarningCode.CharsetMismatch,
                declared is null
                    ? "The page declares no charset and is not valid UTF-8; it was read as windows-1258."
                    : $"The page declares UTF-8 in {source} but its bytes are not valid UTF-8; it was read as windows-1258."));
            return new DecodedText(DecodeWindows1258(bytes));
        }

        // A single-byte legacy charset cannot produce valid multi-byte UTF-8 from real text by accident.
        if (validUtf8 && hasMultiByte)
        {
            warnings.Add(new ParseWarning(ParseWarningCode.CharsetMismatch, $"The page declares \"{declared}\" in {source} but its bytes are UTF-8; it was read as UTF-8."));
            return utf8;
        }

        utf8.Dispose();
        return new DecodedText(DecodeAs(encoding!, bytes));
    }

    private static string DecodeAs(TextEncoding encoding, ReadOnlySpan<byte> bytes) =>
        encoding.CodePage == 1258 ? DecodeWindows1258(bytes) : encoding.GetString(bytes);

    // Validates and decodes in one pass. An incomplete sequence at the very end (a cut download) is not invalid
    // UTF-8; it becomes one U+FFFD, as Encoding.UTF8.GetString would write it.
    private static bool TryDecodeUtf8(ReadOnlySpan<byte> bytes, out DecodedText text)
    {
        ReadOnlySpan<byte> whole = CutAtCharacterBoundary(bytes);
        // UTF-8 never needs more UTF-16 units than bytes; the cut, when there is one, frees room for the U+FFFD.
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        if (System.Text.Unicode.Utf8.ToUtf16(whole, buffer, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            ArrayPool<char>.Shared.Return(buffer);
            text = default;
            return false;
        }

        bool hasMultiByte = written != whole.Length;
        if (whole.Length < bytes.Length)
        {
            buffer[written++] = '\uFFFD';
        }

        text = new DecodedText(buffer, written, hasMultiByte);
        return true;
    }

    // windows-1258 writes most tones as combining marks. Composing the whole page once is cheaper than
    // letting every text block take the normalizer's slow path; the output still goes through the normalizer.
    private static string DecodeWindows1258(ReadOnlySpan<byte> bytes) =>
        Windows1258.GetString(bytes).Normalize(NormalizationForm.FormC);

    /// <summary>windows-1258 (Vietnamese), from the code-pages provider.</summary>
    public static TextEncoding Windows1258 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1258)!;

    /// <summary>The encoding for a charset label, or null when unknown.</summary>
    public static TextEncoding? Resolve(string label)
    {
        string name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        // The two charsets Vietnamese sites use, without the providers' name lookups.
        if (name is "utf-8" or "utf8")
        {
            return TextEncoding.UTF8;
        }

        if (name is "windows-1258" or "cp1258" or "x-cp1258" or "vn")
        {
            return Windows1258;
        }

        // The WHATWG encoding standard reads these labels as windows-1252; browsers do the same.
        if (name is "iso-8859-1" or "latin1" or "us-ascii" or "ascii")
        {
            name = "windows-1252";
        }

        if (name is "utf8" or "unicode-1-1-utf-8")
        {
            name = "utf-8";
        }

        if (name is "vn" or "cp1258" or "x-cp1258")
        {
            name = "windows-1258";
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? TextEncoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset parameter of a <c>Content-Type</c> header value.</summary>
    public static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        int at = contentType.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : ReadCharsetValue(contentType.AsSpan(at + "charset".Length));
    }

    // True when valid multi-byte UTF-8 sequences outnumber invalid bytes at least ten to one.
    private static bool IsMostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0;
        int invalid = 0;
        while (!bytes.IsEmpty)
        {
            int ascii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0)
            {
                break;
            }

            bytes = bytes[ascii..];
            if (System.Text.Rune.DecodeFromUtf8(bytes, out _, out int consumed) == System.Buffers.OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                invalid++;
            }

            bytes = bytes[Math.Max(1, consumed)..];
        }

        return invalid > 0 && valid >= 10 * invalid;
    }

    private static string? CharsetFromMeta(ReadOnlySpan<byte> head, bool otherThanUtf8 = false)
    {
        // Looks for "charset" in the first bytes, in the page's <meta charset> or http-equiv content.
        ReadOnlySpan<byte> needle = "charset"u8;
        int offset = 0;
        while (offset < head.Length)
        {
            int at = IndexOfIgnoreAsciiCase(head[offset..], needle);
            if (at < 0)
            {
                return null;
            }

            int after = offset + at + needle.Length;
            int end = Math.Min(head.Length, after + 64);
            string tail = TextEncoding.ASCII.GetString(head[after..end]);
            string? value = ReadCharsetValue(tail);
            if (value is not null && !(otherThanUtf8 && Resolve(value) is { CodePage: 65001 }))
            {
                return value;
            }

            offset = after;
        }

        return null;
    }

    private static string? ReadCharsetValue(ReadOnlySpan<char> rest)
    {
        int p = 0;
        while (p < rest.Length && rest[p] is ' ' or '\t')
        {
            p++;
        }

        if (p >= rest.Length || rest[p] != '=')
        {
            return null;
        }

        p++;
        while (p < rest.Length && rest[p] is ' ' or '"' or '\'')
        {
            p++;
        }

        int start = p;
        while (p < rest.Length && (char.IsAsciiLetterOrDigit(rest[p]) || rest[p] is '-' or '_' or '.' or ':'))
        {
            p++;
        }

        return p > start ? rest[start..p].ToString() : null;
    }

    private static int IndexOfIgnoreAsciiCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        for (int i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < lowerNeedle.Length && (haystack[i + j] | 0x20) == lowerNeedle[j])
            {
                j++;
            }

            if (j == lowerNeedle.Length)
            {
                return i;
            }
        }

        return -1;
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, List<ParseWarning> warnings)
    {
        if (!IsValidUtf8(bytes, out _))
        {
            warnings.Add(new ParseWarning(ParseWarningCode.InvalidBytes, "The page has a UTF-8 byte order mark but invalid UTF-8 bytes; they were replaced with U+FFFD."));
        }

        return TextEncoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// <paramref name="bytes"/> without an incomplete UTF-8 sequence at the end (a download or a size limit cut
    /// in the middle of a letter), so that valid UTF-8 does not look invalid.
    /// </summary>
    public static ReadOnlySpan<byte> CutAtCharacterBoundary(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.Length;
        int continuation = 0;
        while (end > 0 && continuation < 3 && (bytes[end - 1] & 0xC0) == 0x80)
        {
            end--;
            continuation++;
        }

        if (end == 0 || bytes[end - 1] < 0xC0)
        {
            return bytes;
        }

        // bytes[end - 1] leads a sequence of this many bytes; cut it only when it is incomplete.
        byte lead = bytes[end - 1];
        int needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
        return continuation < needed ? bytes[..(end - 1)] : bytes;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes, out bool hasMultiByte)
    {
        bytes = CutAtCharacterBoundary(bytes);
        int firstNonAscii = System.Text.Ascii.IsValid(bytes) ? -1 : bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        hasMultiByte = firstNonAscii >= 0;
        return !hasMultiByte || System.Text.Unicode.Utf8.IsValid(bytes[firstNonAscii..]);
    }
}

/// <summary>Decoded page text: a string, or a pooled buffer returned on <see cref="Dispose"/>.</summary>
internal struct DecodedText : IDisposable
{
    private string? _string;
    private char[]? _pooled;
    private readonly int _length;

    public DecodedText(string text)
    {
        _string = text;
        _length = text.Length;
    }

    public DecodedText(char[] pooled, int length, bool hasMultiByte)
    {
        _pooled = pooled;
        _length = length;
        HasMultiByte = hasMultiByte;
    }

    /// <summary>True when UTF-8 bytes held characters beyond ASCII.</summary>
    public readonly bool HasMultiByte { get; }

    /// <summary>The decoded text.</summary>
    public readonly ReadOnlyMemory<char> Memory => _string is not null ? _string.AsMemory() : _pooled.AsMemory(0, _length);

    /// <summary>The text as a string (the decoded string itself when there is one).</summary>
    public override readonly string ToString() => _string ?? new string(_pooled.AsSpan(0, _length));

    /// <summary>The string the text was decoded to, or null when it lives in a pooled buffer.</summary>
    public readonly string? AsString => _string;

    public void Dispose()
    {
        if (_pooled is not null)
        {
            ArrayPool<char>.Shared.Return(_pooled);
            _pooled = null;
        }

        _string = null;
    }
}
