using System.Buffers;
using System.Text;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Parsing.Markup;

/// <summary>Whitespace, invisible characters and normalization for every string the parser returns.</summary>
internal static class TextCleaner
{
    /// <summary>Collapses whitespace runs to one space, drops invisible characters, trims, and normalizes (NFC).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string collapsed = NeedsCollapse(text) ? Collapse(text) : text;
        return collapsed.Length == 0 ? collapsed : VietnameseNormalizer.Default.Normalize(collapsed);
    }

    /// <summary>The folded, collapsed form used as a lookup key ("Ý KIẾN  BÌNH LUẬN" → "y kien binh luan").</summary>
    public static string FoldKey(string text) => VietnameseFolder.Fold(Clean(text));

    /// <summary>Removes a trailing ellipsis ("...", "…", "[…]", "[...]") that marks shortened text.</summary>
    public static string TrimEllipsis(string text)
    {
        ReadOnlySpan<char> span = text.AsSpan().TrimEnd();
        while (true)
        {
            ReadOnlySpan<char> before = span;
            span = span.TrimEnd(" .…");
            if (span.EndsWith("[") || span.EndsWith("]"))
            {
                span = span.TrimEnd("[]").TrimEnd(" .…");
            }

            if (span.Length == before.Length)
            {
                return span.Length == text.Length ? text : span.ToString();
            }
        }
    }

    /// <summary>True for characters that separate words.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u202F' or '\u3000' or '\u2028' or '\u2029' or '\u1680' or '\u2000' or '\u2001' or '\u2004' or '\u2005' or '\u2006' or '\u2007' or '\u2008' or '\u200A' or '\u205F';

    /// <summary>The characters of <see cref="IsSpace"/> and <see cref="IsInvisible"/>, for vectorized searches.</summary>
    public static SearchValues<char> SpaceOrInvisible { get; } = SearchValues.Create(
        " \t\n\r\f\u00A0\u2002\u2003\u2009\u202F\u3000\u2028\u2029\u1680\u2000\u2001\u2004\u2005\u2006\u2007\u2008\u200A\u205F" +
        "\u200B\u200C\u200D\u2060\uFEFF\u00AD");

    /// <summary>True for characters that carry nothing visible (zero-width space, BOM, soft hyphen).</summary>
    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    private static bool NeedsCollapse(string text)
    {
        if (IsSpace(text[0]) || IsSpace(text[^1]))
        {
            return true;
        }

        bool previousSpace = false;
        foreach (char c in text)
        {
            bool space = IsSpace(c);
            if ((space && (previousSpace || c != ' ')) || IsInvisible(c))
            {
                return true;
            }

            previousSpace = space;
        }

        return false;
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (IsSpace(c))
            {
                pendingSpace = builder.Length > 0;
            }
            else if (!IsInvisible(c))
            {
                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
