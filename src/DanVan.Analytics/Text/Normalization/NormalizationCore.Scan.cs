using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using DanVan.Analytics.Text.Tables;

namespace DanVan.Analytics.Text.Normalization;

// The scan: where the first unit that normalization changes may start (the hot path of canonical text).
internal static partial class NormalizationCore
{
    /// <summary>
    /// Finds where the first unit that normalization changes may start.
    /// </summary>
    /// <returns>-1 when <paramref name="text"/> is already canonical.</returns>
    /// <remarks>
    /// The hot path of canonical text. With AVX-512 (VBMI), 64 characters per step are classified in registers and
    /// tested together (<see cref="FindFirstChangeWide"/>). Otherwise blocks of 16 (or 8) characters are tested for
    /// non-ASCII with one vector compare; each non-ASCII character costs a few table reads and no unpredictable
    /// branch, because only a special character, a plain toned vowel next to a vowel (hòa) or a toned shaped vowel
    /// before another shaped one (ừơ) can be out of canonical form. Those few get the syllable analysis.
    /// </remarks>
    public static int FindFirstChange(ReadOnlySpan<char> text, ToneStyle style)
    {
        int i = 0;
        if (HalfPages.IsSupported && ScanPages.CoversEveryVowel && text.Length >= WideBlock)
        {
            int found = FindFirstChangeWide(text, style, ref i);
            if (found >= 0)
            {
                return found;
            }
        }

        return FindFirstChangeNarrow(text, style, i);
    }

