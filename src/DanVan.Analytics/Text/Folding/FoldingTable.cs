using System.Globalization;
using System.Text;
using DanVan.Analytics.Text.Normalization;

namespace DanVan.Analytics.Text.Folding;

/// <summary>
/// The folded form of every UTF-16 code unit, computed once from the Unicode data of the runtime:
/// the first character of the canonical decomposition, lower-cased; space separators as U+0020;
/// <c>'\0'</c> for dropped combining marks and invisibles (zero-width characters, soft hyphen).
/// </summary>
internal static class FoldingTable
{
    private static readonly char[] s_table = Build();

    /// <summary>The table, indexed by code unit.</summary>
    public static ReadOnlySpan<char> Table => s_table;

    /// <summary>The table as an array, for loads without bounds checks in inlined loops.</summary>
    public static char[] Array => s_table;

    /// <summary>The folded form of <paramref name="c"/>; <c>'\0'</c> when it is dropped.</summary>
    public static char Of(char c) => s_table[c];

    private static char[] Build()
    {
        var table = new char[char.MaxValue + 1];
        char[] decomposedFirst = RuntimeNormalization.NormalizeEachChar(NormalizationForm.FormD).First;
        for (int i = 0; i <= char.MaxValue; i++)
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
