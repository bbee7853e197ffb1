namespace DanVan.Analytics.Text.Tables;

/// <summary>
/// The fast scan's flags (<see cref="CharFlags.ScanTable"/>, plus <see cref="WordBit"/>, <see cref="GapBit"/> and <see cref="QgBit"/>) for the half pages of 128 code units that Vietnamese
/// text uses, laid out for the AVX-512 scan, which looks them up in registers (64 characters per step) instead of
/// reading the table once per non-ASCII character.
/// </summary>
/// <remarks>
/// Characters outside these half pages are looked up in the table one by one. That is only right if none of them is
/// a vowel (a neighbour the scan reads as flags 0): <see cref="CoversEveryVowel"/> checks it once. A character read
/// as 0 is neither word nor gap, which only makes the scan look closer.
/// </remarks>
internal static class ScanPages
{
    /// <summary>The number of half pages: Basic Latin, Latin-1, the two halves of Latin Extended-A/B (ă ĩ đ ũ ơ ư),
    /// the combining marks, the Vietnamese half of Latin Extended Additional and the general punctuation (spaces,
    /// zero-width characters, quotes and dashes).</summary>
    public const int Count = 7;

    /// <summary>The entries of one half page.</summary>
    public const int Size = 128;

    private static readonly byte[] s_tables = Build();

    /// <summary>The first code unit of each half page, in the order of <see cref="Tables"/>.</summary>
    public static ReadOnlySpan<ushort> Starts => [0x0000, 0x0080, 0x0100, 0x0180, 0x0300, 0x1E80, 0x2000];

    /// <summary><see cref="Count"/> tables of <see cref="Size"/> bytes, one after the other.</summary>
    public static ReadOnlySpan<byte> Tables => s_tables;

    /// <summary>True when every code unit outside the half pages has no vowel, shape or tone flag.</summary>
    public static bool CoversEveryVowel { get; } = CheckCoverage();

    /// <summary>A character of a word (<see cref="CharFlag.Word"/>).</summary>
    public const int WordBit = 5;

    /// <summary>A character that neither is part of a word nor may join two words (an apostrophe may).</summary>
    public const int GapBit = 6;

    /// <summary>The letter q or g, either case: a vowel after it may belong to the initial (qu, gi).</summary>
    public const int QgBit = 7;

    private static byte[] Build()
    {
        ReadOnlySpan<byte> scan = CharFlags.ScanTable;
        ReadOnlySpan<CharFlag> flags = CharFlags.Table;
        var tables = new byte[Count * Size];
        for (int t = 0; t < Count; t++)
        {
            for (int j = 0; j < Size; j++)
            {
                int c = Starts[t] + j;
                bool word = (flags[c] & CharFlag.Word) != 0;
                bool gap = !word && !CharFlags.IsApostrophe((char)c);
                bool qg = c is 'q' or 'Q' or 'g' or 'G';
                tables[(t * Size) + j] = (byte)(scan[c] | (word ? 1 << WordBit : 0) | (gap ? 1 << GapBit : 0) | (qg ? 1 << QgBit : 0));
            }
        }

        return tables;
    }

    private static bool CheckCoverage()
    {
        ReadOnlySpan<byte> scan = CharFlags.ScanTable;
        const int NotSpecial = ScanFlag.Special - 1;
        for (int c = 0; c < scan.Length; c++)
        {
            if ((scan[c] & NotSpecial) != 0 && !IsCovered(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCovered(int c)
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
}
