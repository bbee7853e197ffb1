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
    private readonly IOffsetAttribute _offset;
    private readonly VietnameseNormalizer _normalizer;
    private readonly DiacriticForms? _forms;
    private readonly AnalyzedText _analyzed = new();
    private readonly AnalyzedTermEmitter _emitter;
    private readonly Func<int, int> _correctOffset;
    private char[] _buffer = new char[4096];
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
        _emitter = new AnalyzedTermEmitter(this, forms);
        _offset = AddAttribute<IOffsetAttribute>();
        _correctOffset = CorrectOffset;
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
        _analyzed.Analyze(
            _buffer.AsMemory(0, length),
            _normalizer,
            fold: _forms is DiacriticForms.Folded or DiacriticForms.Both,
            lower: _forms is DiacriticForms.Accented or DiacriticForms.Both);
        _emitter.Start(_analyzed);
        _finalOffset = CorrectOffset(length);
    }

    /// <inheritdoc/>
    public override bool IncrementToken() => _emitter.Next(_correctOffset);

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
            _analyzed.Clear();
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
