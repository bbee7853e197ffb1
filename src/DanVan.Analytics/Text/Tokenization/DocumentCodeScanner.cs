namespace DanVan.Analytics.Text.Tokenization;

/// <summary>How a document code is written.</summary>
internal enum DocumentCodeStyle : byte
{
    /// <summary>NUMBER-TYPE/ISSUER, the Party's style: "25-NQ/TW", "100 - KL/TW", "218–QĐ/TW".</summary>
    Party,

    /// <summary>NUMBER/YEAR/TYPE-ISSUER, the State's style with a year: "04/2015/NĐ-CP", "10/2022/QH15".</summary>
    StateWithYear,

    /// <summary>
    /// NUMBER/TYPE-ISSUER and compound forms: "411/KH-UBND", "03/QCPH/UBND-UBMTTQ", "17/NQ/TU" (whether the last is a
    /// Party code written with State separators is for a vocabulary of type and issuer codes to say).
    /// </summary>
    State,
}

/// <summary>Where the parts of a document code lie in the text.</summary>
/// <param name="Start">The number's first digit.</param>
/// <param name="NumberEnd">Just past the number.</param>
/// <param name="TypeStart">Party style: the type's start; State style with a year: the year's start.</param>
/// <param name="TypeEnd">Just past the type, or the year.</param>
/// <param name="RestStart">Party style: the issuer's start; State style: the start of the type and issuer.</param>
/// <param name="End">Just past the code.</param>
/// <param name="Style">How the code is written.</param>
/// <param name="Spaced">Blank space stands inside the code ("25 - NQ/TW"), so the tokenizer does not make it one token.</param>
internal readonly record struct DocumentCodeShape(
    int Start, int NumberEnd, int TypeStart, int TypeEnd, int RestStart, int End, DocumentCodeStyle Style, bool Spaced)
{
    /// <summary>True when the code's first letter (the type's) is a capital, as codes are written in running text.</summary>
    public bool StartsCapitalized(ReadOnlySpan<char> text) =>
        char.IsUpper(text[Style == DocumentCodeStyle.Party ? TypeStart : RestStart]);
}

/// <summary>
/// The one reader of document codes, with a bounded character scanner (no regular expressions, no backtracking):
/// the tokenizer makes a <see cref="TokenKind.DocumentCode"/> token of what it reads written without spaces, the
/// extractor writes the canonical form of everything it reads.
/// </summary>
internal static class DocumentCodeScanner
{
    // Party and State document numbers have at most a few digits ("1613/UBND-KGVX"); parts are short codes, joint
    // codes are longer ("88/2019/NQLT/CP-UBTUMTTQVN").
    private const int MaxNumberDigits = 6;
    private const int MaxPartLength = 16;
    private const int MaxCompoundLength = 48;

    /// <summary>Reads a code whose number starts at <paramref name="start"/> (a digit).</summary>
    /// <returns>False when no code starts there, or when the number runs on from a word, a number or a code before it.</returns>
    public static bool TryRead(ReadOnlySpan<char> text, int start, out DocumentCodeShape shape)
    {
        shape = default;
        int i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start <= MaxNumberDigits)
        {
            i++;
        }

