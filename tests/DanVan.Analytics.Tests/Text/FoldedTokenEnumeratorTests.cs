using System.Text;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Tests.Text;

/// <summary>
/// <see cref="SyllableTokenizer.TokenizeFolded"/> and <see cref="VietnameseNormalizer.TryNormalize"/>, the fast
/// indexing chain, give exactly what the plain composition Normalize → Tokenize → Fold of every token gives.
/// </summary>
public sealed class FoldedTokenEnumeratorTests
{
    private const string Alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠĐẶỆỰ"
        + "0123456789 .,:;-/'’@_+%\n\t\u00A0\u200B\u00AD\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B\u00D0\u00F0ÇçñÑ北Я\uD83D\uDE00\uD800\0\u200D❤\uFE0F🇻🇳🏽";

    // Pieces longer than the vector width and next to the end of the text, where the fold takes other paths.
    private static readonly string[] s_pieces =
    [
        "Đảng", "ủy", "HĐND", "TP.HCM", "https://x.vn/a", "25-NQ/TW", "nghiêng", "Nguyễn", "UBND", "dân", "vận", "a\u0301",
        "Khoe\u0309", "Tie\u0302\u0301ng", "x\u200By", "so\u00ADsánh", "Guðrún", "K’ré", "chuyểnđổisốquốcgiatoàndiện", " ", "\n", ".",
    ];

    [Fact]
    public void TokenizeFolded_Seeds_EqualsTokenizeThenFoldEachToken()
    {
        foreach ((string name, string text) in RepositoryPaths.SeedTexts())
        {
            string normalized = VietnameseNormalizer.Default.Normalize(text);
            AssertSameAsComposition(normalized, name);
            AssertSameAsComposition(text, name + " (raw)");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2026)]
    public void TokenizeFolded_RandomStrings_EqualsTokenizeThenFoldEachToken(int seed)
    {
        for (int k = 0; k < 300; k++)
        {
            string text = RandomText.Create((seed * 1000) + k, Alphabet, 60);
            AssertSameAsComposition(text, text);
            AssertSameAsComposition(VietnameseNormalizer.Default.Normalize(text), text);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void TokenizeFolded_RandomPieces_EqualsTokenizeThenFoldEachToken(int seed)
    {
        var random = new Random(seed);
        for (int k = 0; k < 300; k++)
        {
            var builder = new StringBuilder();
            int count = random.Next(1, 12);
            for (int p = 0; p < count; p++)
            {
                builder.Append(s_pieces[random.Next(s_pieces.Length)]);
            }

            AssertSameAsComposition(builder.ToString(), builder.ToString());
        }
    }

    [Fact]
    public void TokenizeFolded_VietnameseSentence_YieldsFoldedForms()
    {
        string text = "Đảng ủy TP.HCM họp, HĐND xem Nghị quyết 25-NQ/TW.";
        var folded = new List<string>();
        var kinds = new List<TokenKind>();
        foreach (FoldedToken token in SyllableTokenizer.TokenizeFolded(text, new char[text.Length]))
        {
            folded.Add(token.Folded.ToString());
            kinds.Add(token.Token.Kind);
        }

        Assert.Equal(["dang", "uy", "tp.hcm", "hop", ",", "hdnd", "xem", "nghi", "quyet", "25-nq/tw", "."], folded);
        Assert.Equal(TokenKind.Abbreviation, kinds[2]);
        Assert.Equal(TokenKind.DocumentCode, kinds[9]);
    }

    [Fact]
    public void TokenizeFolded_BufferShorterThanText_Throws()
    {
        Assert.Throws<ArgumentException>(() => SyllableTokenizer.TokenizeFolded("Đảng ủy", new char[6]));
    }

    [Fact]
    public void TryNormalize_CanonicalText_ReturnsTheSourceWithoutCopying()
    {
        ReadOnlySpan<char> source = "Đảng ủy xã họp";
        char[] buffer = new char[source.Length + 16];
        Assert.True(VietnameseNormalizer.Default.TryNormalize(source, buffer, out ReadOnlySpan<char> normalized));
        Assert.True(normalized == source, "The canonical text comes back as the same span.");
        Assert.All(buffer, c => Assert.Equal('\0', c));
    }

    [Theory]
    [InlineData("Đảng\u00A0ủy")]
    [InlineData("Tie\u0302\u0301ng Vie\u0323\u0302t")]
    [InlineData("hoà thuỷ")]
    [InlineData("\u00D0ảng x\u200By")]
    public void TryNormalize_TextToRewrite_EqualsNormalize(string text)
    {
        char[] buffer = new char[text.Length + 16];
        Assert.True(VietnameseNormalizer.Default.TryNormalize(text, buffer, out ReadOnlySpan<char> normalized));
        Assert.Equal(VietnameseNormalizer.Default.Normalize(text), normalized.ToString());
        Assert.NotEqual(text, normalized.ToString());
    }

    [Fact]
    public void TryNormalize_BufferTooSmallForTheRewrite_ReturnsFalse()
    {
        string text = "Tie\u0302\u0301ng Vie\u0323\u0302t Nam";
        Assert.False(VietnameseNormalizer.Default.TryNormalize(text, new char[4], out ReadOnlySpan<char> normalized));
        Assert.True(normalized.IsEmpty);
    }

    [Fact]
    public void TryNormalizeThenTokenizeFolded_Seeds_EqualsPlainComposition()
    {
        foreach ((string name, string text) in RepositoryPaths.SeedTexts())
        {
            char[] buffer = new char[text.Length + 16];
            Assert.True(VietnameseNormalizer.Default.TryNormalize(text, buffer, out ReadOnlySpan<char> normalized), name);
            Assert.Equal(VietnameseNormalizer.Default.Normalize(text), normalized.ToString());
        }
    }

    private static void AssertSameAsComposition(string text, string label)
    {
        var expected = new List<(Token Token, string Folded)>();
        foreach (Token token in SyllableTokenizer.Tokenize(text))
        {
            expected.Add((token, VietnameseFolder.Fold(text.Substring(token.Start, token.Length))));
        }

        var actual = new List<(Token Token, string Folded)>();
        char[] buffer = new char[text.Length];
        foreach (FoldedToken token in SyllableTokenizer.TokenizeFolded(text, buffer))
        {
            actual.Add((token.Token, token.Folded.ToString()));
        }

        Assert.True(expected.SequenceEqual(actual), $"TokenizeFolded differs from Tokenize + Fold on \"{label}\": "
            + $"{expected.Count} vs {actual.Count} tokens, first difference at {FirstDifference(expected, actual)}.");
    }

    private static string FirstDifference(List<(Token Token, string Folded)> expected, List<(Token Token, string Folded)> actual)
    {
        for (int k = 0; k < Math.Min(expected.Count, actual.Count); k++)
        {
            if (expected[k] != actual[k])
            {
                return $"#{k}: expected {expected[k]}, got {actual[k]}";
            }
        }

        return "the end";
    }
}
