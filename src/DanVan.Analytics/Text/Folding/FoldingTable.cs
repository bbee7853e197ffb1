using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DanVan.Analytics.Text.Tables;

namespace DanVan.Analytics.Text.Folding;

/// <summary>
/// The folded form of every UTF-16 code unit, computed once from the Unicode data of the runtime:
/// the first character of the canonical decomposition, lower-cased; space separators as U+0020;
/// <c>'\0'</c> for dropped combining marks and invisibles (zero-width characters, soft hyphen).
/// </summary>
internal static unsafe class FoldingTable
{
    private const int Size = char.MaxValue + 1;

    // Pinned, and one entry longer than the code units, so that a vector gather of 32-bit elements at each code unit
    // reads inside the table; the pointer is taken once.
    private static readonly char[] s_table = Build();
    private static readonly char* s_pointer = (char*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(s_table));

    /// <summary>The table, indexed by code unit.</summary>
    public static ReadOnlySpan<char> Table => s_table.AsSpan(0, Size);

    /// <summary>The table's first entry, for vector gathers (the table is pinned).</summary>
    public static char* Pointer => s_pointer;

    /// <summary>The folded form of <paramref name="c"/>; <c>'\0'</c> when it is dropped.</summary>
    public static char Of(char c) => s_table[c];

    /// <summary>An entry of <see cref="HalfPageTables"/>: the code unit folds to itself.</summary>
    public const byte Keep = 0x80;

    /// <summary>An entry of <see cref="HalfPageTables"/>: the code unit folds to another non-ASCII one (Æ → æ).</summary>
    public const byte Other = 0x81;

    /// <summary>
    /// The table over the <see cref="Tables.HalfPages"/> as bytes: the folded form when it is ASCII (every Vietnamese
    /// letter, and <c>'\0'</c> for a dropped one), else <see cref="Keep"/> or <see cref="Other"/>.
    /// </summary>
    public static ReadOnlySpan<byte> HalfPageTables => s_halfPages;

    private static readonly byte[] s_halfPages = Tables.HalfPages.Build(c => s_table[c] < 0x80 ? (byte)s_table[c] : s_table[c] == c ? Keep : Other);

    private static char[] Build()
    {
        char[] table = GC.AllocateArray<char>(Size + 1, pinned: true);
        char[] decomposedFirst = RuntimeNormalization.NormalizeEachChar(NormalizationForm.FormD).First;
        for (int i = 0; i < Size; i++)
        {
            table[i] = Fold((char)i, decomposedFirst[i]);
        }

        return table;
    }

    // decomposedFirst: the first character of the canonical decomposition of c (c itself when it has none).
    private static char Fold(char c, char decomposedFirst)
    {
        if (char.IsSurrogate(c) || c < 'A')
        {
            return c;
        }

        switch (c)
        {
            case '\u0110': // Đ LATIN CAPITAL LETTER D WITH STROKE
            case '\u0111': // đ LATIN SMALL LETTER D WITH STROKE
            case '\u00D0': // Ð LATIN CAPITAL LETTER ETH (look-alike of Đ)
            case '\u00F0': // ð LATIN SMALL LETTER ETH (look-alike of đ)
                return 'd';
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
        {
            return '\0'; // dropped, as the normalizer drops invisibles: fold(normalize(x)) == fold(x)
        }

        if (category == UnicodeCategory.SpaceSeparator)
        {
            return ' ';
        }

        char baseChar = CharUnicodeInfo.GetUnicodeCategory(decomposedFirst) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            || char.IsSurrogate(decomposedFirst) ? c : decomposedFirst;
        return char.ToLowerInvariant(baseChar);
    }
}
