using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
/// The text is folded into the caller's buffer character by character, a chunk ahead of the tokens, so each token finds
/// its folded form at its own offset and a folded form never overwrites another one read before it in the same
/// enumeration; a token with a character that folding drops (a combining mark) is folded again on its own. Get one from
/// <see cref="SyllableTokenizer.TokenizeFolded(ReadOnlySpan{char}, Span{char})"/>.
/// </remarks>
public ref struct FoldedTokenEnumerator
{
    private const int FoldChunk = 2048;

    // The buffer's start only (it holds the text, whose length bounds every use): one register less in the token loop.
    private readonly ref char _buffer;
    private TokenEnumerator _tokens;
    private int _foldedLength;
    private int _foldedEnd;
    private int _checkBefore;

    internal FoldedTokenEnumerator(ReadOnlySpan<char> text, Span<char> buffer)
    {
        _buffer = ref MemoryMarshal.GetReference(buffer);
        _tokens = new TokenEnumerator(text, 0);
        _foldedLength = 0;
        _foldedEnd = 0;
        _checkBefore = 0;
    }

    // The token lies inside the text and the buffer is at least as long, so the slice needs no range check.

    /// <summary>The current token and its folded form.</summary>
    public readonly FoldedToken Current => new(
        _tokens.Current,
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref _buffer, _tokens.Current.Start), _foldedLength));

    /// <summary>Returns this enumerator, so that it works in <c>foreach</c>.</summary>
    public readonly FoldedTokenEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next token and folds it.</summary>
    /// <returns>False at the end of the text.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        bool found = _tokens.MoveNext();
        Token token = _tokens.Current;
        if (token.End > _foldedEnd)
        {
            (_foldedEnd, _checkBefore) = FoldAhead(_tokens.Text, ref _buffer, _foldedEnd, token.End, _checkBefore);
        }

        // A token that starts before the end of the last chunk with a '\0' may hold a dropped character, which
        // folding removes: only those are looked at again.
        _foldedLength = token.Start >= _checkBefore ? token.Length : FoldIfDropped(_tokens.Text, MemoryMarshal.CreateSpan(ref _buffer, _tokens.Text.Length), token);
        return found;
    }

    // The text is folded a chunk at a time ahead of the scanner, in vector steps (cheaper than folding
    // inside the scanner's loop), and the chunk is still in the cache when its tokens are read. Out of line and by
    // value, so that the token loop keeps the enumerator's fields in registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (int FoldedEnd, int CheckBefore) FoldAhead(ReadOnlySpan<char> text, ref char buffer, int foldedEnd, int tokenEnd, int checkBefore)
    {
        int chunkEnd = Math.Min(text.Length, Math.Max(tokenEnd, foldedEnd + FoldChunk));
        bool dropped = VietnameseFolder.FoldEachChar(text[foldedEnd..chunkEnd], MemoryMarshal.CreateSpan(ref buffer, text.Length)[foldedEnd..]);
        return (chunkEnd, dropped ? chunkEnd : checkBefore);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FoldIfDropped(ReadOnlySpan<char> text, Span<char> buffer, Token token) =>
        buffer.Slice(token.Start, token.Length).Contains('\0') ? FoldToken(text, buffer, token) : token.Length;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FoldToken(ReadOnlySpan<char> text, Span<char> buffer, Token token) =>
        VietnameseFolder.Fold(text.Slice(token.Start, token.Length), buffer[token.Start..]);
}
