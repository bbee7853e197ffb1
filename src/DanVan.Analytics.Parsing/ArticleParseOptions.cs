namespace DanVan.Analytics.Parsing;

/// <summary>Limits and defaults of <see cref="ArticleParser"/>.</summary>
public sealed record ArticleParseOptions
{
    /// <summary>The defaults.</summary>
    public static ArticleParseOptions Default { get; } = new();

    /// <summary>
    /// Pages larger than this are read up to this size only (with <see cref="ParseWarningCode.InputTruncated"/>),
    /// which bounds time and memory. Default 8 MiB; real news pages are well under 1 MiB.
    /// </summary>
    public int MaxInputBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>
    /// Elements nested deeper than this are flattened before the HTML parser sees them
    /// (with <see cref="ParseWarningCode.NestingTooDeep"/>): tree building is quadratic in depth. Default 400.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 400;

    /// <summary>The offset of times the page gives without a zone. Default Vietnam time, +07:00.</summary>
    public TimeSpan DefaultOffset { get; init; } = TimeSpan.FromHours(7);
}
