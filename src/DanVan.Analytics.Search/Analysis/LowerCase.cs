using System.Text;

namespace DanVan.Analytics.Search.Analysis;

/// <summary>
/// Lower-cases text as <see cref="char.ToLowerInvariant(char)"/> and <see cref="Rune.ToLowerInvariant(Rune)"/> do,
/// with a table for the scripts of Vietnamese text, where the span overload of the runtime calls into ICU per
/// letter outside ASCII.
/// </summary>
internal static class LowerCase
{
    // Latin, Greek, Cyrillic and Latin Extended Additional (the precomposed Vietnamese letters) lie below U+2000.
    private const int TableSize = 0x2000;

    // Read-only after the type initializer.
    private static readonly char[] s_table = BuildTable();

    /// <summary>Writes <paramref name="source"/> in lower case to <paramref name="destination"/> (at least as long; the length never changes).</summary>
    public static void ToLower(ReadOnlySpan<char> source, Span<char> destination)
    {
        char[] table = s_table;
        destination = destination[..source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c < TableSize)
            {
                destination[i] = table[c];
            }
            else if (!char.IsSurrogate(c))
            {
                destination[i] = char.ToLowerInvariant(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                Rune lower = Rune.ToLowerInvariant(new Rune(c, source[i + 1]));

                // Lower-casing stays in the supplementary planes; if it ever did not, the pair is kept as it is.
                if (lower.Utf16SequenceLength != 2 || !lower.TryEncodeToUtf16(destination[i..], out _))
                {
                    destination[i] = c;
                    destination[i + 1] = source[i + 1];
                }

                i++;
            }
            else
            {
                destination[i] = c;
            }
        }
    }

    private static char[] BuildTable()
    {
        var table = new char[TableSize];
        for (int c = 0; c < TableSize; c++)
        {
            table[c] = char.ToLowerInvariant((char)c);
        }

        return table;
    }
}
