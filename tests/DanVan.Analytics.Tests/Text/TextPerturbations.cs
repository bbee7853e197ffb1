using System.Text;

namespace DanVan.Analytics.Tests.Text;

/// <summary>
/// Renders a text in the other shapes the web gives the same Vietnamese text, to test that normalization
/// makes them one again. Written without the normalizer (runtime NFC/NFD and small tables only), so
/// tests that use it are not circular.
/// </summary>
internal static class TextPerturbations
{
    // Tone marks as combining characters: huyền, sắc, hỏi, ngã, nặng.
    private const string ToneMarks = "\u0300\u0301\u0309\u0303\u0323";

    /// <summary>Unicode NFD: every precomposed letter split into base and combining marks.</summary>
    public static string ToNfd(string text) => text.Normalize(NormalizationForm.FormD);

    /// <summary>Every <c>Đ</c>/<c>đ</c> written with the look-alike <c>Ð</c>/<c>ð</c> (LATIN LETTER ETH).</summary>
    public static string ToEthLookAlike(string text) => text.Replace('\u0110', '\u00D0').Replace('\u0111', '\u00F0');

    /// <summary>Every space written as a no-break space (U+00A0).</summary>
    public static string WithNbspBetweenWords(string text) => text.Replace(' ', '\u00A0');

    /// <summary>Open syllables ending in oa, oe, uy with the tone on the first vowel get it on the second (hòa → hoà).</summary>
    public static string ToNewToneStyle(string text) => MoveToneInFinalPair(text, toSecond: true);

    /// <summary>Open syllables ending in oa, oe, uy with the tone on the second vowel get it on the first (hoà → hòa).</summary>
    public static string ToOldToneStyle(string text) => MoveToneInFinalPair(text, toSecond: false);

    private static string MoveToneInFinalPair(string text, bool toSecond)
    {
        string nfc = text.Normalize(NormalizationForm.FormC);
        var result = new StringBuilder(nfc.Length);
        int i = 0;
        while (i < nfc.Length)
        {
            if (!char.IsLetter(nfc[i]))
            {
                result.Append(nfc[i++]);
                continue;
            }

            int end = i;
            while (end < nfc.Length && char.IsLetter(nfc[end]))
            {
                end++;
            }

            result.Append(MoveInWord(nfc[i..end], toSecond));
            i = end;
        }

        return result.ToString();
    }

    private static string MoveInWord(string word, bool toSecond)
    {
        if (word.Length < 2)
        {
            return word;
        }

        (char first, string firstMarks) = Split(word[^2]);
        (char second, string secondMarks) = Split(word[^1]);
        string pair = char.ToLowerInvariant(first).ToString() + char.ToLowerInvariant(second);
        if (pair is not ("oa" or "oe" or "uy"))
        {
            return word;
        }

        // Not three vowels (ngoài), not the u of qu (quý).
        if (word.Length >= 3 && ("aeiouy".Contains(char.ToLowerInvariant(Split(word[^3]).Base), StringComparison.Ordinal)
            || (pair == "uy" && char.ToLowerInvariant(word[^3]) == 'q')))
        {
            return word;
        }

        string from = toSecond ? firstMarks : secondMarks;
        string to = toSecond ? secondMarks : firstMarks;
        if (from.Length != 1 || to.Length != 0 || !ToneMarks.Contains(from[0], StringComparison.Ordinal))
        {
            return word;
        }

        string newFirst = toSecond ? first.ToString() : (first + from).Normalize(NormalizationForm.FormC);
        string newSecond = toSecond ? (second + from).Normalize(NormalizationForm.FormC) : second.ToString();
        return word[..^2] + newFirst + newSecond;
    }

    private static (char Base, string Marks) Split(char c)
    {
        string d = c.ToString().Normalize(NormalizationForm.FormD);
        return (d[0], d[1..]);
    }
}
