namespace DanVan.Analytics.Text;

/// <summary>A token: where it stands in the text it was read from, and what it is.</summary>
/// <param name="Start">The offset of the first character.</param>
/// <param name="Length">The number of characters.</param>
/// <param name="Kind">What the token is.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    /// <summary>The offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The token's characters in <paramref name="text"/>, the text it was read from.</summary>
    public ReadOnlySpan<char> TextIn(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