    /// <summary>
    /// <see cref="FindFirstChange"/> from <paramref name="i"/> on without AVX-512: the rest of a text after the wide
    /// scan, all of it on other hardware, and the reference the tests compare the wide scan with.
    /// </summary>
    internal static int FindFirstChangeNarrow(ReadOnlySpan<char> text, ToneStyle style, int i)
    {
        ref byte scan = ref MemoryMarshal.GetReference(CharFlags.ScanTable);
        ref ushort src = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int styleMask = style == ToneStyle.Preserve ? ScanFlag.Special : 0xFF;
        int length = text.Length;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<ushort> ascii = Vector256.Create((ushort)0x7F);
            for (; i <= length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                uint mask = Vector256.GreaterThan(Vector256.LoadUnsafe(ref src, (nuint)i), ascii).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    int k = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    if (Suspect(ref src, k, length, ref scan, styleMask) != 0 && Examine(text, k, style) is int start and >= 0)
                    {
                        return start;
                    }
                }
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            Vector128<ushort> ascii = Vector128.Create((ushort)0x7F);
            for (; i <= length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                uint mask = Vector128.GreaterThan(Vector128.LoadUnsafe(ref src, (nuint)i), ascii).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    int k = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    if (Suspect(ref src, k, length, ref scan, styleMask) != 0 && Examine(text, k, style) is int start and >= 0)
                    {
                        return start;
                    }
                }
            }
        }

        for (; i < length; i++)
        {
            if (text[i] >= '\u0080' && Suspect(ref src, i, length, ref scan, styleMask) != 0 && Examine(text, i, style) is int start and >= 0)
            {
                return start;
            }
        }

        return -1;
    }

    private const int WideBlock = HalfPages.Block;

    /// <summary>
    /// The AVX-512 part of <see cref="FindFirstChange"/>: 64 characters per step (<see cref="NextWideCandidates"/>),
    /// and the slow look at the few lanes that it leaves.
    /// </summary>
    /// <returns>The start of the first unit that changes, or -1 when there is none before <paramref name="i"/>, which is
    /// left where the narrower loops go on.</returns>
    private static int FindFirstChangeWide(ReadOnlySpan<char> text, ToneStyle style, ref int i)
    {
        ref byte scan = ref MemoryMarshal.GetReference(CharFlags.ScanTable);
        ref ushort src = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int styleMask = style == ToneStyle.Preserve ? ScanFlag.Special : 0xFF;
        var state = new WideScanState(style);
        ulong mask;
        while ((mask = NextWideCandidates(ref src, text.Length, ref i, ref state)) != 0)
        {
            do
            {
                int k = i + BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                if (Suspect(ref src, k, text.Length, ref scan, styleMask) != 0 && Examine(text, k, style) is int start and >= 0)
                {
                    return start;
                }
            }
            while (mask != 0);
            i += WideBlock;
        }

        return -1;
    }

    /// <summary>
    /// Reads blocks of 64 characters from <paramref name="i"/> on, each classified in registers from the
    /// <see cref="ScanPages"/> tables (<see cref="HalfPages"/>) and turned into 64-bit masks, one per flag, so
    /// that the scan's test and the common cases of <see cref="IsPlainlyCanonical"/> (Old style) run on 64 characters
    /// at once, with neighbours as shifted masks.
    /// </summary>
    /// <returns>The lanes of the block at <paramref name="i"/> to look at one by one: those the masks leave and the
    /// characters outside the half pages. 0 when no whole block is left; <paramref name="i"/> is then the end of the
    /// last one.</returns>
    /// <remarks>Kept apart from the slow look, so that the loop makes no call and its tables stay in registers.</remarks>
    private static ulong NextWideCandidates(ref ushort src, int length, ref int i, ref WideScanState state)
    {
        var pages = new HalfPages(ScanPages.Tables);
        ref byte scan = ref MemoryMarshal.GetReference(CharFlags.ScanTable);
        ulong toned = state.Toned;
        ulong oldStyle = state.OldStyle;

        // The masks of the block before: only their last bits are read, as the left neighbours of the first lanes.
        ulong vowelBefore = state.Vowel, shapedBefore = state.Shaped, qgBefore = state.Qg;
        int p = i;
        ulong mask = 0;
        for (; p <= length - WideBlock; p += WideBlock)
        {
            (Vector512<byte> low, Vector512<byte> high) = HalfPages.Split(ref Unsafe.Add(ref src, p));
            Vector512<byte> flags = pages.Lookup(low, high, out Vector512<byte> inPages);
            ulong covered = inPages.ExtractMostSignificantBits();
            ulong vowel = Plane(flags, ScanFlag.Vowel);
            ulong shaped = Plane(flags, 1 << ScanFlag.ShapedShift);
            ulong tonedPlain = Plane(flags, 1 << ScanFlag.TonedPlainShift) & toned;
            ulong tonedShaped = Plane(flags, 1 << ScanFlag.TonedShapedShift) & toned;
            ulong special = Plane(flags, ScanFlag.Special);
            ulong word = Plane(flags, 1 << ScanPages.WordBit);
            ulong gap = Plane(flags, 1 << ScanPages.GapBit);
            ulong qg = Plane(flags, 1 << ScanPages.QgBit);

            // Bit k of a "left" mask is the character before lane k, of a "right" mask the one after (the vowel and
            // shape of the character after the block are read from the table; the other right masks have 0 there,
            // which only keeps the last lanes from being settled).
            ulong vowelLeft = (vowel << 1) | (vowelBefore >> 63);
            int after = p + WideBlock < length ? Unsafe.Add(ref scan, Unsafe.Add(ref src, p + WideBlock)) : 0;
            ulong vowelRight = (vowel >> 1) | ((ulong)(after & ScanFlag.Vowel) << (WideBlock - 1));
            ulong shapedLeft = (shaped << 1) | (shapedBefore >> 63);
            ulong shapedRight = (shaped >> 1) | ((ulong)((after >> ScanFlag.ShapedShift) & 1) << (WideBlock - 1));
            ulong suspect = special | (tonedPlain & (vowelLeft | vowelRight)) | (tonedShaped & shapedRight);

            // IsPlainlyCanonical's commonest "true" cases, each needing known neighbours (a gap, a word character):
            // của, hoạt, ngoài. (quá, già and the rest go the slow way.)
            ulong openPair = ~vowelLeft & vowelRight & ~shapedRight & ~((qg << 1) | (qgBefore >> 63)) & (gap >> 2);
            ulong beforeFinal = vowelLeft & ~vowelRight & (word >> 1) & ~shapedLeft & ~((shaped << 2) | (shapedBefore >> 62));
            ulong middle = vowelLeft & vowelRight & ~shapedLeft & ~shapedRight & ~((vowel << 2) | (vowelBefore >> 62)) & (gap >> 2);
            ulong settled = (openPair | beforeFinal | middle) & ~special & oldStyle;

            vowelBefore = vowel;
            shapedBefore = shaped;
            qgBefore = qg;
            mask = (suspect & ~settled) | ~covered;
            if (mask != 0)
            {
                break;
            }
        }

        state.Vowel = vowelBefore;
        state.Shaped = shapedBefore;
        state.Qg = qgBefore;
        i = p;
        return mask;
    }

    // The masks NextWideCandidates carries from one block to the next, and the style's masks.
    private struct WideScanState(ToneStyle style)
    {
        public readonly ulong Toned = style == ToneStyle.Preserve ? 0 : ulong.MaxValue;
        public readonly ulong OldStyle = style == ToneStyle.Old ? ulong.MaxValue : 0;
        public ulong Vowel;
        public ulong Shaped;
        public ulong Qg;
    }

    // The lanes whose flags have the given bit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Plane(Vector512<byte> flags, int bit) =>
        ~Vector512.Equals(flags & Vector512.Create((byte)bit), Vector512<byte>.Zero).ExtractMostSignificantBits();

    // Non-zero when the character at k may be out of canonical form; computed without branches on the data.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Suspect(ref ushort src, int k, int length, ref byte scan, int styleMask)
    {
        int f = Unsafe.Add(ref scan, Unsafe.Add(ref src, k)) & styleMask;
        int before = k > 0 ? Unsafe.Add(ref scan, Unsafe.Add(ref src, k - 1)) : 0;
        int after = k + 1 < length ? Unsafe.Add(ref scan, Unsafe.Add(ref src, k + 1)) : 0;
        return (f & ScanFlag.Special)
            | ((f >> ScanFlag.TonedPlainShift) & (before | after) & ScanFlag.Vowel)
            | ((f >> ScanFlag.TonedShapedShift) & (after >> ScanFlag.ShapedShift) & 1);
    }

    /// <summary>
    /// Settles the common cases of a toned vowel (without shape mark) next to another vowel from its neighbours
    /// alone, as the full analysis would: true when the tone is certainly in its canonical place.
    /// </summary>
    /// <remarks>
    /// Only "true" must be certain; "false" sends the word to <see cref="VietnameseSyllable.TryPlaceTone"/>.
    /// A word that is not a plausible syllable is always canonical, so the rules only reason about plausible ones.
    /// </remarks>
    private static bool IsPlainlyCanonical(ReadOnlySpan<char> text, int k, ToneStyle style)
    {
        ReadOnlySpan<byte> scan = CharFlags.ScanTable;
        const int Shaped = 1 << ScanFlag.ShapedShift;
        int n = text.Length;
        int prev = k > 0 ? scan[text[k - 1]] : 0;
        int prev2 = k > 1 ? scan[text[k - 2]] : 0;
        int next = k + 1 < n ? scan[text[k + 1]] : 0;
        bool prevVowel = (prev & ScanFlag.Vowel) != 0;
        bool nextVowel = (next & ScanFlag.Vowel) != 0;
        bool wordGoesOn = k + 1 < n && IsWordAt(text, k + 1);
        bool wordGoesOn2 = k + 2 < n && IsWordAt(text, k + 2);
        if (prevVowel && !nextVowel)
        {
            if (wordGoesOn)
            {
                // Last vowel before a final consonant (hoạt, toàn): right unless a shaped vowel comes before it.
                return ((prev | (prev2 & ScanFlag.Vowel) * prev2) & Shaped) == 0;
            }

            // Last vowel of an open syllable: right after qu/gi at the start of the word (quá, già) ...
            char before = (char)(text[k - 1] | 0x20);
            char before2 = k > 1 ? (char)(text[k - 2] | 0x20) : '\0';
            bool startsWord = k < 3 || !IsWordAt(text, k - 3);
            if (startsWord && ((before == 'u' && before2 == 'q') || (before == 'i' && before2 == 'g')))
            {
                return true;
            }

            // ... and in the New style for the second vowel of oa, oe, uy (hoà, khoẻ, thuỷ).
            return style == ToneStyle.New && (prev2 & ScanFlag.Vowel) == 0 && before2 != 'q' && before2 != 'g'
                && IsNewStylePair(text[k - 1], text[k]);
        }

        if (!prevVowel && nextVowel)
        {
            // First of two vowels of an open syllable (của, cải, mía, hòa): right in the Old style, unless
            // the vowel belongs to qu/gi (qúa, gìa), a shaped vowel follows, or the word goes on.
            char before = k > 0 ? (char)(text[k - 1] | 0x20) : '\0';
            return (next & Shaped) == 0 && before != 'q' && before != 'g' && !wordGoesOn2
                && (style != ToneStyle.New || !IsNewStylePair(text[k], text[k + 1]));
        }

        if (prevVowel && nextVowel)
        {
            // Middle of three vowels of an open syllable (ngoài, khuỷu), or first of two after qu/gi (quái).
            // (The New style differs only for two vowels; here the first would be the u of qu.)
            return ((prev | next) & Shaped) == 0 && (prev2 & ScanFlag.Vowel) == 0 && !wordGoesOn2
                && (style != ToneStyle.New || !IsNewStylePair(text[k], text[k + 1]));
        }

        return true; // no vowel next to it: a single-vowel nucleus
    }

    private static bool IsNewStylePair(char first, char second)
    {
        VietnameseLetters.TryDecompose(first, out int v1, out _, out _);
        VietnameseLetters.TryDecompose(second, out int v2, out _, out _);
        return (v1 == VietnameseLetters.O && v2 is VietnameseLetters.A or VietnameseLetters.E)
            || (v1 == VietnameseLetters.U && v2 == VietnameseLetters.Y);
    }

    // The fast scan's test applied to one written word: false when its tone is certainly in place.
    private static bool MayHaveMisplacedTone(ReadOnlySpan<char> word, ToneStyle style)
    {
        ref byte scan = ref MemoryMarshal.GetReference(CharFlags.ScanTable);
        ref ushort src = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(word));
        for (int k = 0; k < word.Length; k++)
        {
            if (Suspect(ref src, k, word.Length, ref scan, 0xFF) != 0 && ((Unsafe.Add(ref scan, word[k]) & ScanFlag.Special) != 0 || !IsPlainlyCanonical(word, k, style)))
            {
                return true;
            }
        }

        return false;
    }

    // The slow look at a suspect character: the start of its unit when that unit changes, else -1.
    private static int Examine(ReadOnlySpan<char> text, int k, ToneStyle style)
    {
        CharFlag f = CharFlags.Of(text[k]);
        if ((f & CharFlag.Special) != 0)
        {
            return IsQuietSpecial(text, k, f) ? -1 : WordStart(text, k);
        }

        if (IsPlainlyCanonical(text, k, style))
        {
            return -1;
        }

        ref CharFlag flagsRef = ref MemoryMarshal.GetReference(CharFlags.Table);
        int start = WordStart(text, k);
        int end = WordEnd(text, k, text.Length);
        return NeedsWork(text, start, end, style, ref flagsRef) ? start : -1;
    }

    // A special character the canonical text may contain: a lone surrogate or a supplementary character that is NFC.
    private static bool IsQuietSpecial(ReadOnlySpan<char> text, int i, CharFlag f)
    {
        if (CharFlags.IsEmojiJoiner(text, i))
        {
            return true;
        }

        if ((f & (CharFlag.MarkLike | CharFlag.Removed | CharFlag.Space)) != 0 || !char.IsSurrogate(text[i]))
        {
            return false;
        }

        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return IsQuietSupplementary(text.Slice(i, 2));
        }

        return char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])
            ? IsQuietSupplementary(text.Slice(i - 1, 2))
            : true; // lone surrogates are kept as they are
    }

    private static bool IsQuietSupplementary(ReadOnlySpan<char> pair)
    {
        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(pair[0], pair[1]));
        return category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            && RuntimeNormalization.IsNormalized(pair, NormalizationForm.FormC);
    }

    // True when a word of canonical-looking letters has its tone in the wrong place (or special characters).
    private static bool NeedsWork(ReadOnlySpan<char> text, int start, int end, ToneStyle style, ref CharFlag flagsRef)
    {
        ReadOnlySpan<char> word = text[start..end];
        foreach (char c in word)
        {
            if ((Unsafe.Add(ref flagsRef, c) & CharFlag.Special) != 0)
            {
                return true;
            }
        }

        return !IsInCode(text[..start], text[end..])
            && VietnameseSyllable.TryPlaceTone(word, style, out int current, out int target) && current >= 0 && current != target;
    }
}
