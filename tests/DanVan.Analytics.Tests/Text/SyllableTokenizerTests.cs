using System.Text;
using DanVan.Analytics.Text;
using static DanVan.Analytics.Tests.Text.TokenAssert;

namespace DanVan.Analytics.Tests.Text;

public sealed class SyllableTokenizerTests
{
    [Theory]
    [InlineData("Đảng ủy Thành phố", "Đảng:Syllable ủy:Syllable Thành:Syllable phố:Syllable")]
    [InlineData("già làng K’ré nói", "già:Syllable làng:Syllable K’ré:Syllable nói:Syllable")]
    [InlineData("người H'Mông", "người:Syllable H'Mông:Syllable")]
    [InlineData("K’ ré", "K:Syllable ’:Punctuation ré:Syllable")]
    [InlineData("Ngày18/12", "Ngày:Syllable 18/12:Date")]
    [InlineData("Москва и 北京", "Москва:Syllable и:Syllable 北京:Syllable")]
    [InlineData("A và B", "A:Syllable và:Syllable B:Syllable")]
    public void Tokenize_Words_AreSyllables(string text, string expected)
    {
        Assert.Equal(Parse(expected), Tokens(text));
    }

    [Fact]
    public void Tokenize_NfdText_KeepsCombiningMarksInsideTheSyllable()
    {
        string nfd = "Thành ủy Hà Nội".Normalize(NormalizationForm.FormD);
        List<(string Surface, TokenKind Kind)> tokens = Tokens(nfd);
        Assert.Equal(4, tokens.Count);
        Assert.All(tokens, t => Assert.Equal(TokenKind.Syllable, t.Kind));
        Assert.Equal("ủy".Normalize(NormalizationForm.FormD), tokens[1].Surface);
    }

    [Theory]
    [InlineData("36.000 người", "36.000:Number người:Syllable")]
    [InlineData("tăng 1,5 lần", "tăng:Syllable 1,5:Number lần:Syllable")]
    [InlineData("đạt 98%.", "đạt:Syllable 98%:Number .:Punctuation")]
    [InlineData("tổ 01", "tổ:Syllable 01:Number")]
    [InlineData("hơn 11.900 mô hình", "hơn:Syllable 11.900:Number mô:Syllable hình:Syllable")]
    [InlineData("1.200.000 đồng", "1.200.000:Number đồng:Syllable")]
    [InlineData("năm 2025.", "năm:Syllable 2025:Number .:Punctuation")]
    [InlineData("-5", "-:Punctuation 5:Number")]
    [InlineData("nhiệm kỳ 2021-2026", "nhiệm:Syllable kỳ:Syllable 2021:Number -:Punctuation 2026:Number")]
    [InlineData("105/130 xã", "105:Number /:Punctuation 130:Number xã:Syllable")]
    [InlineData("32/12", "32:Number /:Punctuation 12:Number")]
    [InlineData("Đại hội XIII của Đảng", "Đại:Syllable hội:Syllable XIII:Number của:Syllable Đảng:Syllable")]
    [InlineData("thế kỷ XXI, khóa XII.", "thế:Syllable kỷ:Syllable XXI:Number ,:Punctuation khóa:Syllable XII:Number .:Punctuation")]
    [InlineData("Hội nghị lần thứ IV", "Hội:Syllable nghị:Syllable lần:Syllable thứ:Syllable IV:Number")]
    [InlineData("XXXIX XIX VIII", "XXXIX:Number XIX:Number VIII:Number")]
    [InlineData("IIII XXXX VX IIV", "IIII:Abbreviation XXXX:Abbreviation VX:Abbreviation IIV:Abbreviation")]
    [InlineData("MC CD CM UBND", "MC:Abbreviation CD:Abbreviation CM:Abbreviation UBND:Abbreviation")]
    [InlineData("1.5", "1.5:Number")]
    [InlineData("10km", "10:Number km:Syllable")]
    [InlineData("lúc 22:32 (GMT+0)", "lúc:Syllable 22:Number ::Punctuation 32:Number (:Punctuation GMT:Abbreviation +:Symbol 0:Number ):Punctuation")]
    [InlineData("٣٤", "٣٤:Number")]
    public void Tokenize_Numbers_AreNumbers(string text, string expected)
    {
        Assert.Equal(Parse(expected), Tokens(text));
    }

