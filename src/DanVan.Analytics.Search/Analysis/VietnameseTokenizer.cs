using DanVan.Analytics.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Token = DanVan.Analytics.Text.Token;

namespace DanVan.Analytics.Search.Analysis;

/// <summary>
/// A Lucene <see cref="Tokenizer"/> over the text core: it normalizes the field value with
/// <see cref="VietnameseNormalizer"/>, splits it with <see cref="SyllableTokenizer"/> and reports every
/// token's offsets in the original text. Punctuation and symbols are not emitted. Made with a
/// <see cref="DiacriticForms"/>, it also lower-cases and folds, so that no filter has to follow it.
/// </summary>
/// <remarks>
/// The reader is read whole into a reusable buffer, because normalization needs the full value and the
/// core tokenizer is a <c>ref struct</c> that cannot live across <see cref="IncrementToken"/> calls; the
/// tokens are kept in a reusable array, so emitting a token allocates nothing. Text that is already
/// canonical is tokenized in the buffer itself; other text is normalized into a string with an offset map.
/// Lower-casing and folding happen once per value over whole buffers, not per term: on an index of two
/// forms every term passes through the attribute machinery of each filter, which costs more than the
/// text work itself.
/// </remarks>
public sealed class VietnameseTokenizer : Tokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _position;
    private readonly VietnameseNormalizer _normalizer;
    private readonly DiacriticForms? _forms;
    private char[] _buffer = new char[4096];
    private char[] _lower = [];
    private char[] _folded = [];
    private char[] _normalized = [];
    private Token[] _tokens = new Token[512];
    private int[] _foldedLengths = [];
    private NormalizedText? _text;
    private int _tokenCount;
    private int _next;
    private bool _twinPending;
    private int _finalOffset;

    /// <summary>Creates a tokenizer that reads <paramref name="input"/> and emits each token as it stands in the normalized text.</summary>
    /// <param name="input">The field value.</param>
    /// <param name="normalizer">The normalizer; <see cref="VietnameseNormalizer.Default"/> when null.</param>
    public VietnameseTokenizer(TextReader input, VietnameseNormalizer? normalizer = null)
        : this(input, null, normalizer)
    {
    }

    /// <summary>
    /// Creates a tokenizer that reads <paramref name="input"/> and emits each token in lower case, in the
    /// <paramref name="forms"/> asked for; with <see cref="DiacriticForms.Both"/> the folded twin follows the
    /// accented term at the same position and offsets, when it differs.
    /// </summary>
    /// <param name="input">The field value.</param>
    /// <param name="forms">The forms to emit.</param>
    /// <param name="normalizer">The normalizer; <see cref="VietnameseNormalizer.Default"/> when null.</param>
    public VietnameseTokenizer(TextReader input, DiacriticForms forms, VietnameseNormalizer? normalizer = null)
        : this(input, (DiacriticForms?)forms, normalizer)
    {
    }

    private VietnameseTokenizer(TextReader input, DiacriticForms? forms, VietnameseNormalizer? normalizer)
        : base(input)
    {
        _normalizer = normalizer ?? VietnameseNormalizer.Default;
        _forms = forms;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
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
        ReadOnlySpan<char> text = _text is null ? _buffer.AsSpan(0, length) : _text.Text;
        _tokenCount = 0;
        _next = 0;
        _twinPending = false;
        if (_forms is DiacriticForms.Folded or DiacriticForms.Both)
        {
            CollectFolded(text);
        }
        else
        {
            Collect(text);
        }

        if (_forms is null && _text is not null)
        {
            EnsureLength(ref _normalized, text.Length);
            text.CopyTo(_normalized);
        }

        if (_forms is DiacriticForms.Accented or DiacriticForms.Both)
        {
            // Lower-casing keeps the length (surrogate pairs included), so token offsets hold in the copy.
            EnsureLength(ref _lower, text.Length);
            LowerCase.ToLower(text, _lower);
        }

        _finalOffset = CorrectOffset(length);
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (_twinPending)
        {
            // The folded twin of the accented term just emitted: only the term and the position step change,
            // every other attribute (offsets, type) stays as the accented term left it.
            _twinPending = false;
            _term.CopyBuffer(_folded, _tokens[_next - 1].Start, _foldedLengths[_next - 1]);
            _position.PositionIncrement = 0;
            return true;
        }

        if (_next >= _tokenCount)
        {
            return false;
        }

        ClearAttributes();
        int index = _next++;
        Token token = _tokens[index];
        switch (_forms)
        {
            case null:
                _term.CopyBuffer(_text is null ? _buffer : _normalized, token.Start, token.Length);
                break;
            case DiacriticForms.Accented:
                _term.CopyBuffer(_lower, token.Start, token.Length);
                break;
            case DiacriticForms.Folded:
                _term.CopyBuffer(_folded, token.Start, _foldedLengths[index]);
                break;
            default:
                _term.CopyBuffer(_lower, token.Start, token.Length);
                int foldedLength = _foldedLengths[index];
                _twinPending = foldedLength > 0
                    && !_lower.AsSpan(token.Start, token.Length).SequenceEqual(_folded.AsSpan(token.Start, foldedLength));
                break;
        }

        TextSpan original = _text is null ? new TextSpan(token.Start, token.Length) : _text.ToOriginal(new TextSpan(token.Start, token.Length));
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

    private static void EnsureLength<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[Math.Max(length, array.Length * 2)];
        }
    }

    private void Collect(ReadOnlySpan<char> text)
    {
        foreach (Token token in SyllableTokenizer.Tokenize(text))
        {
            if (IsIndexed(token.Kind))
            {
                Add(token);
            }
        }
    }

    private void CollectFolded(ReadOnlySpan<char> text)
    {
        EnsureLength(ref _folded, Math.Max(text.Length, 1));

        // The folder lower-cases the Basic Multilingual Plane but copies surrogate pairs: a token holding one
        // is lower-cased first, so that its folded form is the folded form of its lower case, as for the rest.
        bool surrogates = text.ContainsAnyInRange('\uD800', '\uDFFF');
        foreach (FoldedToken folded in SyllableTokenizer.TokenizeFolded(text, _folded))
        {
            if (!IsIndexed(folded.Token.Kind))
            {
                continue;
            }

            int index = Add(folded.Token);
            if (_foldedLengths.Length < _tokens.Length)
            {
                Array.Resize(ref _foldedLengths, _tokens.Length);
            }

            _foldedLengths[index] = surrogates ? FoldLowerCase(text, folded.Token, folded.Folded.Length) : folded.Folded.Length;
        }
    }

    private int FoldLowerCase(ReadOnlySpan<char> text, Token token, int foldedLength)
    {
        ReadOnlySpan<char> chars = text.Slice(token.Start, token.Length);
        if (!chars.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return foldedLength;
        }

        Span<char> lower = token.Length <= 256 ? stackalloc char[token.Length] : new char[token.Length];
        LowerCase.ToLower(chars, lower);
        return VietnameseFolder.Fold(lower, _folded.AsSpan(token.Start));
    }

    private int Add(Token token)
    {
        if (_tokenCount == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        _tokens[_tokenCount] = token;
        return _tokenCount++;
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
