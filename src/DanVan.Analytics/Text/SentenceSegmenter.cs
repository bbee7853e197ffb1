using DanVan.Analytics.Text.Tokenization;

namespace DanVan.Analytics.Text;

/// <summary>Finds sentence boundaries in Vietnamese text.</summary>
/// <remarks>
/// <para>Built on <see cref="SyllableTokenizer"/>, whose tokens already keep the dots of abbreviations
/// (<c>TP.</c>, <c>ThS.</c>, <c>Q.1</c>), numbers (<c>36.000</c>, <c>1,5</c>), dates, document codes and URLs inside
/// themselves; only a punctuation token can end a sentence.</para>
/// <list type="bullet">
/// <item>A line break always ends a sentence (a paragraph ends it too).</item>
/// <item><c>.</c>, <c>!</c>, <c>?</c>, <c>…</c> and <c>...</c> end a sentence when blank space follows and the next token does
/// not start with a lower-case letter ("đề án… của Đảng" goes on), and not inside quotation marks.</item>
/// <item>Closing quotes and brackets written right after the end mark belong to the sentence: <c>.”</c> ends after the quote.</item>
/// <item>The end-of-article mark <c>./.</c> always ends a sentence.</item>
/// </list>
/// </remarks>
public static class SentenceSegmenter
{
    /// <summary>Enumerates the sentences of <paramref name="text"/> as spans, blank space between them left out.</summary>
    public static SentenceEnumerator Split(ReadOnlySpan<char> text) => new(text, default, fromTokens: false);

    /// <summary>The sentences of <paramref name="text"/> from its tokens, all of them, as the tokenizer read them.</summary>
    internal static SentenceEnumerator Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens) => new(text, tokens, fromTokens: true);
}

/// <summary>Enumerates the sentences of a text without allocating.</summary>
public ref struct SentenceEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private readonly ReadOnlySpan<Token> _tokens;
    private readonly bool _fromTokens;
    private int _position; // in the text, or in the tokens when they were given
    private Token _next;
    private bool _hasNext;

    internal SentenceEnumerator(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, bool fromTokens)
    {
        _text = text;
        _tokens = tokens;
        _fromTokens = fromTokens;
        _position = 0;
        _next = default;
        _hasNext = false;
        Current = default;
        Advance();
    }

    /// <summary>The current sentence.</summary>
    public TextSpan Current { get; private set; }

    /// <summary>Returns this enumerator, so that it works in <c>foreach</c>.</summary>
    public readonly SentenceEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next sentence.</summary>
    /// <returns>False at the end of the text.</returns>
    public bool MoveNext()
    {
        if (!_hasNext)
        {
            return false;
        }

        ReadOnlySpan<char> text = _text;
        int start = _next.Start;
        int quoteDepth = 0;
        Token last;
        while (true)
        {
            last = Take();
            quoteDepth = AfterQuote(text, last, quoteDepth);
            if (last.Kind == TokenKind.Punctuation && IsEndMark(text.Slice(last.Start, last.Length), out bool always))
            {
                // Closing quotes and brackets written against the end mark stay with the sentence.
                while (_hasNext && _next.Start == last.End && _next.Kind == TokenKind.Punctuation && IsCloser(text[_next.Start]))
                {
                    last = Take();
                    if (text[last.Start] is not (')' or ']'))
                    {
                        quoteDepth = Math.Max(0, quoteDepth - 1); // a quote against an end mark closes
                    }
                }

                if (!_hasNext || always || HasLineBreak(text, last.End, _next.Start))
                {
                    break;
                }

                if (quoteDepth == 0 && _next.Start > last.End && !StartsLowerCase(text, _next))
                {
                    break;
                }
            }

            if (!_hasNext || HasLineBreak(text, last.End, _next.Start))
            {
                break;
            }
        }

        Current = new TextSpan(start, last.End - start);
        return true;
    }

    private Token Take()
    {
        Token taken = _next;
        Advance();
        return taken;
    }

    private void Advance()
    {
        if (!_fromTokens)
        {
            _hasNext = TokenScanner.TryRead(_text, ref _position, out _next);
        }
        else if (_hasNext = _position < _tokens.Length)
        {
            _next = _tokens[_position++];
        }
    }

    private static bool IsEndMark(ReadOnlySpan<char> token, out bool always)
    {
        always = token.SequenceEqual("./.");
        return always || token is "." or "!" or "?" or "…" or "...";
    }

    private static bool IsCloser(char c) => c is '\u201D' or '"' or '\u2019' or '\'' or ')' or ']' or '\u00BB';

    // “ opens and ” closes; the straight " closes when a quote is open and opens otherwise.
    private static int AfterQuote(ReadOnlySpan<char> text, Token token, int depth)
    {
        if (token.Kind != TokenKind.Punctuation || token.Length != 1)
        {
            return depth;
        }

        return text[token.Start] switch
        {
            '\u201C' or '\u00AB' => depth + 1,
            '\u201D' or '\u00BB' => Math.Max(0, depth - 1),
            '"' => depth > 0 ? depth - 1 : 1,
            _ => depth,
        };
    }

    // The gap between two tokens is mostly one space, too short for a vectorized search to pay off.
    private static bool HasLineBreak(ReadOnlySpan<char> text, int from, int to)
    {
        foreach (char c in text[from..to])
        {
            if (c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsLowerCase(ReadOnlySpan<char> text, Token token) =>
        token.Kind == TokenKind.Syllable && char.IsLower(text[token.Start]);
}
