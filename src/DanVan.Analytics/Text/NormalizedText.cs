namespace DanVan.Analytics.Text;

/// <summary>
/// Normalized text together with the map from its offsets back to the original text,
/// so that every later stage can report positions in what the user gave.
/// </summary>
/// <remarks>
/// The map is monotonic: <c>ToOriginal(0)</c> is 0 and <c>ToOriginal(Text.Length)</c> is <c>Original.Length</c>.
/// A span of <see cref="Text"/> maps to the original characters that produced it; characters that normalization
/// removed (zero-width, soft hyphen) count with the character after them. No map is stored when every
/// character kept its offset (canonical text, or only 1:1 replacements such as NBSP → space or a tone move).
/// </remarks>
public sealed class NormalizedText
{
    // For each normalized character, the original offset where its source begins; then Original.Length.
    private readonly int[]? _toOriginal;

    internal NormalizedText(string original, string text, int[]? toOriginal)
    {
        Original = original;
        Text = text;
        _toOriginal = toOriginal;
    }

    /// <summary>The text as given.</summary>
    public string Original { get; }

    /// <summary>The normalized text.</summary>
    public string Text { get; }

    /// <summary>True when normalization changed nothing (<see cref="Text"/> is <see cref="Original"/>), so offsets are the same in both texts.</summary>
    public bool IsIdentity => ReferenceEquals(Text, Original);

    /// <summary>True when every offset of <see cref="Text"/> is the same in <see cref="Original"/> (the texts may differ by 1:1 replacements).</summary>
    public bool PreservesOffsets => _toOriginal is null;

    /// <summary>Maps an offset in <see cref="Text"/> (0 to its length, inclusive) to an offset in <see cref="Original"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is outside the normalized text.</exception>
    public int ToOriginal(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, Text.Length);
        return _toOriginal is null ? offset : _toOriginal[offset];
    }

    /// <summary>Maps a span of <see cref="Text"/> to the span of <see cref="Original"/> it came from.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The span is not inside the normalized text.</exception>
    public TextSpan ToOriginal(TextSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(span.Length);
        int start = ToOriginal(span.Start);
        int end = ToOriginal(span.End);
        if (_toOriginal is not null && span.Length > 0)
        {
            // A span that ends inside the expansion of one source character ends after that character.
            int last = _toOriginal[span.End - 1];
            for (int next = span.End; end == last && next < Text.Length; next++)
            {
                end = _toOriginal[next + 1];
            }
        }

        return new TextSpan(start, end - start);
    }
}
