using System.Text;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Tests.Text;

public sealed class VietnameseNormalizerTests
{
    private const string Nfc = "Đảng ủy Thành phố";
    private static readonly string Nfd = Nfc.Normalize(NormalizationForm.FormD);
    private const string EthLookAlike = "\u00D0ảng ủy Thành phố";

    private static readonly VietnameseNormalizer Old = VietnameseNormalizer.Default;
    private static readonly VietnameseNormalizer New = new(new VietnameseNormalizerOptions { ToneStyle = ToneStyle.New });
    private static readonly VietnameseNormalizer Preserve = new(new VietnameseNormalizerOptions { ToneStyle = ToneStyle.Preserve });

    public static TheoryData<ToneStyle> Styles => new() { ToneStyle.Old, ToneStyle.New, ToneStyle.Preserve };

    private static VietnameseNormalizer For(ToneStyle style) => style switch
    {
        ToneStyle.Old => Old,
        ToneStyle.New => New,
        _ => Preserve,
    };

    [Fact]
    public void Normalize_CanonicalInput_ReturnsSameInstance()
    {
        string text = Nfc;
        Assert.Same(text, Old.Normalize(text));
    }

    [Fact]
    public void Normalize_NfdInput_EqualsNfc()
    {
        Assert.Equal(Nfc, Old.Normalize(Nfd));
    }

    [Fact]
    public void Normalize_EthLookAlike_BecomesDWithStroke()
    {
        Assert.Equal(Nfc, Old.Normalize(EthLookAlike));
    }

