using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using DanVan.Analytics.Text.Tables;

namespace DanVan.Analytics.Text.Normalization;

/// <summary>
/// The normalization passes shared by the string, span and stream entry points of <see cref="VietnameseNormalizer"/>.
/// </summary>
/// <remarks>
/// The text is read as units: a word (a run of letters, digits, combining marks and removed invisibles,
/// apostrophes between letters, plus the character a leading combining mark sits on) or a single other
/// character. Every decision depends on one unit only, which is what makes the fast scan, the rewrite and
/// the block-wise streaming agree.
/// </remarks>
[SkipLocalsInit]
internal static class NormalizationCore
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

    /// <summary>
    /// The length of the prefix of <paramref name="text"/> (up to <paramref name="limit"/>) that can be normalized
    /// apart from what follows: it ends after a whitespace character (not followed by a combining mark), because
    /// every decision depends on one word and the characters around it. 0 when there is no such whitespace.
    /// </summary>
    public static int LastBreak(ReadOnlySpan<char> text, int limit)
    {
        for (int k = Math.Min(limit, text.Length) - 1; k >= 0; k--)
        {
            if (IsBreakAt(text, k))
            {
                return k + 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// Normalizes <paramref name="source"/>[<paramref name="start"/>..] into <paramref name="writer"/>, unit by unit.
    /// </summary>
    /// <returns>The source offset where writing stopped: the length of the source, or, when the writer is full, the
    /// last place after whitespace before the unit that did not fit (the writer then holds everything before it).</returns>
    public static int Rewrite(ReadOnlySpan<char> source, int start, ToneStyle style, ref NormalizationWriter writer)
    {
        ReadOnlySpan<CharFlag> flags = CharFlags.Table;
        ref CharFlag flagsRef = ref MemoryMarshal.GetReference(flags);
        int i = start;
        (int Source, int Length, int Origin) checkpoint = (start, writer.Length, writer.Origin);
        int backoff = 0;
        int backoffStep = 0;
        while (i < source.Length)
        {
            if (i > start && IsBreakAt(source, i - 1))
            {
                checkpoint = (i, writer.Length, writer.Origin);

                // Text with few changes (a stray NBSP): let the fast scan find the next change and copy up to it.
                // Where changes are dense (NFD) it finds one at once, and waits longer each time (up to 16 words).
                if (backoff-- <= 0)
                {
                    int change = FindFirstChange(source[i..], style);
                    int skip = change < 0 ? source.Length - i : LastBreak(source[i..], change);
                    if (skip > 0)
                    {
                        if (!writer.TryCopy(source.Slice(i, skip), i))
                        {
                            writer.Length = checkpoint.Length;
                            writer.Origin = checkpoint.Origin;
                            return checkpoint.Source;
                        }

                        i += skip;
                        backoffStep = 0;
                        continue;
                    }

                    backoffStep = Math.Min((backoffStep * 2) + 1, 16);
                    backoff = backoffStep;
                }
            }

            char c = source[i];
            CharFlag f = flags[c];
            bool ok;
            int next;
            if ((f & CharFlag.Word) != 0 || NextIsMark(source, i))
            {
                next = WordEnd(source, i, source.Length);
                ok = TryWriteWord(source, i, next, style, ref writer, ref flagsRef);
            }
            else
            {
                next = i + 1;
                if ((f & CharFlag.Space) != 0)
                {
                    ok = writer.TryWrite(' ', i);
                }
                else if ((f & CharFlag.Unstable) != 0)
                {
                    ok = TryWriteNormalized(source.Slice(i, 1), i, ref writer);
                }
                else
                {
                    // Copy a run of characters that normalization leaves alone.
                    while (next < source.Length && IsPlainOutsideWords(source, next, ref flagsRef))
                    {
                        next++;
                    }

                    ok = writer.TryCopy(source[i..next], i);
                }
            }

            if (!ok)
            {
                writer.Length = checkpoint.Length;
                writer.Origin = checkpoint.Origin;
                return checkpoint.Source;
            }

            i = next;
        }

        return i;
    }

    // A character that stays as it is and starts no word: neither word, space, removed nor unstable,
    // and not the base of a following mark.
    private static bool IsPlainOutsideWords(ReadOnlySpan<char> s, int i, ref CharFlag flagsRef)
    {
        CharFlag f = Unsafe.Add(ref flagsRef, s[i]);
        if ((f & (CharFlag.Word | CharFlag.Space | CharFlag.Unstable)) != 0 || CharFlags.IsApostrophe(s[i]))
        {
            return false;
        }

        return !NextIsMark(s, i);
    }

    /// <summary>
    /// True when the character after <paramref name="i"/>, past removed invisibles, is a combining mark: then the
    /// character at <paramref name="i"/> is its base (after the invisibles go, "=" U+200B U+0338 is "≠").
    /// </summary>
    private static bool NextIsMark(ReadOnlySpan<char> s, int i)
    {
        int k = i + 1;
        while (k < s.Length && (CharFlags.Of(s[k]) & CharFlag.Removed) != 0)
        {
            k++;
        }

        return k < s.Length && (CharFlags.Of(s[k]) & CharFlag.MarkLike) != 0;
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

    /// <summary>
    /// True when a word is glued to a URL, path, e-mail address or code (a neighbour such as / _ @ = &amp; # %, or a
    /// dot between letters): such words are left alone.
    /// </summary>
    /// <param name="left">The text before the word.</param>
    /// <param name="right">The text after the word.</param>
    private static bool IsInCode(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        // Left: already normalized text (the written output, or canonical text), so it has no invisibles or marks to skip.
        if (!left.IsEmpty)
        {
            char before = left[^1];
            if (IsCodeJoiner(before) || (before == '.' && left.Length > 1 && char.IsLetterOrDigit(left[^2])))
            {
                return true;
            }
        }

        // Right: source text; a neighbour that combining marks will join is no joiner (it will not be one after
        // normalization either), and invisibles after a dot are skipped as normalization removes them.
        if (!right.IsEmpty && !NextIsMark(right, 0))
        {
            char after = right[0];
            if (IsCodeJoiner(after))
            {
                return true;
            }

            if (after == '.')
            {
                int k = 1;
                while (k < right.Length && (CharFlags.Of(right[k]) & CharFlag.Removed) != 0)
                {
                    k++;
                }

                return k < right.Length && char.IsLetterOrDigit(right[k]);
            }
        }

        return false;
    }

    private static bool IsCodeJoiner(char c) => c is '/' or '\\' or '_' or '@' or '=' or '&' or '#' or '%' or '~' or '|' or '+' or '^' or '*' or '<' or '>';

    /// <summary>True for a whitespace character not followed by a combining mark: text before and after it is normalized independently.</summary>
    private static bool IsBreakAt(ReadOnlySpan<char> text, int i) =>
        char.IsWhiteSpace(text[i]) && !NextIsMark(text, i);

    /// <summary>True when the character at <paramref name="i"/> belongs to a word.</summary>
    private static bool IsWordAt(ReadOnlySpan<char> s, int i)
    {
        ReadOnlySpan<CharFlag> flags = CharFlags.Table;
        if ((flags[s[i]] & CharFlag.Word) != 0)
        {
            return true;
        }

        // An apostrophe joins two letters of one word (K’ré), not a closing quote and the next word; invisibles
        // next to it do not count, as normalization removes them.
        if (!CharFlags.IsApostrophe(s[i]))
        {
            return false;
        }

        int before = i - 1;
        while (before >= 0 && (flags[s[before]] & CharFlag.Removed) != 0)
        {
            before--;
        }

        int after = i + 1;
        while (after < s.Length && (flags[s[after]] & CharFlag.Removed) != 0)
        {
            after++;
        }

        return before >= 0 && after < s.Length && (flags[s[before]] & CharFlag.Word) != 0 && (flags[s[after]] & CharFlag.Word) != 0;
    }

    /// <summary>The start of the unit that contains <paramref name="i"/> (a word that starts with a mark includes the character before it).</summary>
    public static int WordStart(ReadOnlySpan<char> s, int i)
    {
        if (!IsWordAt(s, i))
        {
            return i;
        }

        int start = i;
        while (start > 0 && IsWordAt(s, start - 1))
        {
            start--;
        }

        return start > 0 && ((CharFlags.Of(s[start]) & CharFlag.MarkLike) != 0
            || ((CharFlags.Of(s[start]) & CharFlag.Removed) != 0 && NextIsMark(s, start))) ? start - 1 : start;
    }

    /// <summary>The end of the unit that starts at or contains <paramref name="i"/>.</summary>
    public static int WordEnd(ReadOnlySpan<char> s, int i, int end)
    {
        int k = i + 1;
        while (k < end && IsWordAt(s, k))
        {
            k++;
        }

        return k;
    }

    private static bool TryWriteWord(ReadOnlySpan<char> source, int start, int end, ToneStyle style, ref NormalizationWriter writer, ref CharFlag flagsRef)
    {
        int wordOutput = writer.Length;
        int analysisStart = wordOutput;
        bool toned = false;
        bool special = false;
        for (int k = start; k < end; k++)
        {
            CharFlag f = Unsafe.Add(ref flagsRef, source[k]);
            toned |= (f & CharFlag.Toned) != 0;
            special |= (f & CharFlag.Special) != 0;
        }

        if (!special)
        {
            if (!writer.TryCopy(source[start..end], start))
            {
                return false;
            }
        }
        else
        {
            int k = start;
            while (k < end)
            {
                char c = source[k];
                CharFlag f = Unsafe.Add(ref flagsRef, c);
                bool ok;
                if ((f & CharFlag.Removed) != 0 && !CharFlags.IsEmojiJoiner(source, k))
                {
                    k++;
                    continue; // counted with the next written character
                }

                if ((f & CharFlag.MarkLike) != 0)
                {
                    int marksEnd = k + 1;
                    while (marksEnd < end && (Unsafe.Add(ref flagsRef, source[marksEnd]) & (CharFlag.MarkLike | CharFlag.Removed)) != 0
                        && !CharFlags.IsEmojiJoiner(source, marksEnd))
                    {
                        marksEnd++;
                    }

                    ok = TryWriteMarks(source[k..marksEnd], marksEnd, wordOutput, ref writer, ref flagsRef);
                    k = marksEnd;
                }
                else if ((f & CharFlag.Space) != 0)
                {
                    ok = writer.TryWrite(' ', k);
                    k++;
                }
                else if (char.IsHighSurrogate(c) && k + 1 < end && char.IsLowSurrogate(source[k + 1]))
                {
                    ok = TryWriteNormalized(source.Slice(k, 2), k, ref writer);
                    k += 2;
                }
                else if ((f & CharFlag.Unstable) != 0 && !char.IsSurrogate(c))
                {
                    ok = TryWriteNormalized(source.Slice(k, 1), k, ref writer);
                    k++;
                }
                else
                {
                    ok = writer.TryWrite(c, k);
                    k++;
                }

                if (!ok)
                {
                    return false;
                }
            }

            // Composition may have produced toned letters: let the word test below decide.
            toned = true;

            // A unit that starts with the base of combining marks ("=" U+0338 → "≠") is read as a word from its first
            // word character on, as the normalized text will be read again.
            while (analysisStart < writer.Length && (Unsafe.Add(ref flagsRef, writer.Written[analysisStart]) & CharFlag.Word) == 0)
            {
                analysisStart++;
            }

            FixEth(writer.Written[analysisStart..]);
        }

        if (toned && style != ToneStyle.Preserve && !IsInCode(writer.Written[..analysisStart], source[end..]))
        {
            Span<char> word = writer.Written[analysisStart..];
            if (MayHaveMisplacedTone(word, style)
                && VietnameseSyllable.TryPlaceTone(word, style, out int current, out int target) && current >= 0 && current != target)
            {
                VietnameseLetters.TryDecompose(word[current], out _, out _, out int tone);
                word[current] = VietnameseLetters.WithTone(word[current], 0);
                word[target] = VietnameseLetters.WithTone(word[target], tone);
            }
        }

        return true;
    }

    /// <summary>
    /// The look-alike rule: <c>Ð</c>/<c>ð</c> (ETH) becomes <c>Đ</c>/<c>đ</c> (D WITH STROKE) in a word that reads as
    /// Vietnamese: at the start of a word that with Đ is a plausible syllable (Ðảng, ÐỒNG, Ðà), or whose rest holds a
    /// letter only Vietnamese spells (a shape mark or a hỏi/ngã/nặng tone: Ðắk); or anywhere in an upper-case
    /// abbreviation of ASCII letters (HÐND, QÐ, VÐV, BÐBP). Icelandic and Faroese words never start with ð and
    /// are written in mixed case, so their ð stays (Guðrún, með, Þórður).
    /// </summary>
    private static void FixEth(Span<char> word)
    {
        if (word.IndexOfAny('\u00D0', '\u00F0') < 0)
        {
            return;
        }

        if (IsUpperAbbreviation(word))
        {
            word.Replace('\u00D0', '\u0110');
            return;
        }

        if (word[0] is not ('\u00D0' or '\u00F0'))
        {
            return;
        }

        char eth = word[0];
        word[0] = eth == '\u00D0' ? '\u0110' : '\u0111';
        if (!VietnameseSyllable.IsPlausible(word) && !HasVietnameseOnlyLetter(word[1..]))
        {
            word[0] = eth;
        }
    }

    private static bool HasVietnameseOnlyLetter(ReadOnlySpan<char> rest)
    {
        bool any = false;
        foreach (char c in rest)
        {
            if (VietnameseLetters.TryDecompose(c, out int vowel, out _, out int tone))
            {
                any |= VietnameseLetters.HasShapeMark(vowel) || tone >= 3;
            }
            else if (!char.IsAsciiLetter(c) && c is not ('Đ' or 'đ'))
            {
                return false;
            }
        }

        return any;
    }

    // Two to ten letters, all upper-case ASCII or Ð/Đ, at least one Ð.
    private static bool IsUpperAbbreviation(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 10)
        {
            return false;
        }

        foreach (char c in word)
        {
            if (!char.IsAsciiLetterUpper(c) && c is not ('\u00D0' or '\u0110'))
            {
                return false;
            }
        }

        return true;
    }

    // Combining marks (and removed invisibles among them) after what the writer holds.
    private static bool TryWriteMarks(scoped ReadOnlySpan<char> marks, int sourceEnd, int floor, ref NormalizationWriter writer, ref CharFlag flagsRef)
    {
        int last = writer.Length - 1;
        if (last >= floor && TryComposeVietnamese(writer.Written[last], marks, out char composed))
        {
            writer.Written[last] = composed;
            writer.Origin = sourceEnd;
            return true;
        }

        // General case: the cluster from the last starter on, through the runtime's NFC.
        int clusterStart = writer.Length;
        while (clusterStart > floor && (Unsafe.Add(ref flagsRef, writer.Written[clusterStart - 1]) & CharFlag.MarkLike) != 0)
        {
            clusterStart--;
        }

        if (clusterStart > floor)
        {
            clusterStart--;
            if (clusterStart > floor && char.IsLowSurrogate(writer.Written[clusterStart]) && char.IsHighSurrogate(writer.Written[clusterStart - 1]))
            {
                clusterStart--;
            }
        }

        int written = writer.Length - clusterStart;
        char[]? rented = null;
        int capacity = written + marks.Length;
        Span<char> cluster = capacity <= 64 ? stackalloc char[64] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        writer.Written[clusterStart..].CopyTo(cluster);
        int length = written;
        foreach (char m in marks)
        {
            if ((Unsafe.Add(ref flagsRef, m) & CharFlag.Removed) == 0)
            {
                cluster[length++] = m;
            }
        }

        bool ok = TryNormalizeInto(cluster[..length], clusterStart, sourceEnd, ref writer);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return ok;
    }

    // NFC of a cluster that replaces the writer's characters from clusterStart on (or is appended when none).
    private static bool TryNormalizeInto(scoped ReadOnlySpan<char> cluster, int clusterStart, int sourceEnd, ref NormalizationWriter writer)
    {
        char[]? rented = null;
        int capacity = (cluster.Length * 3) + 8;
        Span<char> normalized = capacity <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        ReadOnlySpan<char> result = RuntimeNormalization.TryNormalize(cluster, normalized, out int length, NormalizationForm.FormC)
            ? normalized[..length]
            : cluster;
        bool ok = clusterStart < writer.Length
            ? writer.TryReplaceTail(clusterStart, result, sourceEnd)
            : writer.TryWriteCluster(result, sourceEnd);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return ok;
    }

    private static bool TryWriteNormalized(ReadOnlySpan<char> chars, int source, ref NormalizationWriter writer) =>
        TryNormalizeInto(chars, writer.Length, source + chars.Length, ref writer);

    /// <summary>
    /// Applies Vietnamese combining marks (tone: grave, acute, hook above, tilde, dot below, and the deprecated
    /// U+0340/U+0341; shape: circumflex, breve, horn) to a vowel letter, in any order.
    /// </summary>
    private static bool TryComposeVietnamese(char baseLetter, ReadOnlySpan<char> marks, out char composed)
    {
        composed = baseLetter;
        if (!VietnameseLetters.TryDecompose(baseLetter, out int vowel, out bool upper, out int tone))
        {
            return false;
        }

        foreach (char m in marks)
        {
            switch (m)
            {
                case '\u0300' or '\u0340' when tone == 0: tone = 1; break; // huyền
                case '\u0301' or '\u0341' when tone == 0: tone = 2; break; // sắc
                case '\u0309' when tone == 0: tone = 3; break; // hỏi
                case '\u0303' when tone == 0: tone = 4; break; // ngã
                case '\u0323' when tone == 0: tone = 5; break; // nặng
                case '\u0302' when vowel is VietnameseLetters.A or VietnameseLetters.E or VietnameseLetters.O:
                    vowel = vowel == VietnameseLetters.A ? VietnameseLetters.ACircumflex
                        : vowel == VietnameseLetters.E ? VietnameseLetters.ECircumflex : VietnameseLetters.OCircumflex;
                    break;
                case '\u0306' when vowel == VietnameseLetters.A: vowel = VietnameseLetters.ABreve; break;
                case '\u031B' when vowel is VietnameseLetters.O or VietnameseLetters.U:
                    vowel = vowel == VietnameseLetters.O ? VietnameseLetters.OHorn : VietnameseLetters.UHorn;
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                    break; // removed
                default:
                    return false;
            }
        }

        composed = VietnameseLetters.Compose(vowel, upper, tone);
        return true;
    }
}
