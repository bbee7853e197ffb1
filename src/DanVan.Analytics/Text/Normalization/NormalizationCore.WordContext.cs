using DanVan.Analytics.Text.Tables;

namespace DanVan.Analytics.Text.Normalization;

// Word context: where units start and end, breaks between them, and the neighbours that mark a word as code.
internal static partial class NormalizationCore
{
    /// <summary>
    /// True when the character after <paramref name="i"/>, past removed invisibles, is a combining mark: then the
    /// character at <paramref name="i"/> is its base (after the invisibles go, "=" U+200B U+0338 is "≠").
    /// </summary>
    private static bool NextIsMark(ReadOnlySpan<char> s, int i)
    {
        int k = i + 1;
        while (k < s.Length && (CharFlags.Of(s[k]) & CharFlag.Removed) != 0)
        {
            k++;
        }

        return k < s.Length && (CharFlags.Of(s[k]) & CharFlag.MarkLike) != 0;
    }

    /// <summary>
    /// True when a word is glued to a URL, path, e-mail address or code (a neighbour such as / _ @ = &amp; # %, or a
    /// dot between letters): such words are left alone.
    /// </summary>
    /// <param name="left">The text before the word.</param>
    /// <param name="right">The text after the word.</param>
    private static bool IsInCode(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        // Left: already normalized text (the written output, or canonical text), so it has no invisibles or marks to skip.
        if (!left.IsEmpty)
        {
            char before = left[^1];
            if (IsCodeJoiner(before) || (before == '.' && left.Length > 1 && char.IsLetterOrDigit(left[^2])))
            {
                return true;
            }
        }

        // Right: source text; a neighbour that combining marks will join is no joiner (it will not be one after
        // normalization either), and invisibles after a dot are skipped as normalization removes them.
        if (!right.IsEmpty && !NextIsMark(right, 0))
        {
            char after = right[0];
            if (IsCodeJoiner(after))
            {
                return true;
            }

            if (after == '.')
            {
                int k = 1;
                while (k < right.Length && (CharFlags.Of(right[k]) & CharFlag.Removed) != 0)
                {
                    k++;
                }

                return k < right.Length && char.IsLetterOrDigit(right[k]);
            }
        }

        return false;
    }

    private static bool IsCodeJoiner(char c) => c is '/' or '\\' or '_' or '@' or '=' or '&' or '#' or '%' or '~' or '|' or '+' or '^' or '*' or '<' or '>';

    /// <summary>True for a whitespace character not followed by a combining mark: text before and after it is normalized independently.</summary>
    private static bool IsBreakAt(ReadOnlySpan<char> text, int i) =>
        char.IsWhiteSpace(text[i]) && !NextIsMark(text, i);

    /// <summary>True when the character at <paramref name="i"/> belongs to a word.</summary>
    private static bool IsWordAt(ReadOnlySpan<char> s, int i)
    {
        ReadOnlySpan<CharFlag> flags = CharFlags.Table;
        if ((flags[s[i]] & CharFlag.Word) != 0)
        {
            return true;
        }

        // An apostrophe joins two letters of one word (K’ré), not a closing quote and the next word; invisibles
        // next to it do not count, as normalization removes them.
        if (!CharFlags.IsApostrophe(s[i]))
        {
            return false;
        }

        int before = i - 1;
        while (before >= 0 && (flags[s[before]] & CharFlag.Removed) != 0)
        {
            before--;
        }

        int after = i + 1;
        while (after < s.Length && (flags[s[after]] & CharFlag.Removed) != 0)
        {
            after++;
        }

        return before >= 0 && after < s.Length && (flags[s[before]] & CharFlag.Word) != 0 && (flags[s[after]] & CharFlag.Word) != 0;
    }

    /// <summary>The start of the unit that contains <paramref name="i"/> (a word that starts with a mark includes the character before it).</summary>
    public static int WordStart(ReadOnlySpan<char> s, int i)
    {
        if (!IsWordAt(s, i))
        {
            return i;
        }

        int start = i;
        while (start > 0 && IsWordAt(s, start - 1))
        {
            start--;
        }

        return start > 0 && ((CharFlags.Of(s[start]) & CharFlag.MarkLike) != 0
            || ((CharFlags.Of(s[start]) & CharFlag.Removed) != 0 && NextIsMark(s, start))) ? start - 1 : start;
    }

    /// <summary>The end of the unit that starts at or contains <paramref name="i"/>.</summary>
    public static int WordEnd(ReadOnlySpan<char> s, int i, int end)
    {
        int k = i + 1;
        while (k < end && IsWordAt(s, k))
        {
            k++;
        }

        return k;
    }
}
