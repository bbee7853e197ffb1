namespace DanVan.Analytics.Parsing.Tables;

/// <summary>How Vietnamese bylines are written: "Bài và ảnh: Phương Thảo", "PV", "Nhóm PV".</summary>
internal static class BylinePatterns
{
    /// <summary>Folded prefixes that introduce the author names.</summary>
    public static readonly string[] Prefixes =
    [
        "bai va anh:", "bai, anh:", "bai - anh:", "bai anh:", "tin va anh:", "tin, anh:", "tin - anh:", "tin anh:",
        "bai:", "tin:", "tac gia:", "nhom tac gia:", "phong vien:", "by ",
    ];

    /// <summary>Words that are author names by convention though not capitalised like names.</summary>
    public static readonly string[] KnownShortNames = ["PV", "CTV", "BTV", "Nhóm PV", "Nhóm phóng viên", "TTXVN", "Phóng viên"];

    /// <summary>Separators between several authors.</summary>
    public static readonly string[] Separators = [" - ", " – ", ", ", " và ", "; ", " & "];
}
