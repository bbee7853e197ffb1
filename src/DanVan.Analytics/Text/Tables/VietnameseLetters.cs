using System.Diagnostics;

namespace DanVan.Analytics.Text.Tables;

/// <summary>
/// The Vietnamese vowel letters: 12 vowels (a ă â e ê i o ô ơ u ư y) × upper/lower case × 6 tones
/// (none, huyền, sắc, hỏi, ngã, nặng), each as its single precomposed Unicode character (NFC).
/// </summary>
/// <remarks>
/// The rows were produced from the Unicode Character Database (Python's <c>unicodedata</c>, Unicode 15):
/// NFC of the vowel followed by the combining tone mark, with the character's name. The test
/// <c>VietnameseLettersTests</c> checks every row again against <see cref="string.Normalize()"/>.
/// </remarks>
internal static class VietnameseLetters
{
    /// <summary>The number of vowel letters without tone (a ă â e ê i o ô ơ u ư y).</summary>
    public const int VowelCount = 12;

    /// <summary>The number of tones, the level tone (no mark) included.</summary>
    public const int ToneCount = 6;

    // Vowel indices, in the order of the table rows.
    public const int A = 0, ABreve = 1, ACircumflex = 2, E = 3, ECircumflex = 4, I = 5,
        O = 6, OCircumflex = 7, OHorn = 8, U = 9, UHorn = 10, Y = 11;

    /// <summary>The precomposed letter of a vowel, case and tone.</summary>
    public static char Compose(int vowel, bool upper, int tone) =>
        Letters[(((vowel * 2) + (upper ? 1 : 0)) * ToneCount) + tone];

    /// <summary>The highest character code of any letter of the table (ỹ, U+1EF9).</summary>
    public const char MaxLetter = '\u1EF9';


    /// <summary>Finds the vowel, case and tone of a Vietnamese vowel letter.</summary>
    /// <returns>False when <paramref name="c"/> is not one of the 144 letters of the table.</returns>
    public static bool TryDecompose(char c, out int vowel, out bool upper, out int tone)
    {
        int row = c <= MaxLetter ? s_rowOf[c] - 1 : -1;
        if (row < 0)
        {
            vowel = -1;
            upper = false;
            tone = 0;
            return false;
        }

        tone = row % ToneCount;
        int caseRow = row / ToneCount;
        upper = (caseRow & 1) != 0;
        vowel = caseRow >> 1;
        return true;
    }

    /// <summary>The same letter with another tone (0 removes it); <paramref name="c"/> must be a vowel letter.</summary>
    public static char WithTone(char c, int tone)
    {
        bool found = TryDecompose(c, out int vowel, out bool upper, out _);
        Debug.Assert(found, "WithTone is only called on vowel letters.");
        return Compose(vowel, upper, tone);
    }

    private static byte[] BuildRowOf()
    {
        var rowOf = new byte[MaxLetter + 1];
        ReadOnlySpan<char> letters = Letters;
        for (int row = 0; row < letters.Length; row++)
        {
            rowOf[letters[row]] = (byte)(row + 1);
        }

        return rowOf;
    }

    /// <summary>True for the vowels that carry a shape mark (ă â ê ô ơ ư): they take the tone.</summary>
    public static bool HasShapeMark(int vowel) =>
        vowel is ABreve or ACircumflex or ECircumflex or OCircumflex or OHorn or UHorn;

    /// <summary>Index: ((vowel × 2 + upper) × 6 + tone).</summary>
    public static ReadOnlySpan<char> Letters => s_letters;

