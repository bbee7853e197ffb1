using DanVan.Analytics.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DanVan.Analytics.Search.Analysis;

/// <summary>
/// Folds each term with <see cref="VietnameseFolder"/> ("đảng" → "dang"), so that text typed without
/// diacritics finds accented text. The term buffer is edited in place; plain ASCII terms are left untouched.
/// </summary>
public sealed class VietnameseFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private char[] _scratch = new char[64];

    /// <summary>Creates the filter over <paramref name="input"/>.</summary>
    public VietnameseFoldingFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
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
        _scratch.AsSpan(0, written).CopyTo(buffer);
        _term.Length = written;
        return true;
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
