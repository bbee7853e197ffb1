using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using DanVan.Analytics.Text.Folding;
using DanVan.Analytics.Text.Tables;

namespace DanVan.Analytics.Text;

/// <summary>
/// Folds Vietnamese text to its bare lower-case letters: tones and shape marks removed, <c>đ</c> → <c>d</c>
/// ("Đảng ủy Thành phố" → "dang uy thanh pho"), as users type when they skip diacritics.
/// </summary>
/// <remarks>
/// <para>Every character of the Basic Multilingual Plane is folded through one table: letters of every script lose
/// their diacritics (the base letter of their canonical decomposition) and are lower-cased; <c>Đ đ</c> and the
/// look-alikes <c>Ð ð</c> become <c>d</c>; non-spacing and enclosing combining marks are dropped; as in
/// <see cref="VietnameseNormalizer"/>, space separators become U+0020 and zero-width characters and the soft hyphen
/// are dropped, so that folding normalized text or raw text gives the same; everything else stays. Surrogate pairs are copied unchanged.</para>
/// <para>Folding normalized text keeps its length (one character out per character in), so offsets stay valid; text
/// with combining marks (NFD) or invisibles gets shorter by the characters dropped. Normalize first when offsets matter.</para>
/// <para>ASCII runs are lower-cased with vector instructions, and with AVX-512 (VBMI) whole blocks of Vietnamese text are
/// folded through byte tables in registers; nothing is allocated by the span overloads.</para>
/// </remarks>
public static class VietnameseFolder
{
    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/> (which may be the same memory).</summary>
    /// <returns>The number of characters written; never more than <paramref name="source"/>'s length.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    public static int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination must be at least as long as the source.", nameof(destination));
        }

        return FoldCore(source, destination);
    }

    /// <summary>Folds <paramref name="text"/>.</summary>
    /// <returns>The same instance when folding changes nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsFolded(text))
        {
            return text;
        }

        if (text.Length <= 256)
        {
            Span<char> small = stackalloc char[text.Length];
            return new string(small[..FoldCore(text, small)]);
        }

        char[] buffer = new char[text.Length];
        return new string(buffer, 0, FoldCore(text, buffer));
    }

    /// <summary>Folds one character, as <see cref="Fold(ReadOnlySpan{char}, Span{char})"/> does.</summary>
    /// <param name="c">The character (a surrogate folds to itself).</param>
    /// <param name="folded">The folded character; meaningless when the method returns false.</param>
    /// <returns>False when folding drops <paramref name="c"/> (a combining mark or an invisible).</returns>
    public static bool TryFold(char c, out char folded)
    {
        folded = FoldingTable.Of(c);
        return folded != '\0' || c == '\0';
    }

    /// <summary>True when folding <paramref name="text"/> changes nothing.</summary>
    public static bool IsFolded(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> table = FoldingTable.Table;
        foreach (char c in text)
        {
            if (table[c] != c)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Folds every character of <paramref name="source"/> into <paramref name="destination"/> at its own offset, a
    /// dropped one (combining mark, invisible) as <c>'\0'</c>: so the folded form of a token with no <c>'\0'</c> in its
    /// span of <paramref name="destination"/> is that span. The tokenizer's folding enumerator folds text this way.
    /// </summary>
    /// <returns>True when some character folded to <c>'\0'</c> (dropped, or U+0000 itself).</returns>
    /// <remarks>
    /// Where the hardware gathers (AVX2), sixteen characters are folded at a time, the non-ASCII ones read from the
    /// table by the gather, so Vietnamese text (a character in four or five is a letter with marks) costs no branch per
    /// character; with AVX-512 (VBMI2) up to eight non-ASCII characters of the sixteen are packed into one gather of
    /// eight instead of two. With AVX-512 VBMI, 64 characters per step are folded through byte tables in registers
    /// (<see cref="HalfPages"/>: every Vietnamese letter folds to ASCII), and only characters outside them are read
    /// one by one. Otherwise ASCII lanes are lower-cased in a vector and the others read one by one.
    /// </remarks>
    internal static unsafe bool FoldEachChar(ReadOnlySpan<char> source, Span<char> destination)
    {
        Debug.Assert(destination.Length >= source.Length, "The destination holds the source.");
        ref ushort src = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(source));
        ref ushort dst = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
        int length = source.Length;
        int i = 0;
        bool zero = false;
        if (HalfPages.IsSupported)
        {
            zero = FoldEachCharWide(ref src, ref dst, length, ref i);
        }

        if (Avx2.IsSupported)
        {
            int* table = (int*)FoldingTable.Pointer;
            Vector256<ushort> ascii = Vector256.Create((ushort)0x7F);
            Vector256<int> low16 = Vector256.Create(0xFFFF);
            Vector256<ushort> zeros = Vector256<ushort>.Zero;
            for (; i <= length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                Vector256<ushort> chars = Vector256.LoadUnsafe(ref src, (nuint)i);
                Vector256<ushort> nonAscii = Vector256.GreaterThan(chars, ascii);
                Vector256<ushort> folded = LowerAscii(chars);
                if (nonAscii != Vector256<ushort>.Zero)
                {
                    if (Avx512Vbmi2.VL.IsSupported && BitOperations.PopCount(nonAscii.ExtractMostSignificantBits()) <= Vector256<int>.Count)
                    {
                        // Vietnamese text has a few non-ASCII characters in 16: pack them into one gather of 8 from
                        // the table, and put the results back in their lanes.
                        Vector256<ushort> packed = Avx512Vbmi2.VL.Compress(Vector256<ushort>.Zero, nonAscii, chars);
                        Vector256<int> gathered = Avx2.GatherVector256(table, Vector256.WidenLower(packed).AsInt32(), 2) & low16;
                        folded = Avx512Vbmi2.VL.Expand(folded, nonAscii, Vector256.Narrow(gathered.AsUInt32(), Vector256<uint>.Zero));
                    }
                    else
                    {
                        // Each 32-bit element read at 2 × code unit holds the entry in its low half (the table has one spare entry).
                        (Vector256<uint> lower, Vector256<uint> upper) = Vector256.Widen(chars);
                        Vector256<int> first = Avx2.GatherVector256(table, lower.AsInt32(), 2) & low16;
                        Vector256<int> second = Avx2.GatherVector256(table, upper.AsInt32(), 2) & low16;
                        folded = Vector256.Narrow(first.AsUInt32(), second.AsUInt32());
                    }
                }

                folded.StoreUnsafe(ref dst, (nuint)i);
                zeros |= Vector256.Equals(folded, Vector256<ushort>.Zero);
            }

            zero |= zeros != Vector256<ushort>.Zero;
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            ref char table = ref MemoryMarshal.GetReference(FoldingTable.Table);
            Vector128<ushort> ascii = Vector128.Create((ushort)0x7F);
            for (; i <= length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                Vector128<ushort> chars = Vector128.LoadUnsafe(ref src, (nuint)i);
                LowerAscii(chars).StoreUnsafe(ref dst, (nuint)i);
                uint nonAscii = Vector128.GreaterThan(chars, ascii).ExtractMostSignificantBits();
                zero |= Vector128.EqualsAny(chars, Vector128<ushort>.Zero);
                while (nonAscii != 0)
                {
                    int lane = i + BitOperations.TrailingZeroCount(nonAscii);
                    nonAscii &= nonAscii - 1;
                    char f = Unsafe.Add(ref table, Unsafe.Add(ref src, lane));
                    Unsafe.Add(ref dst, lane) = f;
                    zero |= f == '\0';
                }
            }
        }

        ref char entries = ref MemoryMarshal.GetReference(FoldingTable.Table);
        for (; i < length; i++)
        {
            char f = Unsafe.Add(ref entries, Unsafe.Add(ref src, i));
            Unsafe.Add(ref dst, i) = f;
            zero |= f == '\0';
        }

        return zero;
    }

    // The AVX-512 part of FoldEachChar: 64 characters per step folded through the byte tables of the half pages (every
    // Vietnamese letter folds to ASCII); characters outside them, or folding to another non-ASCII one, one by one.
    private static bool FoldEachCharWide(ref ushort src, ref ushort dst, int length, ref int i)
    {
        ref char table = ref MemoryMarshal.GetReference(FoldingTable.Table);
        var pages = new HalfPages(FoldingTable.HalfPageTables);
        Vector512<byte> zeros = Vector512<byte>.Zero;
        for (; i <= length - HalfPages.Block; i += HalfPages.Block)
        {
            ref ushort chars = ref Unsafe.Add(ref src, i);
            (Vector512<byte> low, Vector512<byte> high) = HalfPages.Split(ref chars);
            Vector512<byte> folded = pages.Lookup(low, high, out Vector512<byte> covered);
            zeros |= Vector512.Equals(folded, Vector512<byte>.Zero) & covered;
            StoreWide(folded, ref chars, ref Unsafe.Add(ref dst, i));
            ulong slow = ~covered.ExtractMostSignificantBits() | Vector512.Equals(folded, Vector512.Create(FoldingTable.Other)).ExtractMostSignificantBits();
            while (slow != 0)
            {
                int k = i + BitOperations.TrailingZeroCount(slow);
                slow &= slow - 1;
                char f = Unsafe.Add(ref table, Unsafe.Add(ref src, k));
                Unsafe.Add(ref dst, k) = f;
                zeros |= f == '\0' ? Vector512<byte>.AllBitsSet : Vector512<byte>.Zero;
            }
        }

        return zeros != Vector512<byte>.Zero;
    }

    // Stores 64 characters folded by the byte tables: the table's ASCII result, or the character itself where the
    // entry says Keep (widening the sign-extended "keep" lanes gives whole 16-bit masks).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreWide(Vector512<byte> folded, ref ushort chars, ref ushort dst)
    {
        (Vector512<short> keepFirst, Vector512<short> keepSecond) = Vector512.Widen(Vector512.Equals(folded, Vector512.Create(FoldingTable.Keep)).AsSByte());
        (Vector512<ushort> first, Vector512<ushort> second) = Vector512.Widen(folded);
        Vector512.ConditionalSelect(keepFirst.AsUInt16(), Vector512.LoadUnsafe(ref chars), first).StoreUnsafe(ref dst);
        Vector512.ConditionalSelect(keepSecond.AsUInt16(), Vector512.LoadUnsafe(ref chars, (nuint)(HalfPages.Block / 2)), second).StoreUnsafe(ref dst, (nuint)(HalfPages.Block / 2));
    }

    [SkipLocalsInit]
    private static int FoldCore(ReadOnlySpan<char> source, Span<char> destination)
    {
        ref char table = ref MemoryMarshal.GetReference(FoldingTable.Table);
        ref ushort src = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(source));
        ref ushort dst = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
        int length = source.Length;
        int i = 0;
        int w = 0;

        // With AVX-512 VBMI, 64 characters per step through the byte tables, unless one of them is dropped, lies outside
        // the half pages or folds to another non-ASCII character: that block goes one by one. The whole block is read
        // before it is stored, and the writer is never ahead of the reader, so folding in place is safe.
        if (HalfPages.IsSupported && length >= HalfPages.Block)
        {
            var pages = new HalfPages(FoldingTable.HalfPageTables);
            while (i <= length - HalfPages.Block)
            {
                ref ushort chars = ref Unsafe.Add(ref src, i);
                (Vector512<byte> low, Vector512<byte> high) = HalfPages.Split(ref chars);
                Vector512<byte> folded = pages.Lookup(low, high, out Vector512<byte> covered);
                Vector512<byte> special = ~covered | Vector512.Equals(folded, Vector512<byte>.Zero) | Vector512.Equals(folded, Vector512.Create(FoldingTable.Other));
                if (special == Vector512<byte>.Zero)
                {
                    StoreWide(folded, ref chars, ref Unsafe.Add(ref dst, w));
                    w += HalfPages.Block;
                }
                else
                {
                    for (int k = 0; k < HalfPages.Block; k++)
                    {
                        w = FoldOne(ref table, ref dst, w, (char)Unsafe.Add(ref chars, k));
                    }
                }

                i += HalfPages.Block;
            }
        }

        // Tokens are mostly shorter than one vector: skip the vector set-up (overlap check, scratch block), which
        // would cost more than folding them one by one.
        if (Vector128.IsHardwareAccelerated && length >= Vector128<ushort>.Count)
        {
            // Folding in place is allowed; once a dropped character has put the writer behind the reader,
            // a vector store could overwrite source not read yet, so those blocks go one by one.
            bool overlaps = source.Overlaps(destination);
            Span<ushort> saved = stackalloc ushort[Vector128<ushort>.Count];
            Vector128<ushort> ascii = Vector128.Create((ushort)0x7F);
            while (i <= length - Vector128<ushort>.Count)
            {
                if (overlaps && w != i)
                {
                    for (int end = i + Vector128<ushort>.Count; i < end; i++)
                    {
                        w = FoldOne(ref table, ref dst, w, (char)Unsafe.Add(ref src, i));
                    }

                    continue;
                }

                // Lower-case A–Z in every lane and store; then patch the non-ASCII lanes from the table
                // (the store leaves non-ASCII lanes as they were, so reading them again is safe in place).
                Vector128<ushort> chars = Vector128.LoadUnsafe(ref src, (nuint)i);
                LowerAscii(chars).StoreUnsafe(ref dst, (nuint)w);
                uint nonAscii = Vector128.GreaterThan(chars, ascii).ExtractMostSignificantBits();
                bool dropped = false;
                while (nonAscii != 0)
                {
                    int lane = BitOperations.TrailingZeroCount(nonAscii);
                    nonAscii &= nonAscii - 1;
                    char f = Unsafe.Add(ref table, Unsafe.Add(ref src, i + lane));
                    Unsafe.Add(ref dst, w + lane) = f;
                    dropped |= f == '\0';
                }

                if (dropped)
                {
                    // A combining mark or an invisible: the block shrinks; fold it again one by one from a copy.
                    chars.CopyTo(saved);
                    foreach (ushort c in saved)
                    {
                        w = FoldOne(ref table, ref dst, w, (char)c);
                    }
                }
                else
                {
                    w += Vector128<ushort>.Count;
                }

                i += Vector128<ushort>.Count;
            }
        }

        for (; i < length; i++)
        {
            w = FoldOne(ref table, ref dst, w, (char)Unsafe.Add(ref src, i));
        }

        return w;
    }

    // A–Z lower-cased in every lane, every other lane as it is (the folded form of ASCII).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> LowerAscii(Vector128<ushort> chars) =>
        chars | (Vector128.LessThan(chars - Vector128.Create((ushort)'A'), Vector128.Create((ushort)26)) & Vector128.Create((ushort)0x20));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> LowerAscii(Vector256<ushort> chars) =>
        chars | (Vector256.LessThan(chars - Vector256.Create((ushort)'A'), Vector256.Create((ushort)26)) & Vector256.Create((ushort)0x20));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FoldOne(ref char table, ref ushort dst, int w, char c)
    {
        char f = Unsafe.Add(ref table, c);
        Unsafe.Add(ref dst, w) = f;

        // Only dropped characters fold to '\0' (U+0000 itself folds to itself).
        return f != '\0' || c == '\0' ? w + 1 : w;
    }
}
