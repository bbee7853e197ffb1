using DanVan.Analytics.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Token = DanVan.Analytics.Text.Token;

namespace DanVan.Analytics.Search.Analysis;

/// <summary>
/// A Lucene <see cref="Tokenizer"/> over the text core: it normalizes the field value with
/// <see cref="VietnameseNormalizer"/>, splits it with <see cref="SyllableTokenizer"/> and reports every
/// token's offsets in the original text. Punctuation and symbols are not emitted.
/// </summary>
/// <remarks>
/// The reader is read whole into a reusable buffer, because normalization needs the full value and the
/// core tokenizer is a <c>ref struct</c> that cannot live across <see cref="IncrementToken"/> calls; the
/// tokens are kept in a reusable array, so emitting a token allocates nothing. Text that is already
/// canonical is tokenized in the buffer itself; other text is normalized into a string with an offset map.
/// </remarks>
public sealed class VietnameseTokenizer : Tokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly VietnameseNormalizer _normalizer;
    private char[] _buffer = new char[4096];
    private Token[] _tokens = new Token[512];
    private NormalizedText? _text;
    private int _tokenCount;
    private int _next;
    private int _finalOffset;

    /// <summary>Creates a tokenizer that reads <paramref name="input"/>.</summary>
    /// <param name="input">The field value.</param>
    /// <param name="normalizer">The normalizer; <see cref="VietnameseNormalizer.Default"/> when null.</param>
    public VietnameseTokenizer(TextReader input, VietnameseNormalizer? normalizer = null)
        : base(input)
    {
        _normalizer = normalizer ?? VietnameseNormalizer.Default;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <summary>True for the token kinds that are indexed: words, numbers, codes, dates, abbreviations, URLs and e-mail addresses.</summary>
    public static bool IsIndexed(TokenKind kind) => kind is not (TokenKind.Punctuation or TokenKind.Symbol);

    /// <summary>The token type name reported for <paramref name="kind"/> (a constant, so no allocation).</summary>
    public static string TypeName(TokenKind kind) => kind switch
    {
        TokenKind.Syllable => nameof(TokenKind.Syllable),
        TokenKind.Number => nameof(TokenKind.Number),
        TokenKind.DocumentCode => nameof(TokenKind.DocumentCode),
        TokenKind.Date => nameof(TokenKind.Date),
        TokenKind.Abbreviation => nameof(TokenKind.Abbreviation),
        TokenKind.Url => nameof(TokenKind.Url),
        TokenKind.Email => nameof(TokenKind.Email),
        TokenKind.Punctuation => nameof(TokenKind.Punctuation),
        _ => nameof(TokenKind.Symbol),
    };

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        int length = ReadAll();

        // Canonical text (what the parser stores) is tokenized in the buffer as it is: no string, no offset map.
        _text = _normalizer.IsNormalized(_buffer.AsSpan(0, length)) ? null : _normalizer.NormalizeWithOffsets(new string(_buffer, 0, length));
        _tokenCount = 0;
        _next = 0;
        foreach (Token token in SyllableTokenizer.Tokenize(_text is null ? _buffer.AsSpan(0, length) : _text.Text))
        {
            if (!IsIndexed(token.Kind))
            {
                continue;
            }

            if (_tokenCount == _tokens.Length)
            {
                Array.Resize(ref _tokens, _tokens.Length * 2);
            }

            _tokens[_tokenCount++] = token;
        }

        _finalOffset = CorrectOffset(length);
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (_next >= _tokenCount)
        {
            return false;
        }

        ClearAttributes();
        Token token = _tokens[_next++];
        char[] termBuffer = _term.ResizeBuffer(token.Length);
        TextSpan original;
        if (_text is null)
        {
            Array.Copy(_buffer, token.Start, termBuffer, 0, token.Length);
            original = new TextSpan(token.Start, token.Length);
        }
        else
        {
            _text.Text.CopyTo(token.Start, termBuffer, 0, token.Length);
            original = _text.ToOriginal(new TextSpan(token.Start, token.Length));
        }

        _term.Length = token.Length;
        _offset.SetOffset(CorrectOffset(original.Start), CorrectOffset(original.End));
        _type.Type = TypeName(token.Kind);
        return true;
    }

    /// <inheritdoc/>
    public override void End()
    {
        base.End();
        _offset.SetOffset(_finalOffset, _finalOffset);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _text = null;
        }
    }

    private int ReadAll()
    {
        int length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            int read = m_input.Read(_buffer, length, _buffer.Length - length);
            if (read <= 0)
            {
                return length;
            }

            length += read;
        }
    }
}
