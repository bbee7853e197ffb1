using System.Runtime.CompilerServices;
using System.Text;

namespace DanVan.Analytics.Text;

/// <summary>
/// Lower-cases text exactly as <see cref="char.ToLowerInvariant(char)"/> and <see cref="Rune.ToLowerInvariant(Rune)"/> do,
/// through a table for the scripts of Vietnamese text, where the runtime goes through the culture data for every letter
/// outside ASCII. The one lower-casing of the library: word look-ups in extraction and the search analyzer both use it.
/// </summary>
public static class LowerCase
{
    // Latin, Greek, Cyrillic and Latin Extended Additional (the precomposed Vietnamese letters) lie below U+2000.
    private const int TableSize = 0x2000;

    // Read-only after the type initializer.
    private static readonly char[] s_table = BuildTable();

    /// <summary>The lower case of <paramref name="c"/>, as <see cref="char.ToLowerInvariant(char)"/> gives it.</summary>
    /// <param name="c">A character (a lone surrogate comes back as it is).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char ToLower(char c) => c < TableSize ? s_table[c] : char.ToLowerInvariant(c);

    /// <summary>
    /// Writes <paramref name="source"/> in lower case to <paramref name="destination"/>; the length never changes, and a
    /// surrogate pair is lower-cased as one code point.
    /// </summary>
    /// <param name="source">The text.</param>
    /// <param name="destination">At least as long as <paramref name="source"/>; may be the same memory.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    public static void ToLower(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination must be at least as long as the source.", nameof(destination));
        }

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
