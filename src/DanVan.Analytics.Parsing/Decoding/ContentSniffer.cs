using System.Collections.Frozen;

namespace DanVan.Analytics.Parsing.Decoding;

/// <summary>
/// Tells a page from other files by their content, not their name: a manifest or a server can call a PDF, an
/// image or a plain-text file "page.html", and parsing such a file would copy it into the output as an article.
/// </summary>
internal static class ContentSniffer
{
    // How far into the decoded text the first HTML tag must appear. Real pages open with a doctype or <html>
    // within a few bytes; a long comment or script before the first tag still fits.
    private const int MarkupProbeChars = 64 * 1024;

    // File signatures ("magic numbers") of the formats most often mistaken for pages, at offset 0 unless noted.
    private static readonly (byte[] Signature, int Offset, string Name)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), 0, "a PDF document"),
        ("%!PS"u8.ToArray(), 0, "a PostScript document"),
        ("{\\rtf"u8.ToArray(), 0, "an RTF document"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], 0, "a PNG image"),
        ("GIF87a"u8.ToArray(), 0, "a GIF image"),
        ("GIF89a"u8.ToArray(), 0, "a GIF image"),
        ([0xFF, 0xD8, 0xFF], 0, "a JPEG image"),
        ("II*\0"u8.ToArray(), 0, "a TIFF image"),
        ("MM\0*"u8.ToArray(), 0, "a TIFF image"),
        ("RIFF"u8.ToArray(), 0, "a RIFF file (WebP, WAV or AVI)"),
        ("ftyp"u8.ToArray(), 4, "an MP4/HEIF media file"),
        ("OggS"u8.ToArray(), 0, "an Ogg media file"),
        ("ID3"u8.ToArray(), 0, "an MP3 file"),
        ("fLaC"u8.ToArray(), 0, "a FLAC file"),
        ([(byte)'P', (byte)'K', 0x03, 0x04], 0, "a ZIP archive (or an Office/EPUB document)"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], 0, "a 7-Zip archive"),
        ([0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00], 0, "an XZ archive"),
        ([0x28, 0xB5, 0x2F, 0xFD], 0, "a Zstandard archive"),
        ("BZh"u8.ToArray(), 0, "a bzip2 archive"),
        ("Rar!"u8.ToArray(), 0, "a RAR archive"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], 0, "an ELF executable"),
        ("SQLite format 3\0"u8.ToArray(), 0, "an SQLite database"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 0, "an old Office document"),
        ("wOFF"u8.ToArray(), 0, "a web font"),
        ("wOF2"u8.ToArray(), 0, "a web font"),
    ];

    // Elements that open or fill real pages; one of them (or a doctype or comment) must appear early. A list rather
    // than "any <letters>" so that plain text with "a<b" or an e-mail in angle brackets is not taken for markup.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PageElements = new[]
    {
        "html", "head", "body", "meta", "title", "link", "base", "script", "style", "noscript",
        "div", "span", "p", "a", "b", "i", "em", "strong", "br", "hr", "img", "figure", "figcaption", "picture",
        "article", "section", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th", "tbody", "thead", "blockquote", "pre",
        "form", "input", "iframe", "time", "address", "font", "center", "small", "sup", "sub", "u",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What the bytes are when a file signature says they are not a page (a PDF, an image, an archive); null otherwise.</summary>
    public static string? DescribeSignature(ReadOnlySpan<byte> bytes)
    {
        foreach ((byte[] signature, int offset, string name) in Signatures)
        {
            if (bytes.Length >= offset + signature.Length && bytes.Slice(offset, signature.Length).SequenceEqual(signature))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Whether the decoded text has an HTML tag, doctype or comment near its start.</summary>
    public static bool HasMarkup(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> probe = text[..Math.Min(text.Length, MarkupProbeChars)];
        int at;
        while ((at = probe.IndexOf('<')) >= 0)
        {
            probe = probe[(at + 1)..];
            if (probe.StartsWith("!doctype", StringComparison.OrdinalIgnoreCase) || probe.StartsWith("!--", StringComparison.Ordinal))
            {
                return true;
            }

            ReadOnlySpan<char> name = probe.StartsWith('/') ? probe[1..] : probe;
            int length = 0;
            while (length < name.Length && length < 12 && char.IsAsciiLetterOrDigit(name[length]))
            {
                length++;
            }

            if (length > 0 && (length == name.Length || name[length] is '>' or '/' or ' ' or '\t' or '\r' or '\n')
                && PageElements.Contains(name[..length]))
            {
                return true;
            }
        }

        return false;
    }
}
