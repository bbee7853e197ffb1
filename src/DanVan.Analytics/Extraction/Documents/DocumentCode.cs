using System.Text;

namespace DanVan.Analytics.Extraction.Documents;

/// <summary>A document code read from the text: "25-NQ/TW", "100 - KL/TW", "04/2015/NĐ-CP", "411/KH-UBND".</summary>
internal readonly record struct DocumentCode(int Start, int End, string Number, string Canonical, string TypeCode, string Suffix, bool PartyStyle, bool HasYear);

/// <summary>Reads document codes with a bounded character scanner (no regular expressions, no backtracking).</summary>
internal static class DocumentCodeScanner
{
    private const int MaxNumberDigits = 6;
    private const int MaxPartLength = 16;

    /// <summary>Reads a code whose number starts at <paramref name="start"/> (a digit).</summary>
    public static bool TryRead(string text, int start, out DocumentCode code)
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
                // State style: NUMBER/YEAR/TYPE-ISSUER ("04/2015/NĐ-CP", "10/2022/QH15").
                int restStart = yearEnd + 1;
                int restEnd = ReadIssuer(text, restStart);
                if (restEnd == restStart || !char.IsLetter(text[restStart]))
                {
                    return false;
                }

                string rest = Upper(text.AsSpan(restStart, restEnd - restStart));
                int dash = rest.IndexOf('-', StringComparison.Ordinal);
                string type = dash > 0 ? rest[..dash] : TrimDigits(rest);
                string suffix = text[k..yearEnd] + "/" + rest;
                code = new DocumentCode(start, restEnd, number, number + "/" + suffix, type, suffix, false, true);
                return true;
            }

            if (k < text.Length && char.IsLetter(text[k]))
            {
                // Other State codes: NUMBER/TYPE-ISSUER ("411/KH-UBND", "1613/UBND-KGVX").
                int restEnd = ReadIssuer(text, k);
                string rest = Upper(text.AsSpan(k, restEnd - k));
                int dash = rest.IndexOf('-', StringComparison.Ordinal);
                if (dash <= 0 || dash == rest.Length - 1 || restEnd - k > 2 * MaxPartLength)
                {
                    return false;
                }

                code = new DocumentCode(start, restEnd, number, number + "/" + rest, rest[..dash], rest, false, false);
                return true;
            }
        }

        return false;
    }

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

    // Letters and digits, with inner dashes between them ("KH-UBND", "NĐ-CP", "BDVTU").
    private static int ReadIssuer(string text, int i)
    {
        int start = i;
        while (i < text.Length && i - start < 2 * MaxPartLength)
        {
            char c = text[i];
            if (IsCodeLetter(c) || char.IsAsciiDigit(c))
            {
                i++;
            }
            else if (c == '-' && i > start && i + 1 < text.Length && IsCodeLetter(text[i + 1]))
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
