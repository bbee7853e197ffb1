namespace DanVan.Analytics.Text;

/// <summary>Finds sentence boundaries in Vietnamese text.</summary>
public static class SentenceSegmenter
{
    /// <summary>Enumerates the sentences of <paramref name="text"/> as spans, blank space between them left out.</summary>
    public static SentenceEnumerator Split(ReadOnlySpan<char> text) => new(text);
}

/// <summary>Enumerates the sentences of a text without allocating.</summary>
public ref struct SentenceEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    internal SentenceEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        Current = default;
    }

    /// <summary>The current sentence.</summary>
    public TextSpan Current { get; private set; }

    /// <summary>Returns this enumerator, so that it works in <c>foreach</c>.</summary>
    public readonly SentenceEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next sentence.</summary>
    /// <returns>False at the end of the text.</returns>
    public bool MoveNext()
    {
        ReadOnlySpan<char> text = _text;
        int i = _position;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            _position = i;
            return false;
        }

        int start = i;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n')
            {
                break;
            }

            i++;
            if (c is '.' or '!' or '?' && i < text.Length && char.IsWhiteSpace(text[i]))
            {
                break;
            }
        }

        int end = i;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        _position = i;
        Current = new TextSpan(start, end - start);
        return true;
    }
}
