using System.Diagnostics;

namespace DanVan.Analytics.Text.Normalization;

/// <summary>
/// The output of a normalization pass: characters written into a caller's buffer and, when asked, for each
/// written character the offset in the source where the characters that produced it begin.
/// </summary>
/// <remarks>
/// Removed characters (zero-width, soft hyphen) produce nothing; they are counted with the next written
/// character, so that the span of any written text maps back to source text that normalizes to it.
/// </remarks>
internal ref struct NormalizationWriter
{
    private readonly Span<char> _text;
    private readonly Span<int> _map;

    public NormalizationWriter(Span<char> text, Span<int> map)
    {
        Debug.Assert(map.IsEmpty || map.Length >= text.Length, "The map has one entry per written character.");
        _text = text;
        _map = map;
    }

    /// <summary>The number of characters written.</summary>
    public int Length { get; set; }

    /// <summary>The source offset the next written character is counted from.</summary>
    public int Origin { get; set; }

    /// <summary>The characters written so far (they may still be edited, as tone moves do).</summary>
    public readonly Span<char> Written => _text[..Length];

    /// <summary>Space left in the buffer.</summary>
    public readonly int Available => _text.Length - Length;

    /// <summary>The source offset of the written character at <paramref name="index"/>.</summary>
    public readonly int OriginOf(int index) => _map.IsEmpty ? 0 : _map[index];

    /// <summary>Writes the character that source position <paramref name="source"/> produced.</summary>
    public bool TryWrite(char c, int source)
    {
        if (Length == _text.Length)
        {
            return false;
        }

        if (!_map.IsEmpty)
        {
            _map[Length] = Origin;
        }

        _text[Length++] = c;
        Origin = source + 1;
        return true;
    }

    /// <summary>Copies unchanged source characters that start at source offset <paramref name="source"/>.</summary>
    public bool TryCopy(scoped ReadOnlySpan<char> run, int source)
    {
        if (run.Length > Available)
        {
            return false;
        }

        run.CopyTo(_text[Length..]);
        if (!_map.IsEmpty && !run.IsEmpty)
        {
            Span<int> map = _map.Slice(Length, run.Length);
            map[0] = Origin;
            for (int k = 1; k < map.Length; k++)
            {
                map[k] = source + k;
            }
        }

        Length += run.Length;
        Origin = source + run.Length;
        return true;
    }

    /// <summary>Writes characters that all come from the source up to <paramref name="sourceEnd"/>.</summary>
    public bool TryWriteCluster(scoped ReadOnlySpan<char> chars, int sourceEnd)
    {
        if (chars.Length > Available)
        {
            return false;
        }

        chars.CopyTo(_text[Length..]);
        if (!_map.IsEmpty)
        {
            _map.Slice(Length, chars.Length).Fill(Origin);
        }

        Length += chars.Length;
        Origin = sourceEnd;
        return true;
    }

    /// <summary>
    /// Replaces the written characters from <paramref name="start"/> on with <paramref name="replacement"/>,
    /// all counted from the origin of the first replaced character; the source up to <paramref name="sourceEnd"/> is used.
    /// </summary>
    public bool TryReplaceTail(int start, scoped ReadOnlySpan<char> replacement, int sourceEnd)
    {
        Debug.Assert(start < Length, "There is a written character to replace.");
        if (start + replacement.Length > _text.Length)
        {
            return false;
        }

        int origin = _map.IsEmpty ? 0 : _map[start];
        replacement.CopyTo(_text[start..]);
        if (!_map.IsEmpty)
        {
            _map.Slice(start, replacement.Length).Fill(origin);
        }

        Length = start + replacement.Length;
        Origin = sourceEnd;
        return true;
    }
}
