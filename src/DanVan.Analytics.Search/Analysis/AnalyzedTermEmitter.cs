using DanVan.Analytics.Text;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Token = DanVan.Analytics.Text.Token;

namespace DanVan.Analytics.Search.Analysis;

/// <summary>
/// Hands the terms of an <see cref="AnalyzedText"/> to Lucene's attributes, one per call, in the forms asked for:
/// the token as it stands (no forms), lower case, folded, or lower case followed by its folded twin at the same
/// position when the two differ.
/// </summary>
internal sealed class AnalyzedTermEmitter
{
    private readonly AttributeSource _source;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _position;
    private readonly DiacriticForms? _forms;
    private readonly bool _ownsAllAttributes;
    private AnalyzedText? _text;
    private int _next;
    private bool _twinPending;

    /// <summary>Adds the term, offset, type and position attributes to <paramref name="source"/>.</summary>
    /// <param name="source">The token stream.</param>
    /// <param name="forms">The forms to emit; null for the token as it stands.</param>
    /// <param name="ownsAllAttributes">
    /// True when no one else adds attributes to <paramref name="source"/> (a stream that no filter wraps): every
    /// attribute is then set for each term, and the pass over all attributes that clearing them costs is saved.
    /// </param>
    public AnalyzedTermEmitter(AttributeSource source, DiacriticForms? forms, bool ownsAllAttributes = false)
    {
        _source = source;
        _forms = forms;
        _ownsAllAttributes = ownsAllAttributes;
        _term = source.AddAttribute<ICharTermAttribute>();
        _offset = source.AddAttribute<IOffsetAttribute>();
        _type = source.AddAttribute<ITypeAttribute>();
        _position = source.AddAttribute<IPositionIncrementAttribute>();
    }

    /// <summary>Starts over at the first term of <paramref name="text"/>.</summary>
    public void Start(AnalyzedText text)
    {
        _text = text;
        _next = 0;
        _twinPending = false;
    }

    /// <summary>Sets the attributes to the next term; false after the last one.</summary>
    /// <param name="correctOffset">Maps an offset of the value to the offset reported (a tokenizer's char filters); null for none.</param>
    public bool Next(Func<int, int>? correctOffset)
    {
        AnalyzedText text = _text!;
        if (_twinPending)
        {
            // The folded twin of the accented term just emitted: only the term and the position step change,
            // every other attribute (offsets, type) stays as the accented term left it.
            _twinPending = false;
            SetTerm(text.Folded(_next - 1));
            _position.PositionIncrement = 0;
            return true;
        }

        if (_next >= text.Count)
        {
            return false;
        }

        if (_ownsAllAttributes)
        {
            _position.PositionIncrement = 1;
        }
        else
        {
            _source.ClearAttributes();
        }

        int index = _next++;
        Token token = text[index];
        switch (_forms)
        {
            case null:
                SetTerm(text.Text.Slice(token.Start, token.Length));
                break;
            case DiacriticForms.Accented:
                SetTerm(text.Accented(index));
                break;
            case DiacriticForms.Folded:
                SetTerm(text.Folded(index));
                break;
            default:
                SetTerm(text.Accented(index));
                _twinPending = text.FoldingChanges(index);
                break;
        }

        TextSpan original = text.Original(index);
        if (correctOffset is null)
        {
            _offset.SetOffset(original.Start, original.End);
        }
        else
        {
            _offset.SetOffset(correctOffset(original.Start), correctOffset(original.End));
        }

        _type.Type = VietnameseTokenizer.TypeName(token.Kind);
        return true;
    }

    private void SetTerm(ReadOnlySpan<char> term)
    {
        char[] buffer = term.Length <= _term.Buffer.Length ? _term.Buffer : _term.ResizeBuffer(term.Length);
        term.CopyTo(buffer);
        _term.Length = term.Length;
    }
}