    [Theory]
    [InlineData("Nghị quyết 25-NQ/TW,", "Nghị:Syllable quyết:Syllable 25-NQ/TW:DocumentCode ,:Punctuation")]
    [InlineData("24-KH/BDVTU", "24-KH/BDVTU:DocumentCode")]
    [InlineData("Nghị định 04/2015/NĐ-CP.", "Nghị:Syllable định:Syllable 04/2015/NĐ-CP:DocumentCode .:Punctuation")]
    [InlineData("11-QĐi/TW", "11-QĐi/TW:DocumentCode")]
    [InlineData("23-Ctr/TU", "23-Ctr/TU:DocumentCode")]
    [InlineData("218-QĐ/TW.", "218-QĐ/TW:DocumentCode .:Punctuation")]
    [InlineData("411/KH-UBND", "411/KH-UBND:DocumentCode")]
    [InlineData("1613/UBND-KGVX", "1613/UBND-KGVX:DocumentCode")]
    [InlineData("59/2023/NĐ-CP", "59/2023/NĐ-CP:DocumentCode")]
    [InlineData("92-KH/QU,", "92-KH/QU:DocumentCode ,:Punctuation")]
    [InlineData("07-CT/TU", "07-CT/TU:DocumentCode")]
    [InlineData("25-NQ/TƯ", "25-NQ/TƯ:DocumentCode")]
    [InlineData("25-NQ/T\u00D0", "25-NQ/T\u00D0:DocumentCode")]
    [InlineData("17/CT-TTg", "17/CT-TTg:DocumentCode")]
    [InlineData("12/2020/QH14", "12/2020/QH14:DocumentCode")]
    [InlineData("100 - KL/TW", "100:Number -:Punctuation KL:Abbreviation /:Punctuation TW:Abbreviation")]
    [InlineData("10-KH", "10:Number -:Punctuation KH:Abbreviation")]
    [InlineData("218\u2013QĐ/TW", "218\u2013QĐ/TW:DocumentCode")]
    [InlineData("17/NQ/TU", "17/NQ/TU:DocumentCode")]
    [InlineData("123456-NQ/TW", "123456-NQ/TW:DocumentCode")]
    [InlineData("1234567-NQ/TW", "1234567:Number -:Punctuation NQ:Abbreviation /:Punctuation TW:Abbreviation")]
    [InlineData("25-NQ/TWở", "25:Number -:Punctuation NQ:Abbreviation /:Punctuation TWở:Syllable")]
    [InlineData("25-nq/tw", "25:Number -:Punctuation nq:Syllable /:Punctuation tw:Syllable")]
    public void Tokenize_DocumentCodes_AreOneToken(string text, string expected)
    {
        Assert.Equal(Parse(expected), Tokens(text));
    }

    [Theory]
    [InlineData("ngày 3/6/2013", "ngày:Syllable 3/6/2013:Date")]
    [InlineData("12/06/2023", "12/06/2023:Date")]
    [InlineData("Thứ Bảy, 4/1/2025", "Thứ:Syllable Bảy:Syllable ,:Punctuation 4/1/2025:Date")]
    [InlineData("Chiều 26-3,", "Chiều:Syllable 26-3:Date ,:Punctuation")]
    [InlineData("(18/12)", "(:Punctuation 18/12:Date ):Punctuation")]
    [InlineData("25/7/2017", "25/7/2017:Date")]
    [InlineData("31/12/99", "31/12/99:Date")]
    [InlineData("12.06.2023", "12.06.2023:Date")]
    [InlineData("26-3-2021", "26-3-2021:Date")]
    [InlineData("12/13", "12:Number /:Punctuation 13:Number")]
    [InlineData("0/5", "0:Number /:Punctuation 5:Number")]
    [InlineData("6/2023", "6:Number /:Punctuation 2023:Number")]
    [InlineData("3/6/201", "3:Number /:Punctuation 6:Number /:Punctuation 201:Number")]
    public void Tokenize_Dates_AreDayBeforeMonth(string text, string expected)
    {
        Assert.Equal(Parse(expected), Tokens(text));
    }

