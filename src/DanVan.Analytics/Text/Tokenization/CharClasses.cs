using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace DanVan.Analytics.Text.Tokenization;

/// <summary>
/// Class flags of characters, read from a byte table that covers the whole Basic Multilingual Plane (64 KB;
/// the Latin, Vietnamese, combining-mark and punctuation rows that news text uses stay in the L1 cache),
/// and from the Unicode category for surrogate pairs.
/// </summary>
/// <remarks>
/// The table is built once from <see cref="CharUnicodeInfo"/> and never written after, so lookups in the
/// tokenizer's loops cost one load, with no range check and no call to <see cref="char.IsLetter(char)"/>.
/// Surrogates are marked <see cref="WordTail"/> so that the fast path hands them to the slow one, which
/// reads a pair as one code point.
/// </remarks>
internal static class CharClasses
{
    /// <summary>The number of entries of the table: one per UTF-16 code unit.</summary>
    public const int TableSize = 0x10000;

    /// <summary>An upper-case letter.</summary>
    public const int Upper = 1;

    /// <summary>A letter that is not upper case: lower case, title case or a letter of a caseless script.</summary>
    public const int NotUpper = 2;

    /// <summary>Any letter.</summary>
    public const int Letter = Upper | NotUpper;

    /// <summary>A combining mark (continues the letter before it, as in NFD text).</summary>
    public const int Mark = 4;

    /// <summary>A decimal digit.</summary>
    public const int Digit = 8;

    /// <summary>Blank space, line breaks, control and zero-width format characters: skipped between tokens.</summary>
    public const int Space = 16;

    /// <summary>Punctuation.</summary>
    public const int Punct = 32;

    /// <summary>
    /// A character that may continue a token of letters (an apostrophe, a dot, '@', ':', '_', '+', '-' or a digit)
    /// or that needs the slow path (a surrogate).
    /// </summary>
    public const int WordTail = 64;

    /// <summary>
    /// A letter carrying a Vietnamese tone mark (grave, acute, tilde, hook above, dot below), or that mark itself.
    /// Abbreviations never carry tones, so a capitalized "BÌNH LUẬN" reads as words, not as abbreviations.
    /// </summary>
    public const int Toned = 128;

    private static readonly byte[] s_table = BuildTable();

    /// <summary>A reference to the first entry of the table, for loads without bounds checks after a range check.</summary>
    public static ref byte Table
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref MemoryMarshal.GetArrayDataReference(s_table);
    }

    /// <summary>The class of the character or surrogate pair at <paramref name="index"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="index">A valid index in <paramref name="text"/>.</param>
    /// <param name="width">2 for a surrogate pair, else 1.</param>
    public static int Classify(ReadOnlySpan<char> text, int index, out int width)
    {
        char c = text[index];
        width = 1;
        if (!char.IsSurrogate(c))
        {
            return Unsafe.Add(ref Table, c);
        }

        if (char.IsHighSurrogate(c))
        {
            if (index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                width = 2;
                return FromCategory(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[index + 1])));
            }

            return 0; // a lone surrogate is a symbol of its own
        }

        return 0;
    }

    /// <summary>True for an ASCII digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>True for an ASCII letter or digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);

    private static int FromCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter => Upper,
        UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter => NotUpper,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => Mark,
        UnicodeCategory.DecimalDigitNumber => Digit,
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Control or UnicodeCategory.Format => Space,
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => Punct,
        _ => 0, // symbols, private use, unassigned, surrogates
    };

    private static bool IsToned(char c)
    {
        // Vietnamese letters and the combining marks all lie below U+2000.
        if (c >= '\u2000')
        {
            return false;
        }

        foreach (char d in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (d is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] BuildTable()
    {
        var table = new byte[TableSize];
        for (int c = 0; c < TableSize; c++)
        {
            char ch = (char)c;
            int flags = char.IsSurrogate(ch) ? 0 : FromCategory(CharUnicodeInfo.GetUnicodeCategory(ch));
            if (ch is '.' or '@' or ':' or '\'' or '\u2019' or '_' or '+' or '-' || IsAsciiDigit(ch) || char.IsSurrogate(ch))
            {
                flags |= WordTail;
            }

            if (IsToned(ch))
            {
                flags |= Toned;
            }

            table[c] = (byte)flags;
        }

        return table;
    }
}
