namespace DanVan.Analytics.Text;

/// <summary>
/// Normalized text together with the map from its offsets back to the original text,
/// so that every later stage can report positions in what the user gave.
/// </summary>
public sealed class NormalizedText
{
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

    /// <summary>True when normalization changed nothing, so offsets are the same in both texts.</summary>
    public bool IsIdentity => _toOriginal is null;

    /// <summary>Maps an offset in <see cref="Text"/> (0 to its length, inclusive) to an offset in <see cref="Original"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is outside the normalized text.</exception>
    public int ToOriginal(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, Text.Length);
        return _toOriginal is null ? offset : _toOriginal[offset];
    }

    /// <summary>Maps a span of <see cref="Text"/> to the span of <see cref="Original"/> it came from.</summary>
    public TextSpan ToOriginal(TextSpan span)
    {
        int start = ToOriginal(span.Start);
        int end = span.Length == 0 ? start : ToOriginalEnd(span.End);
        return new TextSpan(start, end - start);
    }

    // The end of a span maps to the end of the original cluster its last character came from.
    private int ToOriginalEnd(int end)
    {
        if (_toOriginal is null)
        {
            return end;
        }

        int lastStart = _toOriginal[end - 1];
        int next = end;
        while (next < _toOriginal.Length - 1 && _toOriginal[next] == lastStart)
        {
            next++;
        }

        return _toOriginal[next];
    }
}