    [Theory]
    [InlineData("UBND HĐND MTTQ BCH TW ĐCSVN", "UBND:Abbreviation HĐND:Abbreviation MTTQ:Abbreviation BCH:Abbreviation TW:Abbreviation ĐCSVN:Abbreviation")]
    [InlineData("TP.HCM", "TP.HCM:Abbreviation")]
    [InlineData("TP. Hồ Chí Minh", "TP.:Abbreviation Hồ:Syllable Chí:Syllable Minh:Syllable")]
    [InlineData("Tp. Vinh", "Tp.:Abbreviation Vinh:Syllable")]
    [InlineData("ThS. Nguyễn Văn A", "ThS.:Abbreviation Nguyễn:Syllable Văn:Syllable A:Syllable")]
    [InlineData("ThS Nguyễn", "ThS:Abbreviation Nguyễn:Syllable")]
    [InlineData("Th.S. Lê, Th.S Lê", "Th.S.:Abbreviation Lê:Syllable ,:Punctuation Th.S:Abbreviation Lê:Syllable")]
    [InlineData("Th.Sa", "Th:Syllable .:Punctuation Sa:Syllable")]
    [InlineData("PGS.TS. Lê", "PGS.TS.:Abbreviation Lê:Syllable")]
    [InlineData("GS. TS. Lê", "GS.:Abbreviation TS.:Abbreviation Lê:Syllable")]
    [InlineData("Q.1, P.12", "Q.1:Abbreviation ,:Punctuation P.12:Abbreviation")]
    [InlineData("BS. KS.", "BS.:Abbreviation KS.:Abbreviation")]
    [InlineData("v.v. và", "v.v.:Abbreviation và:Syllable")]
    [InlineData("của UBND.", "của:Syllable UBND:Abbreviation .:Punctuation")]
    [InlineData("TP.Hà", "TP.:Abbreviation Hà:Syllable")]
    [InlineData("Q. Ba", "Q:Syllable .:Punctuation Ba:Syllable")]
    public void Tokenize_Abbreviations_AreAbbreviations(string text, string expected)
    {
        Assert.Equal(Parse(expected), Tokens(text));
    }

    [Theory]
    [InlineData("BAN DÂN VẬN TỈNH", "BAN:Syllable DÂN:Syllable VẬN:Syllable TỈNH:Syllable")]
    [InlineData("CÔNG TÁC CỦA BAN", "CÔNG:Syllable TÁC:Syllable CỦA:Syllable BAN:Syllable")]
    [InlineData("TIN  TỨC", "TIN:Syllable TỨC:Syllable")]
    [InlineData("ĐOÀN THANH NIÊN", "ĐOÀN:Syllable THANH:Syllable NIÊN:Syllable")]
    [InlineData("BAN DA\u0302N VA\u0323\u0302N", "BAN:Syllable DA\u0302N:Syllable VA\u0323\u0302N:Syllable")]
    [InlineData("KHÓA XI HỌP", "KHÓA:Syllable XI:Number HỌP:Syllable")]
    public void Tokenize_TonelessCapitalsInAHeadline_AreSyllables(string text, string expected)
    {
        Assert.Equal(Parse(expected), Tokens(text));
    }

    [Theory]
    [InlineData("CEO Nguyễn Văn An", "CEO:Abbreviation Nguyễn:Syllable Văn:Syllable An:Syllable")]
    [InlineData("ứng dụng AI và BOT", "ứng:Syllable dụng:Syllable AI:Abbreviation và:Syllable BOT:Abbreviation")]
    [InlineData("UBND TỈNH", "UBND:Abbreviation TỈNH:Syllable")]
    [InlineData("HỘI NGHỊ TƯ", "HỘI:Syllable NGHỊ:Syllable TƯ:Abbreviation")]
    [InlineData("HOA BAN", "HOA:Abbreviation BAN:Abbreviation")]
    [InlineData("BA\u0302\u0306N DA\u0302N", "BA\u0302\u0306N:Abbreviation DA\u0302N:Syllable")]
    [InlineData("BAN\nDÂN VẬN", "BAN:Abbreviation DÂN:Syllable VẬN:Syllable")]
    [InlineData("BAN, DÂN", "BAN:Abbreviation ,:Punctuation DÂN:Syllable")]
    [InlineData("BAN    DÂN", "BAN:Abbreviation DÂN:Syllable")]
    public void Tokenize_TonelessCapitalsOutsideAHeadline_StayAbbreviationsUnlessOnlyVietnameseSpellsThem(string text, string expected)
    {
        Assert.Equal(Parse(expected), Tokens(text));
    }

