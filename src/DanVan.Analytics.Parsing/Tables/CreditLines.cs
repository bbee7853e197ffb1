using System.Text.RegularExpressions;

namespace DanVan.Analytics.Parsing.Tables;

/// <summary>
/// Recognises a photo credit or picture note set as a line of its own ("(Foto: Tony Silva)", "Bild: AFP/SID",
/// "© Bundesrat | Frank Bräuer"): a short line with a credit label from <c>CreditLabels.tsv</c> followed by a
/// colon at its start or after a bracket or punctuation, or with a copyright sign.
/// </summary>
internal static class CreditLines
{
    /// <summary>Longer lines are prose that happens to name a photographer.</summary>
    public const int MaxChars = 200;

    private static readonly Regex Pattern = new(
        @"(?:^|[(\[.,;|/–-]\s*)(?:" + TableResource.Alternation("CreditLabels") + @")\s*:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>True when <paramref name="text"/> is a credit line.</summary>
    public static bool IsCredit(string text) =>
        text.Length <= MaxChars && (text.Contains('©') || Pattern.IsMatch(text));
}
