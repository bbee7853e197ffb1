using System.Runtime.CompilerServices;

namespace DanVan.Analytics.Text.Normalization;

/// <summary>
/// The normalization passes shared by the string, span and stream entry points of <see cref="VietnameseNormalizer"/>.
/// </summary>
/// <remarks>
/// The text is read as units: a word (a run of letters, digits, combining marks and removed invisibles,
/// apostrophes between letters, plus the character a leading combining mark sits on) or a single other
/// character. Every decision depends on one unit only, which is what makes the fast scan, the rewrite and
/// the block-wise streaming agree.
/// <para>
/// One class in parts, one concern each: the scan for the first change (<c>NormalizationCore.Scan.cs</c>), the
/// rewrite unit by unit (<c>.Rewrite.cs</c>), combining marks (<c>.Marks.cs</c>) and the word context — unit
/// bounds, breaks, code neighbours — that both read (<c>.WordContext.cs</c>).
/// </para>
/// </remarks>
[SkipLocalsInit]
internal static partial class NormalizationCore;
