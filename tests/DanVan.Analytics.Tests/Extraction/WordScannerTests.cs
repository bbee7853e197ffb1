using DanVan.Analytics.Extraction;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Tests.Extraction;

public sealed class WordScannerTests
{
    [Theory]
    [InlineData("Nghị quyết 25-NQ/TW", "Nghị:WC quyết:W 25:N -:P NQ:WCU /:P TW:WCU")]
    [InlineData("TP.HCM, 98%...", "TP:WCU .:P HCM:WCU ,:P 98:N %:P .:P .:P .:P")]
    [InlineData("ngày 18/12.5", "ngày:W 18:N /:P 12.5:N")]
    [InlineData("K’ré H'Hen", "K’ré:WC H'Hen:WC")]
    [InlineData("a\u200Bb xin", "a:W \u200B:P b:W xin:W")]
    [InlineData("khóa XIII", "khóa:W XIII:WCU")]
    [InlineData("www.dangcongsan.vn ./.", "www:W .:P dangcongsan:W .:P vn:W .:P /:P .:P")]
    public void Scan_ReadsTheTokenizersTokensAsTheirParts(string text, string expected)
    {
        var lexical = new List<Token>();

        WordToken[] words = WordScanner.Scan(text, lexical, static (tokens, list) => list.AddRange(tokens));

        string actual = string.Join(' ', words.Select(w => string.Concat(text.AsSpan(w.Start, w.Length), ":", w.Kind switch
        {
            WordKind.Word => "W" + (w.Capitalized ? "C" : "") + (w.AllUpper ? "U" : ""),
            WordKind.Number => "N",
            _ => "P",
        })));
        Assert.Equal(expected, actual);
        Assert.Equal(SyllableTokenizerTokens(text), lexical);
    }

    private static List<Token> SyllableTokenizerTokens(string text)
    {
        var tokens = new List<Token>();
        foreach (Token token in SyllableTokenizer.Tokenize(text))
        {
            tokens.Add(token);
        }

        return tokens;
    }
}
