using DanVan.Analytics.Articles;

namespace DanVan.Analytics.Parsing.Tests.Records;

public sealed class ArticleJsonTests
{
    private static Article Sample() => new()
    {
        Url = new Uri("https://laodongthudo.vn/a-160636.html"),
        CanonicalUrl = new Uri("https://laodongthudo.vn/a-160636.html?c=1"),
        Title = "Quận Thanh Xuân: “dân vận khéo”",
        Published = new DateTimeOffset(2023, 9, 22, 10, 5, 0, TimeSpan.FromHours(7)),
        Authors = ["Phương Thảo"],
        Lead = "Sapo.",
        Paragraphs = ["Đoạn một.", "Đoạn hai."],
        Captions = [new ArticleCaption("Ảnh: hội nghị", 1)],
        Warnings = [new ParseWarning(ParseWarningCode.TimeZoneAssumed, "giờ Việt Nam")],
    };

    [Fact]
    public void ToRecord_Article_WritesOneSnakeCaseLineWithReadableVietnameseAndTheContractFields()
    {
        string line = ArticleRecordJson.Serialize(Sample().ToRecord("p1"));
        Assert.DoesNotContain('\n', line);
        Assert.Contains("\"title\":\"Quận Thanh Xuân: “dân vận khéo”\"", line, StringComparison.Ordinal);
        Assert.Contains("\"published\":\"2023-09-22T10:05:00+07:00\"", line, StringComparison.Ordinal);
        Assert.Contains("\"body\":\"Đoạn một.\\n\\nĐoạn hai.\"", line, StringComparison.Ordinal);
        Assert.Contains("\"captions\":[\"Ảnh: hội nghị\"]", line, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"TimeZoneAssumed\"", line, StringComparison.Ordinal);
        Assert.Contains("\"canonical_url\":\"https://laodongthudo.vn/a-160636.html?c=1\"", line, StringComparison.Ordinal);
        foreach (string field in new[] { "schema_version", "id", "url", "title", "published", "authors", "lead", "body", "paragraphs", "captions" })
        {
            Assert.Contains($"\"{field}\":", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToRecord_SerializedRecord_RoundTrips()
    {
        ArticleRecord record = Sample().ToRecord("p1");
        ArticleRecord back = ArticleRecordJson.Deserialize(ArticleRecordJson.Serialize(record));
        Assert.Equal(record.Title, back.Title);
        Assert.Equal(record.CanonicalUrl, back.CanonicalUrl);
        Assert.Equal(record.Published, back.Published);
        Assert.Equal(record.Body, back.Body);
        Assert.Equal(record.Paragraphs, back.Paragraphs);
        Assert.Equal(record.Captions, back.Captions);
        Assert.Equal(record.Warnings, back.Warnings);
    }

    [Fact]
    public void DeserializeManifestEntry_RelativePath_ResolvesAgainstTheManifestDirectory()
    {
        ManifestEntry entry = ArticleJson.DeserializeManifestEntry("{\"id\":\"a\",\"url\":\"https://x.vn/a\",\"path\":\"pages/a.html.gz\"}");
        Assert.Equal("a", entry.Id);
        Assert.Equal(Path.GetFullPath("/data/crawl/pages/a.html.gz"), entry.ResolvePath("/data/crawl"));
    }

    [Fact]
    public void DeserializeManifestEntry_NotJson_ThrowsJsonException()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => ArticleJson.DeserializeManifestEntry("{id: a"));
    }
}
