using System.Text;
using DanVan.Analytics.Text;
using static DanVan.Analytics.Tests.Text.TokenAssert;

namespace DanVan.Analytics.Tests.Text;

/// <summary>
/// Random and hostile input (as Lucene's analysis tests do): the tokenizer and the segmenter never throw,
/// always finish, and give well-formed, resumable results. Seeds are fixed so failures reproduce.
/// </summary>
public sealed class SyllableTokenizerRandomInputTests
{
    // Pieces that exercise every rule and every edge between them.
    private static readonly string[] s_pieces =
    [
        "a", "Đ", "ủ", "Q", "TP", "ThS", "v", "www", "http", "K", "’", "'", "\u0301", "\u0323", "\u00D0",
        "0", "1", "12", "2023", "99999", ".", ",", "-", "/", ":", "@", "_", "+", "%", "./.", "…", "“", "”", "\"",
        " ", "\n", "\r\n", "\u00A0", "\u200B", "\t", "\u0001", "\uD83D\uDE00", "\uD800", "\uDC00", "\uFE0F", "北", "Я", "٣",
        "25-NQ/TW", "04/2015/NĐ-CP", "3/6/2013", "1.200.000", "TP.HCM", "laodongthudo.vn", "a@b.vn", "https://x.vn/a",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2026)]
    public void Tokenize_RandomPieces_GivesWellFormedResumableTokens(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 300; round++)
        {
            var builder = new StringBuilder();
            int count = random.Next(0, 40);
            for (int i = 0; i < count; i++)
            {
                builder.Append(s_pieces[random.Next(s_pieces.Length)]);
            }

            AssertWellBehaved(builder.ToString());
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Tokenize_RandomUtf16CodeUnits_GivesWellFormedResumableTokens(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 300; round++)
        {
            var chars = new char[random.Next(0, 60)];
            for (int i = 0; i < chars.Length; i++)
            {
                // Half from the whole range (lone surrogates included), half from the ranges the table covers.
                chars[i] = (char)(random.Next(2) == 0 ? random.Next(0, 0x10000) : random.Next(0, 0x2100));
            }

            AssertWellBehaved(new string(chars));
        }
    }

    [Theory]
    [InlineData("1-")]
    [InlineData("1/")]
    [InlineData("1.")]
    [InlineData("12/1")]
    [InlineData("1-A")]
    [InlineData("1-AB/")]
    [InlineData("a.")]
    [InlineData("a-")]
    [InlineData("ab@")]
    [InlineData("TP.")]
    [InlineData("Q.1")]
    [InlineData("“")]
    [InlineData(".")]
    [InlineData("9")]
    [InlineData("x")]
    [InlineData("\uD800")]
    [InlineData("\u0301")]
    public void Tokenize_AMegabyteOfOneRepeatedPattern_Finishes(string pattern)
    {
        string text = new StringBuilder().Insert(0, pattern, (1 << 20) / pattern.Length).ToString();
        List<Token> tokens = Raw(text);
        WellFormed(text, tokens);
        Assert.NotEmpty(tokens);

        int sentences = 0;
        int previousEnd = 0;
        foreach (TextSpan sentence in SentenceSegmenter.Split(text))
        {
            if (sentence.Start < previousEnd || sentence.Length <= 0)
            {
                Assert.Fail($"bad sentence at {sentence.Start}");
            }

            previousEnd = sentence.End;
            sentences++;
        }

        Assert.True(sentences > 0);
    }

    [Fact]
    public void Tokenize_AMegabyteOfLettersWithoutSpaces_IsOneSyllable()
    {
        string text = new('a', 1 << 20);
        Assert.Equal([new Token(0, text.Length, TokenKind.Syllable)], Raw(text));
    }

    private static void AssertWellBehaved(string text)
    {
        List<Token> tokens = Raw(text);
        WellFormed(text, tokens);

        // Reading from any token's start gives that token again: a caller can resume anywhere it stopped.
        foreach (Token token in tokens)
        {
            int position = token.Start;
            Assert.True(SyllableTokenizer.TryReadToken(text, ref position, out Token again));
            Assert.Equal(token, again);
        }

        // Sentences are runs of whole tokens.
        var starts = new HashSet<int>(tokens.Select(t => t.Start));
        var ends = new HashSet<int>(tokens.Select(t => t.End));
        int previousEnd = 0;
        foreach (TextSpan sentence in SentenceSegmenter.Split(text))
        {
            Assert.True(sentence.Length > 0, "empty sentence");
            Assert.True(sentence.Start >= previousEnd, "sentences overlap");
            Assert.True(sentence.End <= text.Length, "sentence past the end");
            Assert.True(starts.Contains(sentence.Start) && ends.Contains(sentence.End), "a sentence cuts a token");
            previousEnd = sentence.End;
        }
    }
}
