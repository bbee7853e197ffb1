using System.Text;
using DanVan.Analytics.Text;
using DanVan.Analytics.Text.Tokenization;
using static DanVan.Analytics.Tests.Text.TokenAssert;

namespace DanVan.Analytics.Tests.Text;

/// <summary>The tokenizer on the bundled seed articles: tokens picked out by hand, and invariants over every token.</summary>
public sealed class SyllableTokenizerCorpusTests
{
    public static TheoryData<string, string, TokenKind> HandPickedSeedTokens => new()
    {
        { "000_71b46650ef2c0e7b.txt", "4/1/2025", TokenKind.Date },
        { "000_71b46650ef2c0e7b.txt", "25-NQ/TW", TokenKind.DocumentCode },
        { "000_71b46650ef2c0e7b.txt", "25-NQ/TƯ", TokenKind.DocumentCode },
        { "000_71b46650ef2c0e7b.txt", "23-Ctr/TU", TokenKind.DocumentCode },
        { "000_71b46650ef2c0e7b.txt", "25/7/2017", TokenKind.Date },
        { "000_71b46650ef2c0e7b.txt", "36.000", TokenKind.Number },
        { "000_71b46650ef2c0e7b.txt", "UBND", TokenKind.Abbreviation },
        { "000_71b46650ef2c0e7b.txt", "HĐND", TokenKind.Abbreviation },
        { "001_520578ac9f119650.txt", "22/9", TokenKind.Date },
        { "001_520578ac9f119650.txt", "3/6/2013", TokenKind.Date },
        { "001_520578ac9f119650.txt", "15/7/2013", TokenKind.Date },
        { "001_520578ac9f119650.txt", "218-QĐ/TW", TokenKind.DocumentCode },
        { "001_520578ac9f119650.txt", "12/12/2013", TokenKind.Date },
        { "001_520578ac9f119650.txt", "92-KH/QU", TokenKind.DocumentCode },
        { "001_520578ac9f119650.txt", "1/8/2013", TokenKind.Date },
        { "001_520578ac9f119650.txt", "https://laodongthudo.vn/xay-dung-va-nhan-rong-cac-mo-hinh-dan-van-kheo-tren-cac-linh-vuc-160636.html", TokenKind.Url },
        { "002_629f769f07b4a858.txt", "26-3", TokenKind.Date },
        { "002_629f769f07b4a858.txt", "2021", TokenKind.Number },
        { "003_6cd86a75bd02b5bb.txt", "12/06/2023", TokenKind.Date },
        { "003_6cd86a75bd02b5bb.txt", "33-NQ/TU", TokenKind.DocumentCode },
        { "003_6cd86a75bd02b5bb.txt", "98%", TokenKind.Number },
        { "003_6cd86a75bd02b5bb.txt", "ĐCSVN", TokenKind.Abbreviation },
        { "003_6cd86a75bd02b5bb.txt", "./.", TokenKind.Punctuation },
        { "004_6a42a9c06acc8c6d.txt", "18/12", TokenKind.Date },
        { "004_6a42a9c06acc8c6d.txt", "11.900", TokenKind.Number },
    };