    [Theory]
    [InlineData("“dân vận khéo”", "“:Punctuation dân:Syllable vận:Syllable khéo:Syllable ”:Punctuation")]
    [InlineData("‘a’", "‘:Punctuation a:Syllable ’:Punctuation")]
    [InlineData("đề án… của", "đề:Syllable án:Syllable …:Punctuation của:Syllable")]
    [InlineData("chờ...", "chờ:Syllable ...:Punctuation")]
    [InlineData("2021 – 2026 — nay", "2021:Number –:Punctuation 2026:Number —:Punctuation nay:Syllable")]
    [InlineData("thực hiện./.", "thực:Syllable hiện:Syllable ./.:Punctuation")]
    [InlineData("chính trị - xã hội;", "chính:Syllable trị:Syllable -:Punctuation xã:Syllable hội:Syllable ;:Punctuation")]
    public void Tokenize_Punctuation_IsPunctuation(string text, string expected)
    {
        Assert.Equal(Parse(expected), Tokens(text));
    }

    [Theory]
    [InlineData("https://laodongthudo.vn/xay-dung-160636.html", "https://laodongthudo.vn/xay-dung-160636.html:Url")]
    [InlineData("(xem http://a.vn/b?c=1&d=2).", "(:Punctuation xem:Syllable http://a.vn/b?c=1&d=2:Url ):Punctuation .:Punctuation")]
    [InlineData("www.dangcongsan.vn,", "www.dangcongsan.vn:Url ,:Punctuation")]
    [InlineData("theo laodongthudo.vn.", "theo:Syllable laodongthudo.vn:Url .:Punctuation")]
    [InlineData("dangcongsan.vn/a/b", "dangcongsan.vn/a/b:Url")]
    [InlineData("Gửi bandanvan@hanoi.gov.vn.", "Gửi:Syllable bandanvan@hanoi.gov.vn:Email .:Punctuation")]
    [InlineData("ten.ho_1@mail.com", "ten.ho_1@mail.com:Email")]
    [InlineData("a@b", "a:Syllable @:Punctuation b:Syllable")]
    [InlineData("xong.Sau", "xong:Syllable .:Punctuation Sau:Syllable")]
    public void Tokenize_WebAddresses_AreOneToken(string text, string expected)
    {
        Assert.Equal(Parse(expected), Tokens(text));
    }

    [Theory]
    [InlineData("vui 😀 lắm", "vui:Syllable 😀:Symbol lắm:Syllable")]
    [InlineData("👍🏻", "👍🏻:Symbol")]
    [InlineData("cờ 🇻🇳🇻🇳 bay", "cờ:Syllable 🇻🇳:Symbol 🇻🇳:Symbol bay:Syllable")]
    [InlineData("🇻", "🇻:Symbol")]
    [InlineData("gia đình 👨\u200D👩\u200D👧 vui", "gia:Syllable đình:Syllable 👨\u200D👩\u200D👧:Symbol vui:Syllable")]
    [InlineData("❤\uFE0F\u200D🔥!", "❤\uFE0F\u200D🔥:Symbol !:Punctuation")]
    [InlineData("👍\u200D a", "👍:Symbol a:Syllable")]
    [InlineData("giá 5$ + ₫", "giá:Syllable 5:Number $:Symbol +:Symbol ₫:Symbol")]
    [InlineData("❤\uFE0F", "❤\uFE0F:Symbol")]
    public void Tokenize_Symbols_KeepSurrogatePairsWhole(string text, string expected)
    {
        Assert.Equal(Parse(expected), Tokens(text));
    }