    [Fact]
    public void Normalize_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Old.Normalize(null!));
        Assert.Throws<ArgumentNullException>(() => Old.NormalizeWithOffsets(null!));
        Assert.Throws<ArgumentNullException>(() => Old.Normalize(null!, TextWriter.Null));
        Assert.Throws<ArgumentNullException>(() => Old.Normalize(TextReader.Null, null!));
    }

    [Fact]
    public void Constructor_UnknownToneStyle_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VietnameseNormalizer(new VietnameseNormalizerOptions { ToneStyle = (ToneStyle)42 }));
    }

    [Fact]
    public void Normalize_Empty_ReturnsSameInstance()
    {
        string empty = string.Empty;
        Assert.Same(empty, Old.Normalize(empty));
        NormalizedText n = Old.NormalizeWithOffsets(empty);
        Assert.True(n.IsIdentity);
        Assert.Equal(0, n.ToOriginal(0));
    }

    // The full grid: 12 vowels × 6 tones × 2 cases, built from base letter + combining marks and NFC of the runtime.
    public static TheoryData<string, string, int, bool> VowelGrid()
    {
        var data = new TheoryData<string, string, int, bool>();
        (string Base, string Shape)[] vowels =
        [
            ("a", ""), ("a", "\u0306"), ("a", "\u0302"), ("e", ""), ("e", "\u0302"), ("i", ""),
            ("o", ""), ("o", "\u0302"), ("o", "\u031B"), ("u", ""), ("u", "\u031B"), ("y", ""),
        ];
        for (int tone = 0; tone < 6; tone++)
        {
            foreach ((string b, string shape) in vowels)
            {
                data.Add(b, shape, tone, false);
                data.Add(b.ToUpperInvariant(), shape, tone, true);
            }
        }

        return data;
    }

    private static readonly string[] s_toneMarks = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

    [Theory]
    [MemberData(nameof(VowelGrid))]
    public void Normalize_EveryVowelToneAndCase_GivesThePrecomposedLetter(string baseLetter, string shape, int tone, bool upper)
    {
        string expected = (baseLetter + shape + s_toneMarks[tone]).Normalize(NormalizationForm.FormC);
        Assert.Single(expected);
        string nfd = expected.Normalize(NormalizationForm.FormD);
        string shapedThenTone = (baseLetter + shape).Normalize(NormalizationForm.FormC) + s_toneMarks[tone]; // windows-1258 style
        foreach (VietnameseNormalizer normalizer in new[] { Old, New, Preserve })
        {
            foreach (string word in new[] { "{0}", "t{0}", "{0}n", "ngh{0}ng" })
            {
                string want = string.Format(System.Globalization.CultureInfo.InvariantCulture, word, expected);
                Assert.Equal(want, normalizer.Normalize(string.Format(System.Globalization.CultureInfo.InvariantCulture, word, expected)));
                Assert.Equal(want, normalizer.Normalize(string.Format(System.Globalization.CultureInfo.InvariantCulture, word, nfd)));
                Assert.Equal(want, normalizer.Normalize(string.Format(System.Globalization.CultureInfo.InvariantCulture, word, shapedThenTone)));
            }
        }

        _ = upper;
    }

    [Theory]
    [InlineData("a\u0340", "à")]
    [InlineData("a\u0341", "á")]
    [InlineData("ơ\u0341", "ớ")]
    [InlineData("Ê\u0340", "Ề")]
    public void Normalize_DeprecatedToneMarks_ComposeLikeGraveAndAcute(string input, string expected)
    {
        Assert.Equal(expected, Old.Normalize(input));
    }

    [Theory]
    [InlineData("o\u0323\u0302", "ộ")] // canonical order of NFD
    [InlineData("o\u0302\u0323", "ộ")] // circumflex first
    [InlineData("a\u0306\u0301", "ắ")]
    [InlineData("u\u0301\u031B", "ứ")]
    public void Normalize_VietnameseMarksInEitherOrder_ComposeToOneLetter(string input, string expected)
    {
        Assert.Equal(expected, Old.Normalize(input));
    }

    // Named renderings of the same syllables; Old and New differ only in open oa/oe/uy.
    public static TheoryData<string, string> TonePlacements => new()
    {
        { "hòa", "hoà" }, { "khỏe", "khoẻ" }, { "thủy", "thuỷ" }, { "Ủy", "Uỷ" }, { "ủy", "uỷ" },
        { "HÒA", "HOÀ" }, { "Hòa", "Hoà" }, { "THỦY", "THUỶ" }, { "ỦY", "UỶ" }, { "xòe", "xoè" }, { "tỏa", "toả" },
        { "lõa", "loã" }, { "họa", "hoạ" }, { "lũy", "luỹ" }, { "Khánh Hòa", "Khánh Hoà" },
        { "quý", "quý" }, { "giữ", "giữ" }, { "gì", "gì" }, { "gìn", "gìn" }, { "người", "người" }, { "việt", "việt" },
        { "hoàn", "hoàn" }, { "huýt", "huýt" }, { "mía", "mía" }, { "cải", "cải" }, { "ngoài", "ngoài" },
        { "khuỷu", "khuỷu" }, { "tuổi", "tuổi" }, { "chuyện", "chuyện" }, { "quyết", "quyết" }, { "muốn", "muốn" },
        { "thuở", "thuở" }, { "toán", "toán" }, { "múa", "múa" }, { "của", "của" }, { "quốc", "quốc" },
        { "được", "được" }, { "giếng", "giếng" }, { "Nguyễn", "Nguyễn" }, { "tuần", "tuần" }, { "xoáy", "xoáy" },
        { "hoạt", "hoạt" }, { "quả", "quả" }, { "già", "già" }, { "NGƯỜI", "NGƯỜI" }, { "Quỳnh", "Quỳnh" },
    };

    [Theory]
    [MemberData(nameof(TonePlacements))]
    public void Normalize_OldStyle_PutsTheToneOnTheTraditionalVowel(string oldStyle, string newStyle)
    {
        Assert.Same(oldStyle, Old.Normalize(oldStyle));
        Assert.Equal(oldStyle, Old.Normalize(newStyle));
        Assert.Equal(oldStyle, Old.Normalize(newStyle.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [MemberData(nameof(TonePlacements))]
    public void Normalize_NewStyle_PutsTheToneOnTheReformVowel(string oldStyle, string newStyle)
    {
        Assert.Same(newStyle, New.Normalize(newStyle));
        Assert.Equal(newStyle, New.Normalize(oldStyle));
        Assert.Equal(newStyle, New.Normalize(oldStyle.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [MemberData(nameof(TonePlacements))]
    public void Normalize_PreserveStyle_KeepsTheToneWhereItIs(string oldStyle, string newStyle)
    {
        Assert.Same(oldStyle, Preserve.Normalize(oldStyle));
        Assert.Same(newStyle, Preserve.Normalize(newStyle));
        Assert.Equal(newStyle, Preserve.Normalize(newStyle.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("ngòai", "ngoài")]
    [InlineData("ngừơi", "người")]
    [InlineData("tuôỉ", "tuổi")]
    [InlineData("hóan", "hoán")]
    [InlineData("húyt", "huýt")]
    [InlineData("qúa", "quá")]
    [InlineData("gìa", "già")]
    [InlineData("khủyu", "khuỷu")]
    [InlineData("QÚY", "QUÝ")]
    public void Normalize_MisplacedTone_MovesItInEveryStyleThatMoves(string misplaced, string expected)
    {
        Assert.Equal(expected, Old.Normalize(misplaced));
        Assert.Equal(expected, New.Normalize(misplaced));
        Assert.Same(misplaced, Preserve.Normalize(misplaced));
    }

    [Theory]
    [InlineData("café")]
    [InlineData("K’ré")]
    [InlineData("K’hòa")]
    [InlineData("fòa")]
    [InlineData("wòa")]
    [InlineData("hòa2")]
    [InlineData("hòaz")]
    [InlineData("Hòaabc")]
    [InlineData("òaó")]
    [InlineData("Noël")]
    [InlineData("piñata")]
    [InlineData("ABC-123/QĐ-UBND")]
    [InlineData("https://example.com/hòa?q=thủy")]
    [InlineData("tin_hòa@example.com")]
    [InlineData("www.hòa.vn")]
    public void Normalize_WordsThatAreNotVietnameseSyllables_StayAsTheyAre(string word)
    {
        Assert.Same(word, Old.Normalize(word));
        Assert.Same(word, New.Normalize(word));
        Assert.Equal(word, New.Normalize(word.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("‘hòa’", "‘hoà’")]
    [InlineData("(thủy)", "(thuỷ)")]
    [InlineData("\"khỏe\"", "\"khoẻ\"")]
    [InlineData("hòa-bình", "hoà-bình")]
    public void Normalize_PunctuationAroundASyllable_DoesNotHideIt(string oldStyle, string newStyle)
    {
        Assert.Equal(newStyle, New.Normalize(oldStyle));
        Assert.Equal(oldStyle, Old.Normalize(newStyle));
    }

    [Theory]
    [InlineData("\u00D0ảng", "Đảng")]
    [InlineData("\u00F0ảng", "đảng")]
    [InlineData("\u00D0ỒNG", "ĐỒNG")]
    [InlineData("\u00D0à Nẵng", "Đà Nẵng")]
    [InlineData("\u00D0ắk Lắk", "Đắk Lắk")]
    [InlineData("\u00D0BQH", "ĐBQH")]
    [InlineData("H\u00D0ND", "HĐND")]
    [InlineData("93/2007/Q\u00D0-TTg", "93/2007/QĐ-TTg")]
    [InlineData("500 ngàn \u00F0ồng/1 suất", "500 ngàn đồng/1 suất")]
    [InlineData("lề \u00F0ường.Với", "lề đường.Với")]
    [InlineData("\u00D0oàn", "Đoàn")]
    [InlineData("\u00D0a\u0300", "Đà")]
    [InlineData("Ban \u00F0ối ngoại", "Ban đối ngoại")]
    public void Normalize_EthBeforeAVietnameseSyllable_BecomesDWithStroke(string input, string expected)
    {
        Assert.Equal(expected, Old.Normalize(input));
    }

    [Theory]
    [InlineData("Guðrún")]
    [InlineData("með")]
    [InlineData("\u00D0")]
    [InlineData("\u00F0")]
    [InlineData("Þórður")]
    [InlineData("\u00D0xyz")]
    public void Normalize_EthInOtherWords_Stays(string word)
    {
        Assert.Same(word, Old.Normalize(word));
        Assert.True(Old.IsNormalized(word));
    }

    [Theory]
    [InlineData("\u00A0")]
    [InlineData("\u202F")]
    [InlineData("\u2007")]
    [InlineData("\u2002")]
    [InlineData("\u3000")]
    [InlineData("\u1680")]
    public void Normalize_SpaceSeparators_BecomeOrdinarySpace(string space)
    {
        Assert.Equal("Ban Dân vận", Old.Normalize("Ban" + space + "Dân" + space + "vận"));
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200C")]
    [InlineData("\u200D")]
    [InlineData("\u2060")]
    [InlineData("\uFEFF")]
    [InlineData("\u00AD")]
    public void Normalize_InvisibleCharacters_AreRemoved(string invisible)
    {
        Assert.Equal("Dân vận", Old.Normalize(invisible + "Dân" + invisible + " v" + invisible + "ận" + invisible));
        Assert.Equal("hòa", Old.Normalize("ho" + invisible + "à"));
        Assert.Equal("ề", Old.Normalize("e" + invisible + "\u0302\u0300"));
    }

    [Theory]
    [InlineData("gia đình 👨\u200D👩\u200D👧")]
    [InlineData("❤\uFE0F\u200D🔥 và 👩\u200D❤\uFE0F\u200D👨")]
    public void Normalize_ZeroWidthJoinerInsideEmoji_Stays(string text)
    {
        // Inside an emoji sequence the joiner is part of the picture (a family, not three people).
        Assert.Equal(text, Old.Normalize(text));
        Assert.Equal(text, Old.NormalizeWithOffsets(text).Text);
    }

    [Theory]
    [InlineData("\u200D👩 a\u200Db", "👩 ab")]
    [InlineData("👩\u200D a", "👩 a")]
    [InlineData("x\u200D👩", "x👩")]
    public void Normalize_ZeroWidthJoinerOutsideEmoji_IsRemoved(string text, string expected)
    {
        Assert.Equal(expected, Old.Normalize(text));
    }

    [Fact]
    public void Normalize_EmojiFamilyInBlocks_GivesTheWholeTextResult()
    {
        string text = "Gia đình 👨\u200D👩\u200D👧 vui, đảng\u200Bủy ❤\uFE0F\u200D🔥.";
        string whole = Old.Normalize(text);
        Assert.Contains("👨\u200D👩\u200D👧", whole, StringComparison.Ordinal);
        foreach (int bufferSize in new[] { 1, 2, 3, 5, 8, 13, 4096 })
        {
            var output = new StringWriter();
            Old.Normalize(new StringReader(text), output, bufferSize, CancellationToken.None);
            Assert.Equal(whole, output.ToString());
        }
    }

    [Fact]
    public void Normalize_TabsAndLineBreaks_Stay()
    {
        string text = "Dân\tvận\r\nkhéo\nnăm\u2028mới\u2029";
        Assert.Same(text, Old.Normalize(text));
    }

    [Fact]
    public void Normalize_NbspBetweenWords_GivesTheSameAsSpaces()
    {
        string text = "Ủy ban Mặt trận Tổ quốc Việt Nam";
        Assert.Equal(text, Old.Normalize(TextPerturbations.WithNbspBetweenWords(text)));
    }

    [Theory]
    [InlineData("n\u0303", "ñ")]
    [InlineData("=\u0338", "≠")]
    [InlineData("\u1100\u1161\u11A8", "각")]
    [InlineData("\u2126", "Ω")]
    [InlineData("Å", "Å")]
    [InlineData("x\u0301", "x\u0301")]
    public void Normalize_OtherCombiningSequences_AreNfc(string input, string expected)
    {
        Assert.Equal(expected.Normalize(NormalizationForm.FormC), expected);
        Assert.Equal(expected, Old.Normalize(input));
    }

    [Fact]
    public void Normalize_LoneSurrogatesAndControls_AreKept()
    {
        string text = "a\uD800b\uDC00c\u0001\u0085\u007F hòa \uDBFF";
        Assert.Same(text, Old.Normalize(text));
        Assert.Equal("\uD800\u0301", Old.Normalize("\uD800\u0301"));
        Assert.Equal("😀 Đảng", Old.Normalize("😀 \u00D0ảng"));
    }

    [Fact]
    public void IsNormalized_AgreesWithNormalize()
    {
        Assert.True(Old.IsNormalized(Nfc));
        Assert.False(Old.IsNormalized(Nfd));
        Assert.False(Old.IsNormalized("hoà"));
        Assert.True(New.IsNormalized("hoà"));
        Assert.False(Old.IsNormalized("a\u00A0b"));
        Assert.True(Old.IsNormalized(string.Empty));
    }

    // Regressions found by the random-input test: the first normalization must already be the final one.
    [Theory]
    [InlineData("=\u200B\u0338", "≠")] // an invisible between a base and its mark
    [InlineData("'=\u0338aY\u0303", "'≠ãY")] // the word after a composed symbol is read without the symbol
    [InlineData("E.\u00AD\u2019\u00F0\u0103", "E.’đă")] // an invisible does not make an apostrophe join words
    [InlineData("=\u0338\u00F0\u01A1U", "≠đơU")] // the ETH rule reads the word after a composed symbol
    public void Normalize_RandomInputRegressions_GiveTheFinalFormAtOnce(string input, string expectedOld)
    {
        Assert.Equal(expectedOld, Old.Normalize(input));
        foreach (VietnameseNormalizer normalizer in new[] { Old, New, Preserve })
        {
            string once = normalizer.Normalize(input);
            Assert.Same(once, normalizer.Normalize(once));
        }
    }
}
