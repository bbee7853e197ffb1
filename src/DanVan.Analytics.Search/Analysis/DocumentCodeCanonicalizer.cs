using DanVan.Analytics.Extraction;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Search.Analysis;

/// <summary>
/// Writes a Vietnamese document code the one way the index stores it: "25-nq/tư" and "25 - NQ/TƯ" both
/// become "25-NQ/TW", "04/2015/NÐ-CP" (look-alike Ð) becomes "04/2015/NĐ-CP".
/// </summary>
/// <remarks>
/// The extractor's own canonical form (<see cref="DocumentCodes.TryCanonicalize"/>), so a <c>doc:</c> filter meets
/// exactly the codes extraction stored; text that is not a code is only normalized and upper-cased.
/// </remarks>
public static class DocumentCodeCanonicalizer
{
    /// <summary>Returns the canonical form of <paramref name="code"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    public static string Canonicalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return DocumentCodes.TryCanonicalize(code, out string? canonical)
            ? canonical
            : VietnameseNormalizer.Default.Normalize(code.Trim()).ToUpperInvariant();
    }
}