        int numberEnd = i;
        if (numberEnd == start || numberEnd - start > MaxNumberDigits || (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '/' or '.')))
        {
            return false;
        }

        int j = SkipSpaces(text, i, 2);
        if (j < text.Length && text[j] is '-' or '\u2013')
        {
            // Party style: NUMBER-TYPE/ISSUER, spaces around the dash allowed.
            bool spaced = j > i;
            int afterDash = j + 1;
            j = SkipSpaces(text, afterDash, 2);
            spaced |= j > afterDash;
            int typeStart = j;
            j = ReadLetters(text, j);
            int typeEnd = j;
            j = SkipSpaces(text, j, 1); // "NQ / TW": one space before the slash, as after it
            spaced |= j > typeEnd;
            if (typeEnd == typeStart || typeEnd - typeStart > MaxPartLength || j >= text.Length || text[j] != '/')
            {
                return false;
            }

            int issuerStart = SkipSpaces(text, j + 1, 1);
            spaced |= issuerStart > j + 1;
            int issuerEnd = ReadIssuer(text, issuerStart);
            if (issuerEnd == issuerStart)
            {
                return false;
            }

            shape = new DocumentCodeShape(start, numberEnd, typeStart, typeEnd, issuerStart, issuerEnd, DocumentCodeStyle.Party, spaced);
            return true;
        }

        if (i < text.Length && text[i] == '/')
        {
            int k = i + 1;
            int yearEnd = k;
            while (yearEnd < text.Length && char.IsAsciiDigit(text[yearEnd]) && yearEnd - k < 5)
            {
                yearEnd++;
            }

            if (yearEnd - k == 4 && yearEnd < text.Length && text[yearEnd] == '/')
            {
                // State style: NUMBER/YEAR/TYPE-ISSUER ("04/2015/NĐ-CP", "10/2022/QH15"), joint codes whole
                // ("88/2019/NQLT/CP-UBTUMTTQVN").
                int restStart = yearEnd + 1;
                int restEnd = ReadIssuer(text, restStart, compound: true);
                if (restEnd == restStart || !char.IsLetter(text[restStart]))
                {
                    return false;
                }

                shape = new DocumentCodeShape(start, numberEnd, k, yearEnd, restStart, restEnd, DocumentCodeStyle.StateWithYear, false);
                return true;
            }

            if (k < text.Length && char.IsLetter(text[k]))
            {
                // Other State codes: NUMBER/TYPE-ISSUER ("411/KH-UBND", "1613/UBND-KGVX"), compound ones kept whole
                // ("03/QCPH/UBND-UBMTTQ"), and a Party type and issuer with State separators ("17/NQ/TU").
                int restEnd = ReadIssuer(text, k, compound: true);
                int separator = text[k..restEnd].IndexOfAny('-', '/');
                if (separator <= 0 || separator == restEnd - k - 1)
                {
                    return false;
                }

                shape = new DocumentCodeShape(start, numberEnd, k, k, k, restEnd, DocumentCodeStyle.State, false);
                return true;
            }
        }

        return false;
    }

    /// <summary>True for the letters a code's type and issuer are written with: ASCII, Đ (and its look-alike Ð) and Ư.</summary>
    public static bool IsCodeLetter(char c) => char.IsAsciiLetter(c) || c is 'Đ' or 'đ' or 'Ð' or 'ð' or 'Ư' or 'ư';

    private static int SkipSpaces(ReadOnlySpan<char> text, int i, int max)
    {
        int n = 0;
        while (i < text.Length && n < max && text[i] is ' ' or '\u00A0' or '\t')
        {
            i++;
            n++;
        }

        return i;
    }

    // A combining mark after a letter belongs to it: in NFD text (which the tokenizer may read) Ư is U and U+031B.
    private static bool IsMarkAfterLetter(ReadOnlySpan<char> text, int i, int start) =>
        i > start && text[i] is >= '\u0300' and <= '\u036F' && IsCodeLetter(text[i - 1]);

    private static int ReadLetters(ReadOnlySpan<char> text, int i)
    {
        int start = i;
        while (i < text.Length && (IsCodeLetter(text[i]) || IsMarkAfterLetter(text, i, start)))
        {
            i++;
        }

        return i;
    }

    // Letters and digits, with inner dashes between them ("KH-UBND", "NĐ-CP", "BDVTU"); in a compound code also
    // inner slashes ("NQLT/CP-UBTUMTTQVN").
    private static int ReadIssuer(ReadOnlySpan<char> text, int i, bool compound = false)
    {
        int start = i;
        int max = compound ? MaxCompoundLength : 2 * MaxPartLength;
        while (i < text.Length && i - start < max)
        {
            char c = text[i];
            if (IsCodeLetter(c) || char.IsAsciiDigit(c) || IsMarkAfterLetter(text, i, start))
            {
                i++;
            }
            else if ((c == '-' || (compound && c == '/')) && i > start && i + 1 < text.Length && IsCodeLetter(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        // A code never runs into a word: "25-NQ/TWabc" is not a code.
        return i < text.Length && char.IsLetter(text[i]) ? start : i;
    }
}
