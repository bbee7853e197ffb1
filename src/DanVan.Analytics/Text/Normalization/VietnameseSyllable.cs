using DanVan.Analytics.Text.Tables;

namespace DanVan.Analytics.Text.Normalization;

/// <summary>
/// Reads a word of precomposed letters as a Vietnamese syllable (initial consonant + vowel nucleus + final
/// consonant) and says where its tone mark belongs.
/// </summary>
/// <remarks>
/// Placement rules (the press's usual spelling, <see cref="ToneStyle.Old"/>):
/// <list type="number">
/// <item><c>qu</c> and <c>gi</c> (when another vowel follows the i) are initial consonants: quý, giữ; but gì, gìn.</item>
/// <item>A vowel with a shape mark (ă â ê ô ơ ư) takes the tone; of two (ươ) the second: người, việt, muốn.</item>
/// <item>Otherwise a closed syllable (final c ch m n ng nh p t) puts it on the last vowel: hoàn, huýt, toán.</item>
/// <item>Otherwise three vowels put it on the middle one (ngoài, khuỷu) and two on the first (mía, cải, hòa,
/// khỏe, thủy); <see cref="ToneStyle.New"/> puts it on the second of open oa, oe, uy (hoà, khoẻ, thuỷ).</item>
/// </list>
/// A word that is not a plausible syllable (unknown initial or final, invalid nucleus, more than one tone,
/// any other letter, too long) is left alone.
/// </remarks>
[System.Runtime.CompilerServices.SkipLocalsInit]
internal static class VietnameseSyllable
{
    /// <summary>No Vietnamese syllable is longer (nghiêng, khuyếch have 7 letters).</summary>
    public const int MaxLength = 8;

    private const int V = VietnameseLetters.VowelCount;

    // The vowel nuclei (semi-vowel finals i/y/o/u included), read from the spelling of the language.
    private static readonly bool[] s_validNucleus = BuildNuclei(
        "a ă â e ê i o ô ơ u ư y " +
        "ai ao au ay âu ây eo êu ia iu iê oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê " +
        "iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu");

    /// <summary>
    /// Reads <paramref name="word"/> and finds its tone mark and where the mark belongs.
    /// </summary>
    /// <param name="word">Precomposed letters only.</param>
    /// <param name="style">Where open oa/oe/uy put the tone (<see cref="ToneStyle.Preserve"/> reads as Old).</param>
    /// <param name="current">The index of the toned letter, -1 when the syllable has no tone mark.</param>
    /// <param name="target">The index of the letter that should carry the tone (meaningful when current ≥ 0).</param>
    /// <returns>False when the word is not a plausible Vietnamese syllable.</returns>
    public static bool TryPlaceTone(ReadOnlySpan<char> word, ToneStyle style, out int current, out int target)
    {
        current = -1;
        target = -1;
        int length = word.Length;
        if (length is 0 or > MaxLength)
        {
            return false;
        }

        // Vowel index of each letter, or -1 for a consonant (then `consonants` holds it lower-cased, đ as 'đ').
        Span<sbyte> vowels = stackalloc sbyte[MaxLength];
        Span<char> consonants = stackalloc char[MaxLength];
        for (int k = 0; k < length; k++)
        {
            char c = word[k];
            if (VietnameseLetters.TryDecompose(c, out int vowel, out _, out int tone))
            {
                if (tone != 0)
                {
                    if (current >= 0)
                    {
                        return false; // two tone marks: not one syllable
                    }

                    current = k;
                }

                vowels[k] = (sbyte)vowel;
                continue;
            }

            char lower = ToConsonant(c);
            if (lower == '\0')
            {
                return false;
            }

            vowels[k] = -1;
            consonants[k] = lower;
        }

        // Initial consonant cluster.
        int p = 0;
        while (p < length && vowels[p] < 0)
        {
            p++;
        }

        if (p == length)
        {
            return false; // no vowel
        }

        ReadOnlySpan<char> initial = consonants[..p];
        if (initial is ['q'])
        {
            if (vowels[p] != VietnameseLetters.U)
            {
                return false;
            }

            p++; // qu
        }
        else if (!IsInitial(initial))
        {
            return false;
        }
        else if (initial is ['g'] && vowels[p] == VietnameseLetters.I && p + 1 < length && vowels[p + 1] >= 0)
        {
            p++; // gi followed by a vowel: the i belongs to the consonant
        }

        int nucleusStart = p;
        while (p < length && vowels[p] >= 0)
        {
            p++;
        }

        int nucleusLength = p - nucleusStart;
        if (nucleusLength == 0 || !IsNucleus(vowels.Slice(nucleusStart, nucleusLength)) || !IsFinal(consonants[p..length]))
        {
            return false;
        }

        if (current < 0)
        {
            return true;
        }

        bool closed = p < length;
        int shaped = -1;
        for (int k = 0; k < nucleusLength; k++)
        {
            if (VietnameseLetters.HasShapeMark(vowels[nucleusStart + k]))
            {
                shaped = k;
            }
        }

        int offset;
        if (shaped >= 0)
        {
            offset = shaped;
        }
        else if (closed)
        {
            offset = nucleusLength - 1;
        }
        else if (nucleusLength == 3)
        {
            offset = 1;
        }
        else if (nucleusLength == 2 && style == ToneStyle.New && IsNewStylePair(vowels[nucleusStart], vowels[nucleusStart + 1]))
        {
            offset = 1;
        }
        else
        {
            offset = 0;
        }

        target = nucleusStart + offset;
        return true;
    }

