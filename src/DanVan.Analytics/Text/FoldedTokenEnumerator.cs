using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DanVan.Analytics.Text.Folding;
using DanVan.Analytics.Text.Tokenization;

namespace DanVan.Analytics.Text;

/// <summary>A token and its folded form, as <see cref="FoldedTokenEnumerator"/> yields them.</summary>
public readonly ref struct FoldedToken
{
    internal FoldedToken(Token token, ReadOnlySpan<char> folded)
    {
        Token = token;
        Folded = folded;
    }

    /// <summary>The token, with its offsets in the tokenized text.</summary>
    public Token Token { get; }

    /// <summary>
    /// The token's characters folded as <see cref="VietnameseFolder.Fold(ReadOnlySpan{char}, Span{char})"/> folds them:
    /// a slice of the caller's buffer, valid until the buffer is written again. Empty when the token folds to nothing.
    /// </summary>
    public ReadOnlySpan<char> Folded { get; }
}

/// <summary>
/// Enumerates the tokens of a text together with their folded forms (the indexing chain: tokenize, then fold every
/// token), without a call per token and without allocating; a <c>ref struct</c>.
/// </summary>
/// <remarks>
/// Each token is folded into the caller's buffer at the token's own offset, so a folded form never overwrites another
/// one read before it in the same enumeration. Get one from
/// <see cref="SyllableTokenizer.TokenizeFolded(ReadOnlySpan{char}, Span{char})"/>.
/// </remarks>
public ref struct FoldedTokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _buffer;
    private int _position;
    private Token _token;
    private int _foldedLength;

    internal FoldedTokenEnumerator(ReadOnlySpan<char> text, Span<char> buffer)
    {
        _text = text;
        _buffer = buffer;
        _position = 0;
        _token = default;
        _foldedLength = 0;
    }

    // The token lies inside the text and the buffer is at least as long, so the slice needs no range check.

    /// <summary>The current token and its folded form.</summary>
    public readonly FoldedToken Current => new(
        _token,
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), _token.Start), _foldedLength));

    /// <summary>Returns this enumerator, so that it works in <c>foreach</c>.</summary>
    public readonly FoldedTokenEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next token and folds it.</summary>
    /// <returns>False at the end of the text.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        // The scanner's fast path folds plain words and punctuation while it reads them; the rest is folded after.
        var sink = new FoldSink(ref MemoryMarshal.GetArrayDataReference(FoldingTable.Array), ref MemoryMarshal.GetReference(_buffer));
        int position = _position;
        bool found = TokenScanner.TryRead(_text, ref position, out Token token, ref sink);
        _position = position;
        _token = token;
        _foldedLength = !found || sink.Whole ? token.Length : FoldToken(_text, _buffer, token);
        return found;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FoldToken(ReadOnlySpan<char> text, Span<char> buffer, Token token) =>
        VietnameseFolder.Fold(text.Slice(token.Start, token.Length), buffer[token.Start..]);

    /// <summary>Folds each character put into the buffer at the same offset.</summary>
    private ref struct FoldSink : ITokenCharSink
    {
        private readonly ref char _table;
        private readonly ref char _buffer;

        public FoldSink(ref char table, ref char buffer)
        {
            _table = ref table;
            _buffer = ref buffer;
        }

        public bool Whole { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Put(int index, char c) => Unsafe.Add(ref _buffer, index) = Unsafe.Add(ref _table, c);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Complete(bool whole) => Whole = whole;
    }
}
