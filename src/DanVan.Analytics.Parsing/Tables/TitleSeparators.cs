namespace DanVan.Analytics.Parsing.Tables;

/// <summary>Separators that join an article title and the site name in <c>&lt;title&gt;</c> ("… - Báo Lao Động Thủ Đô").</summary>
internal static class TitleSeparators
{
    /// <summary>The separators, each with its surrounding spaces.</summary>
    public static readonly string[] All = [" - ", " | ", " – ", " — ", " :: ", " » ", " « ", " · ", " / ", " // ", " || ", " : ", " ~ "];

    /// <summary>Separators grouped from the ones that never occur inside a headline to dashes, which may.</summary>
    public static readonly string[][] ByStrength =
    [
        [" | ", " » ", " « ", " :: ", " // ", " || ", " · "],
        [" - ", " – ", " — "],
    ];

    /// <summary>Separator marks left at the edge of a part ("» Jens Weber" after splitting on " // ").</summary>
    public static readonly char[] StrayMarks = ['»', '«', '|', '/', '-', '–', '—', '·', ':', ' '];
}
