namespace DanVan.Analytics.Articles;

/// <summary>How a JSON Lines reader treats bad lines (see <see cref="JsonLines"/>).</summary>
public sealed record JsonLinesReadOptions
{
    /// <summary>
    /// Called for each bad line; the read goes on after it (unless <see cref="Strict"/>). When null, a bad line
    /// throws <see cref="BadLineException"/>: nothing is ever skipped without someone being told.
    /// </summary>
    public Action<BadLine>? OnBadLine { get; init; }

    /// <summary>Stop at the first bad line: it is reported to <see cref="OnBadLine"/>, then <see cref="BadLineException"/> is thrown.</summary>
    public bool Strict { get; init; }
}
