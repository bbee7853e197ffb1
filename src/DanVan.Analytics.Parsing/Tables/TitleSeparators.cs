namespace DanVan.Analytics.Parsing.Tables;

/// <summary>Separators that join an article title and the site name in <c>&lt;title&gt;</c> ("… - Báo Lao Động Thủ Đô").</summary>
internal static class TitleSeparators
{
    /// <summary>The separators, each with its surrounding spaces.</summary>
    public static readonly string[] All = [" - ", " | ", " – ", " — ", " :: ", " » ", " « ", " · ", " / ", " // ", " || ", " : ", " ~ "];
}
