using System.Text;

namespace DanVan.Analytics.Text.Tables;

/// <summary>
/// The runtime's Unicode normalization for the rare sequences the Vietnamese tables do not cover, made
/// total: the runtime rejects some code units (lone surrogates, noncharacters), which then stay as they are.
/// </summary>
internal static class RuntimeNormalization
{
    /// <summary>True when <paramref name="text"/> is in <paramref name="form"/>, or the runtime cannot tell (invalid code points).</summary>
    public static bool IsNormalized(ReadOnlySpan<char> text, NormalizationForm form)
    {
        try
        {
            return text.IsNormalized(form);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>Writes <paramref name="text"/> in <paramref name="form"/>, or unchanged when the runtime rejects it.</summary>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    public static bool TryNormalize(ReadOnlySpan<char> text, Span<char> destination, out int written, NormalizationForm form)
    {
        try
        {
            if (text.TryNormalize(destination, out written, form))
            {
                return true;
            }
        }
        catch (ArgumentException)
        {
            // Invalid code points: keep the text as it is.
        }

        written = text.Length;
        return text.TryCopyTo(destination);
    }

    /// <summary>
    /// Normalizes every BMP code unit from U+00C0 on (surrogates excepted) on its own, in one call to the runtime
    /// rather than 65,000 (which would cost a noticeable part of a second at start-up).
    /// </summary>
    /// <param name="form">The normalization form.</param>
    /// <returns>For each code unit, the first character of its normalized form and whether that form is the unit itself;
    /// units below U+00C0, surrogates and those the runtime rejects map to themselves.</returns>
    public static (char[] First, bool[] Same) NormalizeEachChar(NormalizationForm form)
    {
        var first = new char[char.MaxValue + 1];
        var same = new bool[char.MaxValue + 1];
        for (int i = 0; i <= char.MaxValue; i++)
        {
            first[i] = (char)i;
            same[i] = true;
        }

        // Each unit followed by U+0001, a starter that composes with nothing, so units cannot interact.
        var all = new StringBuilder(2 * (char.MaxValue + 1));
        for (int i = 0xC0; i <= char.MaxValue; i++)
        {
            if (!char.IsSurrogate((char)i))
            {
                all.Append((char)i).Append('\u0001');
            }
        }

        string normalized;
        try
        {
            normalized = all.ToString().Normalize(form);
        }
        catch (ArgumentException)
        {
            return NormalizeEachCharOneByOne(form, first, same);
        }

        int position = 0;
        for (int i = 0xC0; i <= char.MaxValue; i++)
        {
            if (char.IsSurrogate((char)i))
            {
                continue;
            }

            int end = normalized.IndexOf('\u0001', position);
            if (end < 0)
            {
                return NormalizeEachCharOneByOne(form, first, same); // never expected: fall back to the sure way
            }

            ReadOnlySpan<char> piece = normalized.AsSpan(position, end - position);
            if (!piece.IsEmpty)
            {
                first[i] = piece[0];
            }

            same[i] = piece.Length == 1 && piece[0] == (char)i;
            position = end + 1;
        }

        return (first, same);
    }

    private static (char[] First, bool[] Same) NormalizeEachCharOneByOne(NormalizationForm form, char[] first, bool[] same)
    {
        Span<char> one = stackalloc char[1];
        Span<char> result = stackalloc char[32];
        for (int i = 0xC0; i <= char.MaxValue; i++)
        {
            one[0] = (char)i;
            if (!char.IsSurrogate(one[0]) && TryNormalize(one, result, out int written, form) && written > 0)
            {
                first[i] = result[0];
                same[i] = written == 1 && result[0] == one[0];
            }
        }

        return (first, same);
    }
}
