namespace DanVan.Analytics.Text;

/// <summary>What a <see cref="Token"/> is.</summary>
public enum TokenKind
{
    /// <summary>A syllable or word of letters, including names such as <c>K’ré</c>.</summary>
    Syllable = 0,

    /// <summary>A number: <c>36.000</c>, <c>1,5</c>, <c>98%</c>, <c>01</c>.</summary>
    Number = 1,

    /// <summary>A document code: <c>25-NQ/TW</c>, <c>04/2015/NĐ-CP</c>.</summary>
    DocumentCode = 2,

    /// <summary>A date: <c>3/6/2013</c>, <c>26-3</c>.</summary>
    Date = 3,

    /// <summary>An abbreviation written in capitals: <c>UBND</c>, <c>HĐND</c>, <c>TP.HCM</c>.</summary>
    Abbreviation = 4,

    /// <summary>Punctuation.</summary>
    Punctuation = 5,

    /// <summary>A URL.</summary>
    Url = 6,

    /// <summary>An e-mail address.</summary>
    Email = 7,

    /// <summary>Any other symbol.</summary>
    Symbol = 8,
}
