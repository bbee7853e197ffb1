namespace DanVan.Analytics.Text;

/// <summary>What a <see cref="Token"/> is.</summary>
/// <remarks>The rules that tell them apart are listed on <see cref="SyllableTokenizer"/>.</remarks>
public enum TokenKind
{
    /// <summary>A syllable or word of letters of any script with their combining marks, including names such as <c>K’ré</c>.</summary>
    Syllable = 0,

    /// <summary>
    /// A number: <c>36.000</c>, <c>1,5</c>, <c>98%</c>, <c>01</c>, <c>1.200.000</c>. Never signed; a year range
    /// <c>2021-2026</c> or a fraction <c>105/130</c> is two numbers around a punctuation token.
    /// </summary>
    Number = 1,

    /// <summary>A document code: <c>25-NQ/TW</c>, <c>411/KH-UBND</c>, <c>04/2015/NĐ-CP</c>, <c>23-Ctr/TU</c>.</summary>
    DocumentCode = 2,

    /// <summary>A date, day before month: <c>3/6/2013</c>, <c>12/06/2023</c>, <c>26-3</c>, <c>18/12</c>.</summary>
    Date = 3,

    /// <summary>
    /// An abbreviation: capitals without tone marks (<c>UBND</c>, <c>HĐND</c>, <c>TƯ</c>), dotted ones from the table
    /// with their dot (<c>TP.</c>, <c>ThS.</c>, <c>TP.HCM</c>, <c>Q.1</c>) and mixed-case ones (<c>ThS</c>, <c>TTg</c>).
    /// </summary>
    Abbreviation = 4,

    /// <summary>Punctuation: one character (<c>,</c> <c>“</c> <c>–</c> <c>…</c>), a run of dots, or the end-of-article mark <c>./.</c>.</summary>
    Punctuation = 5,

    /// <summary>A URL: <c>https://…</c>, <c>www.…</c>, or a bare domain with a known top-level domain (<c>laodongthudo.vn</c>).</summary>
    Url = 6,

    /// <summary>An e-mail address.</summary>
    Email = 7,

    /// <summary>Any other symbol: one code point (an emoji's surrogate pair stays whole) with its combining marks.</summary>
    Symbol = 8,
}