    /// <summary>True when <paramref name="word"/> (precomposed letters) is a plausible Vietnamese syllable.</summary>
    public static bool IsPlausible(ReadOnlySpan<char> word) => TryPlaceTone(word, ToneStyle.Old, out _, out _);

    // oa, oe, uy: the pairs whose open syllables the 1980s reform spells with the tone on the second vowel.
    private static bool IsNewStylePair(int first, int second) =>
        (first == VietnameseLetters.O && second is VietnameseLetters.A or VietnameseLetters.E)
        || (first == VietnameseLetters.U && second == VietnameseLetters.Y);

    // Lower-case consonant letter of the Vietnamese alphabet (f, j, w, z are not in it), or '\0'.
    private static char ToConsonant(char c)
    {
        if (c is 'Đ' or 'đ')
        {
            return 'đ';
        }

        char lower = (char)(c | 0x20);
        return c < 0x80 && lower is 'b' or 'c' or 'd' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'p' or 'q' or 'r'
            or 's' or 't' or 'v' or 'x' ? lower : '\0';
    }

    private static bool IsInitial(ReadOnlySpan<char> s) => s switch
    {
        [] => true,
        [_] => s[0] != 'q',
        ['c', 'h'] or ['g', 'h'] or ['k', 'h'] or ['n', 'g'] or ['n', 'h'] or ['p', 'h'] or ['t', 'h'] or ['t', 'r'] => true,
        ['n', 'g', 'h'] => true,
        _ => false,
    };

    private static bool IsFinal(ReadOnlySpan<char> s) => s switch
    {
        [] => true,
        ['c'] or ['m'] or ['n'] or ['p'] or ['t'] => true,
        ['c', 'h'] or ['n', 'g'] or ['n', 'h'] => true,
        _ => false,
    };

    private static bool IsNucleus(ReadOnlySpan<sbyte> vowels)
    {
        int key = NucleusKey(vowels);
        return key >= 0 && s_validNucleus[key];
    }

    private static int NucleusKey(ReadOnlySpan<sbyte> vowels) => vowels.Length switch
    {
        1 => vowels[0],
        2 => V + (vowels[0] * V) + vowels[1],
        3 => V + (V * V) + (((vowels[0] * V) + vowels[1]) * V) + vowels[2],
        _ => -1,
    };

    private static bool[] BuildNuclei(string nuclei)
    {
        var valid = new bool[V + (V * V) + (V * V * V)];
        Span<sbyte> vowels = stackalloc sbyte[3];
        foreach (string nucleus in nuclei.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            for (int k = 0; k < nucleus.Length; k++)
            {
                VietnameseLetters.TryDecompose(nucleus[k], out int vowel, out _, out _);
                vowels[k] = (sbyte)vowel;
            }

            valid[NucleusKey(vowels[..nucleus.Length])] = true;
        }

        return valid;
    }
}
