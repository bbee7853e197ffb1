using System.IO.Compression;
using System.Text;

namespace DanVan.Analytics.Parsing.Tests.Parsing;

/// <summary>Bad input gives a typed error or a partial article with warnings, quickly, never an unhandled exception.</summary>
public sealed class BadInputTests
{
    private static readonly string Paragraph =
        "Ban Dân vận Thành ủy đã phối hợp tuyên truyền, vận động cán bộ, đảng viên, đoàn viên, hội viên và các tầng lớp nhân dân Thủ đô tích cực triển khai thực hiện nghị quyết đại hội đảng bộ các cấp.";

    private static string Article(int paragraphs) =>
        "<html><head><title>Tin dân vận - Báo Thủ đô</title></head><body><div class=\"menu\"><a href=\"/\">Trang chủ</a></div><div class=\"content\">" +
        string.Concat(Enumerable.Repeat($"<p>{Paragraph}</p>", paragraphs)) + "</div></body></html>";

    [Fact]
    public void Parse_EmptyBytes_ThrowsEmpty()
    {
        var error = Assert.Throws<ArticleParseException>(() => new ArticleParser().Parse(ReadOnlyMemory<byte>.Empty));
        Assert.Equal(ArticleParseErrorKind.Empty, error.Kind);
    }

    [Fact]
    public void Parse_WhitespaceString_ThrowsEmpty()
    {
        var error = Assert.Throws<ArticleParseException>(() => new ArticleParser().Parse(" \n\t "));
        Assert.Equal(ArticleParseErrorKind.Empty, error.Kind);
    }