    [Theory]
    [InlineData("a\u00A0b", "a:Syllable b:Syllable")]
    [InlineData("a\u200Bb\uFEFFc", "a:Syllable b:Syllable c:Syllable")]
    [InlineData("\t a \r\n b \u2028", "a:Syllable b:Syllable")]
    [InlineData("a\u0001b", "a:Syllable b:Syllable")]
    public void Tokenize_BlankAndInvisibleCharacters_AreSkipped(string text, string expected)
    {
        Assert.Equal(Parse(expected), Tokens(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u00A0\n")]
    public void Tokenize_BlankText_YieldsNoToken(string text)
    {
        Assert.Empty(Tokens(text));
    }

    [Fact]
    public void Tokenize_LoneSurrogates_AreSymbolsOfTheirOwn()
    {
        string text = "a\uD800b\uDC00 \uD83D";
        Assert.Equal(
            [("a", TokenKind.Syllable), ("\uD800", TokenKind.Symbol), ("b", TokenKind.Syllable), ("\uDC00", TokenKind.Symbol), ("\uD83D", TokenKind.Symbol)],
            Tokens(text));
    }

    [Fact]
    public void Tokenize_LoneCombiningMark_IsASymbol()
    {
        Assert.Equal([("\u0301", TokenKind.Symbol), ("a", TokenKind.Syllable)], Tokens("\u0301 a"));
    }

    [Fact]
    public void Tokenize_FromAnOffset_GivesOffsetsInTheWholeText()
    {
        const string text = "Nghị quyết 25-NQ/TW ngày 3/6/2013";
        int start = text.IndexOf("25-", StringComparison.Ordinal);
        var tokens = new List<Token>();
        foreach (Token token in SyllableTokenizer.Tokenize(text, start))
        {
            tokens.Add(token);
        }

        Assert.Equal([new Token(start, 8, TokenKind.DocumentCode), new Token(start + 9, 4, TokenKind.Syllable), new Token(start + 14, 8, TokenKind.Date)], tokens);
    }

    [Fact]
    public void TryReadToken_CalledRepeatedly_ReadsTheSameTokensAsTheEnumerator()
    {
        string text = RepositoryPaths.SeedTexts()[0].Text;
        var read = new List<Token>();
        int position = 0;
        while (SyllableTokenizer.TryReadToken(text, ref position, out Token token))
        {
            read.Add(token);
        }

        Assert.Equal(text.Length, position);
        Assert.Equal(Raw(text), read);
    }

    [Fact]
    public void TryReadToken_PositionInBlankSpace_ReadsTheNextTokenAndMovesPastIt()
    {
        const string text = "Đảng   ủy";
        int position = 4;
        Assert.True(SyllableTokenizer.TryReadToken(text, ref position, out Token token));
        Assert.Equal(new Token(7, 2, TokenKind.Syllable), token);
        Assert.Equal(9, position);
        Assert.False(SyllableTokenizer.TryReadToken(text, ref position, out _));
        Assert.Equal(9, position);
    }

    [Fact]
    public void TryReadToken_PositionInsideASurrogatePair_ReadsTheLowHalfAsASymbol()
    {
        const string text = "a 😀";
        int position = 3;
        Assert.True(SyllableTokenizer.TryReadToken(text, ref position, out Token token));
        Assert.Equal(new Token(3, 1, TokenKind.Symbol), token);
    }

    [Fact]
    public void Tokenize_ASlice_GivesOffsetsInTheSliceThatABaseOffsetMapsBack()
    {
        const string text = "Nghị quyết 25-NQ/TW ngày 3/6/2013";
        int sliceStart = text.IndexOf("25-", StringComparison.Ordinal);
        ReadOnlySpan<char> slice = text.AsSpan(sliceStart);
        var mapped = new List<(string, TokenKind)>();
        foreach (Token token in SyllableTokenizer.Tokenize(slice))
        {
            mapped.Add((text.Substring(sliceStart + token.Start, token.Length), token.Kind));
        }

        Assert.Equal([("25-NQ/TW", TokenKind.DocumentCode), ("ngày", TokenKind.Syllable), ("3/6/2013", TokenKind.Date)], mapped);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void TokenizeAndTryReadToken_StartOutsideTheText_Throw(int start)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyllableTokenizer.Tokenize("abc", start));
        int position = start;
        Assert.Throws<ArgumentOutOfRangeException>(() => SyllableTokenizer.TryReadToken("abc", ref position, out _));
    }
}
