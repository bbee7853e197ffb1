using System.Runtime.CompilerServices;
using DanVan.Analytics.Text.Tokenization;

namespace DanVan.Analytics.Text;

/// <summary>
/// Splits Vietnamese text into tokens without allocating: syllables, numbers, codes, dates,
/// abbreviations, punctuation, URLs and other symbols, each with its offsets.
/// </summary>
/// <remarks>
/// <para>Rules, in the order they are tried at a token's first character:</para>
/// <list type="bullet">
/// <item>Blank space, line breaks, no-break space, control and zero-width characters separate tokens and are skipped.</item>
/// <item>Letters of any script with their combining marks make a <see cref="TokenKind.Syllable"/>, so NFD text works;
/// an apostrophe between letters stays inside (<c>K’ré</c>, <c>H'Mông</c>). Digits end a syllable: <c>Ngày18/12</c> is a
/// syllable and a date.</item>
/// <item>Two or more letters all in capitals (<c>UBND</c>, <c>HĐND</c>, <c>TƯ</c>), the dotted abbreviations of the table
/// (<c>TP.</c>, <c>ThS.</c>, <c>PGS.TS.</c>, <c>TP.HCM</c>, <c>v.v.</c>), <c>Q.1</c>/<c>P.12</c> and the mixed-case ones
/// (<c>ThS</c>, <c>TTg</c>) make an <see cref="TokenKind.Abbreviation"/>. A capitalized word with a tone mark
/// (<c>BÌNH LUẬN</c>) is a syllable, since abbreviations carry none. So is a toneless one that spells a Vietnamese
/// syllable with a letter outside ASCII (<c>DÂN</c>, <c>NIÊN</c>), or in ASCII next to such a word in capitals on the same
/// line (<c>BAN</c> in <c>BAN DÂN VẬN</c>); <c>CEO</c>, <c>AI</c> or <c>BOT</c> among ordinary words stay abbreviations, and
/// so does <c>TƯ</c>, which the table lists.</item>
/// <item><c>http://…</c>, <c>https://…</c>, <c>www.…</c> and bare domains with a known top-level domain
/// (<c>laodongthudo.vn</c>) make a <see cref="TokenKind.Url"/>; <c>name@domain.vn</c> an <see cref="TokenKind.Email"/>.</item>
/// <item>A document code written without spaces, its type starting with a capital, makes a <see cref="TokenKind.DocumentCode"/>:
/// a number of up to 6 digits, then <c>-</c> or <c>–</c>, a type and <c>/</c> an issuer (<c>25-NQ/TW</c>, <c>218–QĐ/TW</c>); or
/// <c>/</c>, an optional 4-digit year and <c>/</c>, then a type and issuer with an inner <c>-</c> or <c>/</c>
/// (<c>411/KH-UBND</c>, <c>17/NQ/TU</c>, <c>04/2015/NĐ-CP</c>, <c>10/2022/QH15</c>). Types and issuers are written with
/// ASCII letters, <c>Đ</c> and <c>Ư</c> and digits, and a code never runs into a word. The extractor reads codes with the
/// same reader (and also those written with spaces, <c>25 - NQ/TW</c>).</item>
/// <item>Day (1–31), separator (<c>/</c>, <c>-</c>, or <c>.</c> only with a year), month (1–12) and an optional year of 2 or
/// 4 digits make a <see cref="TokenKind.Date"/>: <c>3/6/2013</c>, <c>26-3</c>, <c>18/12</c>. The day always comes first.</item>
/// <item>A Roman numeral written with <c>I</c>, <c>V</c> and <c>X</c> (1–39: <c>khóa XIII</c>, <c>thế kỷ XXI</c>) is a
/// <see cref="TokenKind.Number"/>; <c>CD</c>, <c>MC</c> or <c>CM</c> stay abbreviations.</item>
/// <item>Anything else of digits is a <see cref="TokenKind.Number"/>, with <c>.</c>/<c>,</c> groups and decimals and a final
/// <c>%</c>: <c>1.200.000</c>, <c>1,5</c>, <c>98%</c>. A year range <c>2021-2026</c> and a fraction <c>105/130</c> are a number,
/// a punctuation token and a number, so that each number stays readable as one; <c>-</c> is never a sign.</item>
/// <item>Punctuation is one character, except runs of dots (<c>...</c>) and the end-of-article mark <c>./.</c>.</item>
/// <item>Anything else is a <see cref="TokenKind.Symbol"/> of one code point with its combining marks; a surrogate pair is
/// never split and a lone surrogate is a symbol. An emoji keeps the rest of its sequence: a flag's two regional
/// indicators (🇻🇳), a skin-tone modifier (👍🏽), pictures joined by U+200D (👨‍👩‍👧).</item>
/// </list>
/// <para>The tokenizer runs in linear time on any input and never throws on text content.</para>
/// </remarks>
public static class SyllableTokenizer
{
    /// <summary>Enumerates the tokens of <paramref name="text"/>.</summary>
    public static TokenEnumerator Tokenize(ReadOnlySpan<char> text) => new(text, 0);

