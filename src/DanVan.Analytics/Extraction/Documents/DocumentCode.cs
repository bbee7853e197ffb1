using System.Text;

namespace DanVan.Analytics.Extraction.Documents;

/// <summary>A document code read from the text: "25-NQ/TW", "100 - KL/TW", "04/2015/NĐ-CP", "411/KH-UBND".</summary>
internal readonly record struct DocumentCode(int Start, int End, string Number, string Canonical, string TypeCode, string Suffix, bool PartyStyle, bool HasYear);

/// <summary>Reads document codes with a bounded character scanner (no regular expressions, no backtracking).</summary>
internal static class DocumentCodeScanner
{
    private const int MaxNumberDigits = 6;
    private const int MaxPartLength = 16;
    private const int MaxCompoundLength = 48;

    /// <summary>Reads a code whose number starts at <paramref name="start"/> (a digit).</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="start">Where the number starts.</param>
    /// <param name="lexicon">Tells type codes and Party issuers, so that "17/NQ/TU" is written 17-NQ/TU.</param>
    /// <param name="code">The code read.</param>
    public static bool TryRead(string text, int start, ExtractionLexicon lexicon, out DocumentCode code)
    {
        code = default;
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

        string number = text[start..numberEnd];
        int j = SkipSpaces(text, i, 2);
        if (j < text.Length && text[j] is '-' or '\u2013')
        {
            // Party style: NUMBER-TYPE/ISSUER, spaces around the dash allowed.
            j = SkipSpaces(text, j + 1, 2);
            int typeStart = j;
            j = ReadLetters(text, j);
            int typeEnd = j;
            j = SkipSpaces(text, j, 1); // "NQ / TW": one space before the slash, as after it
            if (typeEnd == typeStart || typeEnd - typeStart > MaxPartLength || j >= text.Length || text[j] != '/')
            {
                return false;
            }

            string type = Upper(text.AsSpan(typeStart, typeEnd - typeStart));
            int issuerStart = SkipSpaces(text, j + 1, 1);
            int issuerEnd = ReadIssuer(text, issuerStart);
            if (issuerEnd == issuerStart)
            {
                return false;
            }

            string issuer = Upper(text.AsSpan(issuerStart, issuerEnd - issuerStart)).Replace("TƯ", "TW", StringComparison.Ordinal);
            string suffix = type + "/" + issuer;
            code = new DocumentCode(start, issuerEnd, number, number + "-" + suffix, type, suffix, true, false);
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

                string rest = Upper(text.AsSpan(restStart, restEnd - restStart));
                int dash = rest.IndexOfAny(s_partSeparators);
                string type = dash > 0 ? rest[..dash] : TrimDigits(rest);
                string suffix = text[k..yearEnd] + "/" + rest;
                code = new DocumentCode(start, restEnd, number, number + "/" + suffix, type, suffix, false, true);
                return true;
            }

            if (k < text.Length && char.IsLetter(text[k]))
            {
                // Other State codes: NUMBER/TYPE-ISSUER ("411/KH-UBND", "1613/UBND-KGVX"), compound ones kept whole
                // ("03/QCPH/UBND-UBMTTQ"); a Party type and issuer with State separators ("17/NQ/TU", "45/NQ-TW")
                // is a Party document and is written in Party style.
                int restEnd = ReadIssuer(text, k, compound: true);
                string rest = Upper(text.AsSpan(k, restEnd - k));
                int dash = rest.IndexOfAny(s_partSeparators);
                if (dash <= 0 || dash == rest.Length - 1)
                {
                    return false;
                }

                string type = rest[..dash];
                string issuer = rest[(dash + 1)..].Replace("TƯ", "TW", StringComparison.Ordinal);
                if (issuer.IndexOfAny(s_partSeparators) < 0 && lexicon.TypeCodes.ContainsKey(type) && lexicon.PartyIssuerCodes.Contains(issuer))
                {
                    string suffix = type + "/" + issuer;
                    code = new DocumentCode(start, restEnd, number, number + "-" + suffix, type, suffix, true, false);
                    return true;
                }

                if (rest.IndexOf('-', StringComparison.Ordinal) < 0)
                {
                    return false;
                }

                code = new DocumentCode(start, restEnd, number, number + "/" + rest, type, rest, false, false);
                return true;
            }
        }

        return false;
    }

    private static readonly char[] s_partSeparators = ['-', '/'];

    private static int SkipSpaces(string text, int i, int max)
    {
        int n = 0;
        while (i < text.Length && n < max && text[i] is ' ' or '\u00A0' or '\t')
        {
            i++;
            n++;
        }

        return i;
    }

    private static bool IsCodeLetter(char c) => char.IsAsciiLetter(c) || c is 'Đ' or 'đ' or 'Ð' or 'ð' or 'Ư' or 'ư';

    private static int ReadLetters(string text, int i)
    {
        while (i < text.Length && IsCodeLetter(text[i]))
        {
            i++;
        }

        return i;
    }

    // Letters and digits, with inner dashes between them ("KH-UBND", "NĐ-CP", "BDVTU"); in a compound code also
    // inner slashes ("NQLT/CP-UBTUMTTQVN").
    private static int ReadIssuer(string text, int i, bool compound = false)
    {
        int start = i;
        int max = compound ? MaxCompoundLength : 2 * MaxPartLength;
        while (i < text.Length && i - start < max)
        {
            char c = text[i];
            if (IsCodeLetter(c) || char.IsAsciiDigit(c))
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

    private static string TrimDigits(string s)
    {
        int end = s.Length;
        while (end > 0 && char.IsAsciiDigit(s[end - 1]))
        {
            end--;
        }

        return s[..end];
    }

    public static string Upper(ReadOnlySpan<char> s)
    {
        var builder = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            builder.Append(c is 'Ð' or 'ð' ? 'Đ' : char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }
}
