using DanVan.Analytics.Parsing.Content;

namespace DanVan.Analytics.Parsing.Tests.Content;

public sealed class BylineParserTests
{
    [Theory]
    [InlineData("Hoàng Phong", new[] { "Hoàng Phong" })]
    [InlineData("Bài và ảnh: Ngọc Khang", new[] { "Ngọc Khang" })]
    [InlineData("Thu Hà - Minh Anh", new[] { "Thu Hà", "Minh Anh" })]
    [InlineData("Nguyễn Văn An, Trần Thị Bình", new[] { "Nguyễn Văn An", "Trần Thị Bình" })]
    [InlineData("PV", new[] { "PV" })]
    [InlineData("(TTXVN)", new[] { "TTXVN" })]
    [InlineData("Phương Thảo (Báo Hà Giang)", new[] { "Phương Thảo" })]
    [InlineData("J.R. Stone", new[] { "J.R. Stone" })]
    [InlineData("Theo TTXVN", new[] { "TTXVN" })] // the outlet credited, without "Theo"
    [InlineData("Theo Báo Nhân Dân", new[] { "Báo Nhân Dân" })]
    [InlineData("Theo Cổng TTĐT tỉnh Hà Giang", new[] { "Cổng TTĐT tỉnh Hà Giang" })]
    [InlineData("Theo Müller", new[] { "Theo Müller" })] // a first name, not a credit
    public void Parse_Byline_ReturnsTheNames(string byline, string[] names)
    {
        Assert.Equal(names, BylineParser.Parse(byline));
    }

    [Theory]
    [InlineData("Jil Schuller Alle Artikel", "Jil Schuller")]
    [InlineData("Klausmartin Friedrich Tags", "Klausmartin Friedrich")]
    [InlineData("Rechtsanwalt Sebastian Einbock", "Sebastian Einbock")]
    [InlineData("Olga Symbolbild", "Olga")]
    [InlineData("Hoàng Phong", "Hoàng Phong")]
    [InlineData("Nguyễn Văn Mehr", "Nguyễn Văn Mehr")] // a surname that is also a link word elsewhere stays
    [InlineData("By", null)]
    [InlineData("Von", null)]
    [InlineData("Next Post", null)]
    [InlineData("Williams Perdomo @wperdomod", "Williams Perdomo")]
    public void Tidy_NameWithAuthorBoxWords_KeepsOnlyTheName(string raw, string? expected) =>
        Assert.Equal(expected, BylineParser.Tidy(raw));

    [Theory]
    [InlineData("admin")]
    [InlineData("Quang cảnh hội nghị.")]
    [InlineData("Gửi cho bạn bè")]
    [InlineData("Tin liên quan")]
    [InlineData("Ngày 22/9, Ban Thường vụ Quận ủy Thanh Xuân tổ chức hội nghị")]
    [InlineData("https://laodongthudo.vn/a.html")]
    [InlineData("Poetic. Justice.")] // two one-word sentences, not a name with initials
    [InlineData("")]
    public void Parse_NotAByline_ReturnsNothing(string text)
    {
        Assert.Empty(BylineParser.Parse(text));
    }

    [Theory]
    [InlineData("By Jane Doe | 12/10/2020", new[] { "Jane Doe" })]
    [InlineData("Von Max Muster und Erika Beispiel am 3. Mai 2021", new[] { "Max Muster", "Erika Beispiel" })]
    [InlineData("Quelle: dpa-AFX Von Anna Schmidt, dpa", new[] { "Anna Schmidt" })]
    [InlineData("Posted on September 21, 2020 by Jane Roe", new[] { "Jane Roe" })]
    [InlineData("Zeige alle Beiträge von Karl Beispiel", new[] { "Karl Beispiel" })]
    [InlineData("Publié par Jean de la Fontaine, 21 juin 2018", new[] { "Jean de la Fontaine" })]
    [InlineData("Autor: gnaddrig |", new[] { "gnaddrig" })]
    [InlineData("Autor: Peter Maahn/SP-X", new[] { "Peter Maahn" })]
    [InlineData("Bởi Nguyễn Văn An", new[] { "Nguyễn Văn An" })]
    [InlineData("Auteur : Kossivi Tiassou", new[] { "Kossivi Tiassou" })] // French spacing before the colon
    [InlineData("Redaktion: Eberhard Fuhr (Pressesprecher)", new[] { "Eberhard Fuhr" })]
    public void Introduced_BylineWordThenNames_ReturnsTheNames(string line, string[] names)
    {
        Assert.Equal(names, BylineParser.Introduced(line, 48, allowSingleWord: false));
    }

    [Theory]
    [InlineData("Die Rendite von Wertpapieren ist gefallen")]
    [InlineData("by admin")]
    [InlineData("Eine sehr lange Einleitung ohne jeden Namen, die erst nach vielen Wörtern von Max Muster spricht")]
    [InlineData("Nothing here at all")]
    [InlineData("Hertha Blog powered by Enno Aljets | Lizenz")]
    [InlineData("Photo by Jane Doe on Unsplash")]
    [InlineData("Foto von Josh Willink von Pexels")]
    public void Introduced_NoBylineNearTheStart_ReturnsNothing(string line)
    {
        Assert.Empty(BylineParser.Introduced(line, 48, allowSingleWord: false));
    }
}
