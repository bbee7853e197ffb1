namespace DanVan.Analytics.Text.Tables;

/// <summary>
/// The fast scan's flags (<see cref="CharFlags.ScanTable"/>, plus <see cref="WordBit"/>, <see cref="GapBit"/> and
/// <see cref="QgBit"/>) over the <see cref="HalfPages"/>, for the AVX-512 scan, which looks them up in registers
/// (64 characters per step) instead of reading the table once per non-ASCII character.
/// </summary>
/// <remarks>
/// Characters outside the half pages are looked up in the table one by one. That is only right if none of them is a
/// vowel (a neighbour the scan reads as flags 0): <see cref="CoversEveryVowel"/> checks it once. A character read as
/// 0 is neither word nor gap, which only makes the scan look closer.
/// </remarks>
internal static class ScanPages
{
    /// <summary>A character of a word (<see cref="CharFlag.Word"/>).</summary>
    public const int WordBit = 5;

    /// <summary>A character that neither is part of a word nor may join two words (an apostrophe may).</summary>
    public const int GapBit = 6;

    /// <summary>The letter q or g, either case: a vowel after it may belong to the initial (qu, gi).</summary>
    public const int QgBit = 7;

    private static readonly byte[] s_tables = HalfPages.Build(Entry);

    /// <summary>The tables, as <see cref="HalfPages(ReadOnlySpan{byte})"/> loads them.</summary>
    public static ReadOnlySpan<byte> Tables => s_tables;

    /// <summary>True when every code unit outside the half pages has no vowel, shape or tone flag.</summary>
    public static bool CoversEveryVowel { get; } = CheckCoverage();

    private static byte Entry(char c)
    {
        bool word = (CharFlags.Of(c) & CharFlag.Word) != 0;
        bool gap = !word && !CharFlags.IsApostrophe(c);
        bool qg = c is 'q' or 'Q' or 'g' or 'G';
        return (byte)(CharFlags.ScanTable[c] | (word ? 1 << WordBit : 0) | (gap ? 1 << GapBit : 0) | (qg ? 1 << QgBit : 0));
    }

    private static bool CheckCoverage()
    {
        ReadOnlySpan<byte> scan = CharFlags.ScanTable;
        const int NotSpecial = ScanFlag.Special - 1;
        for (int c = 0; c < scan.Length; c++)
        {
            if ((scan[c] & NotSpecial) != 0 && !HalfPages.Contains(c))
            {
                return false;
            }
        }

        return true;
    }
}
