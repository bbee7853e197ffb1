using DanVan.Analytics.Text;
using Token = DanVan.Analytics.Text.Token;

namespace DanVan.Analytics.Search.Analysis;

/// <summary>
/// One field value as the index sees it: normalized, split into the indexed tokens, each with its lower-case
/// (accented) and folded form. Reusable: <see cref="Analyze"/> overwrites the previous value, and its buffers
/// grow to the longest value seen, so analysing a value allocates nothing once they have.
/// </summary>
/// <remarks>
/// Shared by <see cref="VietnameseTokenizer"/> and the article index's pre-analysed streams (which hand the terms
/// to Lucene), the index's accent signature and the snippet builder (which read them without Lucene's per-term
/// attribute machinery), so that all of them see exactly the same terms.
/// </remarks>
internal sealed class AnalyzedText
{
    private char[] _lower = [];
    private char[] _scratch = new char[64];
    private bool _lowered;
    private char[] _folded = [];
    private Token[] _tokens = new Token[512];
    private int[] _foldedLengths = [];
    private NormalizedText? _normalized;
    private ReadOnlyMemory<char> _value;

    /// <summary>The length of the value given to <see cref="Analyze"/>.</summary>
    public int OriginalLength => _value.Length;

    /// <summary>The number of indexed tokens.</summary>
    public int Count { get; private set; }

    /// <summary>The normalized value (the value itself when it was canonical).</summary>
    public ReadOnlySpan<char> Text => _normalized is null ? _value.Span : _normalized.Text;

    /// <summary>Token <paramref name="index"/>, with offsets in <see cref="Text"/>.</summary>
    public Token this[int index] => _tokens[index];

    /// <summary>
    /// Analyses <paramref name="value"/>: normalizes it, keeps the indexed tokens and, when asked, their folded
    /// (<paramref name="fold"/>) and lower-case (<paramref name="lower"/>) forms.
    /// </summary>
    /// <remarks>The value is referenced, not copied: it must not change until the next call.</remarks>
    public void Analyze(ReadOnlyMemory<char> value, VietnameseNormalizer normalizer, bool fold, bool lower)
    {
        // Canonical text (what the parser stores) is analysed as it is: no string, no offset map.
        _value = value;
        _normalized = normalizer.IsNormalized(value.Span) ? null : normalizer.NormalizeWithOffsets(new string(value.Span));
        ReadOnlySpan<char> text = Text;
        Count = 0;
        if (fold)
        {
            CollectFolded(text);
        }
        else
        {
            Collect(text);
        }

        _lowered = lower;
        if (lower)
        {
            // Lower-casing keeps the length (surrogate pairs included), so token offsets hold in the copy.
            EnsureLength(ref _lower, text.Length);
            LowerCase.ToLower(text, _lower);
        }
    }

    /// <summary>The lower-case form of token <paramref name="index"/> (after <c>Analyze(…, lower: true)</c>).</summary>
    public ReadOnlySpan<char> Accented(int index) => _lower.AsSpan(_tokens[index].Start, _tokens[index].Length);

    /// <summary>The folded form of token <paramref name="index"/> (after <c>Analyze(…, fold: true)</c>); empty when nothing is left of it.</summary>
    public ReadOnlySpan<char> Folded(int index) => _folded.AsSpan(_tokens[index].Start, _foldedLengths[index]);

    /// <summary>True when token <paramref name="index"/> has a folded form that differs from its lower-case form (after <c>Analyze(…, fold: true)</c>).</summary>
    public bool FoldingChanges(int index) => !AccentedIfFoldingChanges(index).IsEmpty;

    /// <summary>
    /// The lower-case form of token <paramref name="index"/> when its folded form differs from it, else empty (after
    /// <c>Analyze(…, fold: true)</c>). Analysed without the lower-case forms, the value's words are lower-cased here one
    /// by one, and only those whose folded form differs from them as written (most words without accents are
    /// written in their folded form already); the span is then valid until the next call.
    /// </summary>
    public ReadOnlySpan<char> AccentedIfFoldingChanges(int index)
    {
        ReadOnlySpan<char> folded = Folded(index);
        if (folded.IsEmpty)
        {
            return default;
        }

        ReadOnlySpan<char> accented;
        if (_lowered)
        {
            accented = Accented(index);
        }
        else
        {
            Token token = _tokens[index];
            ReadOnlySpan<char> word = Text.Slice(token.Start, token.Length);
            if (word.SequenceEqual(folded))
            {
                return default;
            }

            EnsureLength(ref _scratch, word.Length);
            LowerCase.ToLower(word, _scratch);
            accented = _scratch.AsSpan(0, word.Length);
        }

        return accented.SequenceEqual(folded) ? default : accented;
    }

    /// <summary>The span of token <paramref name="index"/> in the value given to <see cref="Analyze"/>.</summary>
    public TextSpan Original(int index)
    {
        var span = new TextSpan(_tokens[index].Start, _tokens[index].Length);
        return _normalized is null ? span : _normalized.ToOriginal(span);
    }

    /// <summary>Drops the references to the last value and its normalized copy.</summary>
    public void Clear()
    {
        _value = default;
        _normalized = null;
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
            if (VietnameseTokenizer.IsIndexed(token.Kind))
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
            if (!VietnameseTokenizer.IsIndexed(folded.Token.Kind))
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
        if (Count == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        _tokens[Count] = token;
        return Count++;
    }
}
