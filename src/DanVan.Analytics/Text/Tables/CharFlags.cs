using System.Globalization;
using System.Text;

namespace DanVan.Analytics.Text.Tables;

/// <summary>What the normalizer needs to know about a UTF-16 code unit, as bit flags.</summary>
[Flags]
internal enum CharFlag : byte
{
    None = 0,

    /// <summary>A Vietnamese vowel letter (a ă â e ê i o ô ơ u ư y, any case, any tone).</summary>
    Vowel = 1,

    /// <summary>A Vietnamese vowel letter carrying a tone mark.</summary>
    Toned = 2,

    /// <summary>The code unit may need rewriting: the fast scan leaves the canonical path here.</summary>
    Special = 4,

    /// <summary>Part of a word: letters and digits of any script, combining marks, removed invisibles, surrogates.</summary>
    Word = 8,

    /// <summary>Combines with what precedes it (combining marks, Hangul medial and final jamo).</summary>
    MarkLike = 16,

    /// <summary>Removed by normalization: zero-width characters and the soft hyphen.</summary>
    Removed = 32,

    /// <summary>A space separator other than U+0020; becomes U+0020.</summary>
    Space = 64,

    /// <summary>Not NFC on its own (singleton decompositions such as U+2126 OHM SIGN), or a surrogate.</summary>
    Unstable = 128,
}

/// <summary>The bits of the fast scan's table (<see cref="CharFlags.ScanTable"/>), chosen so that the scan tests them with shifts.</summary>
internal static class ScanFlag
{
    /// <summary>A Vietnamese vowel letter.</summary>
    public const int Vowel = 1;

    /// <summary>A vowel with a shape mark (ă â ê ô ơ ư), toned or not.</summary>
    public const int ShapedShift = 1;

    /// <summary>A toned vowel without shape mark: out of place only next to another vowel.</summary>
    public const int TonedPlainShift = 2;

    /// <summary>A toned vowel with a shape mark: out of place only before another shaped vowel.</summary>
    public const int TonedShapedShift = 3;

    /// <summary>A character that always needs the slow look (<see cref="CharFlag.Special"/>).</summary>
    public const int Special = 16;
}

/// <summary>The <see cref="CharFlag"/> of every UTF-16 code unit, computed once from the Unicode data of the runtime.</summary>
internal static class CharFlags
{
    private static readonly CharFlag[] s_flags = Build();
    private static readonly byte[] s_scan = BuildScan(s_flags);

    /// <summary>The flags of <paramref name="c"/>.</summary>
    public static CharFlag Of(char c) => s_flags[c];

    /// <summary>The whole table, indexed by code unit (for hot loops).</summary>
    public static ReadOnlySpan<CharFlag> Table => s_flags;

    /// <summary>The <see cref="ScanFlag"/> bits of every code unit.</summary>
    public static ReadOnlySpan<byte> ScanTable => s_scan;

    /// <summary>True for the apostrophes that may join the letters of one word (K’ré, O'Neil).</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>
    /// True when <paramref name="text"/>[<paramref name="i"/>] is a zero-width joiner inside an emoji sequence
    /// ("👨‍👩‍👧", "❤️‍🔥"): after an emoji (a supplementary character, a symbol or its variation selector) and before
    /// another. There it is part of the picture and stays; anywhere else it is an invisible to remove.
    /// </summary>
    public static bool IsEmojiJoiner(ReadOnlySpan<char> text, int i)
    {
        if (text[i] != '\u200D' || i == 0 || i + 1 >= text.Length)
        {
            return false;
        }

        char before = text[i - 1];
        char after = text[i + 1];
        bool emojiBefore = char.IsLowSurrogate(before) || before is '\uFE0F' or '\uFE0E'
            || CharUnicodeInfo.GetUnicodeCategory(before) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol;
        return emojiBefore && (char.IsHighSurrogate(after) || CharUnicodeInfo.GetUnicodeCategory(after) == UnicodeCategory.OtherSymbol);
    }

    private static byte[] BuildScan(CharFlag[] flags)
    {
        var scan = new byte[flags.Length];
        for (int i = 0; i < flags.Length; i++)
        {
            int bits = (flags[i] & CharFlag.Special) != 0 ? ScanFlag.Special : 0;
            if (VietnameseLetters.TryDecompose((char)i, out int vowel, out _, out int tone))
            {
                bool shaped = VietnameseLetters.HasShapeMark(vowel);
                bits |= ScanFlag.Vowel | (shaped ? 1 << ScanFlag.ShapedShift : 0);
                if (tone != 0)
                {
                    bits |= 1 << (shaped ? ScanFlag.TonedShapedShift : ScanFlag.TonedPlainShift);
                }
            }

            scan[i] = (byte)bits;
        }

        return scan;
    }

    private static CharFlag[] Build()
    {
        var flags = new CharFlag[char.MaxValue + 1];
        bool[] nfcSame = RuntimeNormalization.NormalizeEachChar(NormalizationForm.FormC).Same;
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            CharFlag f = CharFlag.None;
            if (char.IsSurrogate(c))
            {
                flags[i] = CharFlag.Special | CharFlag.Word | CharFlag.Unstable;
                continue;
            }

            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            switch (category)
            {
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber:
                    f |= CharFlag.Word;
                    break;
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    f |= CharFlag.Word | CharFlag.MarkLike | CharFlag.Special;
                    break;
                case UnicodeCategory.SpaceSeparator when c != ' ':
                    f |= CharFlag.Space | CharFlag.Special;
                    break;
            }

            // Hangul medial vowels and final consonants compose with the syllable before them (NFC "maybe").
            if (c is (>= '\u1161' and <= '\u1175') or (>= '\u11A8' and <= '\u11C2'))
            {
                f |= CharFlag.MarkLike | CharFlag.Special;
            }

            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                f |= CharFlag.Removed | CharFlag.Word | CharFlag.Special;
            }

            if (c is '\u00D0' or '\u00F0')
            {
                f |= CharFlag.Special; // Ð ð: maybe the look-alike of Đ đ
            }

            if (!nfcSame[i])
            {
                f |= CharFlag.Unstable | CharFlag.Special;
            }

            if (VietnameseLetters.TryDecompose(c, out _, out _, out int tone))
            {
                f |= CharFlag.Vowel | (tone != 0 ? CharFlag.Toned : CharFlag.None);
            }

            flags[i] = f;
        }

        return flags;
    }
}
