using System.Text;
using DanVan.Analytics.Parsing.Decoding;
using DanVan.Analytics.Parsing.Markup;

namespace DanVan.Analytics.Parsing.Tests.Decoding;

public sealed class HtmlDecoderTests
{
    private const string Vietnamese = "Công tác dân vận của Đảng ủy Hà Giang";

    // windows-1258 has the shaped letters (â, ơ, ư, đ) but only some toned ones; the rest are written
    // as a letter followed by a combining tone mark, as Vietnamese Windows keyboards produce.
    private static string Windows1258Form(string text)
    {
        var builder = new StringBuilder();
        foreach (char c in text)
        {
            string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            string tones = string.Concat(decomposed.Where(m => m is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323'));
            string shape = string.Concat(decomposed.Where(m => !tones.Contains(m, StringComparison.Ordinal))).Normalize(NormalizationForm.FormC);
            builder.Append(shape).Append(tones);
        }

        return builder.ToString();
    }

    [Fact]
    public void Windows1258Form_RoundTripsThroughTheCodePage()
    {
        string form = Windows1258Form(Vietnamese);
        Assert.Equal(form, HtmlDecoder.Windows1258.GetString(HtmlDecoder.Windows1258.GetBytes(form)));
        Assert.Contains('\u0301', form);
    }

    private static byte[] Page(string charsetMeta, System.Text.Encoding encoding, string text = Vietnamese) =>
        encoding.GetBytes($"<html><head>{charsetMeta}<title>{text}</title></head><body><p>{text}</p></body></html>");

    private static string Decode(byte[] bytes, string? contentType, out List<ParseWarning> warnings)
    {
        warnings = [];
        return HtmlDecoder.Decode(bytes, contentType, warnings);
    }

    [Fact]
    public void Decode_Utf8WithMetaCharset_ReadsTextWithoutWarnings()
    {
        string text = Decode(Page("<meta charset=\"utf-8\">", System.Text.Encoding.UTF8), null, out var warnings);
        Assert.Contains(Vietnamese, text, StringComparison.Ordinal);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Decode_Windows1258FromHttpEquiv_ComposesToTheSameNfcText()
    {
        // windows-1258 writes most tones as combining marks; the normalizer composes them.
        byte[] bytes = Page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">", HtmlDecoder.Windows1258, Windows1258Form(Vietnamese));
        string text = Decode(bytes, null, out var warnings);
        Assert.Contains(Vietnamese, TextCleaner.Clean(text), StringComparison.Ordinal);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Decode_HttpHeaderCharset_WinsOverMeta()
    {
        byte[] bytes = Page("<meta charset=\"utf-8\">", HtmlDecoder.Windows1258, Windows1258Form(Vietnamese));
        string text = Decode(bytes, "text/html; charset=windows-1258", out _);
        Assert.Contains(Vietnamese, TextCleaner.Clean(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ByteOrderMark_WinsOverEverything()
    {
        byte[] body = Page("<meta charset=\"windows-1258\">", System.Text.Encoding.UTF8);
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. body];
        string text = Decode(bytes, "text/html; charset=iso-8859-1", out var warnings);
        Assert.Contains(Vietnamese, text, StringComparison.Ordinal);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Decode_Utf8BytesDeclaredLatin1_ReadsUtf8AndWarns()
    {
        string text = Decode(Page("<meta charset=\"iso-8859-1\">", System.Text.Encoding.UTF8), null, out var warnings);
        Assert.Contains(Vietnamese, text, StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.Code == ParseWarningCode.CharsetMismatch);
    }

    [Fact]
    public void Decode_Windows1258BytesDeclaredUtf8_ReadsWindows1258AndWarns()
    {
        byte[] bytes = Page("<meta charset=\"utf-8\">", HtmlDecoder.Windows1258, Windows1258Form(Vietnamese));
        string text = Decode(bytes, null, out var warnings);
        Assert.Contains(Vietnamese, TextCleaner.Clean(text), StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.Code == ParseWarningCode.CharsetMismatch);
    }

    [Fact]
    public void Decode_Utf8DeclaredBeforeThePagesOwnCharset_ReadsTheOtherDeclaration()
    {
        // An archive's wrapper declares UTF-8; the archived page below it declares its own legacy charset.
        const string chinese = "话剧河北各市巡演结束";
        System.Text.Encoding gb2312 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding("gb2312")!;
        byte[] bytes = Page("<meta charset=\"utf-8\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", gb2312, chinese);
        string text = Decode(bytes, null, out var warnings);
        Assert.Contains(chinese, text, StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.Code == ParseWarningCode.CharsetMismatch && w.Message.Contains("gb2312", StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_Utf8WithAStrayByte_StaysUtf8AndReplacesOnlyThatByte()
    {
        byte[] page = Page("<meta charset=\"utf-8\">", System.Text.Encoding.UTF8);
        byte[] bytes = [.. page[..^20], 0xE9, .. page[^20..]]; // one Latin-1 "é" pasted into UTF-8 text
        string text = Decode(bytes, null, out var warnings);
        Assert.Contains(Vietnamese, text, StringComparison.Ordinal);
        Assert.Single(text, c => c == '\uFFFD');
        Assert.Contains(warnings, w => w.Code == ParseWarningCode.CharsetMismatch);
    }

    [Fact]
    public void Decode_NoDeclaration_GuessesUtf8AndWarns()
    {
        string text = Decode(Page(string.Empty, System.Text.Encoding.UTF8), null, out var warnings);
        Assert.Contains(Vietnamese, text, StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.Code == ParseWarningCode.CharsetGuessed);
    }

    [Fact]
    public void Decode_UnknownCharset_WarnsAndFallsBack()
    {
        string text = Decode(Page("<meta charset=\"x-no-such-charset\">", System.Text.Encoding.UTF8), null, out var warnings);
        Assert.Contains(Vietnamese, text, StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.Code == ParseWarningCode.UnknownCharset);
    }

    [Theory]
    [InlineData("text/html; charset=UTF-8", "UTF-8")]
    [InlineData("text/html;charset=\"windows-1258\"", "windows-1258")]
    [InlineData("text/html", null)]
    [InlineData(null, null)]
    public void CharsetFromContentType_ReadsTheParameter(string? header, string? expected)
    {
        Assert.Equal(expected, HtmlDecoder.CharsetFromContentType(header));
    }

    [Fact]
    public void Decode_DownloadCutInsideALetter_IsStillReadAsUtf8()
    {
        byte[] page = System.Text.Encoding.UTF8.GetBytes("<html><head><meta charset=\"utf-8\"></head><body><p>Đảng ủy Hà Giang</p><p>Đảng");
        // The page ends in "Đảng" = C4 90 | E1 BA A3 | 6E | 67: dropping 3, 4 or 6 bytes cuts a letter in two.
        foreach (int drop in new[] { 1, 3, 4, 6 })
        {
            string text = Decode(page[..^drop], null, out var warnings);
            Assert.Contains("Đảng ủy Hà Giang", text, StringComparison.Ordinal);
            Assert.DoesNotContain(warnings, w => w.Code == ParseWarningCode.CharsetMismatch);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0xC3 }, 1)]
    [InlineData(new byte[] { 0x41, 0xE1, 0xBA }, 1)]
    [InlineData(new byte[] { 0x41, 0xE1, 0xBA, 0xA3 }, 4)]
    [InlineData(new byte[] { 0x41, 0xC3, 0xA0 }, 3)]
    [InlineData(new byte[] { 0x41, 0x42 }, 2)]
    public void CutAtCharacterBoundary_IncompleteLastSequence_IsCut(byte[] bytes, int expectedLength)
    {
        Assert.Equal(expectedLength, HtmlDecoder.CutAtCharacterBoundary(bytes).Length);
    }
}
