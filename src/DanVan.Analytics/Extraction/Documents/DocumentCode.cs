using System.Text;
using DanVan.Analytics.Text.Tokenization;

namespace DanVan.Analytics.Extraction.Documents;

/// <summary>A document code read from the text, with its canonical form: "25-NQ/TW", "100 - KL/TW" → "100-KL/TW", "04/2015/NĐ-CP", "411/KH-UBND".</summary>
internal readonly record struct DocumentCode(int Start, int End, string Number, string Canonical, string TypeCode, string Suffix, bool PartyStyle, bool HasYear)
{
    private static readonly char[] s_partSeparators = ['-', '/'];

    /// <summary>Reads a code whose number starts at <paramref name="start"/> (a digit) with the one code reader, <see cref="DocumentCodeScanner"/>.</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="start">Where the number starts.</param>
    /// <param name="lexicon">Tells type codes and Party issuers, so that "17/NQ/TU" is written 17-NQ/TU.</param>
    /// <param name="code">The code read.</param>
    public static bool TryRead(string text, int start, ExtractionLexicon lexicon, out DocumentCode code)
    {
        code = default;
        if (!DocumentCodeScanner.TryRead(text, start, out DocumentCodeShape shape))
        {
            return false;
        }

        string number = text[start..shape.NumberEnd];
        string rest = Upper(text.AsSpan(shape.RestStart, shape.End - shape.RestStart));
        switch (shape.Style)
        {
            case DocumentCodeStyle.Party:
            {
                string type = Upper(text.AsSpan(shape.TypeStart, shape.TypeEnd - shape.TypeStart));
                string suffix = type + "/" + rest.Replace("TƯ", "TW", StringComparison.Ordinal);
                code = new DocumentCode(start, shape.End, number, number + "-" + suffix, type, suffix, true, false);
                return true;
            }

            case DocumentCodeStyle.StateWithYear:
            {
                int dash = rest.IndexOfAny(s_partSeparators);
                string type = dash > 0 ? rest[..dash] : TrimDigits(rest);
                string suffix = text[shape.TypeStart..shape.TypeEnd] + "/" + rest;
                code = new DocumentCode(start, shape.End, number, number + "/" + suffix, type, suffix, false, true);
                return true;
            }

            default:
            {
                // A Party type and issuer with State separators ("17/NQ/TU", "45/NQ-TW") is a Party document and is
                // written in Party style; other State codes need their dash ("411/KH-UBND").
                int dash = rest.IndexOfAny(s_partSeparators);
                string type = rest[..dash];
                string issuer = rest[(dash + 1)..].Replace("TƯ", "TW", StringComparison.Ordinal);
                if (issuer.IndexOfAny(s_partSeparators) < 0 && lexicon.TypeCodes.ContainsKey(type) && lexicon.PartyIssuerCodes.Contains(issuer))
                {
                    string suffix = type + "/" + issuer;
                    code = new DocumentCode(start, shape.End, number, number + "-" + suffix, type, suffix, true, false);
                    return true;
                }

                if (rest.IndexOf('-', StringComparison.Ordinal) < 0)
                {
                    return false;
                }

                code = new DocumentCode(start, shape.End, number, number + "/" + rest, type, rest, false, false);
                return true;
            }
        }
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

    /// <summary>Upper case, with the look-alike Ð written Đ.</summary>
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
