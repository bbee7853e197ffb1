using System.Text;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Search.Analysis;

/// <summary>
/// Writes a Vietnamese document code the one way the index stores it: "25-nq/tư" and "25 - NQ/TƯ" both
/// become "25-NQ/TW", "04/2015/NÐ-CP" (look-alike Ð) becomes "04/2015/NĐ-CP".
/// </summary>
/// <remarks>Keep in step with the extraction stage's canonical form; the two are to be unified.</remarks>
public static class DocumentCodeCanonicalizer
{
    /// <summary>Returns the canonical form of <paramref name="code"/>: normalized, upper case, TƯ → TW, no spaces around '-' and '/'.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    public static string Canonicalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        string normalized = VietnameseNormalizer.Default.Normalize(code.Trim()).ToUpperInvariant();
        var builder = new StringBuilder(normalized.Length);
        for (int i = 0; i < normalized.Length; i++)
        {
            char c = normalized[i];
            if (char.IsWhiteSpace(c))
            {
                // Spaces next to a separator are dropped; other runs of space become one.
                char previous = builder.Length > 0 ? builder[^1] : '-';
                int j = i;
                while (j < normalized.Length && char.IsWhiteSpace(normalized[j]))
                {
                    j++;
                }

                char following = j < normalized.Length ? normalized[j] : '-';
                if (!IsSeparator(previous) && !IsSeparator(following))
                {
                    builder.Append(' ');
                }

                i = j - 1;
                continue;
            }

            builder.Append(c switch
            {
                '\u00D0' => '\u0110', // Ð CAPITAL ETH, a look-alike of Đ CAPITAL D WITH STROKE
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' => '-', // hyphens and dashes
                _ => c,
            });
        }

        // "TƯ" (Trung ương) is written "TW" in the canonical code.
        builder.Replace("/T\u01AF", "/TW").Replace("-T\u01AF", "-TW");
        return builder.ToString();
    }

    private static bool IsSeparator(char c) => c is '-' or '/' or '\u2013' or '\u2014';
}
