using System.Globalization;

namespace DanVan.Analytics.Parsing.Content;

/// <summary>Finds the words of a text: runs of letters with their combining marks, anything else between.</summary>
internal static class WordScanner
{
    /// <summary>Words longer than this are counted but never looked up (no stop word or matching needs them).</summary>
    public const int MaxWordLength = 24;

    /// <summary>Finds the next word at or after <paramref name="position"/>; false at the end of the text.</summary>
    public static bool Next(ReadOnlySpan<char> text, ref int position, out int start, out int length)
    {
        int i = position;
        while (i < text.Length && !IsWordChar(text[i]))
        {
            i++;
        }

        start = i;
        while (i < text.Length && IsWordChar(text[i]))
        {
            i++;
        }

        position = i;
        length = i - start;
        return length > 0;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || (c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
}