    [Fact]
    public void Parse_BinaryBytes_ThrowsNotHtml()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var error = Assert.Throws<ArticleParseException>(() => new ArticleParser().Parse(bytes));
        Assert.Equal(ArticleParseErrorKind.NotHtml, error.Kind);
    }

    [Fact]
    public void Parse_PngHeader_ThrowsNotHtml()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0];
        var error = Assert.Throws<ArticleParseException>(() => new ArticleParser().Parse(png));
        Assert.Equal(ArticleParseErrorKind.NotHtml, error.Kind);
    }

    [Fact]
    public void Parse_CorruptGzip_ThrowsUnreadable()
    {
        byte[] bytes = [0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07];
        var error = Assert.Throws<ArticleParseException>(() => new ArticleParser().Parse(bytes));
        Assert.Equal(ArticleParseErrorKind.Unreadable, error.Kind);
    }

    [Fact]
    public void Parse_TruncatedHtml_ReturnsThePartBeforeTheCutWithAWarning()
    {
        string page = Article(6);
        string cut = page[..(page.LastIndexOf("<p>", StringComparison.Ordinal) + 30)] + "<a href=\"/x";
        Article article = new ArticleParser().Parse(cut);
        Assert.Equal(5, article.Paragraphs.Count(p => p == Paragraph));
        Assert.Contains(article.Warnings, w => w.Code == ParseWarningCode.MarkupTruncated);
    }

    [Fact]
    public void Parse_FiftyMegabytePage_ReadsTheBeginningAndWarns()
    {
        var builder = new StringBuilder(51 * 1024 * 1024);
        builder.Append("<html><head><meta charset=\"utf-8\"><title>Trang rất lớn</title></head><body><div class=\"content\">");
        while (builder.Length < 50 * 1024 * 1024)
        {
            builder.Append("<p>").Append(Paragraph).Append("</p>");
        }

        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(builder.ToString());
        Article article = new ArticleParser(new ArticleParseOptions { MaxInputBytes = 2 * 1024 * 1024 }).Parse(bytes);
        Assert.Contains(article.Warnings, w => w.Code == ParseWarningCode.InputTruncated);
        Assert.DoesNotContain(article.Warnings, w => w.Code is ParseWarningCode.CharsetMismatch or ParseWarningCode.InvalidBytes);
        Assert.True(article.Paragraphs.Count > 1000);
        Assert.All(article.Paragraphs.Take(article.Paragraphs.Count - 1), p => Assert.Equal(Paragraph, p));
    }

    [Fact]
    public void Parse_FiftyMegabyteStream_StopsReadingAtTheLimit()
    {
        var stream = new RepeatingStream(Encoding.UTF8.GetBytes("<div><p>" + Paragraph + "</p></div>"), 50L * 1024 * 1024);
        Article article = new ArticleParser(new ArticleParseOptions { MaxInputBytes = 1024 * 1024 }).Parse(stream);
        Assert.Contains(article.Warnings, w => w.Code == ParseWarningCode.InputTruncated);
        Assert.True(stream.Position <= 2L * 1024 * 1024, $"read {stream.Position} bytes");
        Assert.NotEmpty(article.Paragraphs);
    }

    [Fact]
    public void Parse_HundredThousandNestedElements_FlattensAndKeepsTheText()
    {
        string page = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>" + Paragraph + "</p>" +
                      string.Concat(Enumerable.Repeat("</div>", 100_000)) + "<div class=\"content\"><p>" + Paragraph + "</p></div></body></html>";
        Article article = new ArticleParser().Parse(page);
        Assert.Contains(article.Warnings, w => w.Code == ParseWarningCode.NestingTooDeep);
        Assert.Contains(Paragraph, article.Paragraphs);
    }

    [Fact]
    public void Parse_HundredThousandUnclosedInlineElements_Finishes()
    {
        string page = "<html><body><div class=\"content\"><p>" + Paragraph + "</p>" + string.Concat(Enumerable.Repeat("<span><b>", 50_000)) + "tail</div></body></html>";
        Article article = new ArticleParser().Parse(page);
        Assert.Contains(article.Warnings, w => w.Code == ParseWarningCode.NestingTooDeep);
        Assert.Equal(Paragraph, article.Paragraphs[0]);
    }

    [Fact]
    public void Parse_GzippedPage_IsInflated()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Article(3)));
        }

        Article article = new ArticleParser().Parse(compressed.ToArray());
        Assert.Equal([Paragraph, Paragraph, Paragraph], article.Paragraphs);
    }

    [Fact]
    public void Parse_PlainText_ReturnsItAsABody()
    {
        Article article = new ArticleParser().Parse(Paragraph);
        Assert.Equal([Paragraph], article.Paragraphs);
        Assert.Contains(article.Warnings, w => w.Code == ParseWarningCode.NoPublishedTime);
    }

    [Fact]
    public void Parse_MalformedJsonLd_WarnsAndUsesOtherMetadata()
    {
        string page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\", \"headline\": </script>" +
                      "<meta property=\"og:title\" content=\"Tiêu đề từ OpenGraph\"></head><body><div class=\"content\"><p>" + Paragraph + "</p></div></body></html>";
        Article article = new ArticleParser().Parse(page);
        Assert.Equal("Tiêu đề từ OpenGraph", article.Title);
        Assert.Contains(article.Warnings, w => w.Code == ParseWarningCode.MalformedJsonLd);
    }

    [Fact]
    public void Parse_RandomMarkup_NeverThrows()
    {
        var random = new Random(12062023);
        string[] pieces = ["<div>", "</div>", "<p>", "</p>", "<table><tr><td>", "</td></tr></table>", "<script>", "</script>", "<!--", "-->",
            "<a href=\"x\">", "</a>", "<br>", "<img src=x>", "Dân vận khéo, ", "Tin liên quan", "&nbsp;", "&#xD800;", "<", ">", "\"", "<meta charset=\"", "windows-1258", "<figure><figcaption>", "ngày 4/1/2025"];
        var parser = new ArticleParser();
        for (int i = 0; i < 300; i++)
        {
            var builder = new StringBuilder();
            int count = random.Next(0, 200);
            for (int k = 0; k < count; k++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            string text = builder.ToString();
            try
            {
                Article article = parser.Parse(Encoding.UTF8.GetBytes(text));
                Assert.NotNull(article.Paragraphs);
            }
            catch (ArticleParseException)
            {
                // A typed error is an accepted outcome.
            }
        }
    }

    [Fact]
    public void Parse_CanceledToken_ThrowsOperationCanceled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new ArticleParser().Parse(Article(3), null, source.Token));
    }

    /// <summary>A stream of one chunk repeated up to a length, so big inputs need no big array in the test.</summary>
    private sealed class RepeatingStream(byte[] chunk, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = chunk[(int)((_position + i) % chunk.Length)];
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
