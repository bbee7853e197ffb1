using System.Globalization;
using System.Text;

namespace DanVan.Analytics.Text;

/// <summary>
/// Folds Vietnamese text to its bare lower-case letters: tones and shape marks removed, <c>đ</c> → <c>d</c>
/// ("Đảng ủy Thành phố" → "dang uy thanh pho"), as users type when they skip diacritics.
/// </summary>
public static class VietnameseFolder
{
    // Folded form of every BMP letter up to the Latin Extended Additional block; built once, read-only after.
    private const int TableSize = 0x1F00;
    private static readonly char[] s_table = BuildTable();

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <returns>The number of characters written; never more than <paramref name="source"/>'s length.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    public static int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination must be at least as long as the source.", nameof(destination));
        }

        int written = 0;
        foreach (char c in source)
        {
            if (c < TableSize)
            {
                char f = s_table[c];
                if (f != '\0' || c == '\0')
                {
                    destination[written++] = f;
                }
            }
            else
            {
                destination[written++] = char.ToLowerInvariant(c);
            }
        }

        return written;
    }

    /// <summary>Folds <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[] buffer = new char[text.Length];
        int written = Fold(text, buffer);
        return new string(buffer, 0, written);
    }

    private static char[] BuildTable()
    {
        var table = new char[TableSize];
        for (int c = 0; c < TableSize; c++)
        {
            char ch = (char)c;
            if (ch is >= '\u0300' and <= '\u036F')
            {
                table[c] = '\0'; // combining marks are dropped
                continue;
            }

            if (ch is '\u0110' or '\u0111' or '\u00D0' or '\u00F0')
            {
                table[c] = 'd';
                continue;
            }

            string decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            char baseChar = decomposed[0];
            table[c] = CharUnicodeInfo.GetUnicodeCategory(baseChar) == UnicodeCategory.NonSpacingMark
                ? ch
                : char.ToLowerInvariant(baseChar);
        }

        return table;
    }
}