    // An array rather than a span literal: built once in every build configuration.
    private static readonly char[] s_letters =
    [
        // a, lower case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u0061', // a LATIN SMALL LETTER A
        '\u00E0', // à LATIN SMALL LETTER A WITH GRAVE
        '\u00E1', // á LATIN SMALL LETTER A WITH ACUTE
        '\u1EA3', // ả LATIN SMALL LETTER A WITH HOOK ABOVE
        '\u00E3', // ã LATIN SMALL LETTER A WITH TILDE
        '\u1EA1', // ạ LATIN SMALL LETTER A WITH DOT BELOW
        // A, upper case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u0041', // A LATIN CAPITAL LETTER A
        '\u00C0', // À LATIN CAPITAL LETTER A WITH GRAVE
        '\u00C1', // Á LATIN CAPITAL LETTER A WITH ACUTE
        '\u1EA2', // Ả LATIN CAPITAL LETTER A WITH HOOK ABOVE
        '\u00C3', // Ã LATIN CAPITAL LETTER A WITH TILDE
        '\u1EA0', // Ạ LATIN CAPITAL LETTER A WITH DOT BELOW
        // ă, lower case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u0103', // ă LATIN SMALL LETTER A WITH BREVE
        '\u1EB1', // ằ LATIN SMALL LETTER A WITH BREVE AND GRAVE
        '\u1EAF', // ắ LATIN SMALL LETTER A WITH BREVE AND ACUTE
        '\u1EB3', // ẳ LATIN SMALL LETTER A WITH BREVE AND HOOK ABOVE
        '\u1EB5', // ẵ LATIN SMALL LETTER A WITH BREVE AND TILDE
        '\u1EB7', // ặ LATIN SMALL LETTER A WITH BREVE AND DOT BELOW
        // Ă, upper case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u0102', // Ă LATIN CAPITAL LETTER A WITH BREVE
        '\u1EB0', // Ằ LATIN CAPITAL LETTER A WITH BREVE AND GRAVE
        '\u1EAE', // Ắ LATIN CAPITAL LETTER A WITH BREVE AND ACUTE
        '\u1EB2', // Ẳ LATIN CAPITAL LETTER A WITH BREVE AND HOOK ABOVE
        '\u1EB4', // Ẵ LATIN CAPITAL LETTER A WITH BREVE AND TILDE
        '\u1EB6', // Ặ LATIN CAPITAL LETTER A WITH BREVE AND DOT BELOW
        // â, lower case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u00E2', // â LATIN SMALL LETTER A WITH CIRCUMFLEX
        '\u1EA7', // ầ LATIN SMALL LETTER A WITH CIRCUMFLEX AND GRAVE
        '\u1EA5', // ấ LATIN SMALL LETTER A WITH CIRCUMFLEX AND ACUTE
        '\u1EA9', // ẩ LATIN SMALL LETTER A WITH CIRCUMFLEX AND HOOK ABOVE
        '\u1EAB', // ẫ LATIN SMALL LETTER A WITH CIRCUMFLEX AND TILDE
        '\u1EAD', // ậ LATIN SMALL LETTER A WITH CIRCUMFLEX AND DOT BELOW
        // Â, upper case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u00C2', // Â LATIN CAPITAL LETTER A WITH CIRCUMFLEX
        '\u1EA6', // Ầ LATIN CAPITAL LETTER A WITH CIRCUMFLEX AND GRAVE
        '\u1EA4', // Ấ LATIN CAPITAL LETTER A WITH CIRCUMFLEX AND ACUTE
        '\u1EA8', // Ẩ LATIN CAPITAL LETTER A WITH CIRCUMFLEX AND HOOK ABOVE
        '\u1EAA', // Ẫ LATIN CAPITAL LETTER A WITH CIRCUMFLEX AND TILDE
        '\u1EAC', // Ậ LATIN CAPITAL LETTER A WITH CIRCUMFLEX AND DOT BELOW
        // e, lower case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u0065', // e LATIN SMALL LETTER E
        '\u00E8', // è LATIN SMALL LETTER E WITH GRAVE
        '\u00E9', // é LATIN SMALL LETTER E WITH ACUTE
        '\u1EBB', // ẻ LATIN SMALL LETTER E WITH HOOK ABOVE
        '\u1EBD', // ẽ LATIN SMALL LETTER E WITH TILDE
        '\u1EB9', // ẹ LATIN SMALL LETTER E WITH DOT BELOW
        // E, upper case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u0045', // E LATIN CAPITAL LETTER E
        '\u00C8', // È LATIN CAPITAL LETTER E WITH GRAVE
        '\u00C9', // É LATIN CAPITAL LETTER E WITH ACUTE
        '\u1EBA', // Ẻ LATIN CAPITAL LETTER E WITH HOOK ABOVE
        '\u1EBC', // Ẽ LATIN CAPITAL LETTER E WITH TILDE
        '\u1EB8', // Ẹ LATIN CAPITAL LETTER E WITH DOT BELOW
        // ê, lower case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u00EA', // ê LATIN SMALL LETTER E WITH CIRCUMFLEX
        '\u1EC1', // ề LATIN SMALL LETTER E WITH CIRCUMFLEX AND GRAVE
        '\u1EBF', // ế LATIN SMALL LETTER E WITH CIRCUMFLEX AND ACUTE
        '\u1EC3', // ể LATIN SMALL LETTER E WITH CIRCUMFLEX AND HOOK ABOVE
        '\u1EC5', // ễ LATIN SMALL LETTER E WITH CIRCUMFLEX AND TILDE
        '\u1EC7', // ệ LATIN SMALL LETTER E WITH CIRCUMFLEX AND DOT BELOW
        // Ê, upper case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u00CA', // Ê LATIN CAPITAL LETTER E WITH CIRCUMFLEX
        '\u1EC0', // Ề LATIN CAPITAL LETTER E WITH CIRCUMFLEX AND GRAVE
        '\u1EBE', // Ế LATIN CAPITAL LETTER E WITH CIRCUMFLEX AND ACUTE
        '\u1EC2', // Ể LATIN CAPITAL LETTER E WITH CIRCUMFLEX AND HOOK ABOVE
        '\u1EC4', // Ễ LATIN CAPITAL LETTER E WITH CIRCUMFLEX AND TILDE
        '\u1EC6', // Ệ LATIN CAPITAL LETTER E WITH CIRCUMFLEX AND DOT BELOW
        // i, lower case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u0069', // i LATIN SMALL LETTER I
        '\u00EC', // ì LATIN SMALL LETTER I WITH GRAVE
        '\u00ED', // í LATIN SMALL LETTER I WITH ACUTE
        '\u1EC9', // ỉ LATIN SMALL LETTER I WITH HOOK ABOVE
        '\u0129', // ĩ LATIN SMALL LETTER I WITH TILDE
        '\u1ECB', // ị LATIN SMALL LETTER I WITH DOT BELOW
        // I, upper case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u0049', // I LATIN CAPITAL LETTER I
        '\u00CC', // Ì LATIN CAPITAL LETTER I WITH GRAVE
        '\u00CD', // Í LATIN CAPITAL LETTER I WITH ACUTE
        '\u1EC8', // Ỉ LATIN CAPITAL LETTER I WITH HOOK ABOVE
        '\u0128', // Ĩ LATIN CAPITAL LETTER I WITH TILDE
        '\u1ECA', // Ị LATIN CAPITAL LETTER I WITH DOT BELOW
        // o, lower case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u006F', // o LATIN SMALL LETTER O
        '\u00F2', // ò LATIN SMALL LETTER O WITH GRAVE
        '\u00F3', // ó LATIN SMALL LETTER O WITH ACUTE
        '\u1ECF', // ỏ LATIN SMALL LETTER O WITH HOOK ABOVE
        '\u00F5', // õ LATIN SMALL LETTER O WITH TILDE
        '\u1ECD', // ọ LATIN SMALL LETTER O WITH DOT BELOW
        // O, upper case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u004F', // O LATIN CAPITAL LETTER O
        '\u00D2', // Ò LATIN CAPITAL LETTER O WITH GRAVE
        '\u00D3', // Ó LATIN CAPITAL LETTER O WITH ACUTE
        '\u1ECE', // Ỏ LATIN CAPITAL LETTER O WITH HOOK ABOVE
        '\u00D5', // Õ LATIN CAPITAL LETTER O WITH TILDE
        '\u1ECC', // Ọ LATIN CAPITAL LETTER O WITH DOT BELOW
        // ô, lower case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u00F4', // ô LATIN SMALL LETTER O WITH CIRCUMFLEX
        '\u1ED3', // ồ LATIN SMALL LETTER O WITH CIRCUMFLEX AND GRAVE
        '\u1ED1', // ố LATIN SMALL LETTER O WITH CIRCUMFLEX AND ACUTE
        '\u1ED5', // ổ LATIN SMALL LETTER O WITH CIRCUMFLEX AND HOOK ABOVE
        '\u1ED7', // ỗ LATIN SMALL LETTER O WITH CIRCUMFLEX AND TILDE
        '\u1ED9', // ộ LATIN SMALL LETTER O WITH CIRCUMFLEX AND DOT BELOW
        // Ô, upper case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u00D4', // Ô LATIN CAPITAL LETTER O WITH CIRCUMFLEX
        '\u1ED2', // Ồ LATIN CAPITAL LETTER O WITH CIRCUMFLEX AND GRAVE
        '\u1ED0', // Ố LATIN CAPITAL LETTER O WITH CIRCUMFLEX AND ACUTE
        '\u1ED4', // Ổ LATIN CAPITAL LETTER O WITH CIRCUMFLEX AND HOOK ABOVE
        '\u1ED6', // Ỗ LATIN CAPITAL LETTER O WITH CIRCUMFLEX AND TILDE
        '\u1ED8', // Ộ LATIN CAPITAL LETTER O WITH CIRCUMFLEX AND DOT BELOW
        // ơ, lower case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u01A1', // ơ LATIN SMALL LETTER O WITH HORN
        '\u1EDD', // ờ LATIN SMALL LETTER O WITH HORN AND GRAVE
        '\u1EDB', // ớ LATIN SMALL LETTER O WITH HORN AND ACUTE
        '\u1EDF', // ở LATIN SMALL LETTER O WITH HORN AND HOOK ABOVE
        '\u1EE1', // ỡ LATIN SMALL LETTER O WITH HORN AND TILDE
        '\u1EE3', // ợ LATIN SMALL LETTER O WITH HORN AND DOT BELOW
        // Ơ, upper case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u01A0', // Ơ LATIN CAPITAL LETTER O WITH HORN
        '\u1EDC', // Ờ LATIN CAPITAL LETTER O WITH HORN AND GRAVE
        '\u1EDA', // Ớ LATIN CAPITAL LETTER O WITH HORN AND ACUTE
        '\u1EDE', // Ở LATIN CAPITAL LETTER O WITH HORN AND HOOK ABOVE
        '\u1EE0', // Ỡ LATIN CAPITAL LETTER O WITH HORN AND TILDE
        '\u1EE2', // Ợ LATIN CAPITAL LETTER O WITH HORN AND DOT BELOW
        // u, lower case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u0075', // u LATIN SMALL LETTER U
        '\u00F9', // ù LATIN SMALL LETTER U WITH GRAVE
        '\u00FA', // ú LATIN SMALL LETTER U WITH ACUTE
        '\u1EE7', // ủ LATIN SMALL LETTER U WITH HOOK ABOVE
        '\u0169', // ũ LATIN SMALL LETTER U WITH TILDE
        '\u1EE5', // ụ LATIN SMALL LETTER U WITH DOT BELOW
        // U, upper case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u0055', // U LATIN CAPITAL LETTER U
        '\u00D9', // Ù LATIN CAPITAL LETTER U WITH GRAVE
        '\u00DA', // Ú LATIN CAPITAL LETTER U WITH ACUTE
        '\u1EE6', // Ủ LATIN CAPITAL LETTER U WITH HOOK ABOVE
        '\u0168', // Ũ LATIN CAPITAL LETTER U WITH TILDE
        '\u1EE4', // Ụ LATIN CAPITAL LETTER U WITH DOT BELOW
        // ư, lower case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u01B0', // ư LATIN SMALL LETTER U WITH HORN
        '\u1EEB', // ừ LATIN SMALL LETTER U WITH HORN AND GRAVE
        '\u1EE9', // ứ LATIN SMALL LETTER U WITH HORN AND ACUTE
        '\u1EED', // ử LATIN SMALL LETTER U WITH HORN AND HOOK ABOVE
        '\u1EEF', // ữ LATIN SMALL LETTER U WITH HORN AND TILDE
        '\u1EF1', // ự LATIN SMALL LETTER U WITH HORN AND DOT BELOW
        // Ư, upper case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u01AF', // Ư LATIN CAPITAL LETTER U WITH HORN
        '\u1EEA', // Ừ LATIN CAPITAL LETTER U WITH HORN AND GRAVE
        '\u1EE8', // Ứ LATIN CAPITAL LETTER U WITH HORN AND ACUTE
        '\u1EEC', // Ử LATIN CAPITAL LETTER U WITH HORN AND HOOK ABOVE
        '\u1EEE', // Ữ LATIN CAPITAL LETTER U WITH HORN AND TILDE
        '\u1EF0', // Ự LATIN CAPITAL LETTER U WITH HORN AND DOT BELOW
        // y, lower case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u0079', // y LATIN SMALL LETTER Y
        '\u1EF3', // ỳ LATIN SMALL LETTER Y WITH GRAVE
        '\u00FD', // ý LATIN SMALL LETTER Y WITH ACUTE
        '\u1EF7', // ỷ LATIN SMALL LETTER Y WITH HOOK ABOVE
        '\u1EF9', // ỹ LATIN SMALL LETTER Y WITH TILDE
        '\u1EF5', // ỵ LATIN SMALL LETTER Y WITH DOT BELOW
        // Y, upper case: no tone, huyền, sắc, hỏi, ngã, nặng
        '\u0059', // Y LATIN CAPITAL LETTER Y
        '\u1EF2', // Ỳ LATIN CAPITAL LETTER Y WITH GRAVE
        '\u00DD', // Ý LATIN CAPITAL LETTER Y WITH ACUTE
        '\u1EF6', // Ỷ LATIN CAPITAL LETTER Y WITH HOOK ABOVE
        '\u1EF8', // Ỹ LATIN CAPITAL LETTER Y WITH TILDE
        '\u1EF4', // Ỵ LATIN CAPITAL LETTER Y WITH DOT BELOW
    ];

    // For every char up to MaxLetter: 0 when it is not a Vietnamese vowel letter, else its row in Letters + 1.
    // (Declared after s_letters, which it reads: static fields are initialized in text order.)
    private static readonly byte[] s_rowOf = BuildRowOf();
}
