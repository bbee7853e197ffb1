using System.Diagnostics.CodeAnalysis;
using DanVan.Analytics.Extraction.Documents;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Extraction;

/// <summary>
/// The canonical form of a document code, exactly as <see cref="ArticleExtractor"/> writes
/// <see cref="DocumentReference.Canonical"/>: "25 - nq/tư" → "25-NQ/TW", "04/2015/NÐ-CP" → "04/2015/NĐ-CP",
/// "218–QĐ/TW" → "218-QĐ/TW", "17/NQ/TU" → "17-NQ/TU". Use it wherever a code typed by a user must meet codes the extractor found
/// (a search filter, a join with another data set).
/// </summary>
public static class DocumentCodes
{
    /// <summary>Reads <paramref name="code"/> as one whole document code and returns its canonical form.</summary>
    /// <returns>False when <paramref name="code"/> is not a document code (or holds more than one).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    public static bool TryCanonicalize(string code, [NotNullWhen(true)] out string? canonical)
    {
        ArgumentNullException.ThrowIfNull(code);
        string text = VietnameseNormalizer.Default.Normalize(code.Trim());
        if (text.Length > 0 && char.IsAsciiDigit(text[0])
            && DocumentCode.TryRead(text, 0, ExtractionLexicon.Default, out DocumentCode found) && found.End == text.Length)
        {
            canonical = found.Canonical;
            return true;
        }

        canonical = null;
        return false;
    }
}
