using DanVan.Analytics.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DanVan.Analytics.Search.Analysis;

/// <summary>
/// Folds each term with <see cref="VietnameseFolder"/> ("đảng" → "dang"), so that text typed without
/// diacritics finds accented text. The term buffer is edited in place; terms that folding would not change
/// (ASCII without capitals) pass through untouched. With <c>keepAccented</c> the accented term is emitted
/// first and its folded form follows at the same position, so one field holds both forms.
/// </summary>
public sealed class VietnameseFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly bool _keepAccented;
    private char[] _scratch = new char[64];
    private int _pendingLength = -1;
    private int _pendingStart;
    private int _pendingEnd;
    private string _pendingType = "";

    /// <summary>Creates the filter over <paramref name="input"/>.</summary>
    /// <param name="input">The terms to fold.</param>
    /// <param name="keepAccented">True to emit the accented term too, before its folded form at the same position.</param>
    public VietnameseFoldingFilter(TokenStream input, bool keepAccented = false)
        : base(input)
    {
        _keepAccented = keepAccented;
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (_pendingLength >= 0)
        {
            // The folded twin of the accented term just emitted: same offsets and type, no position step.
            ClearAttributes();
            _term.CopyBuffer(_scratch, 0, _pendingLength);
            _position.PositionIncrement = 0;
            _offset.SetOffset(_pendingStart, _pendingEnd);
            _type.Type = _pendingType;
            _pendingLength = -1;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        int length = _term.Length;
        char[] buffer = _term.Buffer;
        if (IsFolded(buffer.AsSpan(0, length)))
        {
            return true;
        }

        if (_scratch.Length < length)
        {
            _scratch = new char[Math.Max(length, _scratch.Length * 2)];
        }

        // The folder does not promise that source and destination may overlap, hence the scratch buffer.
        int written = VietnameseFolder.Fold(buffer.AsSpan(0, length), _scratch);
        if (!_keepAccented)
        {
            _scratch.AsSpan(0, written).CopyTo(buffer);
            _term.Length = written;
        }
        else if (!buffer.AsSpan(0, length).SequenceEqual(_scratch.AsSpan(0, written)))
        {
            _pendingLength = written;
            _pendingStart = _offset.StartOffset;
            _pendingEnd = _offset.EndOffset;
            _pendingType = _type.Type;
        }

        return true;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _pendingLength = -1;
    }

    /// <summary>True when folding would not change <paramref name="term"/>: ASCII with no capital letters.</summary>
    internal static bool IsFolded(ReadOnlySpan<char> term)
    {
        foreach (char c in term)
        {
            if (c >= 0x80 || char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