    /// <summary>
    /// Enumerates the tokens of <paramref name="text"/> with their folded forms: the tokens <see cref="Tokenize(ReadOnlySpan{char})"/>
    /// reads, each with <see cref="VietnameseFolder.Fold(ReadOnlySpan{char}, Span{char})"/> of its characters, folded into
    /// <paramref name="buffer"/> at the token's offset. The fast way to feed an index: normalize, then this.
    /// </summary>
    /// <param name="text">The text, normalized (see <see cref="VietnameseNormalizer.TryNormalize"/>).</param>
    /// <param name="buffer">Room for the folded forms: at least as long as <paramref name="text"/>, reusable across texts.</param>
    /// <exception cref="ArgumentException"><paramref name="buffer"/> is shorter than <paramref name="text"/>.</exception>
    public static FoldedTokenEnumerator TokenizeFolded(ReadOnlySpan<char> text, Span<char> buffer)
    {
        if (buffer.Length < text.Length)
        {
            throw new ArgumentException("The buffer must be at least as long as the text.", nameof(buffer));
        }

        return new FoldedTokenEnumerator(text, buffer);
    }

    /// <summary>
    /// Enumerates the tokens of <paramref name="text"/> from offset <paramref name="start"/> on; token offsets are
    /// offsets in the whole <paramref name="text"/>, so a caller can resume where it stopped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is negative or past the text's end.</exception>
    public static TokenEnumerator Tokenize(ReadOnlySpan<char> text, int start)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, text.Length);
        return new TokenEnumerator(text, start);
    }

    /// <summary>
    /// Reads the token at or after <paramref name="position"/> and moves <paramref name="position"/> past it.
    /// Made for callers that keep their place in a field between calls, such as a Lucene.Net <c>Tokenizer</c>
    /// that cannot hold a <see cref="TokenEnumerator"/>.
    /// </summary>
    /// <param name="text">The whole text; token offsets are offsets in it.</param>
    /// <param name="position">Where to read from; on return, just past the token (or the text's length when there is none).</param>
    /// <param name="token">The token read.</param>
    /// <returns>False when only blank space is left.</returns>
    /// <remarks>
    /// A Lucene.Net adapter reads the field into a <c>char[]</c> once per document, keeps an <c>int</c> position, and in
    /// <c>IncrementToken</c> calls this on the filled part of the buffer, copies the token's characters into the term
    /// attribute and sets the offsets to <c>CorrectOffset(token.Start)</c> and <c>CorrectOffset(token.End)</c>.
    /// Resume only from a position the previous call returned (or any position in blank space): from inside a token the
    /// rest of it is read as a token of its own.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is negative or past the text's end.</exception>
    public static bool TryReadToken(ReadOnlySpan<char> text, ref int position, out Token token)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, text.Length);
        return TokenScanner.TryRead(text, ref position, out token);
    }
}

/// <summary>Enumerates the tokens of a text; a <c>ref struct</c>, so tokenizing allocates nothing.</summary>
public ref struct TokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private Token _current;

    internal TokenEnumerator(ReadOnlySpan<char> text, int start)
    {
        _text = text;
        _position = start;
        _current = default;
    }

    /// <summary>The current token.</summary>
    public readonly Token Current => _current;

    /// <summary>The text being tokenized.</summary>
    internal readonly ReadOnlySpan<char> Text => _text;

    /// <summary>The offset where the next token is searched from.</summary>
    public readonly int Position => _position;

    /// <summary>Returns this enumerator, so that it works in <c>foreach</c>.</summary>
    public readonly TokenEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next token.</summary>
    /// <returns>False at the end of the text.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        // Scan with a local position, which the JIT keeps in a register, and write the fields back once.
        int position = _position;
        bool found = TokenScanner.TryRead(_text, ref position, out _current);
        _position = position;
        return found;
    }
}