    [Theory]
    [MemberData(nameof(HandPickedSeedTokens))]
    public void Tokenize_SeedArticle_ReadsTheHandPickedTokenWhole(string file, string surface, TokenKind kind)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, file));
        Assert.Contains((surface, kind), Tokens(text));
    }

    [Fact]
    public void Tokenize_YearRangeInSeed_IsNumberDashNumber()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, "002_629f769f07b4a858.txt"));
        List<(string Surface, TokenKind Kind)> tokens = Tokens(text);
        int at = tokens.IndexOf(("2021", TokenKind.Number));
        Assert.True(at >= 0);
        Assert.Contains(tokens.Select((t, i) => (t, i)), p => p.t == ("2021", TokenKind.Number)
            && tokens[p.i + 1] == ("-", TokenKind.Punctuation) && tokens[p.i + 2] == ("2026", TokenKind.Number));
    }

    [Fact]
    public void Tokenize_CapitalizedHeadlineInSeed_ReadsTonedWordsAsSyllables()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, "003_6cd86a75bd02b5bb.txt"));
        List<(string Surface, TokenKind Kind)> tokens = Tokens(text);
        Assert.Contains(("BÌNH", TokenKind.Syllable), tokens);
        Assert.Contains(("LUẬN", TokenKind.Syllable), tokens);
    }

    [Fact]
    public void Tokenize_EverySeed_CoversAllButBlankSpace()
    {
        foreach ((string name, string text) in RepositoryPaths.SeedTexts())
        {
            List<Token> tokens = Raw(text);
            WellFormed(text, tokens);
            int previousEnd = 0;
            foreach (Token token in tokens.Append(new Token(text.Length, 0, TokenKind.Symbol)))
            {
                foreach (char c in text.AsSpan(previousEnd, token.Start - previousEnd))
                {
                    Assert.True(char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF', $"{name}: '{c}' (U+{(int)c:X4}) was skipped");
                }

                previousEnd = token.End;
            }
        }
    }

    [Fact]
    public void Tokenize_EverySeed_GivesTokensWhoseTextFitsTheirKind()
    {
        foreach ((string name, string text) in RepositoryPaths.SeedTexts())
        {
            foreach (Token token in SyllableTokenizer.Tokenize(text))
            {
                string surface = text.Substring(token.Start, token.Length);
                switch (token.Kind)
                {
                    case TokenKind.Syllable:
                        Assert.True(surface.All(c => char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark || c is '\'' or '’'), $"{name}: syllable '{surface}'");
                        break;
                    case TokenKind.Number:
                        // Digits with groups, decimals and a percent sign, or a Roman numeral (khóa XIII).
                        Assert.True(
                            (char.IsAsciiDigit(surface[0]) && surface.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or '%'))
                                || System.Text.RegularExpressions.Regex.IsMatch(surface, "^X{0,3}(IX|IV|V?I{0,3})$"),
                            $"{name}: number '{surface}'");
                        break;
                    case TokenKind.Date:
                        Assert.Matches(@"^\d{1,2}[/.-]\d{1,2}([/.-](\d{2}|\d{4}))?$", surface);
                        break;
                    case TokenKind.DocumentCode:
                        Assert.Matches(@"^\d{1,5}(/\d{2,4})?([-/]\p{Lu}[\p{L}\p{Mn}\d]*){1,}$", surface);
                        break;
                    case TokenKind.Abbreviation:
                        Assert.True(char.IsUpper(surface[0]) || surface.StartsWith("v.v.", StringComparison.Ordinal), $"{name}: abbreviation '{surface}'");
                        break;
                    case TokenKind.Punctuation:
                        Assert.True(surface.All(char.IsPunctuation), $"{name}: punctuation '{surface}'");
                        break;
                    case TokenKind.Url:
                        Assert.Contains('.', surface);
                        break;
                    case TokenKind.Email:
                        Assert.Contains('@', surface);
                        break;
                    case TokenKind.Symbol:
                        Assert.False(char.IsLetterOrDigit(surface[0]), $"{name}: symbol '{surface}'");
                        break;
                }
            }
        }
    }

    [Fact]
    public void Tokenize_RawNfdSeed_GivesTheSameKindsAndNfcEqualSurfacesAsTheNfcSeed()
    {
        foreach ((string name, string nfc) in RepositoryPaths.SeedTexts())
        {
            string nfd = nfc.Normalize(NormalizationForm.FormD);
            List<(string Surface, TokenKind Kind)> expected = Tokens(nfc);
            List<(string Surface, TokenKind Kind)> actual = Tokens(nfd).Select(t => (t.Surface.Normalize(NormalizationForm.FormC), t.Kind)).ToList();
            Assert.True(expected.SequenceEqual(actual), name);
        }
    }

    [Fact]
    public void Tokenize_NfcNfdEthOldAndNewStyleAfterNormalization_GiveIdenticalTokens()
    {
        foreach ((string name, string nfc) in RepositoryPaths.SeedTexts())
        {
            List<(string Surface, TokenKind Kind)> expected = Tokens(VietnameseNormalizer.Default.Normalize(nfc));
            Assert.True(expected.SequenceEqual(Tokens(VietnameseNormalizer.Default.Normalize(TextPerturbations.ToNfd(nfc)))), name + " (NFD)");
            Assert.True(expected.SequenceEqual(Tokens(VietnameseNormalizer.Default.Normalize(TextPerturbations.ToEthLookAlike(nfc)))), name + " (Ð)");
            Assert.True(expected.SequenceEqual(Tokens(VietnameseNormalizer.Default.Normalize(TextPerturbations.ToOldToneStyle(nfc)))), name + " (old style)");
            Assert.True(expected.SequenceEqual(Tokens(VietnameseNormalizer.Default.Normalize(TextPerturbations.ToNewToneStyle(nfc)))), name + " (new style)");
            Assert.True(expected.SequenceEqual(Tokens(VietnameseNormalizer.Default.Normalize(TextPerturbations.ToNfd(TextPerturbations.ToNewToneStyle(nfc))))), name + " (new style, NFD)");
        }
    }

    [Fact]
    public void CharClasses_TableAgreesWithTheUnicodeCategories()
    {
        for (int c = 0; c < CharClasses.TableSize; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            int cls = CharClasses.Classify(((char)c).ToString(), 0, out int width);
            Assert.Equal(1, width);
            Assert.Equal(char.IsLetter((char)c), (cls & CharClasses.Letter) != 0);
            Assert.Equal(char.IsUpper((char)c), (cls & CharClasses.Upper) != 0);
            Assert.Equal(char.IsPunctuation((char)c), (cls & CharClasses.Punct) != 0);
        }
    }
}
