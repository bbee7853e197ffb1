using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DanVan.Analytics.Text.Tables;

/// <summary>
/// Byte tables over the seven half pages of 128 code units that Vietnamese text uses, looked up 64 characters at a
/// time in AVX-512 (VBMI) registers: one byte permute per half page instead of a table read per character.
/// </summary>
/// <remarks>
/// The half pages: Basic Latin, Latin-1, the two halves of Latin Extended-A/B (ă ĩ đ ũ ơ ư), the combining marks,
/// the Vietnamese half of Latin Extended Additional and the general punctuation (spaces, zero-width characters,
/// quotes and dashes). A lookup also tells which lanes lie outside them, for the caller to handle one by one.
/// </remarks>
[StructLayout(LayoutKind.Auto)]
internal readonly struct HalfPages
{
    /// <summary>The number of half pages.</summary>
    public const int Count = 7;

    /// <summary>The entries of one half page.</summary>
    public const int Size = 128;

    /// <summary>The characters of one lookup.</summary>
    public const int Block = 64;

    private readonly Vector512<byte> _basicLo;
    private readonly Vector512<byte> _basicHi;
    private readonly Vector512<byte> _latin1Lo;
    private readonly Vector512<byte> _latin1Hi;
    private readonly Vector512<byte> _extALo;
    private readonly Vector512<byte> _extAHi;
    private readonly Vector512<byte> _extBLo;
    private readonly Vector512<byte> _extBHi;
    private readonly Vector512<byte> _marksLo;
    private readonly Vector512<byte> _marksHi;
    private readonly Vector512<byte> _vietLo;
    private readonly Vector512<byte> _vietHi;
    private readonly Vector512<byte> _punctLo;
    private readonly Vector512<byte> _punctHi;

    /// <summary>Loads <see cref="Count"/> tables of <see cref="Size"/> bytes (as <see cref="Build"/> makes them).</summary>
    public HalfPages(ReadOnlySpan<byte> tables)
    {
        ref byte t = ref MemoryMarshal.GetReference(tables);
        _basicLo = Vector512.LoadUnsafe(ref t, 0);
        _basicHi = Vector512.LoadUnsafe(ref t, 64);
        _latin1Lo = Vector512.LoadUnsafe(ref t, 128);
        _latin1Hi = Vector512.LoadUnsafe(ref t, 192);
        _extALo = Vector512.LoadUnsafe(ref t, 256);
        _extAHi = Vector512.LoadUnsafe(ref t, 320);
        _extBLo = Vector512.LoadUnsafe(ref t, 384);
        _extBHi = Vector512.LoadUnsafe(ref t, 448);
        _marksLo = Vector512.LoadUnsafe(ref t, 512);
        _marksHi = Vector512.LoadUnsafe(ref t, 576);
        _vietLo = Vector512.LoadUnsafe(ref t, 640);
        _vietHi = Vector512.LoadUnsafe(ref t, 704);
        _punctLo = Vector512.LoadUnsafe(ref t, 768);
        _punctHi = Vector512.LoadUnsafe(ref t, 832);
    }

    /// <summary>True where the lookups run: AVX-512 with VBMI.</summary>
    public static bool IsSupported => Avx512Vbmi.IsSupported;

    /// <summary>The first code unit of each half page, in the order of the tables.</summary>
    public static ReadOnlySpan<ushort> Starts => [0x0000, 0x0080, 0x0100, 0x0180, 0x0300, 0x1E80, 0x2000];

    /// <summary>The tables: <paramref name="entry"/> of each code unit of each half page, in order.</summary>
    public static byte[] Build(Func<char, byte> entry)
    {
        var tables = new byte[Count * Size];
        for (int t = 0; t < Count; t++)
        {
            for (int j = 0; j < Size; j++)
            {
                tables[(t * Size) + j] = entry((char)(Starts[t] + j));
            }
        }

        return tables;
    }

    /// <summary>True when <paramref name="c"/> lies in one of the half pages.</summary>
    public static bool Contains(int c)
    {
        foreach (ushort start in Starts)
        {
            if (c >= start && c < start + Size)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The low and the high bytes of the 64 characters at <paramref name="src"/>, lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<byte> Low, Vector512<byte> High) Split(ref ushort src)
    {
        Vector512<byte> first = Vector512.LoadUnsafe(ref src).AsByte();
        Vector512<byte> second = Vector512.LoadUnsafe(ref src, (nuint)(Block / 2)).AsByte();
        Vector512<byte> lowBytes = Vector512<byte>.Indices + Vector512<byte>.Indices;
        return (Avx512Vbmi.PermuteVar64x8x2(first, lowBytes, second), Avx512Vbmi.PermuteVar64x8x2(first, lowBytes + Vector512<byte>.One, second));
    }

    /// <summary>The table entry of each of 64 characters given as their low and high bytes (see <see cref="Split"/>).</summary>
    /// <param name="low">The low bytes.</param>
    /// <param name="high">The high bytes.</param>
    /// <param name="covered">All ones in the lanes inside the half pages, zero elsewhere (where the entry is 0).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<byte> Lookup(Vector512<byte> low, Vector512<byte> high, out Vector512<byte> covered)
    {
        Vector512<byte> upperHalf = Vector512.LessThan(low.AsSByte(), Vector512<sbyte>.Zero).AsByte();
        Vector512<byte> page0 = Vector512.Equals(high, Vector512<byte>.Zero);
        Vector512<byte> page1 = Vector512.Equals(high, Vector512.Create((byte)0x01));
        Vector512<byte> marks = Vector512.AndNot(Vector512.Equals(high, Vector512.Create((byte)0x03)), upperHalf);
        Vector512<byte> viet = Vector512.Equals(high, Vector512.Create((byte)0x1E)) & upperHalf;
        Vector512<byte> punct = Vector512.AndNot(Vector512.Equals(high, Vector512.Create((byte)0x20)), upperHalf);
        covered = page0 | page1 | marks | viet | punct;
        return (page0 & Vector512.ConditionalSelect(upperHalf, Avx512Vbmi.PermuteVar64x8x2(_latin1Lo, low, _latin1Hi), Avx512Vbmi.PermuteVar64x8x2(_basicLo, low, _basicHi)))
            | (page1 & Vector512.ConditionalSelect(upperHalf, Avx512Vbmi.PermuteVar64x8x2(_extBLo, low, _extBHi), Avx512Vbmi.PermuteVar64x8x2(_extALo, low, _extAHi)))
            | (marks & Avx512Vbmi.PermuteVar64x8x2(_marksLo, low, _marksHi))
            | (viet & Avx512Vbmi.PermuteVar64x8x2(_vietLo, low, _vietHi))
            | (punct & Avx512Vbmi.PermuteVar64x8x2(_punctLo, low, _punctHi));
    }
}
