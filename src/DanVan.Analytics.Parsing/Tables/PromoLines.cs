using System.Text.RegularExpressions;

namespace DanVan.Analytics.Parsing.Tables;

/// <summary>
/// Recognises the calls to action that close an article (a newsletter box, "follow us", "get the app", a donation
/// appeal, an advertising note) by the words of <c>PromoWords.tsv</c>, matched as whole words.
/// </summary>
internal static class PromoLines
{
    /// <summary>Paragraphs longer than this are article text even when they name a newsletter.</summary>
    public const int MaxChars = 250;

    private static readonly Regex Pattern = new(
        @"(?<!\w)(?:" + TableResource.Alternation("PromoWords") + @")(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>True when <paramref name="text"/> is short and holds a call-to-action word.</summary>
    public static bool IsPromo(string text) => text.Length <= MaxChars && Pattern.IsMatch(text);
}
